"""Matching retrieval on Elasticsearch: the hard filters as a bool filter, the score as a function_score.

Jobs for a graduate: the filters are those of the database engine (open listing, no restriction
clash, place fits); the score is one filter function per thing matching.scoring counts, each
weighted from WEIGHTS, summed (score_mode "sum") and replacing the text score (boost_mode
"replace"). A required skill also adds a tie-break weight far below the smallest difference two
scores can have, so the server orders by (score, required skills matched), then by newest and
pk: exactly matching.scoring's order. The server's score is the matching score plus a constant
(every document gets the base function's weight, since ES scores a document no function matched
as 1 otherwise), which changes no order.

The `limit` best rows are read back with the fields ranking needs (only of jobs the database says
are public now: the index may lag), and matching.scoring then scores them itself, so both engines
rank with the same code.
"""

from fractions import Fraction

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from elasticsearch.dsl import Q, Search
from elasticsearch.dsl.function import SF

from jobs.models import JobListing, RemoteOption
from matching.scoring import WEIGHTS
from partners.models import RESTRICTION_CLASHES
from portal.regions import region_ancestors, regions_under

from ..base import result_window
from ..matching_db import JobRow
from .documents import GraduateDocument, JobDocument
from .jobs import open_on

BASE_WEIGHT = 1.0
SCAN_SIZE = 1000
ROW_FIELDS = [
    "pk",
    "sector",
    "employment_type",
    "start_date",
    "region",
    "published_at",
    "required_skill_ids",
    "preferred_skill_ids",
    "required_certification_ids",
    "preferred_certification_ids",
]
NEWEST = [{"published_at": {"order": "desc", "missing": "_last"}}, {"pk": {"order": "desc"}}]


def tie_break_weight():
    """A power of two far below the smallest step between two scores.

    Scores are sums of WEIGHTS; with weights that are multiples of 2**-k the smallest step is
    2**-k, and 1024 required skills on one job would still not add up to it. Powers of two keep
    the sums exact in the server's 32-bit floats.
    """
    step = Fraction(1)
    for weight in WEIGHTS.values():
        while (Fraction(weight) / step).denominator != 1 and step > Fraction(1, 1 << 20):
            step /= 2
    return float(step / 1024)


# Jobs for a graduate ---------------------------------------------------------------------------


def job_filters(graduate, regions, today):
    """The hard filters of search.engines.matching_db.MatchingDatabaseEngine._jobs_for."""
    filters = [open_on(today)]
    for field, job_field in RESTRICTION_CLASHES.items():
        if getattr(graduate, field, False):
            filters.append(~Q("term", **{job_field: True}))
    if not regions.anywhere:
        in_preferred = Q("terms", region=sorted(regions.preferred))
        is_remote = Q("term", remote=RemoteOption.REMOTE.value)
        remote = is_remote if graduate.wants_remote else is_remote & in_preferred
        if graduate.willing_to_relocate:
            on_site = ~is_remote
        else:
            on_site = ~is_remote & Q("terms", region=sorted(regions.preferred | regions.nearby))
        filters.append(remote | on_site)
    return filters


def score_functions(graduate, regions, skill_ids, certification_ids):
    tie = tie_break_weight()
    functions = [SF({"weight": BASE_WEIGHT})]

    def when(condition, weight):
        functions.append(SF({"filter": condition, "weight": weight}))

    for skill_id in sorted(skill_ids):
        when(Q("term", required_skill_ids=skill_id), WEIGHTS["required_skill"] + tie)
        when(Q("term", preferred_skill_ids=skill_id), WEIGHTS["preferred_skill"])
    for certification_id in sorted(certification_ids):
        when(Q("term", required_certification_ids=certification_id), WEIGHTS["required_certification"])
        when(Q("term", preferred_certification_ids=certification_id), WEIGHTS["preferred_certification"])
    if graduate.preferred_sectors:
        when(Q("terms", sector=list(graduate.preferred_sectors)), WEIGHTS["sector_preference"])
    if graduate.preferred_employment_types:
        when(
            Q("terms", employment_type=list(graduate.preferred_employment_types)),
            WEIGHTS["employment_type_preference"],
        )
    if graduate.available_from:
        starts_after = Q("range", start_date={"gte": graduate.available_from.isoformat()})
        when(starts_after | ~Q("exists", field="start_date"), WEIGHTS["available_before_start"])
    else:
        functions.append(SF({"weight": WEIGHTS["available_before_start"]}))
    if regions.preferred:
        when(Q("terms", region=sorted(regions.preferred)), WEIGHTS["same_region"])
    return functions


def build_job_ranking(graduate, regions, skill_ids, certification_ids, limit, today=None):
    query = Q(
        "function_score",
        query=Q("bool", filter=job_filters(graduate, regions, today or timezone.localdate())),
        functions=score_functions(graduate, regions, skill_ids, certification_ids),
        score_mode="sum",
        boost_mode="replace",
    )
    search = Search(index=JobDocument.alias()).query(query)
    return search.sort("_score", *NEWEST).source(ROW_FIELDS)[:limit]


def _date(value):
    return parse_date(value[:10]) if value else None


def _datetime(value):
    return parse_datetime(value) if value else None


def _shared(source, field, ids):
    return len(set(source.get(field) or ()) & set(ids))


def rows_of(response, skill_ids, certification_ids):
    rows = []
    for hit in response:
        source = hit.to_dict()
        rows.append(
            JobRow(
                pk=int(hit.meta.id),
                sector=source.get("sector", ""),
                employment_type=source.get("employment_type", ""),
                start_date=_date(source.get("start_date")),
                region=source.get("region", ""),
                published_at=_datetime(source.get("published_at")),
                req_skills=_shared(source, "required_skill_ids", skill_ids),
                pref_skills=_shared(source, "preferred_skill_ids", skill_ids),
                req_certs=_shared(source, "required_certification_ids", certification_ids),
                pref_certs=_shared(source, "preferred_certification_ids", certification_ids),
            )
        )
    return rows


def visible_rows(search, limit, skill_ids, certification_ids, client):
    """The `limit` best rows of `search` whose jobs the public may see now, read a page at a time.

    The index lags the database (a listing closed, suspended or its employer's verification
    withdrawn a moment ago, or a task that failed): each page is checked against
    JobListing.objects.published(), and the rows it drops are replaced by the next ones, as far as
    the result window goes."""
    rows, start, window = [], 0, result_window()
    while len(rows) < limit and start < window:
        # extra(), not a slice: elasticsearch.dsl slices within the search's own [:limit].
        response = client.execute(search.extra(from_=start, size=min(limit, window - start)))
        page = rows_of(response, skill_ids, certification_ids)
        published = set(
            JobListing.objects.published()
            .filter(pk__in=[row.pk for row in page])
            .values_list("pk", flat=True)
        )
        rows.extend(row for row in page if row.pk in published)
        if len(page) < limit:
            break  # the last of the hits
        start += limit
    return rows[:limit]


def build_candidate_jobs(graduate, regions, today=None):
    filters = job_filters(graduate, regions, today or timezone.localdate())
    search = Search(index=JobDocument.alias()).query(Q("bool", filter=filters))
    return search.source(False).params(size=SCAN_SIZE)


# Graduates for a job ---------------------------------------------------------------------------


def graduate_filters(job):
    """The hard filters of MatchingDatabaseEngine.candidate_graduates (its PostgreSQL form)."""
    filters = []
    for field, job_field in RESTRICTION_CLASHES.items():
        if getattr(job, job_field):
            filters.append(~Q("term", **{field: True}))
    ancestors = region_ancestors(job.region)
    anywhere = ~Q("exists", field="preferred_regions")
    in_preferred = Q("terms", preferred_regions=[job.region, *ancestors])
    if job.remote == RemoteOption.REMOTE:
        place = anywhere | in_preferred | Q("term", wants_remote=True)
    else:
        siblings = set()
        for ancestor in ancestors:
            siblings |= regions_under(ancestor)
        place = anywhere | in_preferred | Q("term", willing_to_relocate=True)
        if siblings:
            place |= Q("term", willing_to_travel=True) & Q("terms", preferred_regions=sorted(siblings))
    filters.append(place)
    return filters


def build_candidate_graduates(job):
    search = Search(index=GraduateDocument.alias()).query(Q("bool", filter=graduate_filters(job)))
    return search.source(False).params(size=SCAN_SIZE)


def scanned_ids(search, client):
    """Every id the search finds (scrolled: candidates are not limited to one page)."""
    return [int(hit["_id"]) for hit in client.scan(search)]
