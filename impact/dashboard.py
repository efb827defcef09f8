"""The staff dashboard's tables: each a title, headers, rows and a chart, also exported as CSV."""

from dataclasses import dataclass
from functools import partial

from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import date_format, localize
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from community_events import figures as event_figures
from matching.models import Introduction
from portal import page_cache

from . import figures
from .charts import Bar, bar_chart, line_chart


@dataclass
class Table:
    name: str
    title: str
    headers: list
    rows: list
    chart: str = ""
    note: str = ""

    body: str = ""  # body_html(), kept with the cached tables

    def body_html(self):
        """The rows of the table's body, each headed by its first cell. Written here rather than
        in the template: the region table alone has over 200 rows, and a template node per cell
        cost the dashboard more than all its other work (issue 22)."""
        return format_html_join(
            "",
            "{}",
            (
                (
                    format_html(
                        '<tr><th scope="row">{}</th>{}</tr>',
                        localize(row[0]),
                        format_html_join(
                            "",
                            '<td class="impact-table__figure">{}</td>',
                            ((localize(cell),) for cell in row[1:]),
                        ),
                    ),
                )
                for row in self.rows
            ),
        )


def _bars(rows):
    return [Bar(str(label), value, str(value if value is not None else "")) for label, value in rows]


def _bar_table(name, title, headers, rows, note=""):
    return Table(
        name,
        title,
        headers,
        [list(row) for row in rows],
        bar_chart(f"chart-{name}", title, _bars(rows)),
        note,
    )


def supporters(period, region):
    rows = figures.supporters_by_campaign(period, region)
    return _bar_table(
        "supporters", _("Confirmed supporters by campaign"), [_("Campaign"), _("Supporters")], rows
    )


def supporters_over_time(period, region):
    months, series = figures.supporters_by_month(period, region)
    labels = [date_format(month, "M Y") for month in months]
    title = _("Confirmed supporters per month")
    rows = [[label, *(values[i] for values in series.values())] for i, label in enumerate(labels)]
    return Table(
        "supporters_by_month",
        title,
        [_("Month"), *series.keys()],
        rows,
        line_chart("chart-supporters_by_month", title, labels, series),
    )


def employers(period, region):
    counts = figures.employer_figures(period, region)
    rows = [
        (_("Registered"), counts["registered"]),
        (_("Verified"), counts["verified"]),
        (_("Signed a hiring pledge"), counts["pledged"]),
    ]
    return _bar_table("employers", _("Employers"), [_("Employers"), _("Number")], rows)


def commitments(period, region):
    rows = figures.pledges_by_commitment(period, region)
    return _bar_table(
        "commitments",
        _("Hiring pledges by commitment"),
        [_("Commitment"), _("Pledges")],
        rows,
        note=_("Pledges signed in the period, by what they commit to."),
    )


def jobs(period, region):
    counts = figures.job_figures(period, region)
    rows = [
        (_("Posted (sent for review)"), counts["posted"]),
        (_("Published"), counts["published"]),
        (_("Filled through the portal"), counts["filled"]),
        (_("Matched graduates shown to employers"), counts["matches_shown"]),
    ]
    return _bar_table(
        "jobs",
        _("Jobs and matching"),
        [_("Jobs"), _("Number")],
        rows,
        note=_("Matches shown count each anonymised profile listed on an employer's matches page."),
    )


def introductions(period, region):
    counts = figures.introductions_by_outcome(period, region)
    labels = {
        "requested": _("Still waiting for an answer"),
        "accepted": _("Accepted"),
        "declined": _("Declined"),
        "expired": _("Expired"),
        "withdrawn": _("Withdrawn (the person asked to be erased)"),
    }
    rows = [(_("Requested"), sum(counts.values()))] + [
        (labels[status], counts[status]) for status in Introduction.Status.values
    ]
    return _bar_table("introductions", _("Introductions"), [_("Introductions"), _("Number")], rows)


def retention(period, region):
    rows = [
        [
            _("%(months)s months") % {"months": months},
            due,
            answered,
            employed,
            "" if rate is None else f"{rate}%",
        ]
        for months, due, answered, employed, rate in figures.retention_rates(period, region)
    ]
    title = _("Retention at 3, 6 and 12 months")
    bars = [Bar(row[0], int(row[4][:-1]) if row[4] else None, row[4] or _("no answers yet")) for row in rows]
    return Table(
        "retention",
        title,
        [_("Milestone"), _("Checks due"), _("Answered"), _("Still employed"), _("Retention")],
        rows,
        bar_chart("chart-retention", title, bars),
        note=_(
            "Checks falling due in the period; retention is the share still employed among those answered."
        ),
    )


def event_attendance(period, region):
    rows = [
        [title, taken, came, missed]
        for title, taken, came, missed in event_figures.attendance_by_event(*period.bounds(), region)
    ]
    title = _("Attendance at events")
    return Table(
        "event_attendance",
        title,
        [_("Event"), _("Places taken"), _("Attended"), _("Did not come")],
        rows,
        bar_chart("chart-event_attendance", title, _bars([(row[0], row[2]) for row in rows])),
        note=_("Events held in the period; attendance as staff marked it after each event."),
    )


def job_fairs(period, region):
    counts = event_figures.job_fair_employers(*period.bounds(), region)
    rows = [
        (_("Job fairs held"), counts["fairs"]),
        (_("Employers taking part"), counts["taking_part"]),
        (_("Employers recruited at a job fair"), counts["recruited"]),
    ]
    return _bar_table(
        "job_fairs",
        _("Employers at job fairs"),
        [_("Job fairs"), _("Number")],
        rows,
        note=_(
            "Recruited at a job fair: an employer taking part in a job fair held in the period that "
            "signed its first hiring pledge after the fair began, or made its first hire through the "
            "portal on or after the fair's day. Each employer counts once."
        ),
    )


SPLIT_HEADERS = {"sector": _("Sector"), "region": _("Region"), "gender_responsive": _("Programme")}
SPLIT_TITLES = {
    "sector": _("Hires and introductions by sector"),
    "region": _("Hires and introductions by region"),
    "gender_responsive": _("Hires and introductions by gender-responsive programme"),
}


def split(period, region, by):
    """Jobs published (not for programmes: a job has none), introductions and hires, split `by`."""
    columns = {}
    if by != "gender_responsive":
        columns[_("Jobs published")] = figures.jobs_split(period, region, by)
    columns[_("Introductions requested")] = figures.introductions_split(period, region, by)
    columns[_("Introductions accepted")] = figures.introductions_split(
        period, region, by, status=Introduction.Status.ACCEPTED
    )
    hires = figures.hires_split(period, region, by)
    columns[_("Hires")] = hires
    labels, counts = {}, {}
    for header, rows in columns.items():
        for key, label, n in rows:
            labels[key] = label
            counts[header, key] = n
    hired = {key: n for key, _label, n in hires}
    order = sorted(labels, key=lambda key: (-hired.get(key, 0), str(labels[key])))
    rows = [[labels[key], *(counts.get((header, key), 0) for header in columns)] for key in order]
    title = SPLIT_TITLES[by]
    chart_title = _("Hires: %(title)s") % {"title": title}
    chart = bar_chart(f"chart-by_{by}", chart_title, _bars([(label, n) for _key, label, n in hires]))
    return Table(f"by_{by}", title, [SPLIT_HEADERS[by], *columns], rows, chart)


BUILDERS = {
    "supporters": supporters,
    "supporters_by_month": supporters_over_time,
    "employers": employers,
    "commitments": commitments,
    "jobs": jobs,
    "introductions": introductions,
    "retention": retention,
    "event_attendance": event_attendance,
    "job_fairs": job_fairs,
    **{f"by_{by}": partial(split, by=by) for by in figures.SPLITS},
}


TABLES_CACHE_SECONDS = 60


def all_tables(period, region):
    """Every table and when it was counted, a minute ago at most (the page says when): at national
    scale the eleven tables' 30 queries count hundreds of thousands of rows (0.8 s), and staff
    reload and filter the dashboard often. A change to public data (a listing, an employer, a
    pledge: portal.page_cache's generation) has them counted again at once."""
    # "2": what is kept changed shape (counted time, rendered rows); older entries are not read.
    key = (
        f"impact:dashboard:2:{page_cache.generation()}:{get_language()}:"
        f"{period.start}:{period.end}:{region or ''}"
    )
    counted = cache.get(key)
    if counted is None:
        tables = [build(period, region) for build in BUILDERS.values()]
        for table in tables:
            table.body = table.body_html()
        counted = (timezone.now(), tables)
        cache.set(key, counted, TABLES_CACHE_SECONDS)
    return counted


def table(name, period, region):
    """One table by name (for the CSV export), or None."""
    build = BUILDERS.get(name)
    return build(period, region) if build else None
