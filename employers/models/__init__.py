"""Employers: organisations and their members, invitations, hiring pledges and their progress."""

from employers.models.organisations import Employer, EmployerStatusChange, Invitation, Membership
from employers.models.pledges import (
    HiringPledge,
    HiringPledgeCommitment,
    PledgeCommitment,
    ProgressItem,
    ProgressReport,
    commitments_in_language,
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
    "commitments_in_language",
]
