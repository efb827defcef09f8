"""The demo's example incentive schemes (demo content only: production never shows them)."""

from incentives.examples import seed_example_schemes


def load(site):
    seed_example_schemes()
