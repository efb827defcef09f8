"""Factories of job seekers: profiles with an account, work history, CVs, provider links and
introductions.

JobSeekerFactory's free text holds unique marker strings (``SEEKMARK`` + a number) so privacy
tests can assert they appear nowhere they must not: ``seeker_markers(seeker)`` lists them (the
statement, a work-history entry, the CV's words and the account's e-mail address).

    JobSeekerFactory()                               # seeking, not findable, no CV
    FindableSeekerFactory(skills=[skill])            # opted in to being found
    with_cv(seeker)                                  # a small real PDF holding a marker
"""

import datetime
import io
import zipfile

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from seekers.cvs import PDF
from seekers.models import JobSeeker, ProviderLink, SeekerIntroduction, WorkHistoryEntry
from tests.employers.factories import JobListingFactory, VerifiedUserFactory
from tests.partners.factories import ProgrammeProviderFactory

SEEKER_MARKER_PREFIX = "SEEKMARK"


class JobSeekerFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(
        VerifiedUserFactory,
        email=factory.Sequence(lambda n: f"{SEEKER_MARKER_PREFIX.lower()}{n}@seekers.example.org"),
    )
    personal_statement = factory.Sequence(lambda n: f"{SEEKER_MARKER_PREFIX}statement{n} I love cooking.")
    preferred_regions = factory.LazyFunction(lambda: ["GB-MAN"])
    languages = factory.LazyFunction(lambda: ["en"])

    class Meta:
        model = JobSeeker
        skip_postgeneration_save = True

    @factory.post_generation
    def skills(seeker, create, extracted, **kwargs):
        if create and extracted:
            seeker.skills.set(extracted)

    @factory.post_generation
    def certifications(seeker, create, extracted, **kwargs):
        if create and extracted:
            seeker.certifications.set(extracted)

    @factory.post_generation
    def history(seeker, create, extracted, **kwargs):
        if create:
            WorkHistoryEntry.objects.create(
                seeker=seeker,
                role="Line cook",
                employer_name=f"{SEEKER_MARKER_PREFIX}employer{seeker.pk} Diner",
                started_on=datetime.date(2019, 3, 1),
                ended_on=datetime.date(2021, 6, 30),
            )


class FindableSeekerFactory(JobSeekerFactory):
    findable = True


def pdf_bytes(text="A CV"):
    """A small, valid one-page PDF whose content stream holds `text`."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx_bytes(text="A CV"):
    """A minimal .docx (the parts Word needs to say what it is) holding `text`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return out.getvalue()


def pdf_upload(text="A CV", name="cv.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf")


def with_cv(seeker, text=None):
    text = text or f"{SEEKER_MARKER_PREFIX}cv{seeker.pk}"
    seeker.replace_cv(pdf_upload(text, name=f"{SEEKER_MARKER_PREFIX}file{seeker.pk}.pdf"), PDF)
    return seeker


def seeker_markers(seeker):
    """The strings of a seeker's that only those with a ground to see the profile may see."""
    entry = seeker.work_history.first()
    markers = [seeker.personal_statement.split()[0], seeker.user.email]
    if entry is not None:
        markers.append(entry.employer_name.split()[0])
    return [marker for marker in markers if marker]


class ProviderLinkFactory(factory.django.DjangoModelFactory):
    seeker = factory.SubFactory(JobSeekerFactory)
    provider = factory.SubFactory(ProgrammeProviderFactory)

    class Meta:
        model = ProviderLink


class ConfirmedLinkFactory(ProviderLinkFactory):
    status = ProviderLink.Status.CONFIRMED


class SeekerIntroductionFactory(factory.django.DjangoModelFactory):
    job = factory.SubFactory(JobListingFactory)
    seeker = factory.SubFactory(FindableSeekerFactory)
    message = "We would like to meet you."

    class Meta:
        model = SeekerIntroduction


class AcceptedIntroductionFactory(SeekerIntroductionFactory):
    status = SeekerIntroduction.Status.ACCEPTED
