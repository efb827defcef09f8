"""Award rounds in the Wagtail admin: staff write a round with its categories, criteria and panel;
the status moves only through the POST actions of the judging page (awards/admin/panel.py)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from awards.models import AwardRound
from portal.admin.base import label_of


def staff_users():
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__isnull=False), is_active=True)
        .distinct()
        .order_by("email")
    )


class LinkColumn(Column):
    """A link to the round's judging page (awards/admin/panel.py)."""

    cell_template_name = "awards/admin/link_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse("awards_judging", args=[instance.pk])
        return context


class AwardRoundForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = staff_users()
        self.fields["panel"].widget = forms.CheckboxSelectMultiple(choices=self.fields["panel"].choices)


class AwardRoundViewSet(ModelViewSet):
    model = AwardRound
    name = "award_rounds"
    url_prefix = "awards/rounds"
    icon = "success"
    menu_label = _("Award rounds")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None
    search_fields = ["title"]
    ordering = ["-year", "-pk"]
    list_display = [
        TitleColumn("title", label=_("Round"), url_name="award_rounds:edit"),
        "year",
        Column("status", accessor=label_of("status"), label=_("Status")),
        LinkColumn("judging", label=_("Nominations and judging"), accessor=lambda r: _("Judging page")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("year"),
            FieldPanel("introduction"),
            FieldPanel("nominations_close_on"),
            InlinePanel("categories", label=_("Categories"), min_num=1),
            InlinePanel("criteria", label=_("Criteria"), min_num=1),
            FieldPanel("panel"),
        ],
        base_form_class=AwardRoundForm,
    )
