import datetime
import secrets

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.signals import post_delete, post_save
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import page_cache
from portal.fragments import lazy
from portal.regions import region_name, validate_region
from portal.visibility import PublicPageMixin, public_q

from .blocks import CampaignBodyBlock


class Audience(models.Model):
    """Who a campaign speaks to: the public, employers, families, volunteers, policymakers."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class CampaignIndexPage(PublicPageMixin, Page):
    introduction = models.TextField(max_length=500, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["campaigns.CampaignPage"]
    parent_page_types = ["portal.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("campaign index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = lazy(self.campaign_cards)  # read when the shared fragment is built
        return context

    def campaign_cards(self):
        """The public campaigns, live first, then upcoming, then ended, with their counts."""
        campaigns = list(
            CampaignPage.objects.child_of(self)
            .live()
            .filter(public_q())
            .select_related("hero_image")
            .prefetch_related("audiences", "hero_image__renditions")
            .order_by("-start_date")
        )
        counts = confirmed_counts()
        for campaign in campaigns:
            campaign.confirmed_count = counts.get(campaign.pk, 0)
        order = {CampaignPage.LIVE: 0, CampaignPage.UPCOMING: 1, CampaignPage.ENDED: 2}
        campaigns.sort(key=lambda campaign: order[campaign.phase])
        return campaigns


class CampaignPage(PublicPageMixin, RoutablePageMixin, Page):
    UPCOMING, LIVE, ENDED = "upcoming", "live", "ended"

    # The pledge form and the view that takes it sit above the models (campaigns.forms,
    # campaigns.views, which import these models); CampaignsConfig.ready() plugs them in here.
    pledge_form_class = None
    pledge_view = None  # (request, campaign) -> response

    introduction = models.TextField(max_length=500, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt_text = models.CharField(max_length=250, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text=_("Leave empty for no end."))
    audiences = ParentalManyToManyField(Audience, blank=True, related_name="campaigns")
    supporter_target = models.PositiveIntegerField(default=1000)
    body = StreamField(CampaignBodyBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt_text")], heading=_("Card image")),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("supporter_target")]),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = ["events.EventPage"]  # by name: campaigns sit below events

    class Meta:
        verbose_name = _("campaign")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt_text.strip():
            raise ValidationError({"hero_alt_text": _("Describe the image for people who cannot see it.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})

    @property
    def phase(self):
        today = timezone.localdate()
        if self.start_date > today:
            return self.UPCOMING
        if self.end_date and self.end_date < today:
            return self.ENDED
        return self.LIVE

    @property
    def is_live(self):
        return self.phase == self.LIVE

    def confirmed_supporters(self):
        return self.pledges.confirmed().count()

    def has_pledge_form(self):
        return self.pledge_form_position() is not None

    def pledge_form_position(self):
        """Where the body's (first) pledge form is, from the raw data: no block is built."""
        for position, block in enumerate(self.body.raw_data):
            if block["type"] == "pledge_form":
                return position
        return None

    def pledge_form_block(self):
        position = self.pledge_form_position()
        return None if position is None else self.body[position]

    def recent_named_supporters(self):
        return self.pledges.confirmed().filter(show_name=True).exclude(name="").order_by("-confirmed_at")[:8]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A blank form, made only if the shared fragment showing it is built; a visitor's form
        # with input and errors replaces it (views._render_campaign) and is never shared.
        context.setdefault("pledge_form", lazy(self.pledge_form_class))
        context.setdefault("visitors_pledge_form", False)
        # Lazy: counted only when a shared fragment showing them is rendered (portal/fragments.py).
        context["supporters"] = supporters = lazy(self.confirmed_supporters)
        context["supporter_percent"] = lazy(
            lambda: (
                min(100, round(100 * supporters() / self.supporter_target)) if self.supporter_target else 0
            )
        )
        context["named_supporters"] = lazy(lambda: list(self.recent_named_supporters()))
        return context

    @path("")
    def campaign(self, request):
        return self.render(request)

    @path("pledge/", name="pledge")
    def pledge(self, request):
        if request.method != "POST":
            return redirect(self.url)
        return self.pledge_view(request, self)

    @path("pledge/thanks/", name="pledge_thanks")
    def pledge_thanks(self, request):
        return TemplateResponse(
            request,
            "campaigns/pledge_thanks.html",
            {"page": self, "self": self},
        )


CONFIRMED_COUNTS_KEY = "campaigns:confirmed-counts"
CONFIRMED_COUNTS_SECONDS = 60


def confirmed_counts():
    """{campaign id: confirmed supporters}, a minute old at most (fresh after a pledge is
    confirmed, saved or erased here). Counting 200,000 supporters took 40 to 300 ms for each
    view of the campaign index; the home page's counters are cached the same way."""
    counts = cache.get(CONFIRMED_COUNTS_KEY)
    if counts is None:
        rows = (
            SupporterPledge.objects.confirmed()
            .order_by()
            .values_list("campaign_id")
            .annotate(count=Count("pk"))
        )
        counts = dict(rows)
        cache.set(CONFIRMED_COUNTS_KEY, counts, CONFIRMED_COUNTS_SECONDS)
    return counts


def forget_confirmed_counts(**kwargs):
    cache.delete(CONFIRMED_COUNTS_KEY)


def new_link_nonce():
    return secrets.token_urlsafe(16)


class SupporterPledgeQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SupporterPledge.Status.CONFIRMED)

    def pending(self):
        return self.filter(status=SupporterPledge.Status.PENDING)


class SupporterPledge(models.Model):
    """A member of the public backing a campaign. Counted only once the e-mail link is followed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for e-mail confirmation")
        CONFIRMED = "confirmed", _("Confirmed")

    CONFIRM_SALT = "campaigns.pledge.confirm"
    ERASE_SALT = "campaigns.pledge.erase"
    # A pending address gets its confirmation link again at most this often and this many times
    # in all: anyone may post the form with someone else's address.
    RESEND_INTERVAL = datetime.timedelta(hours=1)
    MAX_EMAILS = 3

    campaign = models.ForeignKey(CampaignPage, on_delete=models.CASCADE, related_name="pledges")
    email = models.EmailField()
    name = models.CharField(max_length=80, blank=True)
    show_name = models.BooleanField(default=False)
    region = models.CharField(max_length=10, blank=True, validators=[validate_region])
    count_publicly = models.BooleanField(default=True)
    wants_updates = models.BooleanField(default=False)
    # The language of the page the supporter signed on: every e-mail to them is written in it.
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, blank=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The links carry this random value (signed, with the pledge's id), never the address.
    link_nonce = models.CharField(max_length=32, default=new_link_nonce, editable=False)
    confirmation_emails = models.PositiveSmallIntegerField(default=0, editable=False)
    last_emailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SupporterPledgeQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "email"], name="one_pledge_per_email_per_campaign")
        ]
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self):
        return f"{self.campaign_id}: {self.get_status_display()}"

    @property
    def public_name(self):
        return self.name if self.show_name else ""

    @property
    def region_name(self):
        return region_name(self.region) if self.region else ""

    def _token(self, salt):
        return signing.dumps({"p": self.pk, "n": self.link_nonce}, salt=salt)

    def confirmation_token(self):
        return self._token(self.CONFIRM_SALT)

    def erasure_token(self):
        return self._token(self.ERASE_SALT)

    @classmethod
    def from_token(cls, token, salt, max_age=None):
        """The pledge a signed link names, or None. Raises signing.SignatureExpired when too old."""
        data = signing.loads(token, salt=salt, max_age=max_age)
        pk, nonce = data.get("p"), data.get("n")
        if not isinstance(pk, int) or not isinstance(nonce, str) or not nonce:
            return None
        return cls.objects.filter(pk=pk, link_nonce=nonce).select_related("campaign").first()

    def claim_confirmation_email(self):
        """True when a confirmation e-mail may go out now (and counts it): at most MAX_EMAILS in
        all and one per RESEND_INTERVAL, however many requests race."""
        now = timezone.now()
        return bool(
            SupporterPledge.objects.filter(
                Q(last_emailed_at__isnull=True) | Q(last_emailed_at__lte=now - self.RESEND_INTERVAL),
                pk=self.pk,
                status=self.Status.PENDING,
                confirmation_emails__lt=self.MAX_EMAILS,
            ).update(confirmation_emails=F("confirmation_emails") + 1, last_emailed_at=now)
        )

    def confirm(self):
        """Confirm once; True only for the request that made the change, however many race."""
        changed = SupporterPledge.objects.filter(pk=self.pk, status=self.Status.PENDING).update(
            status=self.Status.CONFIRMED, confirmed_at=timezone.now()
        )
        if changed:
            forget_confirmed_counts()
            self.refresh_from_db(fields=["status", "confirmed_at"])
            page_cache.forget_pages()  # campaign, home and impact pages count supporters
        return bool(changed)


post_save.connect(
    forget_confirmed_counts, sender=SupporterPledge, dispatch_uid="campaigns-confirmed-counts-save"
)
post_delete.connect(
    forget_confirmed_counts, sender=SupporterPledge, dispatch_uid="campaigns-confirmed-counts-delete"
)
