"""System checks: things a deployment gets wrong silently otherwise."""
from django.core.checks import Warning, register
from PIL import features


@register()
def pillow_codecs(app_configs, **kwargs):
    """Uploads accept JPEG, PNG, TIFF and WebP; warn when this Pillow cannot read one."""
    warnings = []
    for codec, fmt in (("jpg", "JPEG"), ("zlib", "PNG"), ("libtiff", "TIFF"), ("webp", "WebP")):
        if not features.check(codec):
            warnings.append(
                Warning(
                    f"Pillow was built without {codec}: {fmt} uploads will be refused.",
                    hint="Install Pillow from a wheel, or the codec's development package before building it.",
                    id="captions.W001",
                )
            )
    return warnings
