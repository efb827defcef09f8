"""The shared base of a verifiable organisation (employers, programme providers): nothing of it is
public, and nobody acts for it in its area, until campaign staff verify it; staff may suspend it
again. The status changes only through verify() and suspend(), each kept in the organisation's
history with who changed it and why; the admin's one verify / suspend action (portal/admin/
verification.py) and the one area gate (portal/areas.py) work on any subclass.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for verification")
    VERIFIED = "verified", _("Verified")
    SUSPENDED = "suspended", _("Suspended")


class VerifiableOrganisationQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(status=OrganisationStatus.VERIFIED)

    def pending(self):
        return self.filter(status=OrganisationStatus.PENDING)


class VerifiableOrganisation(models.Model):
    Status = OrganisationStatus

    status = models.CharField(
        max_length=10, choices=OrganisationStatus.choices, default=OrganisationStatus.PENDING
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def is_verified(self):
        return self.status == self.Status.VERIFIED

    # Transitions: the only way status changes, each recorded in the history.
    def verify(self, by, reason=""):
        return self._change_status(self.Status.VERIFIED, by, reason)

    def suspend(self, by, reason):
        return self._change_status(self.Status.SUSPENDED, by, reason)

    def _change_status(self, status, by, reason):
        with transaction.atomic():
            previous = self.status
            self.status = status
            self.status_changed_at = timezone.now()
            self.status_changed_by = by
            self.status_reason = reason
            self.save(update_fields=["status", "status_changed_at", "status_changed_by", "status_reason"])
            # Each subclass has a StatusChange model pointing at it with related_name="status_history".
            self.status_history.create(from_status=previous, to_status=status, changed_by=by, reason=reason)
        self.status_changed(previous)
        return self

    def status_changed(self, previous):
        """Called once the change is saved: a subclass tells whoever must hear of it."""


class StatusChange(models.Model):
    """One change of an organisation's status (the subclass adds the organisation's key)."""

    from_status = models.CharField(max_length=10, choices=OrganisationStatus.choices)
    to_status = models.CharField(max_length=10, choices=OrganisationStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["-changed_at", "-pk"]
