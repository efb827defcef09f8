from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def create_cache_table(using="default", **kwargs):
    """`migrate` also creates the database cache's table (the embedded default), so that `make run`
    and a fresh test database need no extra step. Does nothing when the cache is Redis."""
    call_command("createcachetable", database=using, verbosity=0)


def sync_wagtail_site(**kwargs):
    """`migrate` (every deploy runs it) points the default Wagtail Site at SITE_URL."""
    from .addresses import sync_site  # reads Wagtail's Site model, which loads after app configs

    sync_site()


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from wagtail.models import Locale

        from . import admin_sidebar, checks, languages, page_cache  # noqa: F401 (registers the deploy checks, connects the page cache)

        admin_sidebar.install()

        post_save.connect(languages.forget_locales, sender=Locale, dispatch_uid="portal.forget_locales_saved")
        post_delete.connect(
            languages.forget_locales, sender=Locale, dispatch_uid="portal.forget_locales_deleted"
        )
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="portal.create_cache_table")
        post_migrate.connect(
            languages.forget_locales, sender=self, dispatch_uid="portal.forget_locales_migrated"
        )
        post_migrate.connect(sync_wagtail_site, sender=self, dispatch_uid="portal.sync_wagtail_site")
        # What the migrations changed may show on public pages; their saves do not drop the cache.
        post_migrate.connect(page_cache.forget_pages, sender=self, dispatch_uid="portal.forget_cached_pages")
