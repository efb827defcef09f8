"""Keeping published stories inside their consent."""

import logging

from django.utils import timezone

logger = logging.getLogger(__name__)


def unpublish_stories_without_consent(consent_ids=None, on=None):
    """Unpublish every live story whose consent no longer allows it; returns how many."""
    from .models import StoryPage

    on = on or timezone.localdate()
    stories = StoryPage.objects.live().select_related("consent")
    if consent_ids is not None:
        stories = stories.filter(consent_id__in=consent_ids)
    count = 0
    for story in stories:
        problems = story.consent_problems(on=on)
        if problems:
            story.unpublish(log_action="wagtail.unpublish")
            logger.info("Unpublished story %s: %s", story.pk, "; ".join(str(p) for p in problems))
            count += 1
    return count
