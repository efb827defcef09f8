"""The Wagtail admin of the employer side, one module per domain; employers/wagtail_hooks.py only
builds the menus from them and registers them.

- organisations.py, pledges.py: employers (verify, suspend, new details), hiring pledges and the
  commitments employers can pledge
- jobs.py, job_review.py, job_reports.py: the moderation queue, the review page with its actions,
  reports from the public
- partners.py: programme providers; matching.py: introductions and hires; audit.py: the audit log
  of graduates' personal data
- taxonomy.py: skills, certifications, deterring phrases; incentives.py: incentive schemes
- shared: base.py (read-only viewsets, the one POST action base, column helpers), verification.py
  (the one verify / suspend action of a verifiable organisation), tables.py (listing tables)

Django's admin autodiscovery imports this package too (django.contrib.admin is installed, for
nothing of ours): it stays empty, and only wagtail_hooks.py imports the modules above.
"""
