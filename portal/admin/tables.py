"""Listing tables of the Wagtail admin that render at the cost of a page of 50 rows, not of 350
templates.

Wagtail renders every cell through a template of its own (and the title cell through a dropdown
component): on the job and employer lists that was half the server time of the page (issue 22).
The columns below produce the same markup as Wagtail's templates for the same cells
(wagtailadmin/tables/cell.html, status_tag_cell.html, status_flag_cell.html, title_cell.html),
from the same context (get_cell_context_data), with format_html: escaped the same way, styled
the same way.

Read-only listings offer nothing per row but the detail page, which the title already links to,
so their rows have no "More options" menu (its one item was that same link).
"""

from django.db import connection
from django.db.models import QuerySet
from django.forms.utils import flatatt
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import ngettext
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import Column, DateColumn, StatusFlagColumn, StatusTagColumn, Table, TitleColumn

# Above this many rows, an unfiltered listing's total is PostgreSQL's estimate, not a COUNT(*).
ESTIMATE_COUNT_ABOVE = 20_000


def _class_attribute(column, extra=""):
    names = " ".join(name for name in (column.classname, extra) if name)
    return format_html(' class="{}"', names) if names else ""


def _status(label):
    return format_html('<span class="w-status w-status--primary">{}</span>', label)


class PlainColumn(Column):
    """Column whose cell is `<td>value</td>`, as wagtailadmin/tables/cell.html renders it."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_cell_context_data(instance, parent_context)["value"]
        return format_html("<td{}>{}</td>", _class_attribute(self), "" if value is None else value)


class PlainStatusTagColumn(StatusTagColumn):
    """StatusTagColumn without a template per cell (status_tag_cell.html)."""

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        classname = "w-status w-status--primary" if context["primary"] else "w-status"
        return format_html(
            '<td{}><span class="{}">{}</span></td>', _class_attribute(self), classname, context["value"]
        )


class PlainStatusFlagColumn(StatusFlagColumn):
    """StatusFlagColumn without a template per cell (status_flag_cell.html)."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_cell_context_data(instance, parent_context)["value"]
        label = self.true_label if value else self.false_label
        return format_html("<td{}>{}</td>", _class_attribute(self), _status(label) if label else "")


class PlainDateColumn(DateColumn):
    """DateColumn without two templates per cell (date_cell.html, human_readable_date.html):
    "3 days ago", the full date and time in the tooltip."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_cell_context_data(instance, parent_context)["raw_value"]
        if not value:
            return format_html("<td{}></td>", _class_attribute(self))
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return format_html(
            '<td{}><button type="button" class="w-human-readable-date" data-controller="w-tooltip" '
            'data-w-tooltip-content-value="{}" data-w-tooltip-placement-value="top">'
            '<time class="w-human-readable-date__date" datetime="{}">{}</time></button></td>',
            _class_attribute(self),
            date_filter(local, get_format("DATETIME_FORMAT") or "N j, Y, P"),
            date_filter(local, "c"),
            capfirst(timesince_simple(value)),
        )


class LinkTitleColumn(TitleColumn):
    """The title linking to the row's detail page, without buttons (title_cell.html)."""

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        url = context["link_url"]
        title = format_html('<a href="{}">{}</a>', url, context["value"]) if url else context["value"]
        return format_html(
            '<td{}><div class="title-wrapper">{}</div></td>', _class_attribute(self, "title"), title
        )


class PlainTable(Table):
    """A table whose body is written in Python, row by row, by its columns' render_cell_html
    (the columns above): Wagtail's table.html renders a component per cell. Its header is
    Wagtail's (sorting links)."""

    template_name = "portal/admin/plain_table.html"

    def body_html(self):
        rows = []
        for row in self.rows:
            context = {"row": row, "table": self}
            cells = format_html_join(
                "",
                "{}",
                ((column.render_cell_html(row.instance, context),) for column in self.columns.values()),
            )
            rows.append(format_html("<tr{}>{}</tr>", flatatt(row.attrs), cells))
        return format_html_join("", "{}", ((row,) for row in rows))


class PlainRowsIndexMixin:
    """For the index view of a read-only listing: the title links to the detail page (the
    permission checked once per page, not once per row), rows carry no buttons, and the table's
    body is written in Python (PlainTable)."""

    table_class = PlainTable

    def get_list_more_buttons(self, instance):
        return []

    @cached_property
    def _inspect_allowed(self):
        return bool(self.inspect_url_name) and self.user_has_any_permission(
            {"add", "change", "delete", "view"}
        )

    def get_inspect_url(self, instance):
        if self._inspect_allowed:
            return reverse(self.inspect_url_name, args=(instance.pk,))
        return None

    def _get_title_column(self, field_name, column_class=LinkTitleColumn, **kwargs):
        return self._get_custom_column(field_name, column_class, get_url=self.get_inspect_url, **kwargs)


class EstimatingPaginator(WagtailPaginator):
    """Pages of a listing whose unfiltered total is PostgreSQL's estimate when the table is large.

    COUNT(*) over the 100,000 job listings took 16 ms of every visit to the unfiltered job list,
    for a figure nobody needs exact ("Page 1 of 2,006"). An unfiltered listing of a table
    PostgreSQL estimates above ESTIMATE_COUNT_ABOVE rows takes the planner's estimate (kept by
    autovacuum's ANALYZE) and says "about"; any filter or search counts exactly (the pending
    queue's count reads an index). A last page past the true end is an empty page, never an error.
    """

    estimated = False

    @cached_property
    def count(self):
        rows = self.object_list
        if connection.vendor == "postgresql" and isinstance(rows, QuerySet) and not rows.query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [rows.model._meta.db_table]
                )
                found = cursor.fetchone()
            estimate = int(found[0]) if found else -1
            if estimate > ESTIMATE_COUNT_ABOVE:
                self.estimated = True
                return estimate
        return super().count

    @cached_property
    def items_count_label(self):
        if not self.estimated:
            return super().items_count_label
        return ngettext("about %(count)s %(items)s", "about %(count)s %(items)s", self.count) % {
            "count": f"{self.count:,}",
            "items": self.verbose_name_plural,
        }
