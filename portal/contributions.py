"""What the domain apps lend the ground floor, registered from their AppConfig.ready().

The portal (home page, sitemaps, readiness check) shows things that belong to the domains: the
home page's four figures and its stories, the employer and job sitemaps, the search engine's
health. Importing them from here would make the ground floor depend on every room above it, so
each app hands its part in when Django loads it, as Django's own admin site is filled:

    home_figure("jobs", open_jobs)          # employers/apps.py
    home_stories(story_cards)               # stories/apps.py
    sitemap("employers", EmployerSitemap)   # employers/apps.py
    search_readiness(search_status)         # search/apps.py

Nothing is required: without an app its figure, section or check is simply not there.
"""

from . import sitemaps as _sitemaps

# name -> callable counting it; the home page template reads them by name.
HOME_FIGURES = {}

# The sitemap index's sections in the order they are listed; the domains' come after the portal's.
SITEMAPS = {
    "pages": _sitemaps.PagesSitemap,
    "addresses": _sitemaps.AddressSitemap,
}

_story_cards = None
_search_status = None


def home_figure(name, count):
    """Show `count()` as the home page figure `name` (supporters, employers, jobs, hires)."""
    HOME_FIGURES[name] = count


def home_figures():
    return {name: count() for name, count in HOME_FIGURES.items()}


def home_stories(story_cards):
    """`story_cards(ids=None, limit=...)`: the cards of the home page's featured stories."""
    global _story_cards
    _story_cards = story_cards


def story_cards(ids=None, limit=3):
    return [] if _story_cards is None else _story_cards(ids=ids, limit=limit)


def sitemap(section, sitemap_class):
    """List `sitemap_class` in /sitemap.xml as /sitemap-<section>.xml."""
    SITEMAPS[section] = sitemap_class


def search_readiness(status):
    """`status()` answers "ok" or "degraded" for /readyz once the database answers."""
    global _search_status
    _search_status = status


def search_status():
    return "ok" if _search_status is None else _search_status()
