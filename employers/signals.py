from django.dispatch import Signal

# Sent after an employer's status changed; listeners e-mail the owners.
employer_status_changed = Signal()
hiring_pledge_signed = Signal()
hiring_pledge_withdrawn = Signal()
# Sent after a job listing changed state (action: submit, approve, reject, close, expire, ...).
job_state_changed = Signal()
# Sent when a graduate enters or leaves matching (consent withdrawn, placed): indexes follow.
graduate_matching_changed = Signal()
# Sent when an employer is shown a job's matched graduates (count: how many profiles were listed).
matches_shown = Signal()
