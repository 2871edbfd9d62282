"""Response headers Django has no setting for."""

from django.conf import settings


def permissions_policy_header(policy):
    """Render {"camera": [], "fullscreen": ["self"]} as 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(allowlist)})" for feature, allowlist in policy.items())


class PermissionsPolicyMiddleware:
    """Send a restrictive Permissions-Policy on every response (settings.PERMISSIONS_POLICY).

    A news page needs no camera, microphone or location; denying them means a script that
    slipped in through an embed or a compromised dependency cannot ask for them either.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
