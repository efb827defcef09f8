from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import BodyBlock, SurveyWaveBlock
from portal.fragments import lazy
from portal.regions import region_choices, region_name, validate_region
from portal.snippet_translations import default_language_q, in_active_language, in_language
from portal.visibility import PublicPageMixin, visible


class ProgrammeType(models.TextChoices):
    EDUCATION = "education", _("Education")
    VOCATIONAL_TRAINING = "vocational-training", _("Vocational training")
    EMPLOYMENT = "employment", _("Employment")
    FAMILY = "family", _("Family")
    PEER_MENTORING = "peer-mentoring", _("Peer mentoring")
    RESTORATIVE_JUSTICE = "restorative-justice", _("Restorative justice")
    HOUSING = "housing", _("Housing")
    HEALTH = "health", _("Health")


class ThemeQuerySet(models.QuerySet):
    def for_visitors(self):
        """The themes stories point at (the default language's), named in the active language."""
        return in_active_language(self.filter(default_language_q()), "name")


class Theme(TranslatableMixin, models.Model):
    """A story's subject. Stories point at the default language's theme; its translations give
    the name in each language (`localized`), and share the slug the story filter uses."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80)

    objects = ThemeQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("name", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name in the visitor's language when the query asked for it (`for_visitors`)."""
        return in_language(self, "name")


class StoryConsentQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(given_on__lte=on, withdrawn_on__isnull=True).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gt=on)
        )

    def lapsed(self, on=None):
        on = on or timezone.localdate()
        return self.filter(models.Q(withdrawn_on__isnull=False) | models.Q(expires_on__lte=on))


class StoryConsent(models.Model):
    """The subject's permission to tell their story. Stories are public only while it is current."""

    subject_reference = models.CharField(
        max_length=120,
        help_text=_("Internal reference for the person the story is about. Never shown publicly."),
    )
    given_on = models.DateField(_("consent given on"))
    covers_text = models.BooleanField(_("covers the story's text"), default=True)
    covers_photo = models.BooleanField(_("covers photographs of the person"), default=False)
    covers_real_name = models.BooleanField(_("covers the person's real name"), default=False)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StoryConsentQuerySet.as_manager()

    panels = [
        FieldPanel("subject_reference"),
        FieldRowPanel([FieldPanel("given_on"), FieldPanel("expires_on"), FieldPanel("withdrawn_on")]),
        MultiFieldPanel(
            [FieldPanel("covers_text"), FieldPanel("covers_photo"), FieldPanel("covers_real_name")],
            heading=_("Scope"),
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["-given_on", "subject_reference"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True) | models.Q(expires_on__gt=models.F("given_on")),
                name="story_consent_expires_after_given",
            )
        ]

    def __str__(self):
        return f"{self.subject_reference} ({date_format(self.given_on)})"

    def clean(self):
        if self.given_on and self.expires_on and self.expires_on <= self.given_on:
            raise ValidationError(
                {"expires_on": _("The expiry date must be after the date consent was given.")}
            )
        if self.given_on and self.withdrawn_on and self.withdrawn_on < self.given_on:
            raise ValidationError({"withdrawn_on": _("Consent cannot be withdrawn before it was given.")})

    def is_current(self, on=None):
        on = on or timezone.localdate()
        return (
            self.given_on <= on
            and self.withdrawn_on is None
            and (self.expires_on is None or self.expires_on > on)
        )

    def withdraw(self, on=None):
        """Record the withdrawal; every story it covered is unpublished by the post_save signal."""
        self.withdrawn_on = on or timezone.localdate()
        self.save(update_fields=["withdrawn_on"])


def consent_problems(consent, *, uses_real_name, shows_photo, on=None):
    """Why `consent` does not allow publishing a story; an empty list when it does."""
    if consent is None:
        return [_("This story has no consent record. Choose the consent that covers it.")]
    on = on or timezone.localdate()
    problems = []
    if consent.withdrawn_on:
        problems.append(
            _("The consent was withdrawn on %(date)s.") % {"date": date_format(consent.withdrawn_on)}
        )
    if consent.given_on > on:
        problems.append(_("The consent only starts on %(date)s.") % {"date": date_format(consent.given_on)})
    if consent.expires_on and consent.expires_on <= on:
        problems.append(_("The consent expired on %(date)s.") % {"date": date_format(consent.expires_on)})
    if not consent.covers_text:
        problems.append(_("The consent does not cover publishing the story's text."))
    if shows_photo and not consent.covers_photo:
        problems.append(
            _("The story shows a photograph of the person, but the consent does not cover photographs.")
        )
    if uses_real_name and not consent.covers_real_name:
        problems.append(_("The story uses the person's real name, but the consent does not cover it."))
    return problems


class StoryPageQuerySet(PageQuerySet):
    def visible(self):
        return visible(self)

    def with_card_data(self):
        """Everything a story card shows, in a fixed number of queries whatever the count."""
        return self.select_related("hero_image").prefetch_related(
            models.Prefetch("themes", queryset=Theme.objects.for_visitors()), "hero_image__renditions"
        )


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryIndexPage(PublicPageMixin, Page):
    introduction = models.TextField(max_length=500, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["stories.StoryPage"]
    parent_page_types = ["portal.HomePage"]
    max_count = 1
    page_size = 12

    class Meta:
        verbose_name = _("story index page")

    def filtered_stories(self, params, themes):
        stories = StoryPage.objects.child_of(self).visible().with_card_data()
        active = {}
        theme = params.get("theme", "")
        if theme in {known.slug for known in themes}:
            # A subquery, not a join: no duplicate rows, so no DISTINCT over every column of
            # the pages for the page and for the paginator's count.
            tagged = StoryPage.themes.through.objects.filter(theme__slug=theme).values("storypage_id")
            stories = stories.filter(pk__in=tagged)
            active["theme"] = theme
        programme_type = params.get("programme_type", "")
        if programme_type in ProgrammeType.values:
            stories = stories.filter(programme_type=programme_type)
            active["programme_type"] = programme_type
        region = params.get("region", "")
        if region and region in dict(region_choices()):
            stories = stories.filter(region=region)
            active["region"] = region
        return stories.order_by("-first_published_at", "-pk"), active

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = sorted(Theme.objects.for_visitors(), key=lambda theme: theme.label.casefold())
        stories, active = self.filtered_stories(request.GET, themes)
        paginator = Paginator(stories, self.page_size)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context.update(
            stories=page_obj.object_list,
            page_obj=page_obj,
            active_filters=active,
            filter_query=urlencode(active),
            themes=themes,
            programme_types=ProgrammeType.choices,
            regions=self.regions_in_use(),
        )
        return context

    def regions_in_use(self):
        codes = (
            StoryPage.objects.child_of(self)
            .visible()
            .exclude(region="")
            .order_by()  # without it the pages' default order (path) made every story distinct
            .values_list("region", flat=True)
            .distinct()
        )
        return sorted(((code, region_name(code)) for code in codes), key=lambda pair: pair[1])


class StoryPageForm(WagtailAdminPageForm):
    """Refuses to publish (or send to be published) a story its consent does not cover."""

    PUBLISHING_ACTIONS = (
        "action-publish",
        "action-submit",
        "action-workflow-action",
        "action-restart-workflow",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "themes" in self.fields:
            # Every language's story points at the same (default language's) themes.
            self.fields["themes"].queryset = Theme.objects.filter(default_language_q())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hero_image") and not cleaned.get("hero_alt_text", "").strip():
            self.add_error("hero_alt_text", _("Describe the hero image for people who cannot see it."))
        if any(self.data.get(action) for action in self.PUBLISHING_ACTIONS):
            if self.data.get("action-workflow-action") and self.data.get("workflow-action-name") == "reject":
                return cleaned
            problems = consent_problems(
                cleaned.get("consent"),
                uses_real_name=cleaned.get("name_is_real", False),
                shows_photo=bool(cleaned.get("hero_image")) and cleaned.get("photo_shows_subject", False),
            )
            for problem in problems:
                self.add_error("consent", problem)
        return cleaned


class StoryBodyBlock(BodyBlock):
    survey = SurveyWaveBlock()


class StoryPage(PublicPageMixin, Page):
    display_name = models.CharField(
        max_length=80,
        default=_("A graduate"),
        help_text=_("A pseudonym unless the consent covers the person's real name."),
    )
    name_is_real = models.BooleanField(_("the display name is the person's real name"), default=False)
    standfirst = models.TextField(max_length=300)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt_text = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required with an image: what the picture shows, for screen readers."),
    )
    photo_shows_subject = models.BooleanField(
        _("the hero image shows the person"),
        default=False,
        help_text=_("Needs a consent that covers photographs."),
    )
    body = StreamField(StoryBodyBlock())
    themes = ParentalManyToManyField(Theme, blank=True, related_name="stories")
    programme_type = models.CharField(max_length=30, choices=ProgrammeType.choices, blank=True)
    region = models.CharField(max_length=10, blank=True, validators=[validate_region])
    consent = models.ForeignKey(
        StoryConsent, null=True, blank=True, on_delete=models.PROTECT, related_name="stories"
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text=_("The campaign this story supports: the story ends with a link to it."),
    )

    objects = StoryPageManager()
    base_form_class = StoryPageForm

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("display_name"), FieldPanel("name_is_real")]),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt_text"), FieldPanel("photo_shows_subject")],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("programme_type"),
                FieldPanel("region"),
            ],
            heading=_("Filters"),
        ),
        FieldPanel("campaign"),
        FieldPanel("consent"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.SearchField("display_name"),
        index.FilterField("programme_type"),
        index.FilterField("region"),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def consent_problems(self, on=None):
        return consent_problems(
            self.consent,
            uses_real_name=self.name_is_real,
            shows_photo=bool(self.hero_image_id) and self.photo_shows_subject,
            on=on,
        )

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt_text.strip():
            raise ValidationError(
                {"hero_alt_text": _("Describe the hero image for people who cannot see it.")}
            )

    @property
    def region_name(self):
        return region_name(self.region) if self.region else ""

    def visitor_themes(self):
        themes = self.themes.all()
        if isinstance(themes, models.QuerySet):
            return list(themes.for_visitors())
        return list(themes)  # a preview's choices, not saved yet

    def related_stories(self, themes):
        theme_ids = [theme.pk for theme in themes]
        stories = StoryPage.objects.visible().exclude(pk=self.pk).with_card_data()
        if theme_ids:
            stories = stories.filter(themes__in=theme_ids).distinct()
        return stories.order_by("-first_published_at")[:3]

    def action_campaign(self):
        """The campaign the story supports, when the public may see it (one query); else None."""
        if not self.campaign_id:
            return None
        campaigns = self._meta.get_field("campaign").related_model.objects.filter(pk=self.campaign_id)
        return visible(campaigns).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: read only when the page's shared fragment is rendered (portal/fragments.py).
        context["themes"] = themes = lazy(self.visitor_themes)
        context["related_stories"] = lazy(lambda: list(self.related_stories(themes())))
        context["campaign"] = lazy(self.action_campaign)
        return context
