from django.dispatch import Signal

# Sent after a job listing changed state (action: submit, approve, reject, close, expire, ...).
job_state_changed = Signal()
