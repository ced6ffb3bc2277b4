"""Edge rules Django 5.2 does not apply itself: security headers, NUL bytes in query strings."""

from django.conf import settings
from django.core.exceptions import BadRequest

# Scripts only from our own static files (no inline script anywhere, the admin included);
# inline style attributes are allowed (aspect-ratio placeholders); images may be data: URIs
# (the admin's icons). A stored caption that smuggles markup past the escaping still cannot
# run script or send a form elsewhere.
DEFAULT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_CSP)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class RejectNullBytesMiddleware:
    """A query string with a NUL byte is never a real search: answer 400 at once.

    PostgreSQL text cannot hold NUL, so such a value would otherwise fail deep inside a query
    as a server error. Forms reject NUL in posted fields with a message beside the field
    (Django's ProhibitNullCharactersValidator), so only the query string is checked here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            raise BadRequest("NUL byte in the query string")
        return self.get_response(request)
