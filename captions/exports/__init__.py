"""Print-ready specs of a selection, in two stages (as django-import-export does it):

1. `selection.select_photos` turns the browse filters into the photos an export covers
   (embargoed photos left out and counted), and `rows.spec_rows` turns them into
   format-neutral `SpecRow`s, streamed chunk by chunk, with print sizes derived through
   `captions.core.dimensions`;
2. one renderer per format: `csv_format` (incl. the German spreadsheet dialect),
   `json_format` and `pdf_sheet`; and `package`, the print package: all of them plus each
   file with the archive's metadata written in and a print rendition, in one streamed ZIP.

On PostgreSQL the CSV and JSON exports skip both stages for their rows: `copy_csv` and
`copy_json` have the database write each finished line (`COPY (SELECT ...) TO STDOUT`), byte for
byte what the renderers write from SpecRows, which remain the path on other databases.

Views (`captions.exports.views`), the read-only API (`captions.exports.api`) and the `export_specs`
command only wire these together.
"""
