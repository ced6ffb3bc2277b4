"""Media on S3-compatible object storage (django-storages), kept private.

Objects are written without a public ACL, and a file's URL stays the app's own `/media/...`
path: the media view checks who may see the photo (and its embargo) and streams the object
from the bucket, exactly as it does from MEDIA_ROOT. Nothing in the bucket is reachable
without the app. See docs/SCALING.md for putting a CDN in front of renditions.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return f"{settings.MEDIA_URL}{filepath_to_uri(name).lstrip('/')}"
