"""Employers: organisations and their members, hiring pledges (jobs and matching to follow)."""

from .incentive_results import IncentiveDeadline, SavedIncentiveResult
from .incentives import EXAMPLE_MARK, IncentiveCondition, IncentiveScheme, IncentiveStep
from .introductions import RETENTION_MONTHS, Hire, Introduction, RetentionCheck
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
from .partners import (
    RESTRICTION_CLASHES,
    Graduate,
    GraduatePersonalData,
    GraduateProgramme,
    MatchingConsent,
    PersonalDataAccess,
    Programme,
    ProgrammeProvider,
    ProviderStaff,
)
from .pledges import (
    HiringPledge,
    HiringPledgeCommitment,
    PledgeCommitment,
    ProgressItem,
    ProgressReport,
)
from .taxonomy import Certification, DeterringPhrase, Occupation, Skill

__all__ = [
    "EXAMPLE_MARK",
    "IncentiveCondition",
    "IncentiveDeadline",
    "SavedIncentiveResult",
    "IncentiveScheme",
    "IncentiveStep",
    "RESTRICTION_CLASHES",
    "RETENTION_MONTHS",
    "Graduate",
    "GraduatePersonalData",
    "GraduateProgramme",
    "Hire",
    "Introduction",
    "MatchingConsent",
    "PersonalDataAccess",
    "Programme",
    "ProgrammeProvider",
    "ProviderStaff",
    "RetentionCheck",
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
