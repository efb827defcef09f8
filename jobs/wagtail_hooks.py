"""The "Jobs" menu of the Wagtail admin: the moderation queue, reports from the public, and the
taxonomies jobs are described in (taxonomy/admin.py). Registration only; the viewsets are in
jobs/admin/."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet

from jobs.admin.listings import JobListingViewSet
from jobs.admin.reports import JobReportViewSet
from taxonomy.admin import CertificationViewSet, DeterringPhraseViewSet, SkillViewSet


class JobsGroup(ViewSetGroup):
    menu_label = _("Jobs")
    menu_name = "jobs"
    menu_icon = "clipboard-list"
    items = (JobListingViewSet, JobReportViewSet, SkillViewSet, CertificationViewSet, DeterringPhraseViewSet)


register_snippet(JobsGroup)
