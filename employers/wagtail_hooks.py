"""The employer side's place in the Wagtail admin: the "Employers" menu (organisations to verify or
suspend, hiring pledges, the commitments employers can pledge) and its hook, nothing else. The
viewsets are in employers/admin/; the other menus are registered by their own apps (jobs,
matching, incentives), in INSTALLED_APPS order.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet

from employers.admin.organisations import EmployerViewSet
from employers.admin.pledges import (
    HiringPledgeViewSet,
    PledgeCommitmentViewSet,
    refuse_deleting_signed_commitments,
)


class EmployersGroup(ViewSetGroup):
    menu_label = _("Employers")
    menu_name = "employers"
    menu_icon = "group"
    items = (EmployerViewSet, HiringPledgeViewSet, PledgeCommitmentViewSet)


# register_snippet takes a group too: it registers the snippet viewsets (as snippets) and the
# model viewsets alike, and adds the group's one menu item.
register_snippet(EmployersGroup)
hooks.register("before_delete_snippet", refuse_deleting_signed_commitments)
