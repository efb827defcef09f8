"""Employers: organisations and their members, hiring pledges (jobs and matching to follow)."""

from .organisations import Employer, EmployerStatusChange, Invitation, Membership
from .pledges import (
    HiringPledge,
    HiringPledgeCommitment,
    PledgeCommitment,
    ProgressItem,
    ProgressReport,
)

__all__ = [
    "Employer",
    "EmployerStatusChange",
    "HiringPledge",
    "HiringPledgeCommitment",
    "Invitation",
    "Membership",
    "PledgeCommitment",
    "ProgressItem",
    "ProgressReport",
]
