"""What other apps may ask of stories: cards for listings, in a fixed number of queries."""

from .models import StoryPage


def story_cards(ids=None, theme=None, limit=3):
    stories = StoryPage.objects.visible().with_card_data()
    if ids:
        by_id = {story.pk: story for story in stories.filter(pk__in=ids)}
        return [by_id[pk] for pk in ids if pk in by_id][:limit]
    if theme is not None:
        stories = stories.filter(themes=theme).distinct()
    return list(stories.order_by("-first_published_at")[:limit])
