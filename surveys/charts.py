"""Survey charts drawn on the server as SVG: no script, no inline style, a table beside each.

Each <svg role="img"> is labelled by its own <title> and <desc>; the figures, intervals and
numbers of responses are in the table the template puts next to it. Colours are presentation
attributes, each at least 3:1 against white (WCAG 1.4.11).
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

BAR = "#0B5394"
WHISKER = "#1A1A1A"
TEXT = "#1A1A1A"
AXIS = "#595959"
SERIES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8A6D00", "#56449E")
WIDTH = 640
ROW = 48


def percent(value):
    return "–" if value is None else f"{round(100 * value)}%"


def _frame(chart_id, title, desc, height, body):
    return format_html(
        '<svg class="survey-chart" role="img" aria-labelledby="{0}-title {0}-desc" viewBox="0 0 {1} {2}" '
        'width="{1}" height="{2}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{0}-title">{3}</title><desc id="{0}-desc">{4}</desc>{5}</svg>',
        chart_id,
        WIDTH,
        height,
        title,
        desc,
        body,
    )


def share_bars(chart_id, title, rows):
    """rows: [(label, Share)]. One bar per question, the 95% interval drawn as a whisker."""
    track = WIDTH - 80
    parts = []
    for index, (label, share) in enumerate(rows):
        y = index * ROW
        length = round(track * (share.value or 0))
        whisker = ""
        if share.low is not None:
            whisker = format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2"></line>',
                round(track * share.low),
                y + 28,
                round(track * share.high),
                y + 28,
                WHISKER,
            )
        parts.append(
            format_html(
                '<g><text x="0" y="{}" fill="{}" font-size="13">{}</text>'
                '<rect x="0" y="{}" width="{}" height="16" fill="{}"></rect>{}'
                '<text x="{}" y="{}" fill="{}" font-size="13">{}</text></g>',
                y + 14,
                TEXT,
                label,
                y + 20,
                length,
                BAR,
                whisker,
                track + 8,
                y + 33,
                TEXT,
                percent(share.value),
            )
        )
    desc = _("Bar chart of the share agreeing. %(items)s.") % {
        "items": "; ".join(f"{label}: {percent(share.value)}" for label, share in rows)
    }
    return _frame(chart_id, title, desc, max(len(rows), 1) * ROW, mark_safe("".join(parts)))  # nosec B308 B703 # parts built by format_html


def trend_lines(chart_id, title, wave_names, trends):
    """One line per question over the waves, on a 0–100% axis."""
    left, right, top, plot = 48, WIDTH - 12, 12, 200
    step = (right - left) / max(len(wave_names) - 1, 1)

    def x(i):
        return round(left + i * step, 1)

    def y(value):
        return round(top + plot - plot * value, 1)

    parts = [
        format_html(
            '<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="{3}"></line>'
            '<text x="{4}" y="{5}" text-anchor="end" fill="{6}" font-size="12">100%</text>'
            '<text x="{4}" y="{1}" text-anchor="end" fill="{6}" font-size="12">0%</text>',
            left,
            top + plot,
            right,
            AXIS,
            left - 6,
            top + 8,
            TEXT,
        )
    ]
    for i, name in enumerate(wave_names):
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}" font-size="12">{}</text>',
                x(i),
                top + plot + 20,
                TEXT,
                name,
            )
        )
    legend_top = top + plot + 40
    for n, trend in enumerate(trends):
        colour = SERIES[n % len(SERIES)]
        points = [
            (i, share.value) for i, (_wave, share) in enumerate(trend.points) if share.value is not None
        ]
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="3"></polyline>{}'
                '<rect x="{}" y="{}" width="14" height="14" fill="{}"></rect>'
                '<text x="{}" y="{}" fill="{}" font-size="13">{}</text>',
                " ".join(f"{x(i)},{y(v)}" for i, v in points),
                colour,
                format_html_join(
                    "",
                    '<circle cx="{}" cy="{}" r="4" fill="{}"></circle>',
                    ((x(i), y(v), colour) for i, v in points),
                ),
                left,
                legend_top + 22 * n,
                colour,
                left + 22,
                legend_top + 22 * n + 12,
                TEXT,
                trend.question.wording,
            )
        )
    desc = _("Line chart of the share agreeing in each wave: %(waves)s.") % {"waves": ", ".join(wave_names)}
    height = legend_top + 22 * max(len(trends), 1)
    return _frame(chart_id, title, desc, height, mark_safe("".join(parts)))  # nosec B308 B703 # parts built by format_html
