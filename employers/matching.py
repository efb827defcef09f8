"""Matching graduates and jobs, from either side, with an explanation for every match.

Used by the partner area (jobs for a graduate) and the employer area (graduates for a job);
independent of views. Hard filters first, then a score; the weights live in WEIGHTS only.
Candidate retrieval goes through `search.matching` so that another engine can serve it.
"""

from dataclasses import dataclass, field

# Every weight of the score, in one place.
WEIGHTS = {
    "required_skill": 3.0,
    "preferred_skill": 1.0,
    "required_certification": 3.0,
    "preferred_certification": 1.0,
    "sector_preference": 2.0,
    "employment_type_preference": 1.5,
    "available_before_start": 1.0,
    "same_region": 1.0,
}


@dataclass
class Match:
    """One job matched to one graduate, with its score and its reasons in plain words."""

    job: object
    graduate: object
    score: float
    matched_skills: list = field(default_factory=list)
    missing_required_skills: list = field(default_factory=list)
    matched_certifications: list = field(default_factory=list)
    missing_required_certifications: list = field(default_factory=list)
    place: str = ""  # why the place fits, e.g. "Same region (Leeds)" or "Remote job"
    unmet_preferences: list = field(default_factory=list)

    def explanation(self):
        """The reasons as sentences, in the order people read them."""
        raise NotImplementedError


def jobs_for_graduate(graduate, limit=20):
    """Ranked Match list of open jobs for `graduate` (empty when the graduate is not matchable)."""
    raise NotImplementedError


def graduates_for_job(job, limit=20):
    """Ranked Match list of matchable graduates for `job` (empty when the job is not open)."""
    raise NotImplementedError
