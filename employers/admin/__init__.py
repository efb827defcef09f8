"""The Wagtail admin of employers, one module per subject; employers/wagtail_hooks.py only builds
the menu from them and registers it.

- organisations.py: employers (verify, suspend, new details); pledges.py: hiring pledges and the
  commitments employers can pledge

The shared base (read-only viewsets, the one POST action base, column helpers, the one verify /
suspend action of a verifiable organisation, listing tables) is in portal/admin/.

Django's admin autodiscovery imports this package too (django.contrib.admin is installed, for
nothing of ours): it stays empty, and only wagtail_hooks.py imports the modules above.
"""
