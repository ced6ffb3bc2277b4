"""PDF renderer: an A4 spec sheet per photo that a print shop can work from (fpdf2).

A sheet shows, top to bottom: what may stop the print (caveats, restrictions, a missing
resolution) in a box that cannot be missed, the preview beside the pixel facts, the print
sizes at 150 / 240 / 300 dpi (plus the native and the export's target dpi) in cm and inches,
the caption, the credit, date and place, the source ids and the linked articles. A selection
gets a summary page first (filters, embargoed photos left out, the cap), then one sheet per
photo. Text uses the bundled DejaVu Sans, so any caption prints without system fonts.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from PIL import Image

from captions.core import dimensions
from captions.exports.rows import REFERENCE_DPI, SHEET_DPIS, SpecRow
from captions.exports.selection import Selection
from captions.models import CAVEAT_LABELS
from captions.times import local_datetime

MAX_PHOTOS_PER_PDF = 100
MAX_ARTICLES_PER_SHEET = 3  # with a long caption, more would push the sheet onto a second page
FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"

INK = (20, 20, 20)
MUTED = (95, 95, 95)
ALARM = (170, 20, 20)
ALARM_FILL = (253, 234, 232)
CALM = (60, 60, 60)
CALM_FILL = (242, 242, 242)
RULE = (190, 190, 190)

PREVIEW_W, PREVIEW_H = 82.0, 62.0
PLACEHOLDER_H = 36.0  # no preview: a smaller frame, so the sheet keeps room for its text
ZEBRA = (246, 246, 246)
HEADINGS = FontFace(family=FONT, emphasis="BOLD", fill_color=(230, 230, 230))


@dataclass
class SheetPhoto:
    """What one sheet shows: the format-neutral row plus what only a sheet needs."""

    row: SpecRow
    preview: bytes | None = None
    preview_note: str = ""
    articles: list[tuple[str, str, str]] = field(default_factory=list)  # headline, publication, url

    @classmethod
    def build(cls, row: SpecRow, photo, *, preview: bytes | None = None) -> SheetPhoto:
        """`preview`: the picture to show when the caller made one (a package makes it small);
        else the stored preview rendition is read."""
        note = _("No preview image on file.")
        rendition = photo.preview or photo.thumbnail
        if rendition and preview is None:
            try:
                with rendition.open("rb") as handle:
                    preview = handle.read()
            except OSError:
                note = _("The preview file could not be read.")
        articles = [(a.headline, a.publication, a.url or "") for a in photo.articles.all()]
        return cls(row=row, preview=preview, preview_note=note, articles=articles)


def number(value: float) -> str:
    """One decimal, rounded half-up, with the active language's separator (31.8 / 31,8)."""
    return formats.number_format(dimensions.round_half_up(value, 1), 1)


when = local_datetime  # '4 March 2026, 00:01 CET', as every page shows a time


class SpecSheet(FPDF):
    def __init__(self, *, exported_at, title: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.exported_at = exported_at
        self.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_margins(15, 14, 15)
        self.set_auto_page_break(True, margin=16)
        self.set_title(title)
        self.set_creator("Photo archive")
        self.set_text_color(*INK)

    def footer(self):
        self.set_y(-11)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*MUTED)
        self.cell(
            0,
            4,
            _("Generated %(when)s from the photo archive. Sizes derived from pixels and dpi; page %(page)s of {nb}")
            % {"when": when(self.exported_at), "page": self.page_no()},
            align="C",
        )
        self.set_text_color(*INK)

    # --- building blocks -------------------------------------------------------------------
    def heading(self, text: str, size: float = 11):
        self.set_font(FONT, "B", size)
        self.cell(0, size * 0.55, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def paragraph(self, text: str, size: float = 9.5, style: str = ""):
        self.set_font(FONT, style, size)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def pairs(
        self, items: list[tuple[str, str]], *, label_w: float = 38, x: float | None = None, w: float | None = None
    ):
        x = self.l_margin if x is None else x
        w = self.epw if w is None else w
        for label, value in items:
            self.set_x(x)
            self.set_font(FONT, "B", 9)
            self.set_text_color(*MUTED)
            self.cell(label_w, 5, label)
            self.set_text_color(*INK)
            self.set_font(FONT, "", 9.5)
            self.multi_cell(w - label_w, 5, value or "—", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def box(self, title: str, lines: list[str], *, alarm: bool):
        """A framed box; red and heavy when it holds something that may stop a print."""
        pad, width = 3.0, self.epw
        inner = width - 2 * pad
        self.set_font(FONT, "B", 11.5)
        title_h = self.multi_cell(inner, 6, title, align="L", dry_run=True, output="HEIGHT")
        self.set_font(FONT, "", 10)
        body_h = sum(self.multi_cell(inner, 5.2, line, align="L", dry_run=True, output="HEIGHT") for line in lines)
        height = title_h + body_h + 2 * pad + (1 if lines else 0)
        if self.will_page_break(height):
            self.add_page()
        x, y = self.l_margin, self.get_y()
        self.set_draw_color(*(ALARM if alarm else CALM))
        self.set_fill_color(*(ALARM_FILL if alarm else CALM_FILL))
        self.set_line_width(0.9 if alarm else 0.3)
        self.rect(x, y, width, height, style="DF")
        self.set_line_width(0.2)
        self.set_xy(x + pad, y + pad)
        self.set_text_color(*(ALARM if alarm else CALM))
        self.set_font(FONT, "B", 11.5)
        self.multi_cell(inner, 6, title, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.ln(1)
        self.set_text_color(*INK)
        self.set_font(FONT, "", 10)
        for line in lines:
            self.set_x(x + pad)
            self.multi_cell(inner, 5.2, line, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_xy(x, y + height + 4)
        self.set_draw_color(*RULE)
        self.set_fill_color(255, 255, 255)

    def rule(self):
        self.ln(1.5)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.l_margin + self.epw, self.get_y())
        self.ln(2.5)

    # --- one photo -------------------------------------------------------------------------
    def photo_page(self, sheet: SheetPhoto, *, target_dpi: int):
        row = sheet.row
        self.add_page()
        self.set_font(FONT, "B", 17)
        self.cell(0, 9, _("Print spec · photo %(id)s") % {"id": row.id}, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "", 10)
        self.set_text_color(*MUTED)
        ids = " · ".join(
            p for p in (row.supplier, _("image id %(id)s") % {"id": row.source_id} if row.source_id else "") if p
        )
        self.cell(0, 5, ids or _("No supplier or image id recorded"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*INK)
        self.ln(3)
        self.restrictions(row)
        self.preview_and_facts(sheet)
        self.size_table(row, target_dpi=target_dpi)
        self.rule()
        self.heading(_("Caption"))
        self.paragraph(row.caption or "—")
        self.ln(1.5)
        self.paragraph(
            _("Credit: %(credit)s") % {"credit": row.credit or _("none recorded — ask the supplier before publishing")},
            size=10.5,
            style="B",
        )
        self.ln(1.5)
        self.pairs(
            [
                (_("Taken"), self.date_text(row)),
                (_("Place"), row.place),
                (_("Archive id"), str(row.id)),
                (_("Supplier"), row.supplier),
                (_("Supplier's image id"), row.source_id),
            ]
        )
        self.rule()
        self.heading(_("Linked articles"))
        if sheet.articles:
            for headline, publication, url in sheet.articles[:MAX_ARTICLES_PER_SHEET]:
                title = headline + (f" — {publication}" if publication else "")
                self.paragraph(title if len(title) <= 85 else title[:84] + "…", size=9, style="B")
                if url:
                    self.set_text_color(*MUTED)
                    self.paragraph(url, size=8)
                    self.set_text_color(*INK)
            more = len(sheet.articles) - MAX_ARTICLES_PER_SHEET
            if more > 0:
                self.paragraph(
                    ngettext(
                        "and %(n)s more linked article: see the photo's page in the archive.",
                        "and %(n)s more linked articles: see the photo's page in the archive.",
                        more,
                    )
                    % {"n": more},
                    size=9,
                )
        else:
            self.paragraph(_("No linked articles."), size=9.5)

    @staticmethod
    def date_text(row: SpecRow) -> str:
        if not row.date_start:
            return row.date_text or _("undated")
        interval = (
            row.date_start.isoformat() if row.date_start == row.date_end else f"{row.date_start} – {row.date_end}"
        )
        supplied = row.date_text or row.date_edtf
        approx = _(", approximate") if row.date_approximate else ""
        return f"{supplied} ({interval}{approx})" if supplied else interval + approx

    def restrictions(self, row: SpecRow):
        lines = []
        for tag in row.caveats:
            label = str(CAVEAT_LABELS[tag])
            if tag == "mandatory_credit":
                label += ": " + (row.credit or _("credit line missing — ask the supplier"))
            lines.append("• " + label)
        if row.restrictions:
            lines.append("• " + _("Supplier's wording: “%(text)s”") % {"text": " ".join(row.restrictions.split())})
        if row.embargo_until:
            lines.append("• " + _("Embargo ended %(when)s.") % {"when": when(row.embargo_until)})
        if not (row.width_px and row.height_px):
            lines.append("• " + _("No pixel size recorded: no print size can be derived. Get the original file."))
        elif not row.dpi:
            lines.append(
                "• "
                + _(
                    "No resolution (dpi) stated by the supplier: the native print size is unknown; "
                    "use the sizes at 150 / 240 / 300 dpi."
                )
            )
        if lines:
            self.box(_("CAVEATS AND RESTRICTIONS — READ BEFORE PRINTING"), lines, alarm=True)
        else:
            self.box(
                _("No caveats or restrictions recorded"),
                [_("Check the supplier's licence terms before use.")],
                alarm=False,
            )

    def preview_and_facts(self, sheet: SheetPhoto):
        row = sheet.row
        top = self.get_y()
        if self.will_page_break(PREVIEW_H + 4):
            self.add_page()
            top = self.get_y()
        drawn, drawn_h = False, PREVIEW_H
        if sheet.preview:
            try:
                with Image.open(io.BytesIO(sheet.preview)) as probe:
                    px_w, px_h = probe.size
                scale = min(PREVIEW_W / px_w, PREVIEW_H / px_h)
                self.image(io.BytesIO(sheet.preview), x=self.l_margin, y=top, w=px_w * scale, h=px_h * scale)
                self.set_draw_color(*RULE)
                self.rect(self.l_margin, top, px_w * scale, px_h * scale)
                drawn, drawn_h = True, px_h * scale
            except Exception:  # a broken rendition must not cost the sheet; say so instead
                sheet.preview_note = _("The preview file could not be read.")
        if not drawn:
            drawn_h = PLACEHOLDER_H
            self.set_draw_color(*RULE)
            self.set_fill_color(*CALM_FILL)
            self.rect(self.l_margin, top, PREVIEW_W, drawn_h, style="DF")
            self.set_xy(self.l_margin + 4, top + drawn_h / 2 - 6)
            self.set_text_color(*MUTED)
            self.set_font(FONT, "", 9)
            note = sheet.preview_note
            if row.source_id:
                note += " " + _("Match the file by the supplier's image id %(id)s.") % {"id": row.source_id}
            self.multi_cell(PREVIEW_W - 8, 5, note, align="C")
            self.set_text_color(*INK)
            self.set_fill_color(255, 255, 255)
        x = self.l_margin + PREVIEW_W + 6
        width = self.epw - PREVIEW_W - 6
        self.set_xy(x, top)
        if row.width_px and row.height_px:
            facts = [
                (_("Pixels"), f"{row.width_px} × {row.height_px} px"),
                (_("Resolution"), _("%(dpi)s dpi (as supplied)") % {"dpi": row.dpi} if row.dpi else _("not stated")),
                (_("Megapixels"), number(row.megapixels)),
                (_("Orientation"), f"{_(row.orientation)} · {row.aspect_ratio}"),
                (
                    _("Longest edge"),
                    _("%(cm)s cm / %(inch)s in at %(dpi)s dpi")
                    % {"cm": number(row.longest_edge_cm), "inch": number(row.longest_edge_in), "dpi": REFERENCE_DPI},
                ),
            ]
            if row.native:
                facts.insert(
                    2,
                    (
                        _("Native print size"),
                        f"{number(row.native.width_cm)} × {number(row.native.height_cm)} cm\n"
                        f"{number(row.native.width_in)} × {number(row.native.height_in)} in",
                    ),
                )
        else:
            facts = [(_("Pixels"), _("not recorded"))]
        self.pairs(facts, label_w=34, x=x, w=width)
        self.set_y(max(self.get_y(), top + drawn_h) + 4)

    def size_table(self, row: SpecRow, *, target_dpi: int):
        self.heading(_("Print sizes"))
        if not (row.width_px and row.height_px):
            self.paragraph(_("Cannot be derived without the pixel size."))
            return
        dpis = sorted(set(SHEET_DPIS) | {target_dpi} | ({row.dpi} if row.dpi else set()))
        self.set_font(FONT, "", 10)
        self.set_draw_color(*RULE)
        self.set_fill_color(255, 255, 255)  # rows the zebra leaves unfilled stay white
        with self.table(
            col_widths=(24, 50, 50, 56),
            text_align=("LEFT", "RIGHT", "RIGHT", "LEFT"),
            line_height=6.2,
            headings_style=HEADINGS,
            first_row_as_headings=True,
            cell_fill_color=ZEBRA,
            cell_fill_mode="ROWS",
        ) as table:
            head = table.row()
            for text in (_("Resolution"), _("Width × height (cm)"), _("Width × height (in)"), _("Note")):
                head.cell(text)
            for dpi in dpis:
                size = dimensions.print_size(row.width_px, row.height_px, dpi)
                notes = []
                if dpi == row.dpi:
                    notes.append(_("native (as supplied)"))
                if dpi == target_dpi and target_dpi not in SHEET_DPIS:
                    notes.append(_("requested target"))
                if dpi == REFERENCE_DPI:
                    notes.append(_("print quality"))
                cells = table.row()
                cells.cell(f"{dpi} dpi")
                cells.cell(f"{number(size.width_cm)} × {number(size.height_cm)}")
                cells.cell(f"{number(size.width_in)} × {number(size.height_in)}")
                cells.cell(", ".join(notes))
        self.ln(2)

    # --- a selection -----------------------------------------------------------------------
    def summary_page(self, selection: Selection, sheets: list[SheetPhoto], *, total: int):
        self.add_page()
        self.set_font(FONT, "B", 17)
        self.cell(0, 9, _("Print specs of a selection"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)
        self.pairs(
            [
                (_("Filters"), selection.describe()),
                (_("Target"), f"{selection.target_dpi} dpi"),
                (_("Exported"), when(selection.exported_at)),
                (_("In this PDF"), ngettext("%(n)s photo", "%(n)s photos", len(sheets)) % {"n": len(sheets)}),
            ]
        )
        self.ln(3)
        notices = []
        if selection.embargoed_count:
            notices.append(
                "• "
                + ngettext(
                    "%(n)s embargoed photo was left out: it is not in this PDF and must not be ordered yet.",
                    "%(n)s embargoed photos were left out: they are not in this PDF and must not be ordered yet.",
                    selection.embargoed_count,
                )
                % {"n": selection.embargoed_count}
            )
        if total > len(sheets):
            notices.append(
                "• "
                + _(
                    "The selection holds %(total)s photos; this PDF has the first %(cap)s only. "
                    "Narrow the filters, or export all of them as CSV or JSON."
                )
                % {"total": total, "cap": len(sheets)}
            )
        if notices:
            self.box(_("NOT EVERYTHING IS IN THIS PDF"), notices, alarm=True)
        if not sheets:
            self.paragraph(_("No photos match these filters."), size=11)
            return
        self.set_font(FONT, "", 8.5)
        self.set_fill_color(255, 255, 255)
        with self.table(
            col_widths=(14, 90, 28, 48),
            text_align=("RIGHT", "LEFT", "RIGHT", "LEFT"),
            line_height=4.6,
            headings_style=HEADINGS,
            cell_fill_color=ZEBRA,
            cell_fill_mode="ROWS",
        ) as table:
            head = table.row()
            for text in (_("Id"), _("Caption"), _("Pixels"), _("At %(dpi)s dpi (cm)") % {"dpi": selection.target_dpi}):
                head.cell(text)
            for sheet in sheets:
                row = sheet.row
                caption = row.caption if len(row.caption) <= 110 else row.caption[:109] + "…"
                if row.caveats:
                    caption = "⚠ " + caption
                cells = table.row()
                cells.cell(str(row.id))
                cells.cell(caption)
                cells.cell(f"{row.width_px} × {row.height_px}" if row.width_px and row.height_px else "—")
                cells.cell(f"{number(row.target.width_cm)} × {number(row.target.height_cm)}" if row.target else "—")
        self.ln(2)
        self.paragraph(_("⚠ marks photos with caveats; each has its own sheet on the following pages."), size=8.5)


def photo_pdf(sheet: SheetPhoto, *, exported_at, target_dpi: int = dimensions.DEFAULT_TARGET_DPI) -> bytes:
    pdf = SpecSheet(exported_at=exported_at, title=_("Print spec · photo %(id)s") % {"id": sheet.row.id})
    pdf.photo_page(sheet, target_dpi=target_dpi)
    return bytes(pdf.output())


def selection_pdf(selection: Selection, sheets: list[SheetPhoto], *, total: int) -> bytes:
    pdf = SpecSheet(exported_at=selection.exported_at, title=_("Print specs of a selection"))
    pdf.summary_page(selection, sheets, total=total)
    for sheet in sheets:
        pdf.photo_page(sheet, target_dpi=selection.target_dpi)
    return bytes(pdf.output())
