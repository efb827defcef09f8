"""The guidance a job's occupation and place call for, as job pages, the listing form, the wording
check and the moderators' review page show it (registered with jobs/job_page_panels.py from the
app's ready())."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from jobs.job_page_panels import Panel, WordingNote
from portal.snippet_translations import active_content_language, default_content_language
from record_guidance.models import GuidanceSource, RecordGuidance

PANEL_TEMPLATE = "record_guidance/_job_guidance.html"
LISTING_TEMPLATE = "record_guidance/_listing_guidance.html"
REVIEW_TEMPLATE = "record_guidance/_review_guidance.html"


def guidance_for(occupation_code, region):
    """The guidance for an occupation in a region, most specific group first, each in the visitor's
    language where an editor translated it: two queries (the rows, their sources), whatever the rows."""
    languages = {active_content_language(), default_content_language()}
    found = (
        RecordGuidance.objects.filter(
            translation_key__in=RecordGuidance.objects.matching(occupation_code, region).values(
                "translation_key"
            ),
            locale__language_code__in=languages,
        )
        .select_related("jurisdiction", "locale")
        .prefetch_related(Prefetch("sources", queryset=GuidanceSource.objects.order_by("sort_order", "pk")))
    )
    chosen = {}
    for guidance in found:
        if (
            guidance.translation_key not in chosen
            or guidance.locale.language_code != default_content_language()
        ):
            chosen[guidance.translation_key] = guidance
    return sorted(chosen.values(), key=lambda guidance: (-len(guidance.isco_group), guidance.title))


def _code(occupation):
    return getattr(occupation, "code", None) or ""


def job_page_panels(job):
    guidance = guidance_for(_code(job.occupation), job.region) if job.occupation_id else []
    return [Panel(PANEL_TEMPLATE, {"guidance": guidance})] if guidance else []


def listing_form_panels(occupation, region):
    guidance = guidance_for(_code(occupation), region)
    return [Panel(LISTING_TEMPLATE, {"guidance": guidance})] if guidance else []


def review_panels(occupation, region):
    """The moderator reviewing a listing reads the guidance its employer read beside the form."""
    guidance = guidance_for(_code(occupation), region) if occupation is not None else []
    return [Panel(REVIEW_TEMPLATE, {"guidance": guidance})] if guidance else []


def legal_requirement_notes(phrases, occupation, region):
    """Where the law requires a check for the role, a flagged phrase is a blanket ban written in
    place of that requirement: say which requirement to state instead."""
    if not phrases:
        return []
    required = [item for item in guidance_for(_code(occupation), region) if item.check_required_by_law]
    if not required:
        return []
    guidance = required[0]  # the most specific group's
    quoted = ", ".join(f"“{phrase.phrase}”" for phrase in phrases)
    return [
        WordingNote(
            [phrase.phrase for phrase in phrases],
            _(
                "For %(roles)s in %(jurisdiction)s the law requires %(requirement)s. State that "
                "legal requirement instead of %(phrases)s, and say that any record is assessed "
                "individually: a check the law requires is not a ban on everyone with a record."
            )
            % {
                "roles": guidance.title,
                "jurisdiction": guidance.jurisdiction.shown_name,
                "requirement": guidance.legal_requirement,
                "phrases": quoted,
            },
        )
    ]
