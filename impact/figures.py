"""The impact figures: aggregations over a period and an optional region, and the public set.

Every function here is one GROUP BY query (or a handful), never a loop over rows. Periods are
inclusive calendar dates in the site's time zone. A region is an ISO 3166-2 code; employers are
placed by head office, jobs by their region, hires by their job (else the employer's head
office), supporters by the region they gave (if any).

"Matches shown" are counted by impact.models.MatchesShown (a daily counter per job sector and
region, fed by the employers' matches page); the portal kept no record of them before.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from campaigns.models import SupporterPledge
from employers.figures import on_the_wall
from employers.models import Employer, HiringPledge, HiringPledgeCommitment
from jobs.models import JobListing
from matching.models import RETENTION_MONTHS, Hire, Introduction, RetentionCheck
from partners.models import GraduateProgramme
from portal import page_cache
from portal.regions import region_name
from taxonomy.classifications import SectorChoices

from .models import MatchesShown

SUPPRESS_BELOW = 5
PUBLIC_CACHE_KEY = "impact:public-figures:v1"
PUBLIC_CACHE_SECONDS = 5 * 60
SPLITS = ("sector", "region", "gender_responsive")


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def last_twelve_months(cls, today=None):
        today = today or timezone.localdate()
        return cls(today - relativedelta(months=12) + datetime.timedelta(days=1), today)

    @classmethod
    def month(cls, first_day):
        first_day = first_day.replace(day=1)
        return cls(first_day, first_day + relativedelta(months=1) - datetime.timedelta(days=1))

    def bounds(self):
        """Aware datetimes [from, until) covering the dates in the site's time zone."""
        zone = timezone.get_current_timezone()
        since = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone)
        until = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        )
        return since, until

    def during(self, field):
        since, until = self.bounds()
        return Q(**{f"{field}__gte": since, f"{field}__lt": until})

    def between(self, date_field):
        return Q(**{f"{date_field}__gte": self.start, f"{date_field}__lte": self.end})

    def months(self):
        month, months = self.start.replace(day=1), []
        while month <= self.end:
            months.append(month)
            month += relativedelta(months=1)
        return months


def _in_region(region, *fields):
    if not region:
        return Q()
    condition = Q()
    for field in fields:
        condition |= Q(**{field: region})
    return condition


def _grouped(queryset, key, value=None):
    """{key: count} from one GROUP BY; `value` an aggregate other than a row count."""
    rows = queryset.order_by().values(key).annotate(n=value or Count("pk")).values_list(key, "n")
    return {k: n or 0 for k, n in rows}


# Campaigns


def supporters_by_campaign(period, region=None):
    """Confirmed supporters per campaign: [(campaign title, count)], largest first."""
    pledges = SupporterPledge.objects.confirmed().filter(period.during("confirmed_at"))
    if region:
        pledges = pledges.filter(region=region)
    counts = _grouped(pledges, "campaign__title")
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def supporters_by_month(period, region=None):
    """Confirmed supporters per month and campaign: (months, {campaign title: [count per month]})."""
    pledges = SupporterPledge.objects.confirmed().filter(period.during("confirmed_at"))
    if region:
        pledges = pledges.filter(region=region)
    rows = (
        pledges.order_by()
        .annotate(month=TruncMonth("confirmed_at", tzinfo=timezone.get_current_timezone()))
        .values("month", "campaign__title")
        .annotate(n=Count("pk"))
        .values_list("month", "campaign__title", "n")
    )
    months = period.months()
    series = {}
    for month, title, n in rows:
        month = month.date() if isinstance(month, datetime.datetime) else month
        series.setdefault(title, [0] * len(months))[months.index(month)] += n
    return months, dict(sorted(series.items()))


# Employers and pledges


def employer_figures(period, region=None):
    """Employers registered, verified and pledged in the period (one query each)."""
    employers = Employer.objects.filter(_in_region(region, "head_office_region"))
    registered = employers.filter(period.during("created_at")).count()
    verified = employers.filter(period.during("status_changed_at"), status=Employer.Status.VERIFIED).count()
    pledged = (
        HiringPledge.objects.filter(period.during("signed_at"), employer__in=employers)
        .values("employer")
        .distinct()
        .count()
    )
    return {"registered": registered, "verified": verified, "pledged": pledged}


def pledges_by_commitment(period, region=None):
    """Commitments in the hiring pledges signed in the period: [(commitment, count)]."""
    links = HiringPledgeCommitment.objects.filter(period.during("pledge__signed_at"))
    if region:
        links = links.filter(pledge__employer__head_office_region=region)
    counts = _grouped(links, "commitment__title")
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


# Jobs and matching


def _jobs(region):
    return JobListing.objects.filter(_in_region(region, "region"))


def job_figures(period, region=None):
    """Jobs posted (sent for review), published and filled (a hire started) in the period."""
    jobs = _jobs(region)
    posted = jobs.filter(period.during("submitted_at")).count()
    published = jobs.filter(period.during("published_at")).count()
    filled = jobs.filter(
        Exists(Hire.objects.filter(period.between("start_date"), job=OuterRef("pk")))
    ).count()
    shown = MatchesShown.objects.filter(period.between("day"), _in_region(region, "region")).aggregate(
        pages=Sum("pages"), profiles=Sum("profiles")
    )
    return {
        "posted": posted,
        "published": published,
        "filled": filled,
        "match_pages": shown["pages"] or 0,
        "matches_shown": shown["profiles"] or 0,
    }


def introductions_by_outcome(period, region=None):
    """Introductions requested in the period, by what became of them: {status: count}."""
    introductions = Introduction.objects.filter(
        period.during("requested_at"), _in_region(region, "job__region")
    )
    counts = _grouped(introductions, "status")
    return {status: counts.get(status, 0) for status in Introduction.Status.values}


# Hires and retention


def _gender_responsive(graduate_path):
    return Exists(
        GraduateProgramme.objects.filter(graduate=OuterRef(graduate_path), programme__gender_responsive=True)
    )


def _hires(period, region):
    hires = Hire.objects.filter(period.between("start_date")).annotate(
        region=Coalesce("job__region", "employer__head_office_region"),
        sector=Coalesce("job__sector", "employer__sector"),
    )
    return hires.filter(region=region) if region else hires


def hire_count(period, region=None):
    return _hires(period, region).count()


def retention(period, region=None):
    """Retention checks falling due in the period: {months: {answer or "": count}}."""
    checks = RetentionCheck.objects.filter(period.between("due_on")).annotate(
        where=Coalesce("hire__job__region", "hire__employer__head_office_region")
    )
    if region:
        checks = checks.filter(where=region)
    rows = (
        checks.order_by()
        .values("months", "answer")
        .annotate(n=Count("pk"))
        .values_list("months", "answer", "n")
    )
    result = {months: {} for months in RETENTION_MONTHS}
    for months, answer, n in rows:
        result.setdefault(months, {})[answer] = n
    return result


def retention_rates(period, region=None):
    """[(months, due, answered, still employed, rate or None)]: rate among those who answered."""
    rows = []
    for months, answers in retention(period, region).items():
        due = sum(answers.values())
        answered = sum(n for answer, n in answers.items() if answer in ("employed", "left"))
        employed = answers.get("employed", 0)
        rows.append((months, due, answered, employed, round(100 * employed / answered) if answered else None))
    return rows


def _split_labels(by, keys):
    if by == "sector":
        return {key: str(SectorChoices(key).label) if key in SectorChoices.values else key for key in keys}
    if by == "region":
        return {key: region_name(key) for key in keys}
    return {True: _("Gender-responsive programmes"), False: _("Other programmes")}


def _split(queryset, by, graduate_path):
    if by == "gender_responsive":
        queryset = queryset.annotate(gender_responsive=_gender_responsive(graduate_path))
    counts = _grouped(queryset, by)
    labels = _split_labels(by, counts)
    return sorted(
        ((key, labels[key], n) for key, n in counts.items()), key=lambda row: (-row[2], str(row[1]))
    )


def hires_split(period, region=None, by="sector"):
    """Hires started in the period by sector, region or gender-responsive programme: [(key, label, n)]."""
    return _split(_hires(period, region), by, "graduate")


def introductions_split(period, region=None, by="sector", status=None):
    introductions = Introduction.objects.filter(period.during("requested_at")).annotate(
        sector=F("job__sector"), region=F("job__region")
    )
    if region:
        introductions = introductions.filter(job__region=region)
    if status:
        introductions = introductions.filter(status=status)
    return _split(introductions, by, "graduate")


def jobs_split(period, region=None, by="sector"):
    """Jobs published in the period by sector or region (a job has no programme)."""
    return _split(_jobs(region).filter(period.during("published_at")), by, None)


# The public figures: all time, aggregated, small counts suppressed, cached


def suppressed(key, label, count):
    hidden = count < SUPPRESS_BELOW
    return {
        "key": key,
        "label": str(label),
        "count": None if hidden else count,
        "display": _("fewer than 5") if hidden else number_format(count, force_grouping=True),
    }


def exact(key, label, count):
    return {
        "key": key,
        "label": str(label),
        "count": count,
        "display": number_format(count, force_grouping=True),
    }


def _public_split(rows, key=str):
    shown = [suppressed(key(k), label, n) for k, label, n in rows]
    visible = [row for row in shown if row["count"] is not None]
    hidden = [row for row in shown if row["count"] is None]
    if len(hidden) == 1 and visible:
        # One hidden cell could be worked out from the published total minus the others, so the
        # smallest other cell is hidden too (secondary suppression).
        smallest = min(visible, key=lambda row: (row["count"], row["label"]))
        visible.remove(smallest)
        hidden.append({**smallest, "count": None, "display": _("not shown")})
    # Suppressed cells last and in label order, so their order says nothing of their size.
    return visible + sorted(hidden, key=lambda row: row["label"])


def _compute_public_figures():
    everything = Period(datetime.date(2000, 1, 1), timezone.localdate())
    hires = hire_count(everything)
    # A rate over fewer than 5 answers would say too much about the few people behind it.
    rates = [
        {"months": months, "percent": rate}
        for months, _due, answered, _employed, rate in retention_rates(everything)
        if answered >= SUPPRESS_BELOW
    ]
    by_campaign = supporters_by_campaign(everything)
    headline = [
        exact("confirmed_supporters", _("Confirmed supporters"), sum(n for _title, n in by_campaign)),
        exact("pledged_employers", _("Employers with a public hiring pledge"), on_the_wall().count()),
        exact("open_jobs", _("Fair-chance jobs open now"), JobListing.objects.published().count()),
        # People, not organisations: small totals are suppressed like any split.
        suppressed("hires", _("People hired through the portal"), hires),
    ]
    gender = {True: "gender-responsive", False: "other"}
    return {
        "generated_at": timezone.now().astimezone(datetime.UTC).isoformat(timespec="seconds"),
        "headline": headline,
        "retention_rates": rates,
        "splits": {
            "supporters_by_campaign": _public_split((title, title, n) for title, n in by_campaign),
            "hires_by_sector": _public_split(hires_split(everything, by="sector")),
            "hires_by_region": _public_split(hires_split(everything, by="region")),
            "hires_by_programme": _public_split(
                hires_split(everything, by="gender_responsive"), key=lambda k: gender[k]
            ),
            "jobs_by_sector": _public_split(jobs_split(everything, by="sector")),
        },
    }


def public_figures():
    """The figures anyone may see (the /impact/ page and the open data API), cached a few minutes."""
    # The labels are in the reader's language; any change to public data makes a new generation.
    key = f"{PUBLIC_CACHE_KEY}:{page_cache.generation()}:{get_language()}"
    figures = cache.get(key)
    if figures is None:
        figures = _compute_public_figures()
        cache.set(key, figures, PUBLIC_CACHE_SECONDS)
    return figures
