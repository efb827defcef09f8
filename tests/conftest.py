import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from incentives.examples import seed_example_schemes
from portal.site_setup import ensure_child, ensure_home_page
from tests.campaigns.factories import CampaignIndexPageFactory
from tests.stories.factories import StoryIndexPageFactory


@pytest.fixture(autouse=True)
def english_to_begin_with():
    """Each test starts in English: a request through LocaleMiddleware leaves its language active
    in the thread, where a later test's get_absolute_url() or gettext would read it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_cache():
    # Rate limits and renditions live in the cache; Redis survives between tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    home = ensure_home_page(title="Home", hero_heading="Everyone deserves a second chance")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "testserver", 80
    site.save()
    return home


@pytest.fixture
def example_schemes(db):
    """The four example incentive schemes, as `load_demo_content` seeds them (no migration does)."""
    seed_example_schemes()


@pytest.fixture
def story_index(home):
    return StoryIndexPageFactory(parent=home)


@pytest.fixture
def campaign_index(home):
    return CampaignIndexPageFactory(parent=home)


@pytest.fixture
def standard_pages(home):
    from portal.models import StandardPage

    return {
        slug: ensure_child(home, StandardPage, slug, title=slug.title(), introduction=f"The {slug} page.")
        for slug in ("about", "privacy", "accessibility", "contact")
    }


@pytest.fixture(autouse=True, scope="session")
def remove_test_media():
    yield
    import shutil

    from django.conf import settings

    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
