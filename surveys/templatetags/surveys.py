from django import template

from ..charts import percent as _percent

register = template.Library()


@register.filter
def percent(value):
    """0.6543 -> "65%"; nothing to show -> a dash."""
    return _percent(value)


@register.filter
def points(value):
    """A difference of two shares in percentage points, with its sign: 0.083 -> "+8"."""
    if value is None:
        return "–"
    rounded = round(100 * value)
    return f"+{rounded}" if rounded > 0 else str(rounded)
