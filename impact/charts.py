"""Charts drawn on the server as accessible SVG: no script, no inline style, a table beside each.

Each chart is an <svg role="img"> labelled by its own <title> and <desc>, so a screen reader
announces the chart's name and a one-sentence summary; the figures themselves are in the data
table the template puts next to it. Colours are presentation attributes (they hold without CSS);
sizes and fonts come from impact/static/impact/impact.css through the classes.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# Colour-blind safe (Okabe-Ito), each at least 3:1 against white as WCAG 1.4.11 asks of graphics.
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8A6D00", "#56449E")
BAR_COLOUR = "#0B5394"
TEXT_COLOUR = "#1A1A1A"
AXIS_COLOUR = "#595959"

WIDTH = 640
ROW = 44


@dataclass
class Bar:
    label: str
    value: int | None  # None: suppressed, drawn as no bar with its display text
    display: str


def _frame(chart_id, title, desc, height, body, css_class):
    return format_html(
        '<svg class="impact-chart {}" role="img" aria-labelledby="{}-title {}-desc" '
        'viewBox="0 0 {} {}" width="{}" height="{}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        css_class,
        chart_id,
        chart_id,
        WIDTH,
        height,
        WIDTH,
        height,
        chart_id,
        title,
        chart_id,
        desc,
        body,
    )


def bar_chart(chart_id, title, bars):
    """Horizontal bars, one per row, the label above each bar and the figure at its end."""
    bars = list(bars)
    if not bars:
        return _frame(chart_id, title, _("No data for this period."), 40, _no_data(), "impact-chart--bar")
    top = max((bar.value for bar in bars if bar.value), default=0) or 1
    track = WIDTH - 90
    parts = []
    for index, bar in enumerate(bars):
        y = index * ROW
        length = round(track * (bar.value or 0) / top)
        parts.append(
            format_html(
                '<g class="impact-chart__row">'
                '<text class="impact-chart__label" x="0" y="{}" fill="{}">{}</text>'
                '<rect class="impact-chart__bar" x="0" y="{}" width="{}" height="16" fill="{}"></rect>'
                '<text class="impact-chart__value" x="{}" y="{}" fill="{}">{}</text></g>',
                y + 14,
                TEXT_COLOUR,
                bar.label,
                y + 20,
                length,
                BAR_COLOUR,
                length + 6,
                y + 33,
                TEXT_COLOUR,
                bar.display,
            )
        )
    desc = _("Bar chart. %(items)s.") % {"items": "; ".join(f"{bar.label}: {bar.display}" for bar in bars)}
    return _frame(chart_id, title, desc, len(bars) * ROW, mark_safe("".join(parts)), "impact-chart--bar")  # nosec B308 B703 # parts built by format_html


def line_chart(chart_id, title, labels, series):
    """One line per series over the same labels (months), with a legend and a labelled y axis."""
    if not labels or not series:
        return _frame(chart_id, title, _("No data for this period."), 40, _no_data(), "impact-chart--line")
    left, right, top, plot_height = 48, WIDTH - 12, 12, 200
    legend_top = top + plot_height + 40
    height = legend_top + 22 * len(series)
    peak = max((max(values) for values in series.values()), default=0) or 1
    step = (right - left) / max(len(labels) - 1, 1)

    def x(i):
        return round(left + i * step, 1)

    def y(value):
        return round(top + plot_height - plot_height * value / peak, 1)

    parts = [
        format_html(
            '<line class="impact-chart__axis" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>'
            '<text class="impact-chart__tick" x="{}" y="{}" text-anchor="end" fill="{}">{}</text>'
            '<text class="impact-chart__tick" x="{}" y="{}" text-anchor="end" fill="{}">0</text>',
            left,
            top + plot_height,
            right,
            top + plot_height,
            AXIS_COLOUR,
            left - 6,
            top + 8,
            TEXT_COLOUR,
            peak,
            left - 6,
            top + plot_height,
            TEXT_COLOUR,
        )
    ]
    # Label the first, last and a few months between, so the axis never crowds.
    every = max(1, round(len(labels) / 6))
    for i, label in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            parts.append(
                format_html(
                    '<text class="impact-chart__tick" x="{}" y="{}" text-anchor="{}" fill="{}">{}</text>',
                    x(i),
                    top + plot_height + 20,
                    "end" if i == len(labels) - 1 and i else "middle",
                    TEXT_COLOUR,
                    label,
                )
            )
    for n, (name, values) in enumerate(series.items()):
        colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
        points = " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(values))
        parts.append(
            format_html(
                '<polyline class="impact-chart__line" points="{}" fill="none" stroke="{}" stroke-width="3">'
                "</polyline>{}",
                points,
                colour,
                format_html_join(
                    "",
                    '<circle cx="{}" cy="{}" r="4" fill="{}"></circle>',
                    ((x(i), y(v), colour) for i, v in enumerate(values)),
                ),
            )
        )
        legend_y = legend_top + 22 * n
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="14" height="14" fill="{}"></rect>'
                '<text class="impact-chart__label" x="{}" y="{}" fill="{}">{}</text>',
                left,
                legend_y,
                colour,
                left + 22,
                legend_y + 12,
                TEXT_COLOUR,
                name,
            )
        )
    totals = "; ".join(f"{name}: {sum(values)}" for name, values in series.items())
    desc = _("Line chart from %(first)s to %(last)s. Totals: %(totals)s.") % {
        "first": labels[0],
        "last": labels[-1],
        "totals": totals,
    }
    return _frame(chart_id, title, desc, height, mark_safe("".join(parts)), "impact-chart--line")  # nosec B308 B703 # parts built by format_html


def _no_data():
    return format_html(
        '<text class="impact-chart__label" x="0" y="24" fill="{}">{}</text>',
        TEXT_COLOUR,
        _("No data for this period."),
    )
