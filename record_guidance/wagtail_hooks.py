"""The "Record guidance" menu of the Wagtail admin. Registration only; the viewsets are in
record_guidance/admin.py."""

from wagtail.snippets.models import register_snippet

from record_guidance.admin import RecordGuidanceGroup

register_snippet(RecordGuidanceGroup)
