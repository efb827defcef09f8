"""The demo's job seekers: a few profiles and the login seeker@example.org, a findable seeker who
sees matched jobs with their reasons, answers introductions and is linked to the first provider."""

from django.core.management import call_command

from seekers.models import JobSeeker, ProviderLink, SeekerIntroduction


def test_the_demo_seeker_sees_matched_jobs_introductions_and_a_provider(client, home):
    call_command("load_demo_content")
    seeker = JobSeeker.objects.get(user__email="seeker@example.org")
    assert seeker.findable and seeker.skills.count() == 5 and seeker.work_history.count() == 2
    assert JobSeeker.objects.count() == 5
    client.force_login(seeker.user)
    jobs = client.get("/seeker/jobs/").content.decode()
    assert jobs.count("data-job=") >= 3 and "required skill" in jobs
    statuses = set(SeekerIntroduction.objects.filter(seeker=seeker).values_list("status", flat=True))
    assert statuses == {"accepted", "requested"}
    link = ProviderLink.objects.get(seeker=seeker)
    assert (
        link.status == "confirmed" and link.provider.staff.filter(user__email="partner@example.org").exists()
    )
    # The demo employer sees the accepted profile; the partner sees the linked one.
    client.force_login(SeekerIntroduction.objects.accepted().get(seeker=seeker).requested_by)
    assert client.get(f"/employer/seekers/{seeker.reference}/").status_code == 200
