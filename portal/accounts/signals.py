from django.dispatch import Signal

# Sent before an account is deleted. Each receiver returns a list of reasons (strings) why the
# account cannot go yet, e.g. "you are the last owner of X"; an empty list lets it go.
account_deletion_blockers = Signal()
