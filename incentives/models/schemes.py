"""Incentive schemes employers can claim when they hire: data edited by staff in the Wagtail admin.

A scheme carries an ordered list of conditions over facts from the catalogue in
``incentives.facts`` and an ordered list of steps with deadlines. How conditions combine:

- ``match = all``: every condition must be met. Conditions given the same group number are
  alternatives: at least one of that group must be met ("all of these, one of those").
- ``match = any``: one condition is enough. Conditions given the same group number must be met
  together ("any of these, or all of those").

A condition without a group number is a group on its own.
"""

import datetime
from decimal import Decimal

import pycountry
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin

from incentives.facts import (
    CATALOGUE,
    EXAMPLE_COUNTRY,
    EXAMPLE_COUNTRY_NAME,
    LIST_OPERATORS,
    VALUELESS_OPERATORS,
    FactType,
    Operator,
    fact_choices,
    parse_answer,
    subdivisions,
)

EXAMPLE_MARK = "Example scheme — replace with your jurisdiction's rules"

# The languages a scheme's texts are written in besides English. The checker evaluates the one
# English row (its conditions and steps); these are only what people read, kept on the row so the
# result page reads no more rows in French than in English (docs/translations.md).
TEXT_LANGUAGES = ("fr", "es", "ar")


class TranslatedTexts(models.Model):
    """`translations` holds {"fr": {"<field>": "<text>", ...}, "es": ..., "ar": ...} for the
    fields in TRANSLATED_FIELDS; `shown` gives each in the active language, English where empty."""

    TRANSLATED_FIELDS = ()

    translations = models.JSONField(
        _("texts in other languages"),
        default=dict,
        blank=True,
        help_text=_(
            'For example {"fr": {"name": "…"}, "es": {"name": "…"}, "ar": {"name": "…"}}. '
            "A text left out is shown in English. Conditions and deadlines are the English row's."
        ),
    )

    class Meta:
        abstract = True

    @property
    def shown(self):
        language = (translation.get_language() or "").split("-")[0]
        texts = (self.translations or {}).get(language) or {} if language in TEXT_LANGUAGES else {}
        return {field: texts.get(field) or getattr(self, field) for field in self.TRANSLATED_FIELDS}

    def clean(self):
        super().clean()
        translations = self.translations or {}
        wrong = not isinstance(translations, dict) or any(
            language not in TEXT_LANGUAGES
            or not isinstance(texts, dict)
            or any(
                field not in self.TRANSLATED_FIELDS or not isinstance(text, str)
                for field, text in texts.items()
            )
            for language, texts in translations.items()
        )
        if wrong:
            raise ValidationError(
                {
                    "translations": _(
                        "Give each language (%(languages)s) its texts by field name (%(fields)s), as in the example."
                    )
                    % {"languages": ", ".join(TEXT_LANGUAGES), "fields": ", ".join(self.TRANSLATED_FIELDS)}
                }
            )


class IncentiveSchemeQuerySet(models.QuerySet):
    def active(self, on=None):
        """Published schemes valid on the day ``on`` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(live=True).filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on),
            Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        )

    def for_jurisdiction(self, countries):
        return self.filter(country__in=countries)


class IncentiveScheme(DraftStateMixin, RevisionMixin, TranslatedTexts, ClusterableModel):
    class Kind(models.TextChoices):
        WAGE_SUBSIDY = "wage_subsidy", _("Wage subsidy")
        TAX_CREDIT = "tax_credit", _("Tax credit")
        BOND = "bond", _("Bond or insurance")
        PROCUREMENT = "procurement", _("Procurement preference")
        TRAINING_GRANT = "training_grant", _("Training grant")
        OTHER = "other", _("Other")

    class Match(models.TextChoices):
        ALL = "all", _("All of the conditions (same group number: one of them is enough)")
        ANY = "any", _("Any of the conditions (same group number: all of them together)")

    name = models.CharField(max_length=200)
    provider_agency = models.CharField(_("provider agency"), max_length=200)
    country = models.CharField(
        _("country"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Enter a two-letter country code, e.g. GB."))],
        help_text=_("ISO 3166-1 country code; XX is the illustrative 'Example' jurisdiction."),
    )
    region = models.CharField(
        _("region"),
        max_length=10,
        blank=True,
        help_text=_("ISO 3166-2 region code, if the scheme covers one region only."),
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    summary = models.TextField()
    benefit = models.TextField(help_text=_("What the employer gets, in plain words."))
    maximum_value = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal(0))]
    )
    currency = models.CharField(
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Enter a three-letter currency code, e.g. GBP."))],
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    how_to_apply = models.TextField(blank=True)
    source_url = models.URLField(_("official source"), blank=True)
    match = models.CharField(_("conditions to meet"), max_length=3, choices=Match.choices, default=Match.ALL)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="incentive_scheme")

    objects = IncentiveSchemeQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("provider_agency"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("region")], heading=_("Jurisdiction")),
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("benefit"),
                FieldRowPanel([FieldPanel("maximum_value"), FieldPanel("currency")]),
            ],
            heading=_("Benefit"),
        ),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")], heading=_("Validity")),
        FieldPanel("how_to_apply"),
        FieldPanel("source_url"),
        FieldPanel("match"),
        FieldPanel("translations"),
        InlinePanel("conditions", heading=_("Conditions"), label=_("Condition")),
        InlinePanel("steps", heading=_("Steps and deadlines"), label=_("Step")),
    ]

    TRANSLATED_FIELDS = ("name", "summary", "benefit", "how_to_apply")

    class Meta:
        verbose_name = _("incentive scheme")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def jurisdiction_name(self):
        if self.country == EXAMPLE_COUNTRY:
            country = str(EXAMPLE_COUNTRY_NAME)
        else:
            found = pycountry.countries.get(alpha_2=self.country)
            country = found.name if found else self.country
        if self.region:
            region = dict(subdivisions(self.country)).get(self.region, self.region)
            return f"{region}, {country}"
        return country

    def is_valid_on(self, on):
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("The scheme cannot end before it starts.")
        if self.maximum_value is not None and not self.currency:
            errors["currency"] = _("Give the currency of the maximum value.")
        country_regions = dict(subdivisions(self.country)) if self.country else {}
        if self.region and self.country != EXAMPLE_COUNTRY and self.region not in country_regions:
            errors["region"] = _("%(region)s is not a region of %(country)s.") % {
                "region": self.region,
                "country": self.country,
            }
        if errors:
            raise ValidationError(errors)


class IncentiveCondition(TranslatedTexts, Orderable):
    scheme = ParentalKey(IncentiveScheme, on_delete=models.CASCADE, related_name="conditions")
    fact = models.CharField(max_length=40, choices=fact_choices)
    operator = models.CharField(max_length=20, choices=Operator.choices)
    value = models.CharField(
        max_length=500,
        blank=True,
        help_text=_(
            "A number for number facts; a code for choices (e.g. the sector letter or region code), "
            "several separated by commas for 'is one of'; empty for 'is yes' and 'is no'."
        ),
    )
    group = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("Optional: conditions with the same number form a group (see 'conditions to meet')."),
    )
    met_text = models.CharField(_("sentence when met"), max_length=300)
    not_met_text = models.CharField(_("sentence when not met"), max_length=300)

    panels = [
        FieldRowPanel([FieldPanel("fact"), FieldPanel("operator"), FieldPanel("value"), FieldPanel("group")]),
        FieldPanel("met_text"),
        FieldPanel("not_met_text"),
        FieldPanel("translations"),
    ]

    TRANSLATED_FIELDS = ("met_text", "not_met_text")

    class Meta(Orderable.Meta):
        verbose_name = _("condition")

    def __str__(self):
        return f"{self.fact} {self.operator} {self.value}".strip()

    @property
    def fact_definition(self):
        return CATALOGUE.get(self.fact)

    def _country(self):
        try:
            scheme = self.scheme
        except IncentiveScheme.DoesNotExist:
            scheme = None
        return scheme.country if scheme else None

    def typed_value(self, country=None):
        """The value as the engine compares it: a number, a code, a list of codes, or None.

        Raises ValueError (with a message for the admin) when the value does not fit the fact.
        """
        fact = self.fact_definition
        if fact is None:
            raise ValueError(_("Choose a fact from the catalogue."))
        if self.operator not in fact.operators:
            raise ValueError(
                _("'%(operator)s' cannot be used with %(fact)s, a %(type)s fact; use one of: %(allowed)s.")
                % {
                    "operator": Operator(self.operator).label
                    if self.operator in Operator.values
                    else self.operator,
                    "fact": fact.key,
                    "type": FactType(fact.type).label,
                    "allowed": ", ".join(str(fact.operator_label(op)) for op in fact.operators),
                }
            )
        text = (self.value or "").strip()
        if self.operator in VALUELESS_OPERATORS:
            if text:
                raise ValueError(
                    _("Leave the value empty: '%(operator)s' says it all.")
                    % {"operator": Operator(self.operator).label}
                )
            return None
        if not text:
            raise ValueError(_("Enter a value to compare with."))
        if self.operator in LIST_OPERATORS:
            parts = [part.strip() for part in text.split(",") if part.strip()]
            return [self._parse_one(fact, part, country) for part in parts]
        return self._parse_one(fact, text, country)

    @staticmethod
    def _parse_one(fact, text, country):
        try:
            return parse_answer(fact, text, country)
        except ValueError as error:
            if fact.type == FactType.CHOICE:
                raise ValueError(
                    _("'%(value)s' is not one of the choices for %(fact)s.")
                    % {"value": text, "fact": fact.key}
                ) from None
            raise ValueError(
                _("'%(value)s' does not fit %(fact)s, a %(type)s fact: %(error)s")
                % {"value": text, "fact": fact.key, "type": FactType(fact.type).label, "error": error}
            ) from None

    def clean(self):
        super().clean()
        fact = self.fact_definition
        if fact is None:
            raise ValidationError({"fact": _("Choose a fact from the catalogue.")})
        if self.operator not in fact.operators:
            try:
                self.typed_value()
            except ValueError as error:
                raise ValidationError({"operator": str(error)}) from None
        try:
            typed = self.typed_value(self._country())
        except ValueError as error:
            raise ValidationError({"value": str(error)}) from None
        # Store numbers and lists in one normal spelling.
        if isinstance(typed, list):
            self.value = ", ".join(str(item) for item in typed)
        elif typed is not None:
            self.value = str(typed)


class IncentiveStep(TranslatedTexts, Orderable):
    class RelativeTo(models.TextChoices):
        OFFER = "offer", _("the job offer")
        START = "start", _("the start date")

    scheme = ParentalKey(IncentiveScheme, on_delete=models.CASCADE, related_name="steps")
    label = models.CharField(max_length=200, help_text=_("What to do, e.g. 'File the pre-screening form'."))
    relative_to = models.CharField(max_length=5, choices=RelativeTo.choices)
    days_offset = models.SmallIntegerField(
        _("days after"),
        default=0,
        help_text=_("0 means on the day itself; negative numbers mean days before."),
    )
    description = models.TextField(blank=True)

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("relative_to"), FieldPanel("days_offset")]),
        FieldPanel("description"),
        FieldPanel("translations"),
    ]

    TRANSLATED_FIELDS = ("label", "description")

    class Meta(Orderable.Meta):
        verbose_name = _("step")

    def __str__(self):
        return self.label

    @property
    def deadline_text(self):
        anchor = self.get_relative_to_display()
        if self.days_offset == 0:
            return _("by the day of %(anchor)s") % {"anchor": anchor}
        days = abs(self.days_offset)
        if self.days_offset > 0:
            text = ngettext("within %(days)s day of %(anchor)s", "within %(days)s days of %(anchor)s", days)
        else:
            text = ngettext("%(days)s day before %(anchor)s", "%(days)s days before %(anchor)s", days)
        return text % {"days": days, "anchor": anchor}

    def due_on(self, offer_date=None, start_date=None):
        anchor = offer_date if self.relative_to == self.RelativeTo.OFFER else start_date
        return anchor + datetime.timedelta(days=self.days_offset) if anchor else None
