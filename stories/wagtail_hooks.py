from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .consent import UNPUBLISH_ACTION
from .models import StoryConsent, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class StoryConsentViewSet(SnippetViewSet):
    model = StoryConsent
    icon = "doc-full"
    list_display = ["subject_reference", "given_on", "expires_on", "withdrawn_on"]
    list_filter = ["covers_photo", "covers_real_name"]
    search_fields = ["subject_reference"]


class StoriesGroup(SnippetViewSetGroup):
    menu_label = _("Stories")
    menu_icon = "doc-full-inverse"
    items = (StoryConsentViewSet, ThemeViewSet)


register_snippet(StoriesGroup)


@hooks.register("after_create_snippet")
def record_who_recorded_consent(request, instance):
    if isinstance(instance, StoryConsent) and instance.recorded_by_id is None:
        instance.recorded_by = request.user
        instance.save(update_fields=["recorded_by"])


@hooks.register("register_log_actions")
def register_consent_unpublish(actions):
    @actions.register_action(UNPUBLISH_ACTION)
    class ConsentUnpublishFormatter(LogFormatter):
        label = _("Unpublish: consent withdrawn or expired")

        def format_message(self, log_entry):
            reasons = " ".join((log_entry.data or {}).get("reasons", []))
            if not reasons:
                return _("Unpublished: the consent no longer allows publishing.")
            return _("Unpublished: %(reasons)s") % {"reasons": reasons}
