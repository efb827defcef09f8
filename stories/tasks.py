from django_tasks import task

from .consent import unpublish_stories_without_consent


@task()
def enforce_story_consent(consent_ids=None):
    """Run daily (and on demand): unpublish stories whose consent lapsed, was narrowed or withdrawn."""
    return unpublish_stories_without_consent(consent_ids)
