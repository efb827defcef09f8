"""Page-numbered lists: page and page_size in, count and absolute next/previous links out."""

from django.core.paginator import Paginator
from django.utils.translation import ngettext
from ninja.errors import ValidationError

from portal.addresses import absolute_url

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000  # deep enough for every real list; stops a client asking for absurd offsets
PAGE_DESCRIPTION = "Page number, from 1. A page past the last one is refused with 422 naming `page`."


def page_link(request, number):
    params = request.GET.copy()
    params["page"] = number
    return absolute_url(f"{request.path}?{params.urlencode()}")


def envelope(request, page, page_size, count, num_pages):
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "num_pages": num_pages,
        "next": page_link(request, page + 1) if page < num_pages else None,
        "previous": page_link(request, page - 1) if page > 1 else None,
    }


def past_the_end(page, num_pages):
    """A page past the last one is refused with 422 naming `page`, never answered with another page.

    An empty list has one page, empty.
    """
    if page > num_pages:
        message = ngettext(
            "This list has %(count)d page at this page_size.",
            "This list has %(count)d pages at this page_size.",
            num_pages,
        ) % {"count": num_pages}
        raise ValidationError([{"loc": ("query", "page"), "msg": message, "type": "page_past_the_end"}])


def paginate(request, queryset, page, page_size):
    """(the rows of one page, the envelope); 422 for a page past the end (past_the_end)."""
    paginator = Paginator(queryset, page_size)
    past_the_end(page, paginator.num_pages)
    page_obj = paginator.page(page)
    rows = list(page_obj.object_list)
    return rows, envelope(request, page_obj.number, page_size, paginator.count, paginator.num_pages)
