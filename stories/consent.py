"""Keeping published stories inside their consent.

A story's consent covers all its translations (the pages sharing its Wagtail translation key):
the person agreed to their story being told, in whatever language, so a withdrawal takes down
every translation, even one an editor pointed at another consent record.
"""

import logging

from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from .models import StoryPage

logger = logging.getLogger(__name__)

# The page history entry of a story taken down by its consent (its formatter: stories/wagtail_hooks.py).
UNPUBLISH_ACTION = "stories.unpublish_consent"


def unpublish_for_consent(story, problems):
    """Take the story down, say why in its history, and cancel any publication scheduled for it
    (a lapsed consent cannot be published later either; the history then shows nothing scheduled)."""
    story.unpublish(log_action=False)
    scheduled = story.revisions.filter(approved_go_live_at__isnull=False)
    if scheduled.exists():
        scheduled.update(approved_go_live_at=None)
    if story.go_live_at:
        type(story).objects.filter(pk=story.pk).update(go_live_at=None)
    log(instance=story, action=UNPUBLISH_ACTION, data={"reasons": [str(problem) for problem in problems]})
    logger.info("Unpublished story %s: %s", story.pk, "; ".join(str(p) for p in problems))


def translation_group_problems(story, on=None):
    """Why `story` may not be public: its own consent's problems, else those of the consent of
    any of its translations (one person's story, one permission)."""
    problems = story.consent_problems(on=on)
    if problems:
        return problems
    others = (
        StoryPage.objects.filter(translation_key=story.translation_key)
        .exclude(pk=story.pk)
        .exclude(consent_id=story.consent_id)
        .select_related("consent")
    )
    for other in others:
        problems = other.consent_problems(on=on)
        if problems:
            return problems
    return []


def unpublish_stories_without_consent(consent_ids=None, on=None):
    """Unpublish every live story (and every live translation of it) whose consent no longer
    allows it; returns how many pages were taken down."""
    on = on or timezone.localdate()
    stories = StoryPage.objects.live().select_related("consent")
    # The stories whose consents are checked: those the changed consents cover (live or not: an
    # unpublished source still speaks for its live translations), or every live one.
    told = stories
    if consent_ids is not None:
        told = StoryPage.objects.filter(consent_id__in=consent_ids).select_related("consent")
        stories = stories.filter(
            Q(consent_id__in=consent_ids) | Q(translation_key__in=told.values("translation_key"))
        )
    lapsed = {}
    for story in told:
        problems = story.consent_problems(on=on)
        if problems:
            lapsed.setdefault(story.translation_key, problems)
    count = 0
    for story in stories:
        problems = story.consent_problems(on=on) or lapsed.get(story.translation_key)
        if problems:
            unpublish_for_consent(story, problems)
            count += 1
    return count
