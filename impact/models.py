"""What the impact figures need that no other app records."""

from django.db import connection, models
from django.utils.translation import gettext_lazy as _


class MatchesShown(models.Model):
    """Anonymised graduate profiles listed to employers on a job's matches page, counted per day.

    A counter, not a log: which employer saw which graduate is none of the dashboard's business,
    only how much matching is used, by the job's sector and region.
    """

    day = models.DateField()
    sector = models.CharField(max_length=1)
    region = models.CharField(max_length=10)
    pages = models.PositiveIntegerField(default=0)
    profiles = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("matches shown")
        verbose_name_plural = _("matches shown")
        constraints = [
            models.UniqueConstraint(fields=["day", "sector", "region"], name="one_match_counter_per_day")
        ]

    def __str__(self):
        return f"{self.day} {self.sector} {self.region}: {self.profiles}"

    @classmethod
    def record(cls, day, sector, region, profiles):
        """Add one page view to the day's counter: one statement, whether the row exists or not.

        An upsert (PostgreSQL and SQLite share the syntax) keeps the matches page's query count
        the same on every view, and two employers viewing at once cannot lose a count.
        """
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            # The table name is the model's own, quoted; every value is a bound parameter.
            cursor.execute(
                f"INSERT INTO {table} (day, sector, region, pages, profiles) VALUES (%s, %s, %s, 1, %s) "  # nosec B608
                "ON CONFLICT (day, sector, region) DO UPDATE SET "
                f"pages = {table}.pages + 1, profiles = {table}.profiles + EXCLUDED.profiles",
                [connection.ops.adapt_datefield_value(day), sector, region, profiles],
            )


class MonthlySummary(models.Model):
    """The monthly summary e-mail, recorded so that a month is never sent twice."""

    month = models.DateField(unique=True, help_text=_("The first day of the month summarised."))
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("monthly impact summary")
        ordering = ["-month"]
        # The dashboard's permission lives here: the app has no model of its own to view.
        permissions = [("view_impact_dashboard", "Can view the impact dashboard")]

    def __str__(self):
        return f"{self.month:%Y-%m}"
