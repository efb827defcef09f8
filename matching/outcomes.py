"""Outcomes: a hire places the graduate and schedules retention checks at 3, 6 and 12 months;
the checks go out by e-mail with one-click answers; unanswered introductions expire.

Wired in MatchingConfig.ready(); the daily work runs through matching/tasks.py
(`manage.py send_outcome_checks`).

Nothing here ever reads a graduate's or a job seeker's personal data: the e-mails name the person
hired by reference only, since they go to the employer as well as to the programme's staff.
"""

import logging

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone

from employers.models import Membership
from matching.emails import send_event_email
from matching.models import INTRODUCTION_TTL, RETENTION_MONTHS, Hire, Introduction, RetentionCheck
from partners.models import Graduate, ProviderStaff
from partners.signals import graduate_matching_changed
from portal import page_cache
from portal.addresses import absolute_url

logger = logging.getLogger(__name__)


# -- A hire ---------------------------------------------------------------------------------------


@receiver(post_save, sender=Hire, dispatch_uid="matching.outcomes.hire_recorded")
def hire_recorded(sender, instance, created, raw=False, **kwargs):
    """A new hire: retention checks at 3, 6 and 12 months, and the graduate leaves matching."""
    if not created or raw:
        return
    RetentionCheck.objects.bulk_create(
        [
            RetentionCheck(
                hire=instance, months=months, due_on=instance.start_date + relativedelta(months=months)
            )
            for months in RETENTION_MONTHS
        ],
        ignore_conflicts=True,
    )
    if instance.graduate_id is None:
        return  # a job seeker's hire: the applications app places the seeker
    placed = (
        Graduate.objects.filter(pk=instance.graduate_id)
        .exclude(status=Graduate.Status.PLACED)
        .update(status=Graduate.Status.PLACED, updated_at=timezone.now())
    )
    graduate = instance.graduate
    graduate.status = Graduate.Status.PLACED
    if placed:
        graduate_matching_changed.send(sender=Graduate, graduate=graduate)


# -- Retention checks -----------------------------------------------------------------------------


def answer_url(check, answer):
    return absolute_url(reverse("employers_public:retention_answer", args=[check.answer_token(answer)]))


# Callables hire -> e-mail addresses that apps above add from their AppConfig.ready() (the
# applications app: the staff of providers a hired job seeker is linked to).
EXTRA_RETENTION_RECIPIENTS = []


def retention_recipient(addresses_of):
    if addresses_of not in EXTRA_RETENTION_RECIPIENTS:
        EXTRA_RETENTION_RECIPIENTS.append(addresses_of)


def retention_recipients(hire):
    """The employer's owners and the programme provider's staff, each address once."""
    owners = Membership.objects.filter(employer_id=hire.employer_id, role=Membership.Role.OWNER)
    addresses = [m.user.email for m in owners.select_related("user")]
    if hire.graduate_id:
        staff = ProviderStaff.objects.filter(provider_id=hire.graduate.provider_id)
        addresses += [s.user.email for s in staff.select_related("user")]
    for addresses_of in EXTRA_RETENTION_RECIPIENTS:
        addresses += addresses_of(hire)
    seen, unique = set(), []
    for address in addresses:
        if address and address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


def due_retention_checks(today=None):
    """Checks due on or before today, not yet sent or answered, of hires nobody reported as left."""
    today = today or timezone.localdate()
    left = RetentionCheck.objects.filter(answer=RetentionCheck.Answer.LEFT).values("hire_id")
    return (
        RetentionCheck.objects.filter(due_on__lte=today, sent_at__isnull=True, answer="")
        .exclude(hire_id__in=left)
        .select_related("hire__graduate", "hire__application__seeker", "hire__employer", "hire__job")
        .order_by("due_on", "pk")
    )


def send_retention_check(check, now):
    """Send one check, once: claimed by setting sent_at first, released again if sending fails."""
    if not RetentionCheck.objects.filter(pk=check.pk, sent_at__isnull=True).update(sent_at=now):
        return False  # another worker sent it
    hire = check.hire
    context = {
        "check": check,
        "hire": hire,
        "reference": hire.person_reference,
        "employer": hire.employer,
        "job_title": hire.job.title if hire.job_id else "",
        "employed_url": answer_url(check, RetentionCheck.Answer.EMPLOYED),
        "left_url": answer_url(check, RetentionCheck.Answer.LEFT),
        "unknown_url": answer_url(check, RetentionCheck.Answer.UNKNOWN),
    }
    try:
        sent = send_event_email("retention_check", retention_recipients(hire), context)
    except Exception:
        RetentionCheck.objects.filter(pk=check.pk, sent_at=now).update(sent_at=None)
        logger.exception("Could not send retention check %s", check.pk)
        return False
    if not sent:
        # Nobody to ask (no owner, no staff): leave it for a later run rather than lose it.
        RetentionCheck.objects.filter(pk=check.pk, sent_at=now).update(sent_at=None)
        return False
    return True


def send_due_retention_checks(today=None):
    """E-mail every due retention check once. Returns how many were sent."""
    now = timezone.now()
    return sum(send_retention_check(check, now) for check in due_retention_checks(today))


def record_retention_answer(check, answer):
    """Record the answer once; False when the check was already answered (or the answer is unknown)."""
    if answer not in RetentionCheck.Answer.values:
        return False
    recorded = RetentionCheck.objects.filter(pk=check.pk, answer="").update(
        answer=answer, answered_at=timezone.now()
    )
    if recorded:
        page_cache.forget_pages()  # the public retention rates change
    return bool(recorded)


# -- Introductions nobody answered ----------------------------------------------------------------


def introduction_expired_recipients(introduction):
    """Whoever asked, and the organisation's owners, each address once."""
    addresses = []
    if introduction.requested_by_id and introduction.requested_by.email:
        addresses.append(introduction.requested_by.email)
    employer_id = introduction.job.employer_id
    owners = Membership.objects.filter(employer_id=employer_id, role=Membership.Role.OWNER).select_related(
        "user"
    )
    addresses += [m.user.email for m in owners]
    seen, unique = set(), []
    for address in addresses:
        if address and address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


def expire_overdue_introductions(now=None):
    """Expire introduction requests unanswered after 14 days and tell the employer. Returns how many."""
    now = now or timezone.now()
    expired = 0
    overdue = Introduction.objects.overdue(now).order_by("pk").values_list("pk", flat=True)
    for pk in list(overdue):
        try:
            with transaction.atomic():
                introduction = (
                    Introduction.objects.select_for_update()
                    .filter(pk=pk, status=Introduction.Status.REQUESTED)
                    .first()
                )
                if introduction is None or not introduction.expire():
                    continue  # answered meanwhile
        except Exception:
            logger.exception("Could not expire introduction %s", pk)
            continue
        expired += 1
        introduction = Introduction.objects.select_related("job__employer", "graduate", "requested_by").get(
            pk=pk
        )
        context = {
            "introduction": introduction,
            "job": introduction.job,
            "employer": introduction.job.employer,
            "reference": introduction.graduate.reference,
            "days": INTRODUCTION_TTL.days,
            "job_url": absolute_url(reverse("employers:job_detail", args=[introduction.job_id])),
        }
        try:
            send_event_email("introduction_expired", introduction_expired_recipients(introduction), context)
        except Exception:
            logger.exception("Could not tell the employer introduction %s expired", pk)
    return expired
