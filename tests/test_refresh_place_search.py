"""`manage.py refresh_place_search` and the check that says when to run it: places whose stored
search names were made from older place data are found by every name after a refresh."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.core.management.base import SystemCheckError

from captions import checks
from captions.models import Place
from captions.selectors.places import place_ids_matching
from tests.builders import make_place

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("refresh_place_search", *args, stdout=out)
    return out.getvalue()


def stale_places():
    """Two places indexed as older place data left them (the canton's and Bavaria's codes and
    other names missing), one current."""
    wil = make_place(city="Wil", region="SG", country="Switzerland", country_code="CH")
    fuerth = make_place(city="Fürth", region="Bayern", country="Germany", country_code="DE")
    make_place(city="Zürich", region="", country="Switzerland", country_code="CH")
    Place.objects.filter(pk=wil.pk).update(search_names="|wil|sg|")
    Place.objects.filter(pk=fuerth.pk).update(search_names="|fürth|bayern|")
    return wil, fuerth


def found(text):
    return set(place_ids_matching(text).values_list("pk", flat=True))


def test_rewrites_only_the_stale_places_and_a_second_run_writes_nothing():
    wil, fuerth = stale_places()
    assert found("Sankt Gallen") == set() and found("Bavaria") == set()

    assert run() == "checked 3, rewritten 2\n"
    assert found("Sankt Gallen") == {wil.pk} and found("Bavaria") == {fuerth.pk}
    assert run() == "checked 3, rewritten 0\n"


def test_a_second_run_issues_no_write(django_assert_num_queries):
    stale_places()
    run()
    with django_assert_num_queries(2):  # one read per batch and the empty read that ends the walk
        assert run() == "checked 3, rewritten 0\n"


def test_dry_run_counts_and_writes_nothing():
    wil, _ = stale_places()
    assert run("--dry-run") == "checked 3, would rewrite 2 (dry run: nothing written)\n"
    assert Place.objects.get(pk=wil.pk).search_names == "|wil|sg|"
    assert found("Sankt Gallen") == set()


def test_small_batches_reach_every_place():
    wil, fuerth = stale_places()
    assert run("--batch-size", "1") == "checked 3, rewritten 2\n"
    assert found("Sankt Gallen") == {wil.pk} and found("Bavaria") == {fuerth.pk}


def test_verbose_run_lists_each_rewritten_place():
    wil, fuerth = stale_places()
    lines = run("--verbosity", "2").splitlines()
    assert lines[-1] == "checked 3, rewritten 2"
    assert [line.split(":")[0] for line in lines[:-1]] == [
        f"place {wil.pk} (Wil, SG, CH)",
        f"place {fuerth.pk} (Fürth, Bayern, DE)",
    ]
    assert "'|wil|sg|' -> '|" in lines[0] and "|ch sg|" in lines[0]


def test_an_empty_archive_is_checked_and_left_alone():
    assert run() == "checked 0, rewritten 0\n"


def test_a_batch_size_below_one_is_refused_with_the_reason():
    with pytest.raises(CommandError, match="--batch-size must be a positive whole number, not 0"):
        run("--batch-size", "0")


def test_the_database_check_warns_of_stale_names_until_the_refresh():
    stale_places()
    [warning] = checks.place_search_names_current(None, databases=["default"])
    assert warning.id == "captions.W003"
    assert warning.msg.startswith("2 of 3 places checked in database 'default' are found under names")
    assert "refresh_place_search" in warning.hint

    run()
    assert checks.place_search_names_current(None, databases=["default"]) == []


def test_current_names_and_a_run_without_database_checks_give_no_warning():
    make_place(city="Wil", region="SG", country="Switzerland", country_code="CH")
    assert checks.place_search_names_current(None, databases=["default"]) == []
    Place.objects.update(search_names="|wil|")
    assert checks.place_search_names_current(None, databases=None) == []  # `check` without --database


def test_check_command_with_the_database_names_the_warning():
    stale_places()
    err = io.StringIO()
    call_command("check", "--database", "default", "--fail-level", "ERROR", stderr=err, stdout=io.StringIO())
    assert "captions.W003" in err.getvalue()
    with pytest.raises(SystemCheckError):
        call_command("check", "--database", "default", "--fail-level", "WARNING", stdout=io.StringIO(), stderr=err)
