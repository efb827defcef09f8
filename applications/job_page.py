"""The "Apply" offer on a job page (registered in jobs.apply_options from AppConfig.ready()):
a signed-in job seeker gets the button, or a link to the application they already sent; anyone
else is told how to apply as a job seeker. At most two queries."""

from applications.models import Application
from seekers.models import seeker_of

TEMPLATE = "applications/jobs/apply_option.html"


def apply_option(request, job):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return TEMPLATE, {"job": job, "signed_in": False}
    seeker = seeker_of(user)
    if seeker is None:
        return TEMPLATE, {"job": job, "signed_in": True, "seeker": None}
    application = Application.objects.filter(job=job, seeker=seeker).first()
    return TEMPLATE, {"job": job, "signed_in": True, "seeker": seeker, "application": application}
