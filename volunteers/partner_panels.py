"""What volunteering shows on the partner dashboard (registered with partners.panels): the
provider's mentor requests still waiting for a mentor."""

from volunteers.models import MentorRequest


def dashboard_mentor_requests(request):
    return {"open_mentor_requests": MentorRequest.objects.filter(provider=request.provider).open().count()}
