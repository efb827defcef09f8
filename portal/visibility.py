"""Which pages the public may see, without a query per listing.

Wagtail's `PageQuerySet.public()` reads every view restriction each time it is called, and a
page with three listings would pay for it three times. The restricted paths change only when
staff edit a restriction, so they are kept in the cache and dropped whenever one changes.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

CACHE_KEY = "portal:restricted-page-paths"


def restricted_paths():
    paths = cache.get(CACHE_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(CACHE_KEY, paths, timeout=None)
    return paths


def public_q():
    """A filter for pages outside every restricted section."""
    condition = Q()
    for path in restricted_paths():
        condition &= ~Q(path__startswith=path)
    return condition


def visible(queryset):
    """Live pages the public may see."""
    return queryset.live().filter(public_q())


class PublicPageMixin:
    """For page types the public reads: skip Wagtail's two restriction queries while none exist."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        # Any restriction at all: let Wagtail resolve ancestors and aliases in full.
        return super().get_view_restrictions()


@receiver([post_save, post_delete], sender=PageViewRestriction)
def forget_restricted_paths(**kwargs):
    cache.delete(CACHE_KEY)


@receiver(post_page_move)
def forget_restricted_paths_after_move(**kwargs):
    # Moving a restricted section changes its path.
    cache.delete(CACHE_KEY)
