"""Incentive schemes with their conditions and steps, and the results employers saved."""

from incentives.models.results import IncentiveDeadline, SavedIncentiveResult
from incentives.models.schemes import EXAMPLE_MARK, IncentiveCondition, IncentiveScheme, IncentiveStep

__all__ = [
    "EXAMPLE_MARK",
    "IncentiveCondition",
    "IncentiveDeadline",
    "IncentiveScheme",
    "IncentiveStep",
    "SavedIncentiveResult",
]
