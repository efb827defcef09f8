"""The seeker area as a job seeker uses it: signing up as one, the profile, work history, the CV
(checked by content, kept privately), matched jobs with their reasons, and deleting the account."""

import datetime
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from seekers.models import JobSeeker, SeekerDataAccess
from tests.employers.factories import JobListingFactory, SkillFactory, VerifiedUserFactory
from tests.seekers.factories import (
    JobSeekerFactory,
    docx_bytes,
    pdf_bytes,
    pdf_upload,
    with_cv,
)

PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def seeker(db):
    return JobSeekerFactory()


@pytest.fixture
def logged_in(client, seeker):
    client.force_login(seeker.user)
    return client


# Signing up ------------------------------------------------------------------------------------


def test_the_sign_up_page_asks_what_kind_of_account(client, db):
    page = client.get("/accounts/signup/").content.decode()
    assert 'name="kind"' in page
    assert "Job seeker" in page and "Employer" in page


def test_signing_up_as_a_job_seeker_makes_the_profile(client, db, mailoutbox):
    response = client.post(
        "/accounts/signup/",
        {"kind": "seeker", "email": "new.seeker@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    seeker = JobSeeker.objects.get(user__email="new.seeker@example.org")
    assert seeker.reference.startswith("S-")
    # The address is still to be verified; confirming it opens the seeker area.
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]*)", mailoutbox[-1].body).group(1)
    confirmed = client.post(link)
    assert confirmed.status_code == 302 and confirmed["Location"] == "/seeker/"


def test_signing_up_without_a_kind_makes_the_account_it_always_made(client, db):
    client.post(
        "/accounts/signup/",
        {"email": "owner@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not JobSeeker.objects.filter(user__email="owner@example.org").exists()


def test_an_unverified_address_waits_at_the_gate(client, db):
    seeker = JobSeekerFactory()
    seeker.user.emailaddress_set.update(verified=False)
    client.force_login(seeker.user)
    response = client.get("/seeker/")
    assert response.status_code == 403
    assert "SEEKMARK" not in response.content.decode()


def test_an_account_without_a_profile_is_offered_one(client, db):
    user = VerifiedUserFactory()
    client.force_login(user)
    assert client.get("/seeker/")["Location"] == reverse("seekers:start")
    response = client.post("/seeker/start/")
    assert response.status_code == 302
    assert JobSeeker.objects.filter(user=user).exists()


# The record self-check ------------------------------------------------------------------------


def test_the_seeker_area_leads_to_the_record_self_check_and_says_nothing_is_kept(logged_in):
    dashboard = BeautifulSoup(logged_in.get("/seeker/").content, "html.parser")
    section = dashboard.find(attrs={"data-flag": "record-check"})
    assert section is not None
    text = " ".join(section.get_text().split())
    assert "whether a conviction is likely spent" in text
    assert "Your answers are not kept" in text
    assert section.find("a", href="/record-check/") is not None
    # Every page of the area has it in its menu, and the link leads to the self-check.
    for path in ("/seeker/", "/seeker/profile/", "/seeker/jobs/"):
        menu = BeautifulSoup(logged_in.get(path).content, "html.parser").find("nav", class_="sidebar")
        assert menu.find("a", href="/record-check/", string="Is my conviction spent?") is not None, path
    assert "Is my conviction spent? A self-check" in logged_in.get("/record-check/").content.decode()


# The profile -----------------------------------------------------------------------------------


def test_the_profile_is_saved(logged_in, seeker):
    skill = SkillFactory(name="Food hygiene")
    response = logged_in.post(
        "/seeker/profile/",
        {
            "skills": [skill.pk],
            "hours_per_week": "30",
            "preferred_regions": ["GB-LDS"],
            "languages": ["en", "pl"],
            "personal_statement": "I cook well.",
            "status": "seeking",
            "findable": "on",
        },
    )
    assert response.status_code == 302
    seeker.refresh_from_db()
    assert list(seeker.skills.all()) == [skill]
    assert seeker.hours_per_week == 30 and seeker.findable
    assert seeker.language_names == ["English", "Polish"]
    assert seeker.preferred_region_names == ["Leeds"]


def test_bad_input_is_explained_next_to_the_field_and_kept(logged_in, seeker):
    response = logged_in.post(
        "/seeker/profile/",
        {"hours_per_week": "120", "personal_statement": "Typed with care", "status": "seeking"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a number of hours between 1 and 80." in page
    assert 'aria-invalid="true"' in page
    assert "Typed with care" in page and 'value="120"' in page


def test_no_field_asks_about_an_offence(logged_in):
    page = logged_in.get("/seeker/profile/").content.decode().lower()
    for word in ("offence", "sentence length", "conviction date", "criminal record"):
        assert f'name="{word}' not in page
    field_names = {field.name for field in JobSeeker._meta.get_fields()}
    assert not {name for name in field_names if any(w in name for w in ("offence", "sentence", "conviction"))}


# Work history ----------------------------------------------------------------------------------


def test_work_history_entries_are_added_and_removed(logged_in, seeker):
    response = logged_in.post(
        "/seeker/work-history/",
        {"role": "Porter", "employer_name": "Grand Hotel", "started_on": "2018-01-01", "ended_on": ""},
    )
    assert response.status_code == 302
    entry = seeker.work_history.get(role="Porter")
    assert entry.ended_on is None
    logged_in.post(f"/seeker/work-history/{entry.pk}/delete/")
    assert not seeker.work_history.filter(role="Porter").exists()


def test_an_entry_ending_before_it_starts_is_refused_and_kept(logged_in, seeker):
    response = logged_in.post(
        "/seeker/work-history/",
        {
            "role": "Porter",
            "employer_name": "Grand Hotel",
            "started_on": "2020-01-01",
            "ended_on": "2019-01-01",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The end cannot be before the start." in page and 'value="Grand Hotel"' in page


def test_another_seekers_entry_is_a_404(logged_in):
    other = JobSeekerFactory()
    entry = other.work_history.get()
    assert logged_in.post(f"/seeker/work-history/{entry.pk}/delete/").status_code == 404
    assert other.work_history.filter(pk=entry.pk).exists()


# The CV ----------------------------------------------------------------------------------------


def test_a_pdf_cv_is_kept_privately(logged_in, seeker):
    response = logged_in.post("/seeker/cv/", {"cv": pdf_upload("My CV", name="Jo Bloggs CV.pdf")})
    assert response.status_code == 302
    seeker.refresh_from_db()
    assert seeker.cv_content_type == "application/pdf" and seeker.cv_original_name == "Jo Bloggs CV.pdf"
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / seeker.cv.name
    assert stored.exists()
    assert "Bloggs" not in seeker.cv.name  # the person's own file name is not the stored one
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    # Nothing under the public media address reaches it.
    assert logged_in.get(f"/media/{seeker.cv.name}").status_code == 404
    with pytest.raises(ValueError):
        seeker.cv.url  # noqa: B018
    download = logged_in.get("/seeker/cv/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert download["Cache-Control"] == "private, no-store"
    assert "attachment" in download["Content-Disposition"]
    # The seeker's own downloads are not "someone else's view".
    assert not SeekerDataAccess.objects.exists()


def test_a_word_cv_is_accepted(logged_in, seeker):
    upload = SimpleUploadedFile("cv.docx", docx_bytes("My CV"), content_type="application/octet-stream")
    assert logged_in.post("/seeker/cv/", {"cv": upload}).status_code == 302
    seeker.refresh_from_db()
    assert seeker.cv_content_type.endswith("wordprocessingml.document")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.pdf", b"MZ\x90\x00 this is a program, not a CV", "This file is neither"),
        ("cv.pdf", b"<html><script>alert(1)</script></html>", "This file is neither"),
        ("cv.docx", b"PK\x03\x04 not really a zip", "This file is neither"),
        ("cv.exe", pdf_bytes(), "does not match what it contains"),
        ("cv.docx", pdf_bytes(), "does not match what it contains"),
        ("cv.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "larger than 5 MB"),
    ],
)
def test_a_file_that_is_not_a_cv_is_refused_with_a_reason(logged_in, seeker, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = logged_in.post("/seeker/cv/", {"cv": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    seeker.refresh_from_db()
    assert not seeker.has_cv


def test_a_zip_that_is_not_a_word_document_is_refused(logged_in, seeker):
    import io
    import zipfile

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("payload.js", "alert(1)")
    upload = SimpleUploadedFile("cv.docx", archive.getvalue())
    assert logged_in.post("/seeker/cv/", {"cv": upload}).status_code == 400


def test_replacing_and_deleting_the_cv_removes_the_files(logged_in, seeker):
    with_cv(seeker)
    first = Path(settings.PRIVATE_MEDIA_ROOT) / seeker.cv.name
    logged_in.post("/seeker/cv/", {"cv": pdf_upload("Second")})
    seeker.refresh_from_db()
    assert not first.exists()
    second = Path(settings.PRIVATE_MEDIA_ROOT) / seeker.cv.name
    assert second.exists()
    logged_in.post("/seeker/cv/delete/")
    seeker.refresh_from_db()
    assert not seeker.has_cv and not second.exists()


# Matched jobs ----------------------------------------------------------------------------------


def test_matched_jobs_come_with_their_reasons(logged_in, seeker):
    cooking = SkillFactory(name="Cooking")
    seeker.skills.add(cooking)
    job = JobListingFactory(title="Line Cook", skills=[cooking], region="GB-MAN")
    JobListingFactory(title="Far Away Job", region="GB-LND")
    page = logged_in.get("/seeker/jobs/").content.decode()
    assert "Line Cook" in page
    assert "Matches 1 of 1 required skill: Cooking" in page
    assert "Same region: Manchester" in page
    assert "Far Away Job" not in page
    assert f'data-job="{job.pk}"' in page


def test_a_seeker_not_looking_for_work_sees_no_matches(logged_in, seeker):
    seeker.status = JobSeeker.Status.NOT_SEEKING
    seeker.save()
    JobListingFactory(title="Line Cook")
    page = logged_in.get("/seeker/jobs/").content.decode()
    assert "Line Cook" not in page and 'data-flag="not-seeking"' in page


# Erasure ---------------------------------------------------------------------------------------


def test_deleting_the_account_erases_the_profile_and_the_cv(client, db):
    seeker = with_cv(JobSeekerFactory(available_from=datetime.date(2030, 1, 1)))
    seeker.user.set_password(PASSWORD)
    seeker.user.save()
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / seeker.cv.name
    client.force_login(seeker.user)
    response = client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    seeker.refresh_from_db()
    assert seeker.is_erased and seeker.user is None
    assert seeker.personal_statement == "" and not seeker.has_cv and not seeker.cv_original_name
    assert not seeker.work_history.exists() and not seeker.skills.exists()
    assert not stored.exists()
    assert seeker.data_accesses.filter(action=SeekerDataAccess.Action.ERASE).exists()
    assert seeker.available_from is None and seeker.languages == []
