"""The Document classes: what each index holds, and which objects may be in it.

Every class knows its Django `model`, its alias (`alias()`: `<SEARCH_INDEX_PREFIX>_<name>`), what
may be found (`indexed_queryset()`, `should_index(obj)`) and how an object becomes a document
(`from_object(obj)`, id = the primary key). Mappings are strict: a field not declared here is
refused by the server, so nothing reaches an index by accident.

The five site-search types share `type`, `title`, `summary`, `body`, `url` and `date`, so one
multi-index query searches them all. Titles have an `.autocomplete` sub-field (edge n-grams) for
the search box, and are copied with summaries into `spelling` for "did you mean".

Graduates are indexed for matching only, with anonymised fields: the reference code, provider
and programmes, skill and certification ids, places, preferences, restrictions and
availability. There is no field for anything of GraduatePersonalData nor for the personal
statement (tests/search/test_es_documents.py holds the mapping to that).
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.html import strip_tags
from elasticsearch.dsl import Boolean, Date, DateNanos, Document, Integer, Keyword, MetaField, Text
from wagtail.models import Page

from employers.models import HiringPledge
from jobs.models import REQUIREMENT_FLAGS
from partners.models import RESTRICTION_CLASHES
from portal.visibility import visible
from stories.models import StoryConsent

from .analysis import (
    LANGUAGE_CHAINS,
    autocomplete,
    autocomplete_search,
    language_analyzers,
    plain_text,
    portal_text,
    portal_text_search,
    shingled_text,
)

INDEX_SETTINGS = {"number_of_shards": 1}
# The text fields with a sub-field per language (words(languages=True)).
LANGUAGE_SUBFIELDS = ("title", "summary", "body", "description")


def words(languages=False, fields=None, **kwargs):
    """Text stemmed in English; with `languages`, a sub-field per other language (`title.fr`,
    `title.es`, `title.ar`) stemmed in that language, which a visitor of it searches as well."""
    fields = dict(fields or {})
    if languages:
        for code in LANGUAGE_CHAINS:
            index_analyzer, search_analyzer = language_analyzers(code)
            fields[code] = Text(analyzer=index_analyzer, search_analyzer=search_analyzer)
    if fields:
        kwargs["fields"] = fields
    return Text(analyzer=portal_text, search_analyzer=portal_text_search, **kwargs)


def title_field():
    return words(
        languages=True,
        copy_to="spelling",
        fields={"autocomplete": Text(analyzer=autocomplete, search_analyzer=autocomplete_search)},
    )


def stream_text(page, field="body"):
    """The words of a StreamField, as Wagtail's own search index reads them."""
    stream = page._meta.get_field(field)
    return " ".join(str(part) for part in stream.get_searchable_content(getattr(page, field)) if part)


class LazyModel:
    """The Django model a Document indexes, looked up by its label on first use."""

    def __init__(self, label):
        self.label = label

    def __get__(self, instance, owner):
        return apps.get_model(self.label)


def prefixed(name):
    return f"{settings.SEARCH_INDEX_PREFIX}_{name}"


class PortalDocument(Document):
    """What every index has in common; not an index itself."""

    index_name = ""  # the alias without the prefix
    model = None

    class Meta:
        dynamic = MetaField("strict")

    @classmethod
    def alias(cls):
        return prefixed(cls.index_name)

    @classmethod
    def indexed_queryset(cls):
        raise NotImplementedError

    @classmethod
    def should_index(cls, obj):
        """Whether `obj` may be found now (read from the database: the rule is the queryset's)."""
        if getattr(obj, "pk", None) is None:
            return False
        return cls.indexed_queryset().filter(pk=obj.pk).exists()

    @classmethod
    def from_object(cls, obj):
        document = cls(meta={"id": str(obj.pk)}, **cls.fields_of(obj))
        return document

    @classmethod
    def fields_of(cls, obj):
        raise NotImplementedError


class SiteDocument(PortalDocument):
    """A type site search finds."""

    site_type = ""  # one of search.engines.base.SITE_TYPES

    type = Keyword()
    pk = Integer()
    title = title_field()
    summary = words(languages=True, copy_to="spelling")
    body = words(languages=True)
    url = Keyword(index=False)
    date = Date()
    # A Wagtail page's locale ("fr"): site search shows the visitor's only. Jobs and employers
    # have none (every listing is found whatever its language; JobDocument.language says which).
    locale = Keyword()
    spelling = Text(analyzer=plain_text, fields={"shingles": Text(analyzer=shingled_text)})

    @classmethod
    def common(cls, obj, title, summary, body, url, date):
        return {
            "type": cls.site_type,
            "pk": obj.pk,
            "title": title,
            "summary": summary,
            "body": body,
            "url": url,
            "date": date,
        }


def page_url(page):
    return page.get_url() or page.url_path


def with_locale(fields, page):
    fields["locale"] = page.locale.language_code if page.locale_id else None
    return fields


# Jobs ------------------------------------------------------------------------------------------


class JobDocument(SiteDocument):
    index_name = "jobs"
    site_type = "job"

    description = words(languages=True)
    language = Keyword()
    employer_name = words()
    employer_id = Integer()
    place = words()
    skill_names = words()
    sector = Keyword()
    region = Keyword()
    employment_type = Keyword()
    remote = Keyword()
    # Nanoseconds, not the milliseconds of `Date`: the newest-first order breaks ties on the key,
    # and two listings published within one millisecond must not tie here while the database,
    # which keeps microseconds, tells them apart.
    published_at = DateNanos()
    closing_date = Date()
    start_date = Date()
    required_skill_ids = Integer(multi=True)
    preferred_skill_ids = Integer(multi=True)
    required_certification_ids = Integer(multi=True)
    preferred_certification_ids = Integer(multi=True)
    works_with_vulnerable_people = Boolean()
    requires_driving = Boolean()
    handles_cash = Boolean()
    requires_security_clearance = Boolean()
    night_shifts = Boolean()

    class Index:
        name = prefixed("jobs")
        settings = INDEX_SETTINGS

    model = LazyModel("jobs.JobListing")

    @classmethod
    def indexed_queryset(cls):
        return (
            cls.model.objects.published()
            .select_related("employer")
            .prefetch_related("skill_links__skill", "certification_links")
            .order_by("pk")
        )

    @classmethod
    def fields_of(cls, job):
        skills = list(job.skill_links.all())
        certifications = list(job.certification_links.all())
        description = strip_tags(job.description)
        fields = cls.common(
            job,
            title=job.title,
            summary=f"{job.employer.name}, {job.place or job.region_name}",
            body="",
            url=job.get_absolute_url(),
            date=job.published_at,
        )
        fields.update(
            description=description,
            employer_name=job.employer.name,
            employer_id=job.employer_id,
            language=job.language,
            place=job.place,
            skill_names=[link.skill.name for link in skills],
            sector=job.sector,
            region=job.region,
            employment_type=job.employment_type,
            remote=job.remote,
            published_at=job.published_at,
            closing_date=job.closing_date,
            start_date=job.start_date,
            required_skill_ids=sorted(link.skill_id for link in skills if link.required),
            preferred_skill_ids=sorted(link.skill_id for link in skills if not link.required),
            required_certification_ids=sorted(
                link.certification_id for link in certifications if link.required
            ),
            preferred_certification_ids=sorted(
                link.certification_id for link in certifications if not link.required
            ),
            **{flag: getattr(job, flag) for flag in REQUIREMENT_FLAGS},
        )
        return fields


# Stories, campaigns and pages -------------------------------------------------------------------


class StoryDocument(SiteDocument):
    index_name = "stories"
    site_type = "story"

    themes = Keyword(multi=True)
    region = Keyword()
    programme_type = Keyword()

    class Index:
        name = prefixed("stories")
        settings = INDEX_SETTINGS

    model = LazyModel("stories.StoryPage")

    @classmethod
    def indexed_queryset(cls):
        """Live, public stories whose consent covers them today (text, real name, photograph)."""
        current = StoryConsent.objects.current().filter(covers_text=True)
        return (
            cls.model.objects.visible()
            .filter(consent__in=current)
            .filter(Q(name_is_real=False) | Q(consent__covers_real_name=True))
            .filter(Q(hero_image__isnull=True) | Q(photo_shows_subject=False) | Q(consent__covers_photo=True))
            .select_related("locale")
            .prefetch_related("themes")
            .order_by("pk")
        )

    @classmethod
    def fields_of(cls, story):
        fields = cls.common(
            story,
            title=story.title,
            summary=story.standfirst,
            body=stream_text(story),
            url=page_url(story),
            date=story.first_published_at,
        )
        fields.update(
            themes=[theme.name for theme in story.themes.all()],
            region=story.region,
            programme_type=story.programme_type,
        )
        return with_locale(fields, story)


class CampaignDocument(SiteDocument):
    index_name = "campaigns"
    site_type = "campaign"

    start_date = Date()
    end_date = Date()

    class Index:
        name = prefixed("campaigns")
        settings = INDEX_SETTINGS

    model = LazyModel("campaigns.CampaignPage")

    @classmethod
    def indexed_queryset(cls):
        return visible(cls.model.objects.all()).select_related("locale").order_by("pk")

    @classmethod
    def fields_of(cls, campaign):
        fields = cls.common(
            campaign,
            title=campaign.title,
            summary=campaign.introduction,
            body=stream_text(campaign),
            url=page_url(campaign),
            date=campaign.start_date,
        )
        fields.update(start_date=campaign.start_date, end_date=campaign.end_date)
        return with_locale(fields, campaign)


class PageDocument(SiteDocument):
    """Every other public page: home, the story and campaign indexes, about, privacy and the like."""

    index_name = "pages"
    site_type = "page"

    model = LazyModel("wagtailcore.Page")

    class Index:
        name = prefixed("pages")
        settings = INDEX_SETTINGS

    @classmethod
    def indexed_queryset(cls):
        others = [StoryDocument.model, CampaignDocument.model]
        return visible(cls.model.objects.filter(depth__gt=1).not_type(*others)).specific().order_by("pk")

    @classmethod
    def fields_of(cls, page):
        page = page.specific
        has_body = any(field.name == "body" for field in page._meta.get_fields())
        fields = cls.common(
            page,
            title=page.title,
            summary=getattr(page, "introduction", "") or page.search_description,
            body=stream_text(page) if has_body else "",
            url=page_url(page),
            date=page.last_published_at,
        )
        return with_locale(fields, page)


# Employers -------------------------------------------------------------------------------------


class EmployerDocument(SiteDocument):
    """Verified employers with an active, public hiring pledge: the pledge wall."""

    index_name = "employers"
    site_type = "employer"

    sector = Keyword()
    region = Keyword()
    regions_of_operation = Keyword(multi=True)

    class Index:
        name = prefixed("employers")
        settings = INDEX_SETTINGS

    model = LazyModel("employers.Employer")

    @classmethod
    def indexed_queryset(cls):
        pledged = HiringPledge.objects.active().public().filter(employer=OuterRef("pk"))
        return cls.model.objects.verified().filter(Exists(pledged)).order_by("pk")

    @classmethod
    def fields_of(cls, employer):
        fields = cls.common(
            employer,
            title=employer.name,
            summary=employer.description,
            body="",
            url=employer.get_absolute_url(),
            date=None,
        )
        fields.update(
            sector=employer.sector,
            region=employer.head_office_region,
            regions_of_operation=list(employer.regions_of_operation or []),
        )
        return fields


# Graduates (matching only) ---------------------------------------------------------------------


class GraduateDocument(PortalDocument):
    """What matching reads of a graduate: never a name, contact detail, note or statement."""

    index_name = "graduates"

    pk = Integer()
    reference = Keyword()
    provider_id = Integer()
    provider_kind = Keyword()
    programme_ids = Integer(multi=True)
    programme_kinds = Keyword(multi=True)
    skill_ids = Integer(multi=True)
    certification_ids = Integer(multi=True)
    preferred_regions = Keyword(multi=True)
    wants_remote = Boolean()
    willing_to_relocate = Boolean()
    willing_to_travel = Boolean()
    no_vulnerable_work = Boolean()
    no_driving = Boolean()
    no_cash_handling = Boolean()
    no_night_shifts = Boolean()
    no_security_clearance = Boolean()
    preferred_sectors = Keyword(multi=True)
    preferred_employment_types = Keyword(multi=True)
    available_from = Date()

    class Index:
        name = prefixed("graduates")
        settings = INDEX_SETTINGS

    model = LazyModel("partners.Graduate")

    @classmethod
    def indexed_queryset(cls):
        return (
            cls.model.objects.matchable()
            .select_related("provider")
            .prefetch_related("completions__programme__skills_taught", "extra_skills", "certifications")
            .order_by("pk")
        )

    @classmethod
    def fields_of(cls, graduate):
        completions = list(graduate.completions.all())
        # Skills taught by completed programmes, plus those staff added (as matching.scoring reads them).
        taught = {
            skill.pk for completion in completions for skill in completion.programme.skills_taught.all()
        }
        skill_ids = taught | {skill.pk for skill in graduate.extra_skills.all()}
        return {
            "pk": graduate.pk,
            "reference": graduate.reference,
            "provider_id": graduate.provider_id,
            "provider_kind": graduate.provider.kind,
            "programme_ids": sorted(completion.programme_id for completion in completions),
            "programme_kinds": sorted({completion.programme.kind for completion in completions}),
            "skill_ids": sorted(skill_ids),
            "certification_ids": sorted(item.pk for item in graduate.certifications.all()),
            "preferred_regions": [code for code in graduate.preferred_regions or [] if code],
            "wants_remote": graduate.wants_remote,
            "willing_to_relocate": graduate.willing_to_relocate,
            "willing_to_travel": graduate.willing_to_travel,
            **{flag: getattr(graduate, flag) for flag in RESTRICTION_CLASHES},
            "preferred_sectors": list(graduate.preferred_sectors or []),
            "preferred_employment_types": list(graduate.preferred_employment_types or []),
            "available_from": graduate.available_from,
        }


DOCUMENTS = [JobDocument, StoryDocument, CampaignDocument, EmployerDocument, PageDocument, GraduateDocument]
SITE_DOCUMENTS = [StoryDocument, CampaignDocument, JobDocument, EmployerDocument, PageDocument]


def documents_for(model_or_instance):
    """The Document classes indexing this model (or this object's model); [] for anything else.

    Pages go by their specific type: stories and campaigns to their own index, any other page
    to the pages index."""
    model = model_or_instance if isinstance(model_or_instance, type) else type(model_or_instance)
    if not isinstance(model_or_instance, type) and isinstance(model_or_instance, Page):
        model = model_or_instance.specific_class or model
    found = [document for document in DOCUMENTS if document.model is model]
    if not found and issubclass(model, Page):
        found = [PageDocument]
    return found
