"""Who may see a job seeker's profile and CV, written once.

The seeker always sees their own. Others need a ground:
- a programme provider whose link the seeker asked for and the provider confirmed
  (`ProviderLink`, status confirmed);
- an employer with an introduction the seeker accepted, on one of its jobs;
- whatever the apps above add through `employer_ground` (the applications app: "applied to").

The CV is narrower than the profile: it goes only to an employer the seeker applied to with it
(a ground registered with `cv=True`); accepting an introduction shows the profile, not the CV.

Each ground is a Q over JobSeeker for one organisation, so a page asks once whether a seeker is
visible, and a list of visible seekers is one query. Every view by someone other than the seeker
is written to `SeekerDataAccess` by the view that shows it (`record_view`).
"""

from django.db.models import Q

from seekers.models import JobSeeker, ProviderLink, SeekerDataAccess, SeekerIntroduction

# Callables employer -> Q over JobSeeker naming the seekers whose profile that employer may see,
# and those whose CV it may download.
EMPLOYER_GROUNDS = []
EMPLOYER_CV_GROUNDS = []


def employer_ground(ground, cv=False):
    """Let employers see a seeker's profile where `ground(employer)` (a Q over JobSeeker) holds,
    and download the CV too when `cv`; apps above seekers call this from AppConfig.ready()."""
    for grounds in (EMPLOYER_GROUNDS, EMPLOYER_CV_GROUNDS) if cv else (EMPLOYER_GROUNDS,):
        if ground not in grounds:
            grounds.append(ground)
    return ground


def accepted_introduction(employer):
    return Q(
        introductions__job__employer=employer,
        introductions__status=SeekerIntroduction.Status.ACCEPTED,
    )


employer_ground(accepted_introduction)


def _any_ground(employer, grounds):
    condition = Q(pk__in=[])
    for ground in grounds:
        condition |= Q(pk__in=JobSeeker.objects.filter(ground(employer)).values("pk"))
    return condition


def visible_to_employer(employer):
    """Active seekers whose profile `employer` may see (one query when evaluated)."""
    if employer is None:
        return JobSeeker.objects.none()
    return JobSeeker.objects.active().filter(_any_ground(employer, EMPLOYER_GROUNDS))


def cv_visible_to_employer(employer):
    """Active seekers whose CV `employer` may download: those who applied to it with the CV."""
    if employer is None:
        return JobSeeker.objects.none()
    return JobSeeker.objects.active().filter(_any_ground(employer, EMPLOYER_CV_GROUNDS))


def employer_may_see(employer, seeker):
    return visible_to_employer(employer).filter(pk=seeker.pk).exists()


def visible_to_provider(provider):
    """Active seekers linked to `provider` by a confirmed link."""
    if provider is None:
        return JobSeeker.objects.none()
    confirmed = ProviderLink.objects.confirmed().filter(provider=provider).values("seeker_id")
    return JobSeeker.objects.active().filter(pk__in=confirmed)


def provider_may_see(provider, seeker):
    return visible_to_provider(provider).filter(pk=seeker.pk).exists()


def record_view(request, seeker, what="profile", employer=None, provider=None):
    """Audit a view of `seeker`'s profile ("profile") or CV ("cv") by someone else; the seeker's
    own views are not recorded."""
    if seeker.user_id is not None and seeker.user_id == getattr(request.user, "pk", None):
        return None
    action = SeekerDataAccess.Action.VIEW_CV if what == "cv" else SeekerDataAccess.Action.VIEW_PROFILE
    return SeekerDataAccess.record(request, seeker, action, employer=employer, provider=provider)
