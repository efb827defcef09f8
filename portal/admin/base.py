"""What every read-only listing and every POST action of the Wagtail admin shares.

Staff never create or edit these records through a generic form: a viewset exposes a listing and
a detail ("inspect") page (ReadOnlyModelViewSet), and each change is a POST action beside the
detail page (AdminActionMixin) that goes through the model's own method: verify or suspend an
organisation, approve its new details, approve, reject or close a job listing, resolve a report.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry

# Status fields change only through the model's verify / suspend, never through a form.
STATUS_FIELDS = ["status", "status_changed_at", "status_changed_by", "status_reason"]


class ReadOnlyModelViewSet(ModelViewSet):
    """A listing and a detail page only: no add, edit, copy, delete, history or usage views."""

    copy_view_enabled = False
    inspect_view_enabled = True
    sort_order_field = None
    add_to_reference_index = False  # nothing references these from pages or snippets
    search_backend_name = None  # plain database lookups on search_fields

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for disabled in ("add", "edit", "delete", "history", "usage"):
            view_kwargs[f"{disabled}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
        ]

    @property
    def url_finder_class(self):
        """Links to an object from elsewhere in the admin go to its detail page."""
        inspect_url_name = self.get_url_name("inspect")

        class InspectURLFinder(ModelAdminURLFinder):
            edit_url_name = inspect_url_name

            def get_edit_url(self, instance):
                policy = policy_registry.get(instance)
                if self.user and policy and not policy.user_has_any_permission(self.user, ["view", "change"]):
                    return None
                return self.construct_edit_url(instance)

        return InspectURLFinder


class PlainValuesMixin:
    """Inspect views: "—" for empty values, Yes/No for booleans."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        return value


class PublicPageButtonMixin:
    """Inspect views: a button in the header to the object's page on the public site, while it
    has one."""

    public_page_label = None

    def has_public_page(self):
        raise NotImplementedError

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.has_public_page():
            buttons.append(
                Button(
                    self.public_page_label,
                    url=self.object.get_absolute_url(),
                    icon_name="link-external",
                    priority=30,
                )
            )
        return buttons


def label_of(field_name):
    """A column accessor showing a choice field's label, as get_FOO_display does, without what
    that costs per row: Django makes the field's choices hashable on every call, and hashing a
    lazily translated label translates it (21 sectors and 4 states on 50 rows of the employer
    list were 2,000 translations per page)."""

    labels = {}  # per model: the choices are fixed, their labels stay lazy (translated when shown)

    def accessor(instance):
        model = type(instance)
        if model not in labels:
            labels[model] = dict(model._meta.get_field(field_name).flatchoices)
        value = getattr(instance, field_name)
        return labels[model].get(value, value)

    return accessor


def status_column(waiting, column=StatusTagColumn):
    """The status as a tag, the ones waiting for staff (`waiting`: that status's value)
    highlighted: every moderated list shows its status so."""
    return column(
        "status",
        accessor=label_of("status"),
        label=_("Status"),
        sort_key="status",
        primary=lambda instance: instance.status == waiting,
    )


def day(value):
    """A date column that also reads well for dates to come (Wagtail's says "Just now" for those)."""
    return date_format(timezone.localtime(value), "SHORT_DATE_FORMAT") if value else ""


def user_label(user):
    if user is None:
        return _("(deleted user)")
    full_name = user.get_full_name()
    return f"{full_name} <{user.email}>" if full_name else user.email


class AdminActionMixin:
    """POST only, for those holding the permission: one change to the object of a detail page,
    then back to that page. Mixed in before the inspect view of the object.

    Subclasses say what is allowed, what to do and what to tell the moderator; the form they
    name is shown again with its errors (status 400) when it is not valid.
    """

    permission_required = "change"
    http_method_names = ["post"]
    form_class = None
    form_context_name = None
    # The view also names forbidden_message and forbidden_back_label: what the 403 page says,
    # and its link back to the listing (organisations name them on their detail page).
    # Exceptions of the model's method that mean "refused": shown on the form, nothing changed.
    refusals = ()

    def has_action_permission(self):
        return self.user_has_permission(self.permission_required)

    def dispatch(self, request, *args, **kwargs):
        # Wagtail turns PermissionDenied into a redirect to the dashboard; say 403 plainly instead.
        # Nothing of the object is shown: the user may not even be allowed to view it.
        if not self.has_action_permission():
            context = {
                "page_title": _("Permission denied"),
                "header_title": _("Permission denied"),
                "header_icon": "warning",
                "index_url": reverse(self.index_url_name) if self.index_url_name else None,
                "message": self.forbidden_message,
                "back_label": self.forbidden_back_label,
            }
            return TemplateResponse(request, "portal/admin/action_forbidden.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def lock_object(self):
        """Two moderators acting at once: the second sees the first one's change and stops."""
        locked = type(self.object).objects.select_for_update().get(pk=self.object.pk)
        self.object.status = locked.status

    def get_form(self):
        return self.form_class(self.request.POST)

    def allowed(self):
        raise NotImplementedError

    def not_allowed_message(self):
        raise NotImplementedError

    def perform(self, form):
        raise NotImplementedError

    def success_message(self):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        refusal = None
        with transaction.atomic():
            self.lock_object()
            form = self.get_form()  # after the lock: a form may read the object as it now is
            allowed = self.allowed()
            valid = allowed and form.is_valid()
            if valid:
                try:
                    self.perform(form)
                except self.refusals as exc:
                    refusal = str(exc)
        if not allowed:
            messages.error(request, self.not_allowed_message())
            return redirect(self.get_inspect_url())
        if not valid or refusal:
            if refusal:
                form.add_error(None, refusal)
            messages.error(request, _("Nothing was changed. Correct the form below and try again."))
            context = self.get_context_data(
                **({self.form_context_name: form} if self.form_context_name else {})
            )
            return self.render_to_response(context, status=400)
        messages.success(request, self.success_message())
        return redirect(self.get_inspect_url())
