"""Public pages of the employer side. Only verified employers and public pledges appear.

- The pledge wall and employer profiles show verified employers only (404 for anyone else).
- A public pledge's verification page and badge always answer, so that a badge or a printed
  certificate can be checked whatever became of the pledge: they say active, expired, withdrawn,
  or "not valid" when the employer is no longer verified (then nothing else of it is shown).
- Certificates (page and PDF) exist only while the pledge is active and its employer verified;
  otherwise both answer 410 with a page that says so and links to the verification page.
- Private pledges are not public at all: every address of theirs answers 404.
"""

from urllib.parse import urlencode
from xml.sax.saxutils import escape, quoteattr  # nosec B406 # escapes SVG output; nothing is parsed

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employers.certificates import CertificateUnavailable, certificate_pdf
from employers.figures import filtered_wall, on_the_wall, public_pledge_by_reference
from employers.honours import honours_of
from employers.models import Employer, HiringPledge, commitments_in_language
from portal.addresses import absolute_url
from portal.fragments import lazy_context, query_key
from portal.regions import region_choices, region_name
from taxonomy.classifications import SectorChoices, SizeBand

WALL_PAGE_SIZE = 20
BADGE_MAX_AGE = 3600  # seconds: a badge shows a change of state within the hour

ACTIVE = HiringPledge.State.ACTIVE.value
EXPIRED = HiringPledge.State.EXPIRED.value
WITHDRAWN = HiringPledge.State.WITHDRAWN.value
NOT_VALID = "not-valid"

STANDING_LABELS = {
    ACTIVE: gettext_lazy("Active"),
    EXPIRED: gettext_lazy("Expired"),
    WITHDRAWN: gettext_lazy("Withdrawn"),
    NOT_VALID: gettext_lazy("Not valid"),
}
# The same, as words inside a sentence ("… pledge HP-2026-00042 — active").
STANDING_WORDS = {
    ACTIVE: gettext_lazy("active"),
    EXPIRED: gettext_lazy("expired"),
    WITHDRAWN: gettext_lazy("withdrawn"),
    NOT_VALID: gettext_lazy("not valid"),
}
# Badge colours: white text on each passes WCAG AA contrast.
BADGE_COLOURS = {ACTIVE: "#14532d", EXPIRED: "#44403c", WITHDRAWN: "#991b1b", NOT_VALID: "#991b1b"}


# The pledge wall -------------------------------------------------------------------------------


def _regions_on_the_wall(selected):
    """Regions where pledged employers are based or operate, by name (one query)."""
    codes = set()
    rows = on_the_wall().order_by().values_list("head_office_region", "regions_of_operation").distinct()
    for head_office, operating in rows:
        codes.add(head_office)
        if isinstance(operating, list):
            codes.update(code for code in operating if isinstance(code, str))
    if selected:
        codes.add(selected)
    names = dict(region_choices())
    return sorted(((code, names[code]) for code in codes if code in names), key=lambda pair: pair[1])


WALL_NAMES = (
    "employers", "page_obj", "total", "active_filters", "filter_query", "regions", "found_pledge",
)  # fmt: skip


def pledge_wall(request):
    # Read only when the shared fragment of the wall is rendered (portal/fragments.py): the wall
    # is the same for everyone who asks with the same filters.
    return render(
        request,
        "employers/public/pledge_wall.html",
        {
            **lazy_context(lambda: _wall(request.GET), WALL_NAMES),
            "sectors": SectorChoices.choices,
            "sizes": SizeBand.choices,
            "canonical_url": absolute_url(reverse("employers_public:pledge_wall")),
            "wall_key": query_key(request),
        },
    )


def _wall(params):
    employers, active = filtered_wall(params)
    rows = employers.select_related("logo").prefetch_related("logo__renditions").order_by("name", "pk")
    paginator = Paginator(rows, WALL_PAGE_SIZE)
    page_obj = paginator.get_page(params.get("page"))  # not a number: first; too far: last
    return {
        "employers": page_obj.object_list,
        "page_obj": page_obj,
        "total": on_the_wall().count() if active else paginator.count,
        "active_filters": active,
        "filter_query": urlencode(active),
        "regions": _regions_on_the_wall(active.get("region")),
        "found_pledge": public_pledge_by_reference(active.get("q", "")),
    }


# Employer profile ------------------------------------------------------------------------------


def _with_details(pledges):
    return pledges.prefetch_related("commitments", commitments_in_language("commitments__commitment"))


def _latest_progress(pledge):
    if pledge is None:
        return None
    return (
        pledge.progress_reports.prefetch_related(
            "items__commitment", commitments_in_language("items__commitment__commitment")
        )
        .order_by("-submitted_at", "-pk")
        .first()
    )


def employer_profile(request, slug):
    employer = get_object_or_404(Employer.objects.verified().select_related("logo"), slug=slug)
    pledge = _with_details(employer.pledges.active().public()).order_by("-signed_at", "-pk").first()
    return render(
        request,
        "employers/public/employer_profile.html",
        {
            "employer": employer,
            "regions_of_operation": [region_name(code) for code in employer.regions_of_operation],
            "pledge": pledge,
            "progress": _latest_progress(pledge),
            "honours": honours_of(employer),
        },
    )


# Pledge verification, badge and certificate ----------------------------------------------------


def _public_pledge(reference):
    """A public pledge by reference (404 for private or unknown ones), with its employer."""
    return get_object_or_404(HiringPledge.objects.public().select_related("employer"), reference=reference)


def standing(pledge):
    """What the public is told of a pledge: its state, or "not valid" once the employer isn't verified."""
    if not pledge.employer.is_verified:
        return NOT_VALID
    return str(pledge.state)


def _badge_size(lines):
    # Verdana-like glyphs average about 7.5 px at 12-13 px: generous, so text never overflows.
    width = 24 + int(max(len(line) for line in lines) * 7.6)
    return width, 44 + 16 * (len(lines) - 2)


def _honour(pledge, state):
    """The newest honour (an award won, employers/honours.py) while the pledge is active."""
    if state != ACTIVE:
        return None
    honours = honours_of(pledge.employer)
    return honours[0] if honours else None


def _badge_lines(pledge, state, honour=None):
    lines = (
        _("Fair-chance employer"),
        _("Pledge %(reference)s · %(state)s")
        % {"reference": pledge.reference, "state": STANDING_LABELS[state]},
    )
    return (*lines, honour.label) if honour else lines


def badge_title(pledge, state, honour=None):
    title = _("Fair-chance employer — pledge %(reference)s — %(state)s") % {
        "reference": pledge.reference,
        "state": STANDING_WORDS[state],
    }
    return f"{title} — {honour.label}" if honour else title


def _svg(lines, title, colour, state):
    heading, detail, *more = lines
    width, height = _badge_size(lines)
    extra = "".join(
        f'<text x="12" y="{52 + 16 * number}" font-size="12">{escape(line)}</text>'
        for number, line in enumerate(more)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="badge-title" data-state={quoteattr(state)}>'
        f'<title id="badge-title">{escape(title)}</title>'
        f'<rect width="{width}" height="{height}" rx="6" fill="{colour}"/>'
        '<g fill="#ffffff" font-family="Verdana, \'DejaVu Sans\', Arial, sans-serif">'
        f'<text x="12" y="19" font-size="13" font-weight="700">{escape(heading)}</text>'
        f'<text x="12" y="36" font-size="12">{escape(detail)}</text>{extra}'
        "</g></svg>"
    )


def badge_svg(pledge, state):
    honour = _honour(pledge, state)
    return _svg(
        _badge_lines(pledge, state, honour), badge_title(pledge, state, honour), BADGE_COLOURS[state], state
    )


def unknown_badge_svg():
    """For a reference that is unknown or private: says so, and nothing of the reference."""
    lines = (_("Fair-chance employer"), _("No public pledge at this address"))
    return _svg(
        lines,
        _("Fair-chance employer — no public pledge at this address"),
        BADGE_COLOURS[NOT_VALID],
        NOT_VALID,
    )


def pledge_verification(request, reference):
    pledge = _public_pledge(reference)
    state = standing(pledge)
    valid = state != NOT_VALID
    honour = _honour(pledge, state)
    badge_width, badge_height = _badge_size(_badge_lines(pledge, state, honour))
    context = {
        "pledge": pledge,
        "state": state,
        "state_label": STANDING_LABELS[state],
        "badge_title": badge_title(pledge, state, honour),
        "badge_width": badge_width,
        "badge_height": badge_height,
    }
    if valid:
        context["employer"] = pledge.employer
        context["commitments"] = list(
            pledge.commitments.prefetch_related(commitments_in_language("commitment"))
        )
        context["progress"] = _latest_progress(pledge) if state == ACTIVE else None
    if state == ACTIVE:
        verification_url = absolute_url(pledge.get_absolute_url())
        badge_url = absolute_url(reverse("employers_public:pledge_badge", args=[reference]))
        context["embed_code"] = format_html(
            '<a href="{}"><img src="{}" alt="{}" width="{}" height="{}"></a>',
            verification_url,
            badge_url,
            _("Fair-chance employer: %(name)s, hiring pledge %(reference)s. Check that it is active.")
            % {"name": pledge.employer.name, "reference": pledge.reference},
            badge_width,
            badge_height,
        )
    return render(request, "employers/public/pledge_verification.html", context)


def pledge_badge(request, reference):
    """Always a picture, so the employer's own page never shows a broken image.

    An expired, withdrawn or no-longer-valid pledge says so; an unknown or private reference
    answers 404 with a picture that says there is no public pledge (browsers show the picture
    of a 404 answer in an <img>).
    """
    pledge = HiringPledge.objects.public().select_related("employer").filter(reference=reference).first()
    if pledge is None:
        response = HttpResponse(unknown_badge_svg(), status=404, content_type="image/svg+xml; charset=utf-8")
        response["Cache-Control"] = f"public, max-age={BADGE_MAX_AGE}"
        return response
    response = HttpResponse(badge_svg(pledge, standing(pledge)), content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={BADGE_MAX_AGE}"
    return response


def _certificate_or_gone(request, reference):
    """(pledge, None) while a certificate may be shown, else (pledge, the 410 page)."""
    pledge = _public_pledge(reference)
    state = standing(pledge)
    if state == ACTIVE:
        return pledge, None
    gone = render(
        request,
        "employers/public/certificate_unavailable.html",
        {"pledge": pledge, "state": state, "state_word": STANDING_WORDS[state]},
        status=410,
    )
    return pledge, gone


def pledge_certificate(request, reference):
    pledge, gone = _certificate_or_gone(request, reference)
    if gone:
        return gone
    return render(
        request,
        "employers/public/pledge_certificate.html",
        {
            "pledge": pledge,
            "employer": pledge.employer,
            "commitments": list(pledge.commitments.prefetch_related(commitments_in_language("commitment"))),
            "verification_url": absolute_url(pledge.get_absolute_url()),
        },
    )


def pledge_certificate_pdf(request, reference):
    pledge, gone = _certificate_or_gone(request, reference)
    if gone:
        return gone
    try:
        pdf = certificate_pdf(pledge, absolute_url(pledge.get_absolute_url()))
    except CertificateUnavailable:
        return render(
            request, "employers/public/certificate_pdf_unavailable.html", {"pledge": pledge}, status=503
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pledge.reference}.pdf"'
    return response
