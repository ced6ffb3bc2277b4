"""System checks: things a deployment gets wrong silently otherwise."""

from django.core.checks import Error, Warning, register
from PIL import features

from captions import conf


@register()
def pillow_codecs(app_configs, **kwargs):
    """Uploads accept JPEG, PNG, TIFF, WebP and AVIF (HEIC through pillow-heif); warn when this
    Pillow cannot read one."""
    warnings = []
    for codec, fmt in (("jpg", "JPEG"), ("zlib", "PNG"), ("libtiff", "TIFF"), ("webp", "WebP"), ("avif", "AVIF")):
        if not features.check(codec):
            warnings.append(
                Warning(
                    f"Pillow was built without {codec}: {fmt} uploads will be refused.",
                    hint="Install Pillow from a wheel, or the codec's development package before building it.",
                    id="captions.W001",
                )
            )
    return warnings


@register()
def upload_limits(app_configs, **kwargs):
    """A zero or negative limit would refuse every upload with a confusing message."""
    errors = []
    for name in (
        "CAPTIONS_MAX_UPLOAD_BYTES",
        "CAPTIONS_MAX_IMAGE_PIXELS",
        "CAPTIONS_THUMBNAIL_SIZE",
        "CAPTIONS_PREVIEW_SIZE",
    ):
        value = conf.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            errors.append(
                Error(
                    f"{name} must be a positive whole number, not {value!r}.",
                    hint=f"Remove it to use the default ({conf.DEFAULTS[name]}), or set a positive integer.",
                    id="captions.E002",
                )
            )
    return errors
