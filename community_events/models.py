"""Events: the index at /events/, event pages (also inside campaigns), their sign-up sheet and
attendees.

Translations of an event are one event: they share one sign-up sheet, kept with the page in the
default language (`EventPage.source_event`), whose capacity, times and venue are the ones that
count. Attendees are people of the public; their names and addresses are shown to staff only.
"""

import datetime
import hashlib
import secrets
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.languages import default_language, live_translation, locale_ids
from portal.regions import region_name, validate_region
from portal.visibility import PublicPageMixin, public_q


class EventKind(models.TextChoices):
    JOB_FAIR = "job-fair", _("Job fair")
    EMPLOYER_SESSION = "employer-session", _("Information session for employers")
    OPEN_DAY = "open-day", _("Open day")
    COMMUNITY = "community", _("Community event")
    TRAINING = "training", _("Training")


class Attendance(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


def validate_time_zone(name):
    if name not in zoneinfo.available_timezones():
        raise ValidationError(_("Choose a time zone such as Europe/London."))


def site_time_zone():
    return settings.TIME_ZONE


class EventIndexPage(PublicPageMixin, Page):
    """/events/: upcoming events with filters, past events with their summaries. The listing
    (events.views, with its filter form) sits above the models; EventsConfig.ready() plugs it in."""

    listing_context = None  # (request, index) -> dict

    introduction = models.TextField(_("introduction"), max_length=500, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["events.EventPage"]
    parent_page_types = ["portal.HomePage"]

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request, self))
        return context


class EventPage(PublicPageMixin, Page):
    # What the page shows of its sign-ups (the form, counts, employers' jobs) comes from
    # events.views, above the models; EventsConfig.ready() plugs it in.
    page_context = None  # (request, event) -> dict

    kind = models.CharField(_("kind of event"), max_length=20, choices=EventKind.choices)
    summary = models.TextField(_("summary"), max_length=500)
    start = models.DateTimeField(
        _("starts"), help_text=_("Enter the time in the site's time zone; it is shown in the event's own.")
    )
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=site_time_zone, validators=[validate_time_zone]
    )
    attendance = models.CharField(
        _("how people attend"), max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=160, blank=True)
    venue_address = models.TextField(_("venue address"), max_length=400, blank=True)
    region = models.CharField(_("region"), max_length=10, blank=True, validators=[validate_region])
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to confirmed attendees, in their e-mails, calendar and attendee page."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    audience = models.CharField(_("who it is for"), max_length=200, blank=True)
    organiser = models.CharField(_("organiser"), max_length=160)
    accessibility = models.TextField(_("accessibility information"), max_length=1000, blank=True)
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Not needed when the event is placed inside its campaign."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    employers = ParentalManyToManyField(
        "employers.Employer",
        blank=True,
        related_name="events",
        verbose_name=_("employers taking part"),
        help_text=_("For job fairs: the pledged employers with a stand."),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    cancellation_reason = models.TextField(_("reason for cancelling"), max_length=500, blank=True)
    outcome_summary = models.TextField(
        _("summary after the event"),
        max_length=2000,
        blank=True,
        help_text=_("Shown once the event is over."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("attendance")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("region"),
                FieldPanel("online_link"),
            ],
            heading=_("Where"),
        ),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("organiser")]),
        FieldPanel("audience"),
        FieldPanel("accessibility"),
        FieldPanel("campaign"),
        FieldPanel("employers", widget=forms.SelectMultiple),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("cancelled"), FieldPanel("cancellation_reason"), FieldPanel("outcome_summary")],
            heading=_("Changes and afterwards"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["events.EventIndexPage", "campaigns.CampaignPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["kind", "start"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.attendance in (Attendance.IN_PERSON, Attendance.MIXED) and not self.venue_name.strip():
            errors["venue_name"] = _("Name the venue of an event people attend in person.")
        if self.attendance in (Attendance.ONLINE, Attendance.MIXED) and not self.online_link:
            errors["online_link"] = _("Give the link of an online event.")
        if self.cancelled and not self.cancellation_reason.strip():
            errors["cancellation_reason"] = _("Tell attendees why the event is cancelled.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.page_context(request, self))
        return context

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_online(self):
        return self.attendance in (Attendance.ONLINE, Attendance.MIXED)

    @property
    def is_in_person(self):
        return self.attendance in (Attendance.IN_PERSON, Attendance.MIXED)

    @property
    def region_name(self):
        return region_name(self.region) if self.region else ""

    @property
    def takes_sign_ups(self):
        return not self.cancelled and not self.is_past

    def the_campaign(self):
        """The campaign it belongs to: the one chosen, else the campaign it is placed in."""
        if self.campaign_id:
            return self.campaign
        parent = self.get_parent()
        campaign_type = ContentType.objects.get_for_model(self._meta.get_field("campaign").related_model)
        return parent.specific if parent.content_type_id == campaign_type.pk else None

    @property
    def language_code(self):
        codes = {pk: code for code, pk in locale_ids().items()}
        return codes.get(self.locale_id, default_language())

    def source_event(self):
        """The default language's version of this event, which holds the one sign-up sheet."""
        default = locale_ids().get(default_language())
        if default is None or self.locale_id == default:
            return self
        return (
            EventPage.objects.filter(translation_key=self.translation_key, locale_id=default).first() or self
        )

    def schedule_fingerprint(self):
        """What attendees are told about when it changes: times, zone, venue, link, cancellation."""
        parts = [
            self.start.isoformat(),
            self.end.isoformat(),
            self.time_zone,
            self.venue_name,
            self.venue_address,
            self.online_link,
            str(self.cancelled),
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def calendar_uid(self):
        """Stable across edits, moves and translations (calendars update the event they hold)."""
        return f"event-{self.translation_key}@second-chance-portal"


def visible_events(locale=None):
    """Live public event pages in one language (the active one by default, found without a query)."""
    locale = locale or Locale(pk=locale_ids().get(get_language()) or Locale.get_active().pk)
    return EventPage.objects.live().filter(public_q(), locale_id=locale.pk)


class SignUpSheet(models.Model):
    """One per event, shared by its translations: the lock that keeps places within capacity, and
    what the calendars and attendees were last told (SEQUENCE and the schedule's fingerprint)."""

    event = models.OneToOneField(EventPage, on_delete=models.CASCADE, related_name="sign_up_sheet")
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    announced = models.CharField(max_length=64, blank=True, editable=False)
    changed_at = models.DateTimeField(null=True, blank=True)
    told_cancelled = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("sign-up sheet")

    def __str__(self):
        return f"{self.event_id}"

    @classmethod
    def for_event(cls, event):
        source = event.source_event()
        sheet, _created = cls.objects.get_or_create(
            event=source,
            defaults={"announced": source.schedule_fingerprint(), "told_cancelled": source.cancelled},
        )
        return sheet

    def confirmed_count(self):
        return self.attendees.confirmed().count()


def new_link_nonce():
    return secrets.token_urlsafe(16)


class AttendeeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Attendee.Status.PENDING)

    def confirmed(self):
        return self.filter(status=Attendee.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Attendee.Status.WAITING).order_by("queued_at", "pk")

    def holding_a_place(self):
        """Confirmed or waiting: the people told about changes to the event."""
        return self.filter(status__in=[Attendee.Status.CONFIRMED, Attendee.Status.WAITING])

    def due_for_reminder(self, now=None):
        """Confirmed attendees of an event that starts within a day and was not cancelled, not
        yet reminded: each person is reminded once, however often the command runs."""
        now = now or timezone.now()
        return self.confirmed().filter(
            reminded_at__isnull=True,
            sheet__event__cancelled=False,
            sheet__event__start__gt=now,
            sheet__event__start__lte=now + datetime.timedelta(days=1),
        )


class Attendee(models.Model):
    """A person signed up for an event. Holds a place only once the e-mail link is followed (or
    at once for a signed-in person with a verified address)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for e-mail confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Presence(models.TextChoices):
        UNKNOWN = "", _("Not recorded")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no-show", _("Did not come")

    CONFIRM_SALT = "events.attendee.confirm"
    ATTENDEE_SALT = "events.attendee.link"
    RESEND_INTERVAL = datetime.timedelta(hours=1)
    MAX_EMAILS = 3

    sheet = models.ForeignKey(SignUpSheet, on_delete=models.CASCADE, related_name="attendees")
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=120)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The language of the page they signed up on: every e-mail to them is written in it.
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    presence = models.CharField(_("attendance"), max_length=10, choices=Presence.choices, blank=True)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    queued_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    link_nonce = models.CharField(max_length=32, default=new_link_nonce, editable=False)
    confirmation_emails = models.PositiveSmallIntegerField(default=0, editable=False)
    last_emailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AttendeeQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendee")
        constraints = [
            models.UniqueConstraint(fields=["sheet", "email"], name="one_place_per_email_per_event")
        ]
        indexes = [models.Index(fields=["sheet", "status"]), models.Index(fields=["status", "reminded_at"])]
        permissions = [("export_attendee", "Can export attendee lists")]

    def __str__(self):
        return f"{self.sheet_id}: {self.get_status_display()}"

    def _token(self, salt):
        return signing.dumps({"a": self.pk, "n": self.link_nonce}, salt=salt)

    def confirmation_token(self):
        return self._token(self.CONFIRM_SALT)

    def attendee_token(self):
        """The attendee's own link: their page with the online link, their .ics, cancelling."""
        return self._token(self.ATTENDEE_SALT)

    @classmethod
    def from_token(cls, token, salt, max_age=None):
        """The attendee a signed link names, or None. Raises signing.SignatureExpired when too old."""
        data = signing.loads(token, salt=salt, max_age=max_age)
        pk, nonce = data.get("a"), data.get("n")
        if not isinstance(pk, int) or not isinstance(nonce, str) or not nonce:
            return None
        return cls.objects.filter(pk=pk, link_nonce=nonce).select_related("sheet__event").first()

    @property
    def event(self):
        return self.sheet.event

    def event_in_own_language(self):
        """The event as the attendee read it: its live translation in their language, if any."""
        event = self.sheet.event
        translated = live_translation(event, self.language) if self.language else None
        return translated.specific if translated is not None else event

    def waiting_position(self):
        if self.status != self.Status.WAITING:
            return None
        ahead = self.sheet.attendees.waiting().filter(
            Q(queued_at__lt=self.queued_at) | Q(queued_at=self.queued_at, pk__lt=self.pk)
        )
        return ahead.count() + 1

    def claim_confirmation_email(self):
        """True when a confirmation e-mail may go out now (and counts it): at most MAX_EMAILS in
        all and one per RESEND_INTERVAL, however many requests race."""
        now = timezone.now()
        return bool(
            Attendee.objects.filter(
                Q(last_emailed_at__isnull=True) | Q(last_emailed_at__lte=now - self.RESEND_INTERVAL),
                pk=self.pk,
                confirmation_emails__lt=self.MAX_EMAILS,
            ).update(confirmation_emails=F("confirmation_emails") + 1, last_emailed_at=now)
        )

    def claim_reminder(self, now=None):
        """Mark reminded; True only for the one run that did (two workers never both remind)."""
        return bool(
            Attendee.objects.filter(pk=self.pk, reminded_at__isnull=True).update(
                reminded_at=now or timezone.now()
            )
        )


def attendance_counts(sheet_ids):
    """{sheet id: {status: count}} in one query."""
    counts = {}
    rows = (
        Attendee.objects.filter(sheet_id__in=sheet_ids)
        .order_by()
        .values_list("sheet_id", "status")
        .annotate(count=Count("pk"))
    )
    for sheet_id, status, count in rows:
        counts.setdefault(sheet_id, {})[status] = count
    return counts
