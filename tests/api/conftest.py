import jsonschema_rs
import pytest

from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory, PendingPledgeFactory
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    PendingEmployerFactory,
    SkillFactory,
    owner_of,
)
from tests.stories.factories import DraftStoryPageFactory, StoryPageFactory, ThemeFactory


@pytest.fixture
def openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def response_schema(document, path, status, method="get"):
    """The JSON schema the OpenAPI document gives for one answer, with its components beside it."""
    answer = document["paths"][path][method]["responses"][str(status)]
    schema = answer["content"]["application/json"]["schema"]
    return {**schema, "components": document["components"]}


def assert_conforms(document, path, response):
    """The answer is JSON that the document's schema for this path and status accepts."""
    assert response["Content-Type"].startswith("application/json")
    validator = jsonschema_rs.Draft202012Validator(response_schema(document, path, response.status_code))
    errors = [f"{error.instance_path}: {error.message}" for error in validator.iter_errors(response.json())]
    assert not errors, f"{path} ({response.status_code}) breaks its schema: {errors[:5]}"


@pytest.fixture
def board(db):
    """A verified, pledged employer with published jobs, and everything the public must not see."""
    owner, employer = owner_of(email="owner@bricks.example.org")
    employer.name, employer.description = "Bricks and Mortar Ltd", "We build homes."
    employer.save()
    pledge = HiringPledgeFactory(employer=employer)
    brick = SkillFactory(name="Bricklaying", area="construction")
    published = [
        JobListingFactory(
            employer=employer, title="Trainee bricklayer", sector="F", region="GB-MAN", skills=[brick]
        ),
        JobListingFactory(employer=employer, title="Site labourer", sector="F", region="GB-LDS"),
        JobListingFactory(employer=employer, title="Kitchen porter", sector="I", region="GB-MAN"),
    ]
    unverified = PendingEmployerFactory(name="Not Yet Checked Ltd")
    HiringPledgeFactory(employer=unverified)
    private = EmployerFactory(name="Quiet Pledger Ltd")
    HiringPledgeFactory(employer=private, is_public=False)
    EmployerFactory(name="No Pledge Ltd")
    hidden = [
        JobListingFactory(employer=unverified, title="Hidden unverified job"),
        JobListingFactory(employer=employer, title="Hidden draft job", status="draft", published_at=None),
        JobListingFactory(employer=employer, title="Hidden pending job", status="pending", published_at=None),
        JobListingFactory(
            employer=employer, title="Hidden rejected job", status="rejected", published_at=None
        ),
        JobListingFactory(employer=employer, title="Hidden closed job", status="closed"),
        JobListingFactory(employer=employer, title="Hidden expired job", status="expired"),
    ]
    return {
        "owner": owner,
        "employer": employer,
        "pledge": pledge,
        "jobs": published,
        "hidden_jobs": hidden,
        "hidden_employers": [unverified, private],
    }


@pytest.fixture
def pages(story_index, campaign_index):
    theme = ThemeFactory(name="Work", slug="work")
    story = StoryPageFactory(parent=story_index, title="Maria's new trade", themes=[theme])
    draft = DraftStoryPageFactory(parent=story_index, title="Unpublished draft story")
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Give work a chance")
    for _ in range(3):
        ConfirmedPledgeFactory(campaign=campaign)
    PendingPledgeFactory(campaign=campaign)
    return {"story": story, "draft": draft, "campaign": campaign, "theme": theme}
