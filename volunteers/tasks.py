"""Volunteering has no scheduled work yet: e-mails go through portal.mail's outbox task."""
