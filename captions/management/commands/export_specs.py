"""`python manage.py export_specs --format csv|json [filters…] [-o FILE]`: the web export for
batch jobs. Same selection (the browse FilterSet, embargoed photos left out and counted), same
rows, same renderers; the command only reads options and writes the pieces out."""

from django.core.management.base import BaseCommand, CommandError

from captions.exports.copy_csv import csv_export
from captions.exports.copy_json import json_export
from captions.exports.csv_format import DEFAULT_DIALECT, DIALECTS
from captions.exports.selection import InvalidSelection, select_photos
from captions.selectors.filters import EVERY_LIGHTBOX
from captions.services import audit

# option -> the browse filter parameter it sets (SPEC "Interfaces")
FILTER_OPTIONS = (
    ("q", "words in caption, headline, keywords, credit"),
    ("taken_after", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ("taken_before", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ("place", "any name of a sublocation, city, region or country, any language"),
    ("country", "ISO country code"),
    ("caveat", "a caveat tag, such as editorial_only"),
    ("orientation", "landscape, portrait or square"),
    ("min_print_width_cm", "photos that print at least this wide at --at-dpi"),
    ("at_dpi", "target dpi for print sizes (default 300)"),
    ("article", "an article id"),
    ("lightbox", "a lightbox id: its photos, in its order"),
    ("sort", "taken, -taken, added or -added"),
)


class Command(BaseCommand):
    help = "Export print-ready specs of the photos the filters select (embargoed photos are left out)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("csv", "json"), required=True)
        parser.add_argument(
            "--dialect",
            choices=tuple(DIALECTS),
            default=DEFAULT_DIALECT,
            help="CSV dialect: excel (default) or excel-de (semicolons, decimal comma)",
        )
        parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
        for name, help_text in FILTER_OPTIONS:
            parser.add_argument("--" + name.replace("_", "-"), dest=name, metavar="VALUE", help=help_text)
        parser.add_argument("--undated", action="store_true", help="only photos without a shoot date")

    def handle(self, *args, format, dialect, output, **options):
        params = {name: options[name] for name, _ in FILTER_OPTIONS if options.get(name) not in (None, "")}
        if options.get("undated"):
            params["undated"] = "on"
        try:
            selection = select_photos(params, sees_embargoed=True, viewer=EVERY_LIGHTBOX)  # commands see all
        except InvalidSelection as exc:
            problems = "; ".join(
                f"--{name.replace('_', '-')}: {' '.join(messages)}" for name, messages in exc.errors.items()
            )
            raise CommandError(f"nothing exported, fix the filters: {problems}") from None
        if format == "csv":
            pieces, rows = csv_export(selection, dialect=dialect)
        else:
            pieces, rows = json_export(selection)
        event = audit.record_export(
            username="manage.py export_specs",
            format=format if format == "json" or dialect == DEFAULT_DIALECT else f"csv-{dialect}",
            filters=selection.filters,
            photo_count=None,
            embargoed_left_out=selection.embargoed_held_back,
            complete=False,
        )
        # the rows may come as bytes (from COPY), whole rows a piece: the command writes text
        pieces = (
            piece.decode() if isinstance(piece, bytes) else piece
            for piece in audit.streamed(pieces, event=event, rows=rows)
        )
        if output:
            try:
                # newline="" keeps the CSV's own line endings (RFC 4180: CRLF) as they are
                with open(output, "w", encoding="utf-8", newline="") as handle:
                    for piece in pieces:
                        handle.write(piece)
            except OSError as exc:
                raise CommandError(f"cannot write {output}: {exc.strerror}") from None
            self.stderr.write(f"wrote {output} ({_about(selection)})")
        else:
            for piece in pieces:
                self.stdout.write(piece, ending="")
            self.stdout.flush()
            self.stderr.write(_about(selection))


def _about(selection) -> str:
    """What the file holds, for the operator (the file itself starts with its header row)."""
    left_out = selection.embargoed_count
    return (
        f"filters: {selection.describe()}; exported {selection.generated()}; target {selection.target_dpi} dpi; "
        f"{left_out} embargoed photo{'' if left_out == 1 else 's'} left out"
    )
