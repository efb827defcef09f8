"""Putting the portal's page tree in place: used by the demo content and by the tests."""

from wagtail.models import Page, Site

from .addresses import site_host_and_port, sync_site
from .models import HomePage


def ensure_home_page(**fields):
    """The one HomePage, made the default site's root; Wagtail's placeholder page is removed."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title=fields.pop("title", "Home"), slug="home", **fields)
        # Wagtail's initial migration leaves a "Welcome" page on slug "home".
        for placeholder in root.get_children().filter(slug="home"):
            if not isinstance(placeholder.specific, HomePage):
                placeholder.delete()
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_host_and_port()
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Second Chance Portal",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Second Chance Portal"
        site.save()
    if site is not None:
        sync_site(site)
    return home


def ensure_child(parent, page_class, slug, **fields):
    """The child of `parent` with `slug`, created and published if missing; never overwritten."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
