"""The public impact figures, exactly as the /impact/ page has them (aggregated, small counts hidden)."""

from ninja import Router

from impact.figures import public_figures  # the impact app owns the figures and their cache

from .schemas import Error, ImpactOut

router = Router(tags=["impact"])


@router.get(
    "/impact", response={200: ImpactOut, 429: Error}, url_name="impact", summary="Public impact figures"
)
def impact(request):
    """Headline figures and splits; any count under 5 in a split is null and shown as "fewer than 5"."""
    return public_figures()
