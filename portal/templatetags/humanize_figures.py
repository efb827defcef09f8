from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value):
    """A count as people read it: 12,345."""
    try:
        return number_format(int(value), force_grouping=True)
    except (TypeError, ValueError):
        return value
