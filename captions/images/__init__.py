"""Image files. libexiv2 (PyPI `exiv2`) reads the metadata, Pillow (+ pillow-heif) the pixels;
these modules add what an archive needs. The first three are PURE (no Django), so the
bulk import runs them in worker processes.

- files.py       one file made ready: identified (what it really is, size and pixel limits),
                 then prepared (metadata read, renditions made); refusals with their facts
- metadata.py    what a file says about itself: displayed pixel size, stated dpi, the archive's
                 fields from EXIF / IPTC / XMP and sidecars, raw previews (docs/METADATA.md);
                 `write_metadata` writes the archive's fields into a copy of a file
- batch.py       many files prepared in worker processes (`import_images`)
- renditions.py  the thumbnail and preview JPEGs, from one reduced decode
- printing.py    PURE: print renditions, exactly the pixels a print size needs, sharpened for print
- uploads.py     the same checks for a Django upload, each refusal as a translated message

Attaching a file to a record is a write: `captions.services.images`.
"""
