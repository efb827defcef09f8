"""The demo's volunteers: one in each state of the screening, an open mentor request, and the login
volunteer@example.org, an active peer mentor matched to a demo graduate with a logged session."""

from django.core.management import call_command

from volunteers.demo import PATHS
from volunteers.models import MentorRequest, Status, Volunteer


def test_the_demo_has_volunteers_in_every_state_and_a_matched_mentor(client, home):
    call_command("load_demo_content")
    assert set(Volunteer.objects.values_list("status", flat=True)) == set(Status.values)
    assert MentorRequest.objects.open().count() == 1
    mentor = Volunteer.objects.get(user__email="volunteer@example.org")
    assert mentor.status == Status.ACTIVE and mentor.role == "peer-mentor"
    mentorship = mentor.mentorships.get()
    assert mentorship.is_current and mentorship.sessions.count() == 1
    assert mentorship.request.graduate.provider.staff.filter(user__email="partner@example.org").exists()
    for volunteer in Volunteer.objects.all():
        assert volunteer.status_history.count() == len(PATHS[volunteer.status])
    client.force_login(mentor.user)
    page = client.get(f"/volunteer/area/matches/{mentorship.pk}/").content.decode()
    assert "partner@example.org" in page and "practice interview" in page
