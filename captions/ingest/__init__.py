"""Caption-block parsing, split by concern; the public API is captions.caption_parser.

PURE: nothing in this package imports Django.
"""
