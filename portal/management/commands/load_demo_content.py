"""Build a living demo site. Running it again changes nothing that is already there."""

import datetime
import io
import os

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.rich_text import RichText

from campaigns.models import Audience, CampaignIndexPage, CampaignPage, SupporterPledge
from employers.incentive_examples import seed_example_schemes
from employers.models import Employer, JobListing
from portal.accounts.areas import landing_url
from portal.demo import content
from portal.demo.employers import load_employers
from portal.demo.images import demo_picture
from portal.demo.impact import load_impact
from portal.demo.jobs import load_jobs
from portal.demo.partners import FIRST_PROVIDER, SECOND_PROVIDER, load_partners
from portal.models import HomePage, HomePageFeaturedStory, StandardPage
from portal.site_setup import ensure_child, ensure_home_page
from stories.models import StoryConsent, StoryIndexPage, StoryPage, Theme

DEFAULT_PASSWORD = "second-chance-demo"  # nosec B105 # demo logins only; DEMO_PASSWORD overrides it
# The admin asks campaign staff for a second factor. The demo staff accounts share this documented
# TOTP secret (add it to any authenticator app, or `oathtool --totp -b SECRET`); demo content only.
DEMO_TOTP_SECRET = "SECONDCHANCEDEMOSTAFFTOTPSECRETX"  # nosec B105
ROLES = {
    "employer@example.org": "owner of Northern Bricks & Mortar (verified, pledged)",
    "recruiter@example.org": "recruiter at Northern Bricks & Mortar",
    "partner@example.org": f"coordinator at {FIRST_PROVIDER} (verified, with graduates)",
    "caseworker@example.org": f"case worker at {SECOND_PROVIDER} (verified, with graduates)",
}

DEMO_USERS = [
    ("admin@example.org", "Ada", "Admin", None, True),
    ("editor@example.org", "Eddie", "Editor", "Campaign editors", False),
    ("moderator@example.org", "Mo", "Moderator", "Campaign moderators", False),
    ("employer@example.org", "Jordan", "Example", None, False),
    ("recruiter@example.org", "Riley", "Recruiter", None, False),
    ("partner@example.org", "Pat", "Partner", None, False),
    ("caseworker@example.org", "Casey", "Caseworker", None, False),
]


class Command(BaseCommand):
    help = "Load demo content: home, pages, stories, campaigns with supporters, and demo logins."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "")
        defaulted = not password
        password = password or DEFAULT_PASSWORD
        # Demo addresses are not real: the e-mails that verifying employers would send go nowhere.
        with (
            transaction.atomic(),
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        ):
            users = self.users(password)
            home = ensure_home_page(
                title="Home",
                hero_heading="Everyone deserves a second chance",
                hero_text="Work, a home and people who believe in them: that is what stops reoffending. "
                "Read their stories, back the campaign, and open your doors.",
                hero_image=self.image("Sunrise over the hills", "home-hero"),
            )
            pages = {
                slug: self.standard_page(home, slug, title, intro, body)
                for slug, title, intro, body in content.STANDARD_PAGES
            }
            stories = self.stories(home, users["editor@example.org"])
            campaigns = self.campaigns(home, stories)
            self.link_stories_to_campaign(stories, campaigns)
            self.dress_home(home, stories, campaigns, pages)
            load_employers(users, staff=users["moderator@example.org"])
            load_jobs()
            seed_example_schemes()  # demo content only: production never shows the examples
            load_partners(users)
            load_impact()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {StoryPage.objects.live().count()} stories, "
                f"{CampaignPage.objects.live().count()} campaigns, "
                f"{SupporterPledge.objects.confirmed().count()} confirmed supporters."
            )
        )
        self.stdout.write(
            f"{Employer.objects.verified().count()} verified employers, {Employer.objects.count()} in all."
        )
        self.stdout.write(
            f"{JobListing.objects.published().count()} published jobs, {JobListing.objects.count()} in all."
        )
        self.stdout.write(
            f"Demo logins, all at {settings.PORTAL_SITE_URL}/accounts/login/ (each lands in their own area):"
        )
        for email, _first, _last, group, superuser in DEMO_USERS:
            role = "superuser" if superuser else (group or ROLES.get(email, ""))
            self.stdout.write(f"  {email:26} {landing_url(users[email]):12} {role}")
        if defaulted:
            self.stdout.write(f"  password: {password}  (set DEMO_PASSWORD to choose another)")
        else:
            self.stdout.write("  password: the value of DEMO_PASSWORD")
        self.stdout.write(
            f"  staff (admin, editor, moderator) also give a two-factor code: TOTP secret {DEMO_TOTP_SECRET}"
            f" (an authenticator app, or: oathtool --totp -b {DEMO_TOTP_SECRET})"
        )
        for email, _first, _last, group, superuser in DEMO_USERS:
            if superuser or group:
                codes = ", ".join(self.recovery_codes(email))
                self.stdout.write(f"  recovery codes of {email} (each works once): {codes}")

    def users(self, password):
        User = get_user_model()
        users = {}
        for email, first, last, group, superuser in DEMO_USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User(
                    email=email, first_name=first, last_name=last, is_staff=superuser, is_superuser=superuser
                )
                user.set_password(password)
                user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
            # allauth: every demo login has a verified primary address
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            if superuser or group:
                self.second_factor(user)
            users[email] = user
        return users

    def second_factor(self, user):
        """TOTP with the documented demo secret, and recovery codes, for a demo staff account."""
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
            RecoveryCodes.activate(user)

    def recovery_codes(self, email):
        authenticator = Authenticator.objects.filter(
            user__email=email, type=Authenticator.Type.RECOVERY_CODES
        ).first()
        return RecoveryCodes(authenticator).get_unused_codes()[:3] if authenticator else []

    def image(self, title, seed):
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title)
            image.file = ImageFile(io.BytesIO(demo_picture(seed)), name=f"{seed}.jpg")
            image.save()
        return image

    def standard_page(self, home, slug, title, introduction, body_html):
        return ensure_child(
            home,
            StandardPage,
            slug,
            title=title,
            introduction=introduction,
            body=[("paragraph", RichText(body_html))],
        )

    def stories(self, home, editor):
        index = ensure_child(
            home,
            StoryIndexPage,
            "stories",
            title="Stories",
            introduction="Real people, told with their consent. Names are changed unless "
            "the person chose to use their own.",
        )
        themes = {}
        for name, slug in content.THEMES:
            themes[slug], _ = Theme.objects.get_or_create(slug=slug, defaults={"name": name})
        today = timezone.localdate()
        pages = []
        for number, story in enumerate(content.STORIES):
            existing = index.get_children().filter(slug=story["slug"]).first()
            if existing is not None:
                pages.append(existing.specific)
                continue
            consent, _ = StoryConsent.objects.get_or_create(
                subject_reference=f"DEMO-{number + 1:03d}",
                defaults={
                    "given_on": today - datetime.timedelta(days=90 + number),
                    "expires_on": today + datetime.timedelta(days=3 * 365),
                    "covers_text": True,
                    "covers_photo": False,
                    "recorded_by": editor,
                },
            )
            page = StoryPage(
                slug=story["slug"],
                title=story["title"],
                display_name=story["display_name"],
                standfirst=story["standfirst"],
                programme_type=story["programme_type"],
                region=story["region"],
                consent=consent,
                hero_image=self.image(f"Story: {story['title']}", story["slug"]),
                hero_alt_text="An illustration of a sunrise over green hills and a path.",
                body=[
                    (
                        "paragraph",
                        RichText(
                            f"<p>{story['standfirst']}</p><p>{story['display_name']} "
                            "tells us what changed, and who helped.</p>"
                        ),
                    ),
                    ("quote", {"quote": story["quote"], "attribution": story["display_name"]}),
                    (
                        "paragraph",
                        RichText(
                            "<h2>What helped</h2><ul><li>A programme that taught a "
                            "real skill</li><li>An employer who looked at the person"
                            "</li><li>Someone to call on the hard days</li></ul>"
                        ),
                    ),
                ],
            )
            index.add_child(instance=page)
            page.themes.set([themes[slug] for slug in story["themes"]])
            page.save_revision().publish()
            pages.append(page)
        return pages

    def campaigns(self, home, stories):
        index = ensure_child(
            home,
            CampaignIndexPage,
            "campaigns",
            title="Campaigns",
            introduction="Join a campaign for acceptance and fair chances.",
        )
        today = timezone.localdate()
        dates = {
            "live": (today - datetime.timedelta(days=10), today + datetime.timedelta(days=50)),
            "upcoming": (today + datetime.timedelta(days=40), today + datetime.timedelta(days=100)),
            "ended": (today - datetime.timedelta(days=400), today - datetime.timedelta(days=300)),
        }
        pages = {}
        for campaign in content.CAMPAIGNS:
            start, end = dates[campaign["phase"]]
            page = index.get_children().filter(slug=campaign["slug"]).first()
            if page is None:
                page = CampaignPage(
                    slug=campaign["slug"],
                    title=campaign["title"],
                    introduction=campaign["introduction"],
                    start_date=start,
                    end_date=end,
                    supporter_target=campaign["target"],
                    hero_image=self.image(f"Campaign: {campaign['title']}", campaign["slug"]),
                    hero_alt_text="An illustration of a sunrise over hills.",
                    body=self.campaign_body(campaign, stories),
                )
                index.add_child(instance=page)
                page.audiences.set(Audience.objects.filter(slug__in=campaign["audiences"]))
                page.save_revision().publish()
                self.supporters(page, campaign["supporters"])
            pages[campaign["slug"]] = page.specific
        return pages

    def link_stories_to_campaign(self, stories, campaigns):
        """The live campaign's chosen stories end with a link to it; set once, editors may change it."""
        live = next(campaigns[c["slug"]] for c in content.CAMPAIGNS if c["phase"] == "live")
        for story in stories[:3]:
            if story.campaign_id is None:
                story.campaign = live
                story.save_revision().publish()

    def campaign_body(self, campaign, stories):
        return [
            (
                "hero",
                {
                    "heading": "Wear the ribbon. Open a door.",
                    "text": "Small acts of acceptance add up to fewer people going back to prison.",
                },
            ),
            (
                "rich_text",
                RichText(
                    "<p>Half of people leaving prison reoffend within a year. Those who find "
                    "work are far less likely to. Your support tells employers and "
                    "neighbours that a second chance is what this community believes in.</p>"
                ),
            ),
            (
                "figures",
                {
                    "heading": "Why it matters",
                    "figures": [
                        {
                            "value": "1 in 2",
                            "label": "adults released from short sentences reoffend within a year",
                            "source": "",
                        },
                        {
                            "value": "9 in 10",
                            "label": "employers who hired someone with a record would recommend it",
                            "source": "",
                        },
                    ],
                },
            ),
            (
                "story_list",
                {"heading": "Stories from the campaign", "stories": stories[:3], "theme": None, "limit": 3},
            ),
            (
                "pledge_form",
                {
                    "heading": "Pledge your support",
                    "text": "Add your name to the people who believe in second chances.",
                },
            ),
            (
                "faq",
                {
                    "heading": "Questions and answers",
                    "questions": [
                        {
                            "question": "What does my pledge do?",
                            "answer": RichText(
                                "<p>It is counted publicly and shows employers and decision-makers "
                                "that people here back second chances.</p>"
                            ),
                        },
                        {
                            "question": "Will my name be shown?",
                            "answer": RichText("<p>Only if you give it and tick the box to show it.</p>"),
                        },
                    ],
                },
            ),
        ]

    def supporters(self, campaign, count):
        if count == 0 or campaign.pledges.exists():
            return
        now = timezone.now()
        regions = [story["region"] for story in content.STORIES]
        names = ["Amira", "Joe", "Grace", "Wei", "Olu", "Hannah", "Ravi", "Maya"]
        SupporterPledge.objects.bulk_create(
            SupporterPledge(
                campaign=campaign,
                email=f"supporter{n}@{campaign.slug}.example.org",
                name=names[n] if n < len(names) else "",
                show_name=n < len(names),
                region=regions[n % len(regions)],
                status=SupporterPledge.Status.CONFIRMED,
                confirmed_at=now - datetime.timedelta(minutes=n),
            )
            for n in range(count)
        )

    def dress_home(self, home, stories, campaigns, pages):
        home = HomePage.objects.get(pk=home.pk)
        if home.featured_stories.exists():
            return
        home.hero_campaign = campaigns["yellow-ribbon-week"]
        home.public_cta_text = "Read the stories and add your name to the Yellow Ribbon pledge."
        home.public_cta_page = campaigns["yellow-ribbon-week"]
        home.employer_cta_text = (
            "Sign a hiring pledge, find the incentives you can claim, and post fair-chance jobs."
        )
        home.employer_cta_page = pages["for-employers"]
        home.featured_stories = [HomePageFeaturedStory(story=story) for story in stories[:3]]
        home.save_revision().publish()
