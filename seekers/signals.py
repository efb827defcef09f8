"""What accounts do to job seekers' profiles: made at sign-up, erased with the account."""

from seekers.models import JobSeeker


def make_profile(request, user):
    JobSeeker.objects.get_or_create(user=user)


def erase_with_account(sender, instance, **kwargs):
    for seeker in JobSeeker.objects.active().filter(user=instance):
        seeker.erase()
