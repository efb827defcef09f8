from django.core.cache import cache
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import contributions, page_cache
from .blocks import BodyBlock
from .fragments import lazy
from .visibility import PublicPageMixin


class HomePage(PublicPageMixin, Page):
    """The front door: the current campaign, featured stories, live figures, two calls to action."""

    hero_heading = models.CharField(max_length=120)
    hero_text = models.TextField(max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_campaign = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The campaign the hero's button leads to."),
    )
    hero_button_label = models.CharField(max_length=60, default=_("Pledge your support"))

    public_cta_heading = models.CharField(max_length=120, default=_("Stand behind a second chance"))
    public_cta_text = models.TextField(max_length=400, blank=True)
    public_cta_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    employer_cta_heading = models.CharField(max_length=120, default=_("Hire for potential"))
    employer_cta_text = models.TextField(max_length=400, blank=True)
    employer_cta_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                PageChooserPanel("hero_campaign", "campaigns.CampaignPage"),
                FieldPanel("hero_button_label"),
            ],
            heading=_("Campaign hero"),
        ),
        InlinePanel("featured_stories", label=_("Featured stories"), max_num=6),
        MultiFieldPanel(
            [FieldPanel("public_cta_heading"), FieldPanel("public_cta_text"), FieldPanel("public_cta_page")],
            heading=_("Call to action for the public"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("employer_cta_heading"),
                FieldPanel("employer_cta_text"),
                FieldPanel("employer_cta_page"),
            ],
            heading=_("Call to action for employers"),
        ),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        # Find the deepest page on the path in one query, instead of two queries per level.
        prefixes = [
            self.url_path + "/".join(path_components[:length]) + "/"
            for length in range(len(path_components), 0, -1)
        ]
        page = (
            Page.objects.filter(path__startswith=self.path, depth__gt=self.depth, url_path__in=prefixes)
            .order_by("-depth")
            .first()
        )
        if page is None:
            raise Http404
        return page.specific.route(request, path_components[page.depth - self.depth :])

    def featured_story_pages(self):
        chosen = [item.story_id for item in self.featured_stories.all()]
        return contributions.story_cards(ids=chosen or None, limit=6 if chosen else 3)

    FIGURES_CACHE_KEY = "portal:home-figures"
    FIGURES_CACHE_SECONDS = 60

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: read only when the shared fragment of the page is rendered, not when it comes
        # from the cache (portal/fragments.py).
        context["featured_stories"] = lazy(self.featured_story_pages)
        context["figures"] = lazy(self.live_figures)
        context["links"] = lazy(self.linked_pages)
        return context

    @classmethod
    def live_figures(cls):
        """The four counts of the front page, a minute old at most: four COUNTs over the biggest
        tables are not worth paying on every visit. The apps that own them register them
        (portal/contributions.py)."""
        key = f"{cls.FIGURES_CACHE_KEY}:{page_cache.generation()}"  # a change to them makes a new key
        figures = cache.get(key)
        if figures is None:
            figures = contributions.home_figures()
            cache.set(key, figures, cls.FIGURES_CACHE_SECONDS)
        return figures

    def linked_pages(self):
        """The hero's and the calls to action's pages, fetched together rather than one by one."""
        wanted = {
            "hero": self.hero_campaign_id,
            "public": self.public_cta_page_id,
            "employer": self.employer_cta_page_id,
        }
        found = Page.objects.live().in_bulk([pk for pk in wanted.values() if pk])
        return {role: found.get(pk) for role, pk in wanted.items()}


class HomePageFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey("stories.StoryPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("story", "stories.StoryPage")]


class StandardPage(PublicPageMixin, Page):
    """About, privacy, accessibility statement, contact: text pages with the shared blocks."""

    introduction = models.TextField(max_length=500, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class OutboxMessage(models.Model):
    """An e-mail waiting to be sent (portal/mail.py): encrypted with a key derived from SECRET_KEY,
    deleted once delivered or given up, so that no password-reset or confirmation link lies in
    the task table or stays in the database after its delivery."""

    created_at = models.DateTimeField(auto_now_add=True)
    payload = models.TextField()

    class Meta:
        verbose_name = _("e-mail waiting to be sent")

    def __str__(self):
        return f"E-mail {self.pk} queued {self.created_at:%Y-%m-%d %H:%M}"
