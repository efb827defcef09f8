from django.core.management.base import BaseCommand

from portal.addresses import site_host_and_port, sync_site


class Command(BaseCommand):
    help = "Point the default Wagtail Site at SITE_URL's host and port (run at every deploy, after migrate)."

    def handle(self, *args, **options):
        changed = sync_site()
        hostname, port = site_host_and_port()
        state = "updated" if changed else "already"
        self.stdout.write(f"Wagtail site {state} at {hostname}:{port}")
