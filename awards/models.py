"""Employer recognition: award rounds, their categories and criteria, nominations, and the panel's
scores. The states of a round live here, and only here.

A round moves one way: open for nominations -> judging -> shortlist published -> winners
published. Nothing of a nomination is public before its round publishes the shortlist; a
panellist's scores are their own until judging closes (awards/judging.py says who sees what).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from employers.models import Employer, ProgressReport
from matching.models import Hire
from taxonomy.classifications import SizeBand

# Counts of people or reports under this are shown as "fewer than 5", never as the number.
SUPPRESS_BELOW = 5
SCORE_MIN, SCORE_MAX = 1, 5
SHORTLIST_SIZE = 3  # per category, by mean score when judging closes


def shown_count(count):
    """A count as the public and the panel see it: under 5, only "fewer than 5", so that nobody
    behind a small figure can be singled out."""
    return _("fewer than 5") if count < SUPPRESS_BELOW else count


class RoundRefused(Exception):
    """A change the round's state does not allow; its text is for the person who asked."""


class AwardRoundQuerySet(models.QuerySet):
    def open_for_nominations(self, on=None):
        today = on or timezone.localdate()
        return self.filter(status=AwardRound.Status.OPEN, nominations_close_on__gte=today)

    def judging(self):
        return self.filter(status=AwardRound.Status.JUDGING)

    def with_shortlist(self):
        return self.filter(status__in=[AwardRound.Status.SHORTLISTED, AwardRound.Status.WINNERS])

    def with_winners(self):
        return self.filter(status=AwardRound.Status.WINNERS)

    def for_visitors(self):
        """Every round: its categories and criteria are public from the day it opens, and past
        rounds stay public."""
        return self.order_by("-year", "-nominations_close_on", "-pk")


class AwardRound(ClusterableModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Open for nominations")
        JUDGING = "judging", _("Judging")
        SHORTLISTED = "shortlisted", _("Shortlist published")
        WINNERS = "winners", _("Winners published")

    NEXT = {
        Status.OPEN: Status.JUDGING,
        Status.JUDGING: Status.SHORTLISTED,
        Status.SHORTLISTED: Status.WINNERS,
    }

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("address"), max_length=180, unique=True, blank=True)
    year = models.PositiveSmallIntegerField(
        _("award year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    introduction = models.TextField(_("introduction"), max_length=2000, blank=True)
    nominations_close_on = models.DateField(_("nominations close on"))
    panel = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("judging panel"),
        related_name="award_panels",
        blank=True,
        help_text=_("Staff who score the nominations. Each sees only their own scores until judging closes."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN, editable=False
    )
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AwardRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("award round")
        verbose_name_plural = _("award rounds")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.title)[:170] or "awards"
            slug, number = base, 1
            while AwardRound.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                number += 1
                slug = f"{base}-{number}"
            self.slug = slug
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:round", args=[self.slug])

    @property
    def is_open(self):
        return self.status == self.Status.OPEN and self.nominations_close_on >= timezone.localdate()

    @property
    def is_judging(self):
        return self.status == self.Status.JUDGING

    @property
    def shortlist_is_public(self):
        return self.status in (self.Status.SHORTLISTED, self.Status.WINNERS)

    @property
    def winners_are_public(self):
        return self.status == self.Status.WINNERS

    def _move(self, expected, to):
        if self.status != expected:
            raise RoundRefused(_("This round is no longer at that step."))
        self.status, self.status_changed_at = to, timezone.now()
        self.save(update_fields=["status", "status_changed_at"])

    def start_judging(self):
        """Nominations close; the figures attached to each are brought up to date for the panel."""
        with transaction.atomic():
            self._move(self.Status.OPEN, self.Status.JUDGING)
            for nomination in Nomination.objects.filter(category__round=self):
                nomination.refresh_figures()

    def publish_shortlist(self):
        """Judging closes: the best nominations of each category by mean score are shortlisted."""
        if not Score.objects.filter(nomination__category__round=self).exists():
            raise RoundRefused(_("No nomination has been scored yet."))
        with transaction.atomic():
            self._move(self.Status.JUDGING, self.Status.SHORTLISTED)
            for category in self.categories.all():
                ranked = (
                    Nomination.objects.filter(category=category)
                    .with_results()
                    .order_by(models.F("mean_score").desc(nulls_last=True), "pk")
                )
                chosen = [n.pk for n in ranked[:SHORTLIST_SIZE] if n.mean_score is not None]
                Nomination.objects.filter(pk__in=chosen).update(shortlisted=True)

    def publish_winners(self):
        if not Nomination.objects.filter(category__round=self, winner=True).exists():
            raise RoundRefused(_("Choose at least one winner first."))
        self._move(self.Status.SHORTLISTED, self.Status.WINNERS)

    def transition(self, to):
        moves = {
            self.Status.JUDGING: self.start_judging,
            self.Status.SHORTLISTED: self.publish_shortlist,
            self.Status.WINNERS: self.publish_winners,
        }
        if to not in moves or self.NEXT.get(self.status) != to:
            raise RoundRefused(_("This round is no longer at that step."))
        moves[to]()


class Category(Orderable):
    class Kind(models.TextChoices):
        SMALL = "small", _("Small employer")
        MEDIUM = "medium", _("Medium-sized employer")
        LARGE = "large", _("Large employer")
        MOST_IMPROVED = "most-improved", _("Most improved")
        RETENTION = "retention", _("Retention")

    # Who may enter each size category, by the size bands of taxonomy.classifications; the
    # other categories are open to every size.
    SIZE_BANDS = {
        Kind.SMALL: {SizeBand.MICRO, SizeBand.SMALL},
        Kind.MEDIUM: {SizeBand.MEDIUM},
        Kind.LARGE: {SizeBand.LARGE, SizeBand.VERY_LARGE},
    }

    round = ParentalKey(
        AwardRound, on_delete=models.CASCADE, related_name="categories", verbose_name=_("round")
    )
    kind = models.CharField(_("category"), max_length=16, choices=Kind.choices)
    description = models.TextField(_("who it is for"), max_length=600, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["round", "kind"], name="one_category_of_a_kind_per_round")
        ]

    def __str__(self):
        return f"{self.round} – {self.get_kind_display()}"

    def admits(self, employer):
        bands = self.SIZE_BANDS.get(self.kind)
        return bands is None or employer.size_band in bands


class Criterion(Orderable):
    round = ParentalKey(
        AwardRound, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("round")
    )
    title = models.CharField(_("criterion"), max_length=160)
    description = models.TextField(_("what the panel looks for"), max_length=600, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.title


class NominationQuerySet(models.QuerySet):
    def shortlisted(self):
        return self.filter(shortlisted=True)

    def winners(self):
        return self.filter(winner=True)

    def public(self):
        """What visitors may see: the shortlist and the winners of rounds that published them."""
        shortlist = models.Q(
            shortlisted=True,
            category__round__status__in=[AwardRound.Status.SHORTLISTED, AwardRound.Status.WINNERS],
        )
        return self.filter(shortlist, employer__status=Employer.Status.VERIFIED)

    def public_winners(self):
        return self.public().filter(winner=True, category__round__status=AwardRound.Status.WINNERS)

    def with_results(self):
        """Each nomination's total and mean over every panellist's scores (None before any)."""
        return self.annotate(
            total_score=models.Sum("scores__score"),
            mean_score=models.Avg("scores__score"),
            score_count=models.Count("scores"),
        )


class Nomination(models.Model):
    class NominatedBy(models.TextChoices):
        STAFF = "staff", _("Portal staff")
        PROVIDER = "provider", _("Programme provider")
        EMPLOYER = "employer", _("The employer itself")

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="nominations", verbose_name=_("category")
    )
    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="award_nominations", verbose_name=_("employer")
    )
    nominated_by = models.CharField(_("nominated by"), max_length=10, choices=NominatedBy.choices)
    provider = models.ForeignKey(
        "partners.ProgrammeProvider",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_nominations",
        verbose_name=_("programme provider"),
    )
    nominator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("nominator"),
    )
    statement = models.TextField(_("statement"), max_length=3000)
    # Counts only, computed when nominated and refreshed while judging (refresh_figures).
    progress_reports = models.PositiveIntegerField(_("progress reports"), default=0)
    hires = models.PositiveIntegerField(_("hires"), default=0)
    figures_at = models.DateTimeField(_("figures counted at"), null=True, blank=True)
    shortlisted = models.BooleanField(_("shortlisted"), default=False)
    winner = models.BooleanField(_("winner"), default=False)
    created_at = models.DateTimeField(_("nominated at"), auto_now_add=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        ordering = ["category__sort_order", "employer__name", "pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "employer"], name="one_nomination_per_employer_per_category"
            )
        ]

    def __str__(self):
        return f"{self.employer} – {self.category.get_kind_display()}"

    def clean(self):
        if self.category_id and self.employer_id and not self.category.admits(self.employer):
            raise ValidationError({"category": _("This category is for employers of another size.")})

    @property
    def shown_hires(self):
        return shown_count(self.hires)

    @property
    def shown_progress_reports(self):
        return shown_count(self.progress_reports)

    def refresh_figures(self):
        self.progress_reports = ProgressReport.objects.filter(pledge__employer=self.employer_id).count()
        self.hires = Hire.objects.filter(employer=self.employer_id).count()
        self.figures_at = timezone.now()
        self.save(update_fields=["progress_reports", "hires", "figures_at"])

    def choose_as_winner(self):
        # As the database holds it now: the round or the shortlist may have moved since loaded.
        current = Nomination.objects.select_related("category__round").get(pk=self.pk)
        if current.category.round.status != AwardRound.Status.SHORTLISTED:
            raise RoundRefused(_("Winners are chosen once the shortlist is published."))
        if not current.shortlisted:
            raise RoundRefused(_("Only a shortlisted nomination can win."))
        with transaction.atomic():
            Nomination.objects.filter(category=self.category).update(winner=False)
            Nomination.objects.filter(pk=self.pk).update(winner=True)
        self.winner = True


class Score(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    panellist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="award_scores"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    reason = models.TextField(_("reason"), max_length=1000)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "criterion", "panellist"], name="one_score_per_criterion_per_panellist"
            )
        ]

    def __str__(self):
        return f"{self.nomination}: {self.criterion} {self.score}"
