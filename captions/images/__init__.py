"""Image files. Pillow does the decoding; these modules add what an archive needs.

- uploads.py     the checks an upload passes (size, pixel count, real format against the
                 name) and its content hash
- metadata.py    what a file says about itself: pixels, stated dpi, EXIF / IPTC / XMP fields
- renditions.py  the thumbnail and preview JPEGs

Attaching a file to a record is a write: `captions.services.images`.
"""
