from django.dispatch import Signal

# Sent after an employer's status changed; listeners e-mail the owners.
employer_status_changed = Signal()
hiring_pledge_signed = Signal()
hiring_pledge_withdrawn = Signal()
