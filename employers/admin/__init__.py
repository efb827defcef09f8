"""The Wagtail admin of the employer side, one module per domain (employers/wagtail_hooks.py only
registers them): organisations and hiring pledges, job listings and their reports, programme
providers, introductions and hires, the audit log of personal data, the taxonomy, incentive
schemes; with the shared bases (base.py), the verify / suspend action of a verifiable
organisation (verification.py) and the listing tables (tables.py).

Django's admin autodiscovery imports this package too (django.contrib.admin is installed, for
nothing of ours): it stays empty, and only wagtail_hooks.py imports the modules below.
"""
