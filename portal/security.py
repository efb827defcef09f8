"""Security headers on every response, from settings.

Django's SecurityMiddleware already sends nosniff, the referrer policy, HSTS (production) and
XFrameOptionsMiddleware the frame header; this adds what Django 5.2 lacks: the
Content-Security-Policy (one for the site, a wider one for the Wagtail admin, whose own scripts
and styles need inline code) and the Permissions-Policy. A header a view set itself is kept.

With DEBUG on (`make run`), Django answers a missing page with its own debugging page, which
styles itself inline and so breaks the policy in every browser console; the site's own 404 page
answers instead (the Wagtail admin keeps Django's, under its wider policy).
"""

from django.conf import settings
from django.http import Http404
from django.views.defaults import page_not_found


def policy_header(directives):
    """{"default-src": ["'self'"], "upgrade-insecure-requests": []} -> "default-src 'self'; upgrade-insecure-requests"."""
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.site_policy = policy_header(settings.CONTENT_SECURITY_POLICY)
        self.admin_policy = policy_header(settings.CONTENT_SECURITY_POLICY_ADMIN)
        self.admin_prefix = settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIX
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allow)})" for feature, allow in settings.PERMISSIONS_POLICY.items()
        )
        self.csp_header = (
            "Content-Security-Policy-Report-Only"
            if settings.CONTENT_SECURITY_POLICY_REPORT_ONLY
            else "Content-Security-Policy"
        )

    def __call__(self, request):
        response = self.get_response(request)
        in_admin = request.path.startswith(self.admin_prefix)
        response.headers.setdefault(self.csp_header, self.admin_policy if in_admin else self.site_policy)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        # Static files are answered by WhiteNoise before XFrameOptionsMiddleware runs.
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response

    def process_exception(self, request, exception):
        if (
            settings.DEBUG
            and isinstance(exception, Http404)
            and not request.path.startswith(self.admin_prefix)
        ):
            return page_not_found(request, exception)
        return None
