"""What the open data API sends out, field by field.

Every field a response carries is named here; nothing reaches a client by serialising a model
whole. Deliberately absent: anything about graduates, employers' members (names, e-mails,
signatories), jobs' application e-mail addresses, moderation notes, and every record the public
cannot see on the site.
"""

import datetime
import enum

from django.conf import settings
from ninja import Schema
from pydantic import Field

from portal.regions import region_choices


def _region_enum():
    # Built once at import: the regions of the country the portal serves, as the OpenAPI enum.
    codes = [code for code, _name in region_choices()] or [f"{settings.PORTAL_COUNTRY}-XX"]
    return enum.Enum("Region", {code.replace("-", "_"): code for code in codes}, type=str)


Region = _region_enum()


class Error(Schema):
    detail: str = Field(description="What went wrong, in plain words.")


class ParameterError(Schema):
    parameter: str = Field(description="The query or path parameter at fault.")
    message: str


class ValidationErrorOut(Schema):
    detail: str
    errors: list[ParameterError]


class Coded(Schema):
    code: str
    label: str


class Link(Schema):
    name: str
    slug: str


class Page(Schema):
    """The envelope of every list: one page of results and links to its neighbours."""

    count: int = Field(description="Results across all pages.")
    page: int
    page_size: int
    num_pages: int
    next: str | None = Field(description="Absolute URL of the next page, or null on the last.")
    previous: str | None = Field(description="Absolute URL of the previous page, or null on the first.")


# Jobs ----------------------------------------------------------------------------------------


class JobEmployer(Schema):
    name: str
    slug: str
    url: str
    api_url: str


class Pay(Schema):
    minimum: float | None
    maximum: float | None
    period: str
    currency: str


class JobSummary(Schema):
    id: int
    title: str
    url: str = Field(description="The job's page on the portal.")
    api_url: str
    employer: JobEmployer
    sector: Coded = Field(description="ISIC Rev.4 section.")
    region: Coded = Field(description="ISO 3166-2 subdivision.")
    place: str
    remote: Coded
    employment_type: Coded
    hours_per_week: float | None
    pay: Pay
    published_at: datetime.datetime | None
    start_date: datetime.date | None
    closing_date: datetime.date | None


class Requirement(Schema):
    name: str
    required: bool


class JobDetail(JobSummary):
    description_html: str = Field(description="Sanitised HTML: paragraphs, lists, emphasis and links.")
    fair_chance_statement: str
    occupation: Coded | None = Field(description="ISCO-08 unit group.")
    openings: int
    skills: list[Requirement]
    certifications: list[Requirement]
    declared_requirements: list[str] = Field(
        description="What the work involves that some applicants may be unable to do (such as driving)."
    )
    apply_method: Coded
    apply_url: str = Field(
        description="Where to apply: the employer's form, or the job's page on the portal."
    )


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int


class JobFacets(Schema):
    sector: list[FacetOptionOut]
    region: list[FacetOptionOut]
    employment_type: list[FacetOptionOut]
    remote: list[FacetOptionOut]
    posted_within: list[FacetOptionOut]


class JobPage(Page):
    results: list[JobSummary]
    facets: JobFacets = Field(description="Counts per filter value, as the job board shows them.")


# Employers -----------------------------------------------------------------------------------


class Commitment(Schema):
    title: str
    number: int | None
    number_label: str


class PublicPledge(Schema):
    reference: str
    signed_at: datetime.datetime
    expires_at: datetime.datetime
    verification_url: str
    commitments: list[Commitment]


class EmployerOut(Schema):
    name: str
    slug: str
    url: str
    api_url: str
    sector: Coded
    size: Coded
    head_office_region: Coded
    regions_of_operation: list[Coded]
    website: str
    description: str
    record_check_stage: Coded = Field(description="When the employer asks about criminal records.")
    pledge: PublicPledge = Field(description="The employer's current public hiring pledge.")


class EmployerPage(Page):
    results: list[EmployerOut]


# Stories and campaigns -----------------------------------------------------------------------


class StoryOut(Schema):
    id: int
    title: str
    standfirst: str
    url: str
    themes: list[Link]
    programme_type: Coded | None
    region: Coded | None
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None


class StoryPage(Page):
    results: list[StoryOut]


class CampaignOut(Schema):
    id: int
    title: str
    introduction: str
    url: str
    phase: str = Field(description="upcoming, live or ended.")
    start_date: datetime.date
    end_date: datetime.date | None
    audiences: list[Link]
    supporter_target: int
    confirmed_supporters: int
    first_published_at: datetime.datetime | None


class CampaignPage(Page):
    results: list[CampaignOut]


# Impact ----------------------------------------------------------------------------------------


class Figure(Schema):
    key: str
    label: str
    count: int | None = Field(
        description="Null when the figure counts people (hires) and is under 5, so suppressed; counts "
        "of supporters, employers and jobs are exact."
    )
    display: str = Field(description='The figure as the impact page shows it, e.g. "fewer than 5".')


class RetentionRate(Schema):
    months: int = Field(description="Months after the start of the job: 3, 6 or 12.")
    percent: float = Field(description="Share still employed among those whose check was answered.")


class ImpactOut(Schema):
    generated_at: datetime.datetime
    headline: list[Figure]
    retention_rates: list[RetentionRate] = Field(
        description="Only milestones with at least 5 answered checks are published."
    )
    splits: dict[str, list[Figure]]


# The index -------------------------------------------------------------------------------------


class IndexOut(Schema):
    title: str
    docs: str
    openapi: str
    endpoints: dict[str, str]
