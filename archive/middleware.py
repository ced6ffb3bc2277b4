"""Security headers Django 5.2 does not set itself."""
from django.conf import settings

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
