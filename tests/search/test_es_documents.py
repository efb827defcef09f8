"""What goes into the Elasticsearch indices, and what never may (no server needed)."""

import datetime

import pytest
from django.utils import timezone

from jobs.models import JobListing
from partners.models import Graduate, GraduatePersonalData
from search.engines.elasticsearch import analysis as analysis_module
from search.engines.elasticsearch.analysis import SYNONYM_FILTER
from search.engines.elasticsearch.documents import (
    DOCUMENTS,
    CampaignDocument,
    EmployerDocument,
    GraduateDocument,
    JobDocument,
    PageDocument,
    StoryDocument,
    documents_for,
)
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import (
    CertificationFactory,
    DraftJobFactory,
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    PendingEmployerFactory,
    SkillFactory,
)
from tests.partners.factories import (
    GraduateFactory,
    PendingProviderFactory,
    ProgrammeFactory,
    personal_markers,
)
from tests.portal.factories import StandardPageFactory
from tests.stories.factories import DraftStoryPageFactory, StoryPageFactory, WithdrawnStoryConsentFactory

pytestmark = pytest.mark.django_db

# Words that name personal data, whatever model they might come from one day.
PERSONAL_WORDS = (
    "name",
    "email",
    "phone",
    "address",
    "date_of_birth",
    "birth",
    "notes",
    "statement",
    "national_insurance",
    "offence",
    "conviction",
    "sentence",
)


def mapped_fields(document):
    """Every field name in a Document's mapping, sub-fields included ("title.autocomplete")."""

    def walk(properties, prefix=""):
        for name, definition in properties.items():
            yield prefix + name
            yield from walk(definition.get("properties", {}), f"{prefix}{name}.")
            yield from walk(definition.get("fields", {}), f"{prefix}{name}.")

    return set(walk(document._doc_type.mapping.to_dict()["properties"]))


# Graduates: anonymised fields only -------------------------------------------------------------


def test_graduate_mapping_has_no_field_for_personal_data():
    fields = mapped_fields(GraduateDocument)
    personal = {field.name for field in GraduatePersonalData._meta.get_fields()} - {"id"}

    assert personal >= {"full_name", "email", "phone", "notes"}
    assert not fields & personal
    assert not [field for field in fields for word in PERSONAL_WORDS if word in field]
    assert "personal_statement" not in fields
    assert GraduateDocument._doc_type.mapping.to_dict()["dynamic"] == "strict"


def test_graduate_document_holds_the_anonymised_profile_and_nothing_personal():
    forklift, first_aid = SkillFactory(name="Forklift driving"), SkillFactory(name="First aid")
    licence = CertificationFactory(name="Forklift licence")
    programme = ProgrammeFactory(skills=[forklift])
    graduate = GraduateFactory(
        skills=[first_aid],
        certifications=[licence],
        programmes=[programme],
        preferred_regions=["GB-MAN", "GB-LDS"],
        willing_to_travel=True,
        no_driving=True,
        preferred_sectors=["F"],
        available_from=datetime.date(2026, 3, 1),
    )

    document = GraduateDocument.from_object(graduate)
    fields = document.to_dict()

    assert document.meta.id == str(graduate.pk)
    assert fields["reference"] == graduate.reference
    assert fields["skill_ids"] == sorted([forklift.pk, first_aid.pk])
    assert fields["certification_ids"] == [licence.pk]
    assert fields["programme_ids"] == [programme.pk]
    assert fields["preferred_regions"] == ["GB-MAN", "GB-LDS"]
    assert fields["willing_to_travel"] is True and fields["no_driving"] is True
    assert fields["no_night_shifts"] is False
    assert fields["available_from"] == datetime.date(2026, 3, 1)
    assert set(fields) <= mapped_fields(GraduateDocument)
    text = repr(fields)
    for marker in personal_markers(graduate):
        assert marker not in text


def test_only_matchable_graduates_are_indexed():
    assert GraduateDocument.should_index(GraduateFactory())
    assert not GraduateDocument.should_index(GraduateFactory(consent=False))
    assert not GraduateDocument.should_index(GraduateFactory(status=Graduate.Status.PLACED))
    assert not GraduateDocument.should_index(GraduateFactory(provider=PendingProviderFactory()))
    withdrawn = GraduateFactory()
    withdrawn.withdraw_consent(by=None)
    assert not GraduateDocument.should_index(withdrawn)


# Jobs -------------------------------------------------------------------------------------------


def test_job_document_has_what_the_board_facets_sorts_searches_and_matching_needs():
    forklift, first_aid = SkillFactory(name="Forklift driving"), SkillFactory(name="First aid")
    licence = CertificationFactory(name="Forklift licence")
    job = JobListingFactory(
        title="Warehouse operative",
        description="<p>Move <b>stock</b> safely.</p>",
        employer=EmployerFactory(name="Second Start Logistics"),
        place="Salford",
        sector="H",
        region="GB-SLF",
        employment_type="part-time",
        remote="hybrid",
        night_shifts=True,
        start_date=datetime.date(2026, 4, 1),
        closing_date=timezone.localdate() + datetime.timedelta(days=10),
        skills={forklift: True, first_aid: False},
        certifications={licence: False},
    )

    fields = JobDocument.from_object(job).to_dict()

    assert fields == {
        "type": "job",
        "pk": job.pk,
        "title": "Warehouse operative",
        "summary": "Second Start Logistics, Salford",
        "body": "",
        "url": f"/jobs/{job.pk}-warehouse-operative/",
        "date": job.published_at,
        "description": "Move stock safely.",
        "employer_name": "Second Start Logistics",
        "employer_id": job.employer_id,
        "place": "Salford",
        "skill_names": ["Forklift driving", "First aid"],
        "sector": "H",
        "region": "GB-SLF",
        "employment_type": "part-time",
        "remote": "hybrid",
        "language": "en-gb",
        "published_at": job.published_at,
        "closing_date": job.closing_date,
        "start_date": datetime.date(2026, 4, 1),
        "required_skill_ids": [forklift.pk],
        "preferred_skill_ids": [first_aid.pk],
        "preferred_certification_ids": [licence.pk],
        "works_with_vulnerable_people": False,
        "requires_driving": False,
        "handles_cash": False,
        "requires_security_clearance": False,
        "night_shifts": True,
    }  # empty lists (no required certification) are left out of the document
    assert set(fields) <= mapped_fields(JobDocument)


def test_only_published_open_jobs_of_verified_employers_are_indexed():
    assert JobDocument.should_index(JobListingFactory())
    assert JobDocument.should_index(JobListingFactory(closing_date=timezone.localdate()))
    assert not JobDocument.should_index(DraftJobFactory())
    assert not JobDocument.should_index(JobListingFactory(status=JobListing.Status.CLOSED))
    assert not JobDocument.should_index(
        JobListingFactory(closing_date=timezone.localdate() - datetime.timedelta(days=1))
    )
    assert not JobDocument.should_index(JobListingFactory(employer=PendingEmployerFactory()))
    assert not JobDocument.should_index(JobListing())  # never saved


# Stories, campaigns, pages and employers ----------------------------------------------------


def test_story_document_and_its_consent(story_index):
    story = StoryPageFactory(parent=story_index, title="Back to the bench", standfirst="Carpentry again.")

    fields = StoryDocument.from_object(story).to_dict()

    assert fields["type"] == "story"
    assert fields["title"] == "Back to the bench"
    assert fields["summary"] == "Carpentry again."
    assert "Someone gave me a chance." in fields["body"]
    assert fields["url"] == "/stories/" + story.slug + "/"
    assert StoryDocument.should_index(story)
    assert not StoryDocument.should_index(DraftStoryPageFactory(parent=story_index))
    assert not StoryDocument.should_index(
        StoryPageFactory(parent=story_index, consent=WithdrawnStoryConsentFactory())
    )
    assert not StoryDocument.should_index(StoryPageFactory(parent=story_index, consent=None))
    assert not StoryDocument.should_index(StoryPageFactory(parent=story_index, name_is_real=True))


def test_campaign_and_page_documents(campaign_index, home):
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Ban the box", introduction="Ask later.")
    about = StandardPageFactory(parent=home, title="About us", slug="about-us", introduction="Who we are.")
    hidden = StandardPageFactory(parent=home, slug="hidden", live=False)

    campaign_fields = CampaignDocument.from_object(campaign).to_dict()
    page_fields = PageDocument.from_object(about).to_dict()

    assert (campaign_fields["type"], campaign_fields["title"], campaign_fields["summary"]) == (
        "campaign",
        "Ban the box",
        "Ask later.",
    )
    assert "Why this matters." in campaign_fields["body"]
    assert campaign_fields["url"] == f"/campaigns/{campaign.slug}/"
    assert (page_fields["type"], page_fields["title"], page_fields["url"]) == (
        "page",
        "About us",
        "/about-us/",
    )
    assert "Some words." in page_fields["body"]
    assert CampaignDocument.should_index(campaign)
    assert PageDocument.should_index(about)
    assert PageDocument.should_index(home)
    assert not PageDocument.should_index(hidden)
    assert not PageDocument.should_index(campaign)  # campaigns have their own index


def test_only_verified_employers_with_an_active_public_pledge_are_indexed():
    pledged = EmployerFactory(name="Fair Bakes", description="Bread with a second chance.")
    HiringPledgeFactory(employer=pledged)
    private = EmployerFactory()
    HiringPledgeFactory(employer=private, is_public=False)
    withdrawn = EmployerFactory()
    HiringPledgeFactory(employer=withdrawn).withdraw(by=None, reason="Closing down.")

    fields = EmployerDocument.from_object(pledged).to_dict()

    assert (fields["type"], fields["title"], fields["summary"], fields["url"]) == (
        "employer",
        "Fair Bakes",
        "Bread with a second chance.",
        f"/employers/{pledged.slug}/",
    )
    assert EmployerDocument.should_index(pledged)
    assert not EmployerDocument.should_index(EmployerFactory())  # no pledge
    assert not EmployerDocument.should_index(private)
    assert not EmployerDocument.should_index(withdrawn)


def test_documents_for_finds_the_index_of_each_model(story_index, home):
    story = StoryPageFactory(parent=story_index)

    assert documents_for(JobListing) == [JobDocument]
    assert documents_for(story) == [StoryDocument]
    assert documents_for(story.page_ptr) == [StoryDocument]  # a plain Page goes by its specific type
    assert documents_for(home) == [PageDocument]
    assert documents_for(Graduate) == [GraduateDocument]
    assert documents_for(GraduatePersonalData) == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document.__name__)
def test_every_index_is_strict_and_prefixed(settings, document):
    settings.SEARCH_INDEX_PREFIX = "staging"

    assert document.alias() == f"staging_{document.index_name}"
    assert document._doc_type.mapping.to_dict()["dynamic"] == "strict"


# Analysis ----------------------------------------------------------------------------------------


def test_analysis_settings_carry_the_skill_synonyms_and_the_analyzers():
    SkillFactory(name="Reach truck driving", synonyms="FLT operation\nLift truck, counterbalance")
    SkillFactory(name="Latte art", synonyms="Milk texturing | Espresso=>coffee")
    SkillFactory(name="Underwater welding")  # no synonyms: no rule

    body = JobDocument._index.clone(name="portal_jobs_20260101").to_dict()
    analysis = body["settings"]["analysis"]
    synonyms = analysis["filter"][SYNONYM_FILTER]

    assert (synonyms["type"], synonyms["lenient"]) == ("synonym_graph", True)
    # Rule syntax inside a term (",", "=>") is not allowed to change the rule.
    assert "latte art, milk texturing, espresso coffee" in synonyms["synonyms"]
    assert "reach truck driving, flt operation, lift truck counterbalance" in synonyms["synonyms"]
    assert not [rule for rule in synonyms["synonyms"] if rule.startswith("underwater welding")]
    assert analysis["analyzer"]["portal_text_search"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding", SYNONYM_FILTER, "portal_stemmer"],
    }
    assert analysis["analyzer"]["portal_text"]["filter"] == ["lowercase", "asciifolding", "portal_stemmer"]
    assert analysis["filter"]["portal_stemmer"] == {"type": "stemmer", "language": "english"}
    assert analysis["filter"]["autocomplete_edge_ngram"] == {
        "type": "edge_ngram",
        "min_gram": 2,
        "max_gram": 20,
    }
    assert analysis["analyzer"]["autocomplete"]["filter"] == [
        "lowercase",
        "asciifolding",
        "autocomplete_edge_ngram",
    ]
    assert analysis["analyzer"]["autocomplete_search"]["filter"] == ["lowercase", "asciifolding"]
    title = body["mappings"]["properties"]["title"]
    assert (title["analyzer"], title["search_analyzer"]) == ("portal_text", "portal_text_search")
    assert title["fields"]["autocomplete"] == {
        "type": "text",
        "analyzer": "autocomplete",
        "search_analyzer": "autocomplete_search",
    }


def test_stemming_follows_the_search_language(settings):
    settings.SEARCH_LANGUAGE = "german"

    analysis = StoryDocument._index.to_dict()["settings"]["analysis"]

    assert analysis["filter"]["portal_stemmer"] == {"type": "stemmer", "language": "german"}


@pytest.mark.parametrize(
    "document", [d for d in DOCUMENTS if d is not GraduateDocument], ids=lambda d: d.__name__
)
def test_every_title_site_search_shows_has_an_autocomplete_sub_field(document):
    assert "title.autocomplete" in mapped_fields(document)


def test_without_any_skill_synonyms_the_filter_still_has_a_rule(monkeypatch, tmp_path):
    from taxonomy.models import Skill

    Skill.objects.all().delete()
    SkillFactory(name="Welding")
    # Nor any English synonyms of the search app's data.
    monkeypatch.setattr(analysis_module, "SYNONYMS_FOLDER", tmp_path)

    analysis = JobDocument._index.to_dict()["settings"]["analysis"]

    assert analysis["filter"][SYNONYM_FILTER]["synonyms"] == ["fair chance, fair-chance"]


def test_the_english_synonyms_of_the_search_data_join_the_skills_ones():
    analysis = JobDocument._index.to_dict()["settings"]["analysis"]
    assert "cook, chef" in analysis["filter"][SYNONYM_FILTER]["synonyms"]
    french = analysis["analyzer"]["portal_text_french_search"]
    assert "portal_french_synonyms" in french["filter"]
    assert (
        "cuisinier, chef de cuisine, commis de cuisine"
        in analysis["filter"]["portal_french_synonyms"]["synonyms"]
    )


def queries_to_index(document):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        documents = [
            document.from_object(obj) for obj in document.indexed_queryset().iterator(chunk_size=500)
        ]
    return len(documents), len(queries)


@pytest.mark.parametrize("document", [JobDocument, GraduateDocument], ids=lambda d: d.__name__)
def test_indexing_everything_costs_the_same_queries_for_few_or_many(document):
    skill = SkillFactory()

    def make():
        if document is JobDocument:
            JobListingFactory(skills=[skill])
        else:
            GraduateFactory(skills=[skill], programmes=[ProgrammeFactory(skills=[skill])])

    make()
    few, few_queries = queries_to_index(document)
    for _ in range(4):
        make()
    many, many_queries = queries_to_index(document)

    assert (few, many) == (1, 5)
    assert few_queries == many_queries
