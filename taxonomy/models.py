"""Editable classifications jobs are described in: occupations (ISCO-08), skills, certifications."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
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


class SkillBase(models.Model):
    name = models.CharField(max_length=200, unique=True)
    synonyms = models.TextField(blank=True, help_text=_("Other names for it, one per line."))
    description = models.TextField(blank=True)
    esco_uri = models.URLField(_("ESCO concept URI"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("synonyms"), FieldPanel("description"), FieldPanel("esco_uri")]
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
