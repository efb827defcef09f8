from django.dispatch import Signal

# Sent when an employer is shown a job's matched graduates (count: how many profiles were listed).
matches_shown = Signal()
