"""Employers: organisations and their members, hiring pledges (jobs and matching to follow)."""

from .jobs import (
    REQUIREMENT_FLAGS,
    ApplyMethod,
    EmploymentType,
    InvalidTransition,
    JobCertification,
    JobListing,
    JobReport,
    JobSkill,
    JobStateChange,
    PayPeriod,
    RemoteOption,
)
from .organisations import Employer, EmployerStatusChange, Invitation, Membership
from .pledges import (
    HiringPledge,
    HiringPledgeCommitment,
    PledgeCommitment,
    ProgressItem,
    ProgressReport,
)
from .taxonomy import Certification, DeterringPhrase, Occupation, Skill

__all__ = [
    "REQUIREMENT_FLAGS",
    "ApplyMethod",
    "Certification",
    "DeterringPhrase",
    "EmploymentType",
    "InvalidTransition",
    "JobCertification",
    "JobListing",
    "JobReport",
    "JobSkill",
    "JobStateChange",
    "Occupation",
    "PayPeriod",
    "RemoteOption",
    "Skill",
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
