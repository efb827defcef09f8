import datetime

import pytest
from django.contrib.auth.models import Group

from incentives.models import SavedIncentiveResult
from matching.models import Hire, Introduction
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    SkillFactory,
    VerifiedUserFactory,
    owner_of,
)
from tests.partners.factories import (
    CoordinatorFactory,
    GraduateFactory,
    ProgrammeFactory,
    ProgrammeProviderFactory,
)
from tests.portal.factories import with_totp
from tests.stories.factories import StoryPageFactory


@pytest.fixture
def world(home, story_index, campaign_index):
    """Something behind every form: a live campaign, a pledged employer with a listing, a second
    employer without a pledge, a provider with a graduate, an introduction and a hire."""
    skill = SkillFactory(name="Bricklaying", area="construction")
    owner, employer = owner_of(email="owner@bricks.example.org")
    HiringPledgeFactory(employer=employer)
    job = JobListingFactory(employer=employer, title="Trainee bricklayer", sector="F", skills=[skill])
    unpledged_owner, _ = owner_of(employer=EmployerFactory(name="Not Yet Pledged Ltd"))
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    coordinator = CoordinatorFactory(provider=provider, user__email="coordinator@fresh.example.org").user
    programme = ProgrammeFactory(provider=provider, skills=[skill])
    graduate = GraduateFactory(provider=provider, programmes=[programme], skills=[skill])
    placed = GraduateFactory(provider=provider, programmes=[programme])
    introduction = Introduction.objects.create(job=job, graduate=graduate, requested_by=owner, message="Hi")
    accepted = Introduction.objects.create(
        job=job,
        graduate=GraduateFactory(provider=provider, programmes=[programme]),
        requested_by=owner,
        status=Introduction.Status.ACCEPTED,
        answered_at=datetime.datetime.now(datetime.UTC),
        released_contact="Sam, 07700 900123",
    )
    hire = Hire.objects.create(
        graduate=placed,
        job=job,
        employer=employer,
        start_date=datetime.date.today() - datetime.timedelta(days=20),
        recorded_by=coordinator,
    )
    saved = SavedIncentiveResult.objects.create(employer=employer, answers={}, results=[])
    editor = VerifiedUserFactory()
    editor.groups.add(Group.objects.get(name="Campaign editors"))
    with_totp(editor)
    return {
        "campaign": LiveCampaignPageFactory(parent=campaign_index),
        "story": StoryPageFactory(parent=story_index),
        "owner": owner,
        "unpledged_owner": unpledged_owner,
        "newcomer": VerifiedUserFactory(),
        "employer": employer,
        "job": job,
        "coordinator": coordinator,
        "provider": provider,
        "graduate": graduate,
        "introduction": introduction,
        "accepted": accepted,
        "hire": hire,
        "saved": saved,
    }
