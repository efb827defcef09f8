"""Classifications the portal is coded in: ISIC Rev.4 sections, size bands, record stages,
employment types (jobs offer them, graduates prefer them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SectorChoices(models.TextChoices):
    """ISIC Rev.4 sections (United Nations International Standard Industrial Classification)."""

    A = "A", _("Agriculture, forestry and fishing")
    B = "B", _("Mining and quarrying")
    C = "C", _("Manufacturing")
    D = "D", _("Electricity, gas, steam and air conditioning supply")
    E = "E", _("Water supply; sewerage, waste management and remediation")
    F = "F", _("Construction")
    G = "G", _("Wholesale and retail trade; repair of motor vehicles and motorcycles")
    H = "H", _("Transportation and storage")
    I = "I", _("Accommodation and food service activities")  # noqa: E741
    J = "J", _("Information and communication")
    K = "K", _("Financial and insurance activities")
    L = "L", _("Real estate activities")
    M = "M", _("Professional, scientific and technical activities")
    N = "N", _("Administrative and support service activities")
    O = "O", _("Public administration and defence; compulsory social security")  # noqa: E741
    P = "P", _("Education")
    Q = "Q", _("Human health and social work activities")
    R = "R", _("Arts, entertainment and recreation")
    S = "S", _("Other service activities")
    T = "T", _("Activities of households as employers")
    U = "U", _("Activities of extraterritorial organizations and bodies")


class SizeBand(models.TextChoices):
    MICRO = "1-9", _("1 to 9 staff")
    SMALL = "10-49", _("10 to 49 staff")
    MEDIUM = "50-249", _("50 to 249 staff")
    LARGE = "250-999", _("250 to 999 staff")
    VERY_LARGE = "1000+", _("1,000 staff or more")


class RecordCheckStage(models.TextChoices):
    """When an employer asks about criminal records: stated publicly on profile, pledge and jobs."""

    NEVER = "never", _("We never ask about criminal records")
    WHERE_REQUIRED = "where-required", _("Only where the law requires it for the role")
    AFTER_INTERVIEW = "after-interview", _("After interview")
    AFTER_OFFER = "after-offer", _("After a conditional offer")


class EmploymentType(models.TextChoices):
    FULL_TIME = "full-time", _("Full time")
    PART_TIME = "part-time", _("Part time")
    TEMPORARY = "temporary", _("Temporary")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    WORK_PLACEMENT = "work-placement", _("Work placement")


# The languages people say they speak, for job seekers and volunteers alike: the portal's four
# and the others most asked for by providers; anything else in words.
SPOKEN_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("pl", _("Polish")),
    ("ur", _("Urdu")),
    ("pa", _("Punjabi")),
    ("bn", _("Bengali")),
    ("ro", _("Romanian")),
    ("pt", _("Portuguese")),
    ("so", _("Somali")),
    ("cy", _("Welsh")),
]
LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)
