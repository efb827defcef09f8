"""The "Incentive schemes" menu of the Wagtail admin. Registration only; the viewset is in
incentives/admin.py."""

from wagtail.snippets.models import register_snippet

from incentives.admin import IncentiveSchemeViewSet

register_snippet(IncentiveSchemeViewSet)
