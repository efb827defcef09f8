"""Wagtail pages for bench/generate.py: stories, campaigns and their supporters, saved with tree
paths computed once. A part of the Generator."""

import datetime

import common
from django.conf import settings
from vocabulary import BATCH, FIRST_NAMES, PLACES, TITLES


class PageRows:
    def add_pages(self, parent, pages, label):
        """Save new children of `parent` with tree paths computed here, one INSERT pair each."""
        from wagtail.models import Page

        parent = Page.objects.get(pk=parent.pk)
        last = parent.get_last_child()
        step = int(last.path[-Page.steplen :], 36) if last else 0
        with common.Progress(label, len(pages)) as bar:
            for page in pages:
                step += 1
                page.path = Page._get_path(parent.path, parent.depth + 1, step)
                page.depth = parent.depth + 1
                page.numchild = 0
                page.url_path = f"{parent.url_path}{page.slug}/"
                page.live = True
                page.has_unpublished_changes = False
                page.first_published_at = page.last_published_at = page.first_published_at or self.now
                page.draft_title = page.title
                page.locale_id = parent.locale_id
                page.save(clean=False)
                bar.advance()
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))

    def stories(self):
        from wagtail.rich_text import RichText

        from stories.models import StoryConsent, StoryIndexPage, StoryPage, Theme

        # The default language's: a demo database also holds the French, Spanish and Arabic ones.
        index = StoryIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
        themes = list(Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
        consent = StoryConsent.objects.create(
            subject_reference="BENCH-001",
            given_on=self.today - datetime.timedelta(days=30),
            expires_on=self.today + datetime.timedelta(days=3 * 365),
        )
        pages = []
        for n in range(self.sizes["stories"]):
            name = self.rng.choice(FIRST_NAMES)
            title = f"{name} found work as a {self.rng.choice(TITLES).lower()}"
            page = StoryPage(
                title=title,
                slug=f"bench-story-{n}",
                display_name=name,
                standfirst=self.words(12, 30).capitalize() + ".",
                programme_type="",
                region=self.region(),
                consent=consent,
                first_published_at=self.now - datetime.timedelta(hours=n),
                body=[
                    ("paragraph", RichText(f"<p>{self.words(40, 120)}</p>")),
                    ("quote", {"quote": self.words(8, 20).capitalize() + ".", "attribution": name}),
                    ("paragraph", RichText(f"<p>{self.words(40, 120)}</p>")),
                ],
            )
            page.themes = self.rng.sample(themes, min(2, len(themes)))
            pages.append(page)
        self.add_pages(index, pages, "stories")

    def campaigns(self):
        from campaigns.models import Audience, CampaignIndexPage, CampaignPage, SupporterPledge

        index = CampaignIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
        audiences = list(Audience.objects.all())
        pages = []
        for n in range(self.sizes["campaigns"]):
            start = self.today - datetime.timedelta(days=self.rng.randint(-30, 300))
            page = CampaignPage(
                title=f"Second chances in {self.rng.choice(PLACES)} {n}",
                slug=f"bench-campaign-{n}",
                introduction=self.words(12, 30).capitalize() + ".",
                start_date=start,
                end_date=start + datetime.timedelta(days=self.rng.randint(60, 500)),
                supporter_target=self.rng.choice([1_000, 5_000, 20_000]),
                body=[
                    ("hero", {"heading": "Open a door", "text": self.words(8, 16)}),
                    ("pledge_form", {"heading": "Pledge your support", "text": self.words(6, 12)}),
                ],
            )
            page.audiences = self.rng.sample(audiences, min(2, len(audiences)))
            pages.append(page)
        self.add_pages(index, pages, "campaigns")
        ids = [page.pk for page in pages]
        total = self.sizes["supporters"]
        with common.Progress("supporters", total) as bar:
            for start in range(0, total, BATCH):
                batch = []
                for n in range(start, min(total, start + BATCH)):
                    confirmed = self.rng.random() < 0.9
                    shown = self.rng.random() < 0.3
                    batch.append(
                        SupporterPledge(
                            campaign_id=self.rng.choice(ids),
                            email=f"supporter{n}@bench.example.org",
                            name=self.rng.choice(FIRST_NAMES) if shown else "",
                            show_name=shown,
                            region=self.region(),
                            status="confirmed" if confirmed else "pending",
                            confirmed_at=self.now - datetime.timedelta(minutes=n) if confirmed else None,
                        )
                    )
                SupporterPledge.objects.bulk_create(batch)
                bar.advance(len(batch))
