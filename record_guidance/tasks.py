"""No scheduled work: guidance and rules change only when staff edit them, and the self-check keeps
nothing that would need clearing."""
