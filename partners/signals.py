from django.dispatch import Signal

# Sent when a graduate enters or leaves matching (consent withdrawn, placed): indexes follow.
graduate_matching_changed = Signal()
