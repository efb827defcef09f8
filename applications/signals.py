from django.dispatch import Signal

# Sent after an application moved (action: view, shortlist, invite, offer, hire, turn_down, withdraw).
application_changed = Signal()
