"""Guidance on when a criminal record matters, and the example rules of the spent-conviction self-check.

Staff keep three things in the Wagtail admin ("Record guidance"):

- Jurisdictions: a legal area named by the regions it covers ("England and Wales" covers GB-ENG
  and GB-WLS), so a job in Cardiff finds the guidance of England and Wales through its region.
- Guidance per ISCO-08 group and jurisdiction: which roles need a record check by law, licences
  that may be refused, when a conviction becomes spent, with sources. A translatable snippet
  (docs/translations.md): matching reads the default language's rows only; visitors read the
  translation in their language where an editor made one.
- Example rules (rehabilitation periods by sentence band), read by the self-check. They are data,
  not law: every answer built from them says so.

Nothing here holds anything about a person: no offence, sentence or conviction of anyone is
stored (DESIGN.md); the self-check reads the rules and keeps no answer.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin

from portal.regions import region_ancestors, validate_region
from portal.snippet_translations import default_language_q

# The languages a jurisdiction's name and a rule's note are shown in besides English: a few words
# on the row, as skills' names are (docs/translations.md), so lists cost no query per row.
TEXT_LANGUAGES = ("fr", "es", "ar")
ISCO_GROUP = RegexValidator(
    r"^[0-9]{1,4}$", _("Enter an ISCO-08 code of one to four digits, e.g. 53 or 5414.")
)


def shown_text(instance, field):
    """The active language's column (`<field>_fr`...), the English one where staff left it empty."""
    language = (translation.get_language() or "").split("-")[0]
    if language in TEXT_LANGUAGES:
        return getattr(instance, f"{field}_{language}") or getattr(instance, field)
    return getattr(instance, field)


def isco_prefixes(code):
    """The groups an occupation belongs to, from the widest: "5321" → 5, 53, 532, 5321."""
    code = code or ""
    return [code[:length] for length in range(1, len(code) + 1)]


def jurisdiction_codes(region):
    """The region and every region it lies in: a district, then its nation."""
    return [region, *region_ancestors(region)] if region else []


class Jurisdiction(ClusterableModel):
    name = models.CharField(_("name"), max_length=120, unique=True)
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)
    name_es = models.CharField(_("name in Spanish"), max_length=120, blank=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=120, blank=True)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("name_fr"), FieldPanel("name_es"), FieldPanel("name_ar")],
            heading=_("Name shown in other languages"),
        ),
        InlinePanel("regions", heading=_("Regions it covers"), label=_("Region"), min_num=1),
    ]

    class Meta:
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def shown_name(self):
        return shown_text(self, "name")


class JurisdictionRegion(Orderable):
    jurisdiction = ParentalKey(Jurisdiction, on_delete=models.CASCADE, related_name="regions")
    code = models.CharField(
        _("region code"),
        max_length=10,
        validators=[validate_region],
        help_text=_(
            "ISO 3166-2 code of a region or nation, e.g. GB-ENG; the regions inside it are covered too."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("region")
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "code"], name="one_row_per_region")]

    def __str__(self):
        return self.code


class RecordGuidanceQuerySet(models.QuerySet):
    def matching(self, occupation_code, region):
        """The default language's guidance for a job of `occupation_code` in `region`: every
        group the occupation belongs to, in a jurisdiction covering the region or a region it lies in."""
        groups, regions = isco_prefixes(occupation_code), jurisdiction_codes(region)
        if not groups or not regions:
            return self.none()
        return self.filter(
            default_language_q(), isco_group__in=groups, jurisdiction__regions__code__in=regions
        ).distinct()

    def check_required_by_law(self):
        return self.filter(check_required_by_law=True)


class RecordGuidance(TranslatableMixin, ClusterableModel):
    """Plain-words guidance for one ISCO-08 group in one jurisdiction."""

    title = models.CharField(
        _("who it is for"), max_length=160, help_text=_("The roles in everyday words, e.g. 'Care workers'.")
    )
    isco_group = models.CharField(
        _("ISCO-08 group"),
        max_length=4,
        validators=[ISCO_GROUP],
        help_text=_("Applies to every occupation in the group: 53 covers 5321 and 5322."),
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="guidance", verbose_name=_("jurisdiction")
    )
    check_required_by_law = models.BooleanField(
        _("a record check is required by law"),
        default=False,
        help_text=_("Listings for these roles are then asked to state the check as a legal requirement."),
    )
    legal_requirement = models.CharField(
        _("the check the law requires"),
        max_length=300,
        blank=True,
        help_text=_("As an employer should state it, e.g. 'an enhanced DBS check with a barred list check'."),
    )
    roles_needing_check = models.TextField(
        _("roles that usually need a check"),
        help_text=_("Which roles, which check, and why, in plain words."),
    )
    licences = models.TextField(
        _("licences that may be refused"),
        blank=True,
        help_text=_("Licences or registrations the role needs that a record can stand in the way of."),
    )
    when_spent = models.TextField(
        _("when a conviction becomes spent"),
        help_text=_(
            "What being spent changes for these roles: what checks show, and what filtering removes."
        ),
    )

    objects = RecordGuidanceQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("isco_group"), FieldPanel("jurisdiction")]),
        MultiFieldPanel(
            [FieldPanel("check_required_by_law"), FieldPanel("legal_requirement")],
            heading=_("Legal requirement"),
        ),
        FieldPanel("roles_needing_check"),
        FieldPanel("licences"),
        FieldPanel("when_spent"),
        InlinePanel("sources", heading=_("Sources"), label=_("Source"), min_num=1),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("record guidance")
        verbose_name_plural = _("record guidance")
        ordering = ["isco_group", "title"]

    def __str__(self):
        return f"{self.isco_group} {self.title}"

    def clean(self):
        super().clean()
        if self.check_required_by_law and not self.legal_requirement.strip():
            raise ValidationError(
                {"legal_requirement": _("Name the check the law requires, as an employer should state it.")}
            )


class GuidanceSource(Orderable):
    guidance = ParentalKey(RecordGuidance, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=300)

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("source")

    def __str__(self):
        return self.title


class SentenceBand(models.TextChoices):
    """What the self-check asks; the lengths most rules switch at (12 months, 30 months, 4 years)."""

    NON_CUSTODIAL = "non_custodial", _("A fine or a community sentence (no time in prison)")
    UP_TO_12_MONTHS = "up_to_12_months", _("Prison for 12 months or less")
    UP_TO_30_MONTHS = "up_to_30_months", _("Prison for more than 12 months, up to 30 months")
    UP_TO_4_YEARS = "up_to_4_years", _("Prison for more than 30 months, up to 4 years")
    OVER_4_YEARS = "over_4_years", _("Prison for more than 4 years")


class SpentRuleQuerySet(models.QuerySet):
    def for_answer(self, jurisdiction_id, band):
        return self.filter(jurisdiction_id=jurisdiction_id, band=band).select_related("jurisdiction")


class SpentRule(models.Model):
    """When a conviction becomes spent in one jurisdiction, for one band of sentence: an example
    rule the self-check reads, edited by staff like the incentive schemes."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="spent_rules", verbose_name=_("jurisdiction")
    )
    band = models.CharField(_("sentence"), max_length=20, choices=SentenceBand.choices)
    rehabilitation_years = models.PositiveSmallIntegerField(
        _("years until spent"),
        null=True,
        blank=True,
        help_text=_(
            "Counted from the end of the sentence, including any licence; 0 means when it ends. "
            "Leave empty if such a conviction is never spent."
        ),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Exceptions and details, in plain words."))
    note_fr = models.TextField(_("note in French"), blank=True)
    note_es = models.TextField(_("note in Spanish"), blank=True)
    note_ar = models.TextField(_("note in Arabic"), blank=True)
    source_title = models.CharField(_("source title"), max_length=200)
    source_url = models.URLField(_("source address"), max_length=300)
    is_example = models.BooleanField(
        _("example rule"),
        default=True,
        help_text=_("Shown marked as an example. Untick only for a rule checked by a lawyer."),
    )

    objects = SpentRuleQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("jurisdiction"), FieldPanel("band")]),
        FieldPanel("rehabilitation_years"),
        FieldPanel("note"),
        MultiFieldPanel(
            [FieldPanel("note_fr"), FieldPanel("note_es"), FieldPanel("note_ar")],
            heading=_("Note shown in other languages"),
        ),
        FieldRowPanel([FieldPanel("source_title"), FieldPanel("source_url")], heading=_("Source")),
        FieldPanel("is_example"),
    ]

    class Meta:
        verbose_name = _("spent-conviction rule")
        verbose_name_plural = _("spent-conviction rules")
        ordering = ["jurisdiction__name", "band"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "band"], name="one_rule_per_band")]

    def __str__(self):
        return f"{self.jurisdiction}: {self.get_band_display()}"

    @property
    def never_spent(self):
        return self.rehabilitation_years is None

    @property
    def shown_note(self):
        return shown_text(self, "note")
