"""The job listing state machine and the rich-text sanitiser, at the model level."""

import pytest

from jobs.models import InvalidTransition, JobListing
from jobs.richtext import sanitise_html
from tests.employers.factories import DraftJobFactory, SkillFactory
from tests.portal.factories import UserFactory

S = JobListing.Status
ALL_ACTIONS = list(JobListing.TRANSITIONS)

# state → {action: resulting state}; every other action is refused
ALLOWED = {
    S.DRAFT: {"submit": S.PENDING, "close": S.CLOSED},
    S.PENDING: {"approve": S.PUBLISHED, "reject": S.REJECTED, "close": S.CLOSED},
    S.PUBLISHED: {"resubmit": S.PENDING, "close": S.CLOSED, "expire": S.EXPIRED},
    S.REJECTED: {"redraft": S.DRAFT},
    S.CLOSED: {},
    S.EXPIRED: {},
}


@pytest.mark.django_db
@pytest.mark.parametrize("state", list(ALLOWED))
@pytest.mark.parametrize("action", ALL_ACTIONS)
def test_every_transition_is_allowed_or_refused(state, action):
    job = DraftJobFactory(status=state)
    moderator = UserFactory()
    if action in ALLOWED[state]:
        job.transition(action, by=moderator, reason="because")
        job.refresh_from_db()
        assert job.status == ALLOWED[state][action]
        change = job.history.get()
        assert (change.from_status, change.to_status, change.changed_by) == (state, job.status, moderator)
    else:
        with pytest.raises(InvalidTransition):
            job.transition(action, by=moderator)
        job.refresh_from_db()
        assert job.status == state
        assert not job.history.exists()


@pytest.mark.django_db
def test_rejection_needs_a_reason_and_approval_clears_it():
    job = DraftJobFactory(status=S.PENDING)
    with pytest.raises(InvalidTransition):
        job.reject(by=None, reason="  ")
    job.reject(by=None, reason="Remove 'clean record'.")
    assert job.rejection_reason == "Remove 'clean record'."
    job.redraft()
    job.submit()
    job.approve()
    job.refresh_from_db()
    assert (job.status, job.rejection_reason) == (S.PUBLISHED, "")
    assert job.published_at is not None


@pytest.mark.django_db
def test_substance_versus_cosmetic_changes():
    job = DraftJobFactory()
    saved = JobListing.objects.get(pk=job.pk)
    job.openings = 5
    assert not job.substance_changed(saved)
    job.title = "Head baker"
    assert job.substance_changed(saved)


@pytest.mark.django_db
def test_renew_copies_the_listing_into_a_new_draft():
    skill = SkillFactory()
    job = DraftJobFactory(status=S.CLOSED, skills={skill: False})
    copy = job.renew()
    assert copy.pk != job.pk
    assert (copy.status, copy.renewed_from, copy.title) == (S.DRAFT, job, job.title)
    assert list(copy.skill_links.values_list("skill", "required")) == [(skill.pk, False)]
    assert copy.closing_date is None


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ('<p onclick="x()">Hi</p>', "<p>Hi</p>"),
        ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
        ('<a href="javascript:alert(1)">link</a>', '<a rel="nofollow noopener">link</a>'),
        (
            '<a href="https://example.org" onmouseover="x()">site</a>',
            '<a href="https://example.org" rel="nofollow noopener">site</a>',
        ),
        ('<img src="x" onerror="steal()"><p>text</p>', "<p>text</p>"),
        ("<style>body{display:none}</style><ul><li>one</li></ul>", "<ul><li>one</li></ul>"),
        ('<iframe src="https://evil.example"></iframe>', ""),
        ("<h1>Big</h1>", "Big"),
    ],
)
def test_sanitiser_strips_scripts_and_event_handlers(dirty, clean):
    assert sanitise_html(dirty) == clean
