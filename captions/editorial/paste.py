"""The admin's "paste caption block" page: one or many blocks (or a text file) parsed into a
preview with every problem beside its field, then saved. A block that may well describe a
photo already in the archive (a near-duplicate) says "matches #N" with a link and the other
caption, and the editor chooses, block by block, to update that record or keep both; a block
that is, or may well be, an earlier block of the same paste says so ("same photo as block 1",
"matches block 1"), with the same choice for a near-duplicate. A block that updates a record
lists the fields it changes (old -> new) and those it keeps because an editor corrected them by
hand; a tick box lets the paste's values replace those too. "Preview again" shows the preview
with the choices made (the box, keep both or update per near-duplicate), so what it says is
what Save does with them: both are the save's own dry run (`imports.preview_blocks`). Save with
choices changed since the preview saves nothing: it shows the preview of those choices, and
says so (`paste.js` marks the summary out of date as soon as a choice changes). Reached from the photo admin
(`admin:captions_photo_paste`); the parsing is `captions.ingest`, the saving
`captions.services.imports`."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from captions import ingest, times
from captions.core import dimensions, fingerprints, places
from captions.core.textfiles import binary_kind, decode
from captions.core.vocabulary import change_reason
from captions.editorial.display import local_decimal, problem_detail_text, size_line
from captions.models import CAVEAT_LABELS, PROBLEM_LABELS, DatePrecision
from captions.services import imports

# A paste of thousands of blocks is saved whole, but previewed only this far.
PASTE_PREVIEW_LIMIT = 100
# A near-duplicate the editor did not choose for (a block past the preview) is updated, as the
# preview's choice is by default; the message after saving names each one.
DEFAULT_NEAR_DUPLICATE_ACTION = imports.UPDATE
NEAR_CHOICE_FIELD = "near_%d"
# The editor's explicit choice to let the pasted values replace fields edited by hand (off unless ticked).
OVERWRITE_EDITS_FIELD = "overwrite_edits"
# The choices the preview showed, carried in the form: Save with other choices (a radio or the
# box changed without "Preview again") would save what no preview showed, so it shows the
# preview of those choices instead, and says why.
PREVIEWED_FIELD = "previewed"


class PasteCaptionForm(forms.Form):
    """The admin's "paste caption block" page: text, or a text file, of one or more blocks."""

    text = forms.CharField(
        label=_("Caption block(s)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100, "spellcheck": "false"}),
        help_text=_("Paste one or more agency caption blocks; separate blocks with a line holding only ---."),
    )
    file = forms.FileField(label=_("or a text file"), required=False)

    MAX_FILE_BYTES = 5 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > self.MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("This file is %(size)s KB; paste at most 5 MB of caption text at a time."),
                code="file_too_large",
                params={"size": upload.size // 1024},
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            data = upload.read()
            kind = binary_kind(data)
            if kind is not None:
                if kind == "binary":
                    message = _("“%(name)s” is not a text file: save the caption as plain text (.txt).")
                else:  # a picture or a document picked by mistake: say what it is
                    message = _(
                        "“%(name)s” is a %(kind)s file, not a text file: save the caption as plain text (.txt)."
                    )
                self.add_error(
                    "file",
                    forms.ValidationError(message, code="not_text", params={"name": upload.name, "kind": kind}),
                )
                return cleaned
            cleaned["text"] = decode(data)
        if not (cleaned.get("text") or "").strip() and not self.errors:
            self.add_error(
                "text", forms.ValidationError(_("Paste a caption block, or choose a text file."), code="empty")
            )
        return cleaned


def paste_view(request, *, model_admin):
    if not (model_admin.has_add_permission(request) and request.user.has_perm("captions.import_captions")):
        raise PermissionDenied
    form = PasteCaptionForm(request.POST or None, request.FILES or None)
    blocks = []
    if request.method == "POST" and form.is_valid():
        blocks = ingest.parse_blocks(form.cleaned_data["text"])
        if not blocks:
            form.add_error(
                "text", forms.ValidationError(gettext("No caption block was found in this text."), code="no_blocks")
            )
        elif "save" in request.POST and not _changed_since_preview(request, len(blocks)):
            return _save_pasted(request, model_admin, blocks)
        elif "save" in request.POST:  # a stale preview: nothing saved, the preview of the choices made
            return _paste_page(request, model_admin, form, blocks, changed_since_preview=True)
    # a first preview, or "Preview again" after ticking the box or choosing for a near-duplicate
    return _paste_page(request, model_admin, form, blocks)


def _editor_choices(request, block_count: int) -> tuple[dict[int, str], bool]:
    """What the editor chose on the preview: update or keep both, per near-duplicate (by block
    number), and whether the paste's values replace fields edited by hand. The same for the
    preview as for the save, so the preview shows what saving with these choices does."""
    choices = {}
    for number in range(1, block_count + 1):
        choice = request.POST.get(NEAR_CHOICE_FIELD % number)
        if choice in (imports.UPDATE, imports.KEEP):
            choices[number] = choice
    return choices, request.POST.get(OVERWRITE_EDITS_FIELD) == "on"


def _choices_key(choices: dict[int, str], overwrite_edits: bool) -> str:
    """The editor's choices as one string, the same for the same choices: the box, and the
    near-duplicates to keep apart (update is the default: a radio left at it is no choice)."""
    kept_apart = ",".join(str(number) for number, choice in sorted(choices.items()) if choice == imports.KEEP)
    return f"overwrite={'on' if overwrite_edits else 'off'};keep={kept_apart}"


def _changed_since_preview(request, block_count: int) -> bool:
    """Whether the choices sent with Save differ from the ones the preview showed (a form
    without the field is no preview's: saved as it says)."""
    previewed = request.POST.get(PREVIEWED_FIELD)
    if previewed is None:
        return False
    choices, overwrite_edits = _editor_choices(request, min(block_count, PASTE_PREVIEW_LIMIT))
    return previewed != _choices_key(choices, overwrite_edits)


def _paste_page(request, model_admin, form, blocks, text=None, changed_since_preview=False):
    shown = blocks[:PASTE_PREVIEW_LIMIT]
    choices, overwrite_edits = _editor_choices(request, len(shown))
    if text is not None:  # blocks handed back after a failed save are numbered anew: their choices do not follow
        choices = {}
    # the save's own decisions, made by its dry run: the preview cannot say otherwise than the save does
    expected, reports = imports.preview_blocks(shown, overwrite_edits=overwrite_edits, choices=choices)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": gettext("Paste caption block"),
        "form": form,
        "previews": [
            paste_preview(block, report=report, number=number, choice=choices.get(number, imports.UPDATE))
            for number, (block, report) in enumerate(zip(shown, reports, strict=True), start=1)
        ],
        # what saving gives with the choices as they stand, when every block is shown
        "expected_summary": expected.summary_in(gettext) if shown and len(shown) == len(blocks) else "",
        "edits_kept": any(report.plan and (report.plan.kept or report.plan.overwritten) for report in reports),
        "overwrite_edits": overwrite_edits,
        # a near-duplicate's choice to make: "Preview again" shows what it does
        "has_choices": any(report.near or (report.earlier and not report.earlier.same) for report in reports),
        "overwrite_field": OVERWRITE_EDITS_FIELD,
        "previewed_field": PREVIEWED_FIELD,
        "previewed": _choices_key(choices, overwrite_edits),
        "changed_since_preview": changed_since_preview,
        "block_count": len(blocks),
        "not_previewed": len(blocks) - len(shown),
        "text": text
        if text is not None
        else (form.cleaned_data.get("text", "") if form.is_bound and form.is_valid() else ""),
    }
    return TemplateResponse(request, "admin/captions/photo/paste.html", context)


def _save_pasted(request, model_admin, blocks):
    """The import's save loop (`services.imports`): a block that cannot be saved is reported
    and handed back in the form, and the others are saved; the summary is in the import's words."""
    choices, overwrite_edits = _editor_choices(request, len(blocks))
    result = imports.import_blocks(
        blocks=blocks,
        user=request.user,
        reason=change_reason("pasted"),
        near_duplicates=DEFAULT_NEAR_DUPLICATE_ACTION,
        choices=choices,
        match_earlier_blocks=True,  # as the preview: a block may be a near-duplicate of an earlier one
        overwrite_edits=overwrite_edits,
    )
    for number, _label, line in result.match_lines_in(gettext):
        model_admin.message_user(request, gettext("Block %(n)d %(what)s.") % {"n": number, "what": line}, messages.INFO)
    for number, _label, line in result.edit_lines_in(gettext):
        model_admin.message_user(
            request, gettext("Block %(n)d: %(what)s.") % {"n": number, "what": line}, messages.INFO
        )
    for number, reason in result.failures:
        model_admin.message_user(
            request,
            gettext("Block %(n)d was not saved: %(reason)s") % {"n": number, "reason": reason},
            messages.ERROR,
        )
    if result.saved:
        # "Saved" only when something was written: the very blocks again change nothing
        said = (
            gettext("Saved: %(summary)s.")
            if result.created or result.updated
            else gettext("Nothing to save: %(summary)s.")
        )
        model_admin.message_user(request, said % {"summary": result.summary_in(gettext)}, messages.SUCCESS)
    if result.failures:  # nothing the editor pasted is lost: the blocks not saved come back to fix
        failed = [blocks[number - 1] for number, _reason in result.failures]
        text = "\n---\n".join(block.raw_text.strip() for block in failed)
        return _paste_page(request, model_admin, PasteCaptionForm(), failed, text=text)
    photo_ids = [photo_id for _number, photo_id in result.saved]
    if len(photo_ids) == 1:
        return redirect(reverse("admin:captions_photo_change", args=[photo_ids[0]]))
    changelist = reverse("admin:captions_photo_changelist")
    if len(photo_ids) > PASTE_PREVIEW_LIMIT:
        return redirect(changelist)  # newest first: the pasted photos lead the list
    return redirect(changelist + "?id__in=" + ",".join(str(pk) for pk in photo_ids))


# Where each problem is shown in the preview: next to the row it is about.
PREVIEW_PROBLEM_ROW = {
    "truncated_text": "caption",
    "missing_dimensions": "pixels",
    "missing_dpi": "dpi",
    "print_size_mismatch": "stated",
    "invalid_date": "date",
    "future_date": "date",
    "unknown_country": "place",
}


def paste_preview(
    parsed, *, report: imports.BlockReport | None = None, number: int = 1, choice: str = imports.UPDATE
) -> dict:
    """One parsed block as rows of (label, value, problems beside it) for the preview page, with
    what saving it does (`report`, the save's own BlockReport from imports.preview_blocks: the
    record it updates or nearly matches, the changes and kept edits) and, for a near-duplicate,
    the editor's choice (`choice`: UPDATE or KEEP, the radio checked)."""
    problems: dict[str, list[str]] = {}
    for code in sorted(parsed.problems):
        stated_detail = parsed.problem_details.get(code)
        detail = problem_detail_text(stated_detail) if stated_detail else str(PROBLEM_LABELS.get(code, code))
        key = PREVIEW_PROBLEM_ROW.get(code, "caption")
        if (
            code == "truncated_text"
            and parsed.restriction_text
            and parsed.restriction_text.strip()[-12:] in (stated_detail or "")
        ):
            key = "restrictions"  # the cut-off is in a notice, not in the caption
        problems.setdefault(key, []).append(detail)
    sizes = []
    if parsed.width_px and parsed.height_px:
        if parsed.dpi and dimensions.MIN_DPI <= parsed.dpi <= dimensions.MAX_DPI:
            native = dimensions.print_size(parsed.width_px, parsed.height_px, parsed.dpi)
            sizes.append(gettext("at %(dpi)s dpi: %(size)s") % {"dpi": parsed.dpi, "size": size_line(native)})
        if parsed.dpi != dimensions.DEFAULT_TARGET_DPI:  # else the native line already says it
            at_300 = dimensions.print_size(parsed.width_px, parsed.height_px, dimensions.DEFAULT_TARGET_DPI)
            sizes.append(gettext("at 300 dpi: %(size)s") % {"size": size_line(at_300)})
    stated = ", ".join(
        f"{local_decimal(s.width) if s.width else '?'} × {local_decimal(s.height) if s.height else '?'} {s.unit}"
        for s in parsed.stated_sizes
    )
    if parsed.date_start:
        interval = (
            parsed.date_start.isoformat()
            if parsed.date_start == parsed.date_end
            else f"{parsed.date_start.isoformat()} – {parsed.date_end.isoformat()}"
        )
        precision = dict(DatePrecision.choices).get(parsed.date_precision, parsed.date_precision)
        interval += f" ({precision}{', ' + gettext('approximate') if parsed.approximate else ''})"
    else:
        interval = ""
    country = (
        places.country_display_name(parsed.country_code, get_language() or "en")
        if parsed.country_code
        else parsed.country
    )
    place = ", ".join(p for p in (parsed.sublocation, parsed.city, parsed.region, country) if p)
    if parsed.country_code:
        place += f" ({parsed.country_code})"
    report = report or imports.BlockReport(imports.CREATED)
    plan = report.plan
    # a near-duplicate's two captions, with the words that differ marked
    other = report.near or (report.earlier if report.earlier and not report.earlier.same else None)
    caption_runs, other_runs = fingerprints.marked_differences(parsed.caption, other.caption) if other else ([], [])
    rows = [
        ("caption", gettext("Caption"), parsed.caption),
        ("headline", gettext("Headline"), parsed.headline),
        ("pixels", gettext("Pixels"), f"{parsed.width_px} × {parsed.height_px} px" if parsed.width_px else ""),
        ("dpi", gettext("dpi"), parsed.dpi or ""),
        ("sizes", gettext("Print size (derived)"), " · ".join(sizes)),
        ("stated", gettext("Print size as stated"), stated),
        ("date", gettext("Shoot date"), " → ".join(p for p in (parsed.date_text or "", interval) if p)),
        ("place", gettext("Place"), place or parsed.place_text or ""),
        ("caveats", gettext("Caveats"), ", ".join(str(CAVEAT_LABELS.get(c, c)) for c in sorted(parsed.caveats))),
        ("restrictions", gettext("Restrictions (verbatim)"), parsed.restriction_text),
        ("embargo", gettext("Embargoed until"), times.local_datetime(times.representable(parsed.embargo_until))),
        ("credit", gettext("Credit"), parsed.credit),
        ("supplier", gettext("Supplier and image id"), " ".join(p for p in (parsed.supplier, parsed.source_id) if p)),
        ("language", gettext("Language"), _language_name(parsed.language)),
    ]
    return {
        "rows": [
            {
                "key": key,
                "label": label,
                "value": value or "",
                "runs": caption_runs if key == "caption" else [],
                "problems": problems.get(key, []),
            }
            for key, label, value in rows
        ],
        "problem_count": len(parsed.problems),
        "existing": report.existing,
        "unchanged": report.unchanged,
        "near": report.near,
        "earlier": report.earlier,
        # floored ("99% alike" beside a marked word, never a rounded 100), 100 only for the same text
        "alike_percent": fingerprints.alike_percent(other.similarity, parsed.caption, other.caption) if other else None,
        "other_runs": other_runs,
        "choice_field": NEAR_CHOICE_FIELD % number,
        "keep_both": choice == imports.KEEP,
        "number": number,
        # for a record it updates: what changes (old -> new), what an editor's hand edit keeps
        "record_id": report.record_id,
        "changes": _changes(plan.changes) if plan else [],
        "kept": _changes(plan.kept) if plan else [],
        "overwritten": _changes(plan.overwritten) if plan else [],
        "failure": report.failure,
    }


def _changes(changes) -> list[dict]:
    """A record's changes for the preview, each value with the words that differ marked (a
    caption's 60 characters around its first difference read alike at a glance otherwise)."""
    shown = []
    for change in changes:
        (old, old_tail), (new, new_tail) = _cut_word(change.old), _cut_word(change.new)
        old_runs, new_runs = fingerprints.marked_differences(old, new)
        shown.append(
            {
                "label": change.label_in(gettext),
                "old": change.old,
                "new": change.new,
                "old_runs": old_runs + ([(old_tail, False)] if old_tail else []),
                "new_runs": new_runs + ([(new_tail, False)] if new_tail else []),
            }
        )
    return shown


def _cut_word(value: str) -> tuple[str, str]:
    """A value cut short ('…dem Sondergesandten de…') as the words to compare and the word
    the cut split, which is not marked: 'de…' and 'd…' are one word cut at two places."""
    if not value.endswith("…"):
        return value, ""
    space = value.rfind(" ")
    return value[: space + 1], value[space + 1 :]


def _language_name(code: str) -> str:
    """'de' as the reader calls it ('Deutsch' / 'German'); a code Django does not know stays."""
    try:
        return get_language_info(code).get("name_translated") or code if code else ""
    except KeyError:
        return code
