"""The employer side's place in the Wagtail admin: the menus and the hooks, nothing else. The
viewsets, their views, forms, filters and columns are in employers/admin/, one module per domain.

Menus: "Employers" (organisations to verify or suspend, hiring pledges, the commitments employers
can pledge); "Jobs" (the moderation queue, reports from the public, and the taxonomies jobs are
described in); "Partners" (programme providers, introductions and hires, the audit log of
personal data); "Incentive schemes".
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin.audit import AuditLogPermissionPolicy, AuditLogViewSet
from .admin.incentives import IncentiveSchemeViewSet
from .admin.job_reports import JobReportViewSet
from .admin.jobs import JobListingViewSet
from .admin.matching import HireViewSet, IntroductionViewSet
from .admin.organisations import EmployerViewSet
from .admin.partners import ProgrammeProviderViewSet
from .admin.pledges import HiringPledgeViewSet, PledgeCommitmentViewSet, refuse_deleting_signed_commitments
from .admin.taxonomy import CertificationViewSet, DeterringPhraseViewSet, SkillViewSet
from .models import PersonalDataAccess


class EmployersGroup(ViewSetGroup):
    menu_label = _("Employers")
    menu_name = "employers"
    menu_icon = "group"
    items = (EmployerViewSet, HiringPledgeViewSet, PledgeCommitmentViewSet)


class JobsGroup(ViewSetGroup):
    menu_label = _("Jobs")
    menu_name = "jobs"
    menu_icon = "clipboard-list"
    items = (JobListingViewSet, JobReportViewSet, SkillViewSet, CertificationViewSet, DeterringPhraseViewSet)


class PartnersGroup(ViewSetGroup):
    menu_label = _("Partners")
    menu_name = "partners"
    menu_icon = "group"
    items = (ProgrammeProviderViewSet, IntroductionViewSet, HireViewSet, AuditLogViewSet)


# register_snippet takes a group too: it registers the snippet viewsets (as snippets) and the
# model viewsets alike, and adds the group's one menu item. The order below is the menu's.
register_snippet(EmployersGroup)
hooks.register("before_delete_snippet", refuse_deleting_signed_commitments)

register_snippet(JobsGroup)

register_permission_policy(PersonalDataAccess, AuditLogPermissionPolicy(PersonalDataAccess))


@hooks.register("register_admin_viewset")
def register_partners_group():
    return PartnersGroup()


register_snippet(IncentiveSchemeViewSet)
