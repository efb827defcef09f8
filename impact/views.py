"""The staff dashboard (Wagtail admin), its CSV export, and the public /impact/ page."""

import csv
import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.regions import region_name
from portal.spreadsheets import safe_cell
from surveys.panels import public_surveys, results_panel

from . import dashboard
from .charts import Bar, bar_chart
from .figures import public_figures
from .forms import ImpactFilterForm
from .permissions import can_view_dashboard


class ImpactDashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "impact/admin/dashboard.html"
    page_title = gettext_lazy("Impact")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_dashboard(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        form = ImpactFilterForm(request.GET)
        valid = not form.is_bound or form.is_valid()
        if request.GET.get("format") == "csv":
            if not valid:
                return HttpResponseBadRequest(_("Choose a valid period first."), content_type="text/plain")
            return self.csv(form, request.GET.get("table", ""))
        counted_at, tables = (
            dashboard.all_tables(form.chosen_period(), form.chosen_region()) if valid else (None, [])
        )
        query = request.GET.copy()
        query.pop("format", None)
        query.pop("table", None)
        region = form.chosen_region() if valid else None
        return self.render_to_response(
            self.get_context_data(
                form=form,
                tables=tables,
                counted_at=counted_at,
                recounted_every=dashboard.TABLES_CACHE_SECONDS,
                query=query.urlencode(),
                valid=valid,
                period=form.chosen_period() if valid else None,
                region_name=region_name(region) if region else "",
                surveys=list(public_surveys()),
            )
        )

    def csv(self, form, name):
        period, region = form.chosen_period(), form.chosen_region()
        table = dashboard.table(name, period, region)
        if table is None:
            return HttpResponseBadRequest(_("There is no table of that name."), content_type="text/plain")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"impact-{table.name}-{period.start:%Y%m%d}-{period.end:%Y%m%d}{'-' + region if region else ''}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        writer = csv.writer(response)
        writer.writerow([safe_cell(header) for header in table.headers])
        writer.writerows([safe_cell(cell) for cell in row] for row in table.rows)
        return response


def _bars(rows):
    return [Bar(row["label"], row["count"], row["display"]) for row in rows]


PUBLIC_CHARTS = {
    "hires_by_sector": gettext_lazy("People hired, by sector"),
    "hires_by_programme": gettext_lazy("People hired, by programme type"),
    "jobs_by_sector": gettext_lazy("Fair-chance jobs published, by sector"),
    "supporters_by_campaign": gettext_lazy("Confirmed supporters, by campaign"),
}


SURVEYS_SHOWN = 3  # the page's queries grow with the surveys shown, never with their responses


def public_impact(request):
    """Headline figures and a few charts, all aggregated; small counts read "fewer than 5"."""
    figures = public_figures()
    charts = [
        {
            "name": name,
            "title": title,
            "rows": figures["splits"][name],
            "svg": bar_chart(f"chart-{name}", title, _bars(figures["splits"][name])),
        }
        for name, title in PUBLIC_CHARTS.items()
    ]
    response = TemplateResponse(
        request,
        "impact/public.html",
        {
            "figures": figures,
            "charts": charts,
            "hires_by_region": figures["splits"]["hires_by_region"],
            # Attitude surveys: shares with intervals, wave by wave (surveys/panels.py).
            "survey_panels": [
                results_panel(survey, with_breakdowns=False) for survey in public_surveys()[:SURVEYS_SHOWN]
            ],
            "generated_at": datetime.datetime.fromisoformat(figures["generated_at"]),
        },
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
