"""Keeping published stories inside their consent."""

import logging

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


def unpublish_stories_without_consent(consent_ids=None, on=None):
    """Unpublish every live story whose consent no longer allows it; returns how many."""
    on = on or timezone.localdate()
    stories = StoryPage.objects.live().select_related("consent")
    if consent_ids is not None:
        stories = stories.filter(consent_id__in=consent_ids)
    count = 0
    for story in stories:
        problems = story.consent_problems(on=on)
        if problems:
            unpublish_for_consent(story, problems)
            count += 1
    return count
