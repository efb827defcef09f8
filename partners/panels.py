"""What other apps add to the partner area's pages, registered from their AppConfig.ready() so that
partners imports none of the apps above it: matching adds the introductions waiting for an answer
to the dashboard, and a graduate's matched jobs and introductions to the graduate's page. Each
reader returns a dict of template context; the templates show what they are given.
"""

# read(request) -> dict, for the dashboard
DASHBOARD = []
# read(request, graduate) -> dict, for a graduate's page
GRADUATE = []


def dashboard_panel(read):
    DASHBOARD.append(read)


def graduate_panel(read):
    GRADUATE.append(read)


def dashboard_context(request):
    return {key: value for read in DASHBOARD for key, value in read(request).items()}


def graduate_context(request, graduate):
    return {key: value for read in GRADUATE for key, value in read(request, graduate).items()}
