"""Editable classifications jobs are described in: occupations (ISCO-08), skills, certifications."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Occupation(models.Model):
    """An ISCO-08 group: major (1 digit), sub-major (2) or unit (4), loaded by a migration."""

    code = models.CharField(max_length=4, unique=True)
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def level(self):
        return {1: "major", 2: "sub-major", 3: "minor", 4: "unit"}[len(self.code)]


def split_synonyms(text):
    """Synonyms are kept one per line (or separated by |, as ESCO's altLabels are)."""
    parts = text.replace("|", "\n").splitlines()
    return [part.strip() for part in parts if part.strip()]


# The languages a skill's name is shown in besides English. Matching, synonyms and search stay on
# the one English row per concept (docs/translations.md, "Skills"); these columns are only what
# people read, kept on the row so a list of skills costs no query per skill.
NAME_LANGUAGES = ("fr", "es", "ar")


def shown_name_field():
    """The column holding the active language's name ("name" in English)."""
    language = (translation.get_language() or "").split("-")[0]
    return f"name_{language}" if language in NAME_LANGUAGES else "name"


class SkillBase(models.Model):
    name = models.CharField(max_length=200, unique=True)
    name_fr = models.CharField(_("name in French"), max_length=200, blank=True)
    name_es = models.CharField(_("name in Spanish"), max_length=200, blank=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)
    synonyms = models.TextField(blank=True, help_text=_("Other names for it, one per line."))
    description = models.TextField(blank=True)
    esco_uri = models.URLField(_("ESCO concept URI"), max_length=300, blank=True)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("name_fr"), FieldPanel("name_es"), FieldPanel("name_ar")],
            heading=_("Name shown in other languages"),
            help_text=_(
                "Left empty, the English name is shown. Matching and search use the English name and synonyms."
            ),
        ),
        FieldPanel("synonyms"),
        FieldPanel("description"),
        FieldPanel("esco_uri"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("synonyms"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def synonym_list(self):
        return split_synonyms(self.synonyms)

    @property
    def shown_name(self):
        """The name in the active language, the English one where staff gave none."""
        return getattr(self, shown_name_field()) or self.name


class Skill(index.Indexed, SkillBase):
    area = models.CharField(max_length=60, blank=True, help_text=_("For example construction or care."))

    panels = [*SkillBase.panels, FieldPanel("area")]

    class Meta(SkillBase.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["esco_uri"], condition=~models.Q(esco_uri=""), name="unique_skill_esco_uri"
            )
        ]


class Certification(index.Indexed, SkillBase):
    awarding_body = models.CharField(max_length=200, blank=True)

    panels = [*SkillBase.panels, FieldPanel("awarding_body")]

    class Meta(SkillBase.Meta):
        pass


class DeterringPhrase(models.Model):
    """Wording that puts people with records off applying; staff keep the list."""

    phrase = models.CharField(
        max_length=120,
        unique=True,
        help_text=_(
            "Whole words, matched whatever the case, spacing, hyphens or line breaks, with or without "
            "“a” or “the”, singular or plural: “no felonies” also finds “No felony” and “no-felonies”."
        ),
    )
    suggestion = models.TextField(help_text=_("What to write instead, shown to the employer."))
    active = models.BooleanField(default=True)

    panels = [FieldPanel("phrase"), FieldPanel("suggestion"), FieldPanel("active")]

    class Meta:
        ordering = ["phrase"]

    def __str__(self):
        return self.phrase
