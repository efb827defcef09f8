"""Page-numbered lists: page and page_size in, count and absolute next/previous links out."""

from django.core.paginator import Paginator

from portal.addresses import absolute_url

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000  # deep enough for every real list; stops a client asking for absurd offsets


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


def paginate(request, queryset, page, page_size):
    """(the rows of one page, the envelope); a page past the end gives the last, as on the site."""
    paginator = Paginator(queryset, page_size)
    page_obj = paginator.get_page(page)
    rows = list(page_obj.object_list)
    return rows, envelope(request, page_obj.number, page_size, paginator.count, paginator.num_pages)
