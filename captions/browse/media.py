"""Serving stored image files and renditions to signed-in users.

Media goes through Django rather than a public folder so that the same rules hold for the
file as for the page: only people who may view photos get them, and an embargoed photo's
image reaches no one but editors until the embargo passes. File names are content-addressed
(`<sha256>.<ext>`, `<sha256>-thumb.jpg`), so one indexed lookup by hash finds the record.
"""

import mimetypes
import re

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from captions.selectors import embargo
from captions.selectors import photos as photo_selectors

# Storage appends "_<7 chars>" when a name is taken (a file left behind by a deleted photo).
HASH_IN_NAME = re.compile(r"^([0-9a-f]{64})(?:-(?:thumb|preview))?(?:_[A-Za-z0-9]{7})?\.[a-z0-9]{1,5}$")


@require_GET
@login_required
def serve_media(request, path: str):
    name = path.rsplit("/", 1)[-1]
    match = HASH_IN_NAME.match(name)
    if not match or not request.user.has_perm("captions.view_photo"):
        raise Http404("No such file.")
    photo = photo_selectors.photo_for_file(match.group(1))
    if photo is None or path not in {photo.image.name, photo.thumbnail.name, photo.preview.name}:
        raise Http404("No such file.")
    if photo.is_embargoed() and not embargo.sees_embargoed(request.user):
        raise Http404("No such file.")  # an embargoed image is not shown before its time
    try:
        handle = default_storage.open(path, "rb")
    except (FileNotFoundError, OSError):
        raise Http404("No such file.") from None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"  # content-addressed: a name never changes content
    response["X-Content-Type-Options"] = "nosniff"
    return response
