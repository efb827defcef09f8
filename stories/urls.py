from django.urls import path

from .feeds import LatestStoriesFeed

# Included at /stories/feed/ by the site's URLconf (portal/urls.py); no namespace, so the feed's
# name stays "stories_feed".
urlpatterns = [
    path("", LatestStoriesFeed(), name="stories_feed"),
]
