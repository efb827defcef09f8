from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from portal.addresses import absolute_url, tag_uri
from portal.languages import localise_path

from .models import StoryPage


class LatestStoriesFeed(Feed):
    title = _("Second Chance Portal: stories")
    description = _("The latest stories of people who found work and a place after prison.")

    def link(self):
        return absolute_url(localise_path("/stories/"))

    def feed_url(self):
        return absolute_url(localise_path("/stories/feed/"))

    def items(self):
        return StoryPage.objects.visible().order_by("-first_published_at")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return absolute_url(item.get_url())

    def item_pubdate(self, item):
        return item.first_published_at

    def item_guid(self, item):
        return tag_uri("story", item.pk)

    item_guid_is_permalink = False
