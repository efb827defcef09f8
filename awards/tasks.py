"""Scheduled work of the awards: the figures attached to nominations are counted again every day
while their round is being judged, so the panel reads the pledge as it stands."""

from django_tasks import task

from awards.models import AwardRound, Nomination


@task()
def refresh_figures():
    nominations = Nomination.objects.filter(category__round__status=AwardRound.Status.JUDGING).select_related(
        "employer"
    )
    for nomination in nominations:
        nomination.refresh_figures()
    return len(nominations)
