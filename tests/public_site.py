"""One of every public page type, from factories: the pages outside validators and clients see.

Used by tests/portal/test_public_address.py, tests/portal/test_social_cards.py and
tests/validators/test_html.py; `public_pages(site)` lists each page's address with its kind.
"""

from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.employers.factories import HiringPledgeFactory, JobListingFactory, SkillFactory, owner_of
from tests.stories.factories import StoryPageFactory, ThemeFactory


def build_public_site(home, story_index, campaign_index, standard_pages):
    owner, employer = owner_of(email="owner@bricks.example.org")
    employer.name, employer.description = "Bricks and Mortar Ltd", "We build homes in the north."
    employer.save()
    pledge = HiringPledgeFactory(employer=employer)
    brick = SkillFactory(name="Bricklaying", area="construction")
    job = JobListingFactory(
        employer=employer, title="Trainee bricklayer", sector="F", region="GB-MAN", skills=[brick]
    )
    story = StoryPageFactory(
        parent=story_index, title="Maria's new trade", themes=[ThemeFactory(name="Work")]
    )
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Give work a chance")
    ConfirmedPledgeFactory(campaign=campaign)
    return {
        "home": home,
        "owner": owner,
        "employer": employer,
        "pledge": pledge,
        "job": job,
        "story": story,
        "story_index": story_index,
        "campaign": campaign,
        "campaign_index": campaign_index,
        "about": standard_pages["about"],
    }


def public_pages(site):
    """[(kind, path)] of every public page type, one of each."""
    return [
        ("home page", "/"),
        ("standard page", site["about"].url),
        ("story index", site["story_index"].url),
        ("story", site["story"].url),
        ("campaign index", site["campaign_index"].url),
        ("campaign", site["campaign"].url),
        ("job board", "/jobs/"),
        ("job page", site["job"].get_absolute_url()),
        ("pledge wall", "/pledge-wall/"),
        ("employer profile", site["employer"].get_absolute_url()),
        ("pledge page", site["pledge"].get_absolute_url()),
        ("incentives", "/incentives/"),
        ("impact", "/impact/"),
        ("API documentation", "/api/v1/docs"),
    ]
