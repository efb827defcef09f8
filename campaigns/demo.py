"""The demo's campaigns (portal/demo/__init__.py): one live, one upcoming, one ended, with
supporters; the live one is the home page's hero and its chosen stories link to it."""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from portal.demo import content
from portal.demo.images import demo_image
from portal.models import HomePage, HomePageFeaturedStory
from portal.site_setup import ensure_child

from .models import Audience, CampaignIndexPage, CampaignPage, SupporterPledge


def load(site):
    site.campaigns = campaigns(site.home, site.stories)
    link_stories_to_campaign(site.stories, site.campaigns)
    dress_home(site.home, site.stories, site.campaigns, site.pages)


def counts():
    return [
        f"{CampaignPage.objects.live().count()} campaigns",
        f"{SupporterPledge.objects.confirmed().count()} confirmed supporters",
    ]


def campaigns(home, stories):
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
                hero_image=demo_image(f"Campaign: {campaign['title']}", campaign["slug"]),
                hero_alt_text="An illustration of a sunrise over hills.",
                body=campaign_body(campaign, stories),
            )
            index.add_child(instance=page)
            page.audiences.set(Audience.objects.filter(slug__in=campaign["audiences"]))
            page.save_revision().publish()
            supporters(page, campaign["supporters"])
        pages[campaign["slug"]] = page.specific
    return pages


def link_stories_to_campaign(stories, campaigns):
    """The live campaign's chosen stories end with a link to it; set once, editors may change it."""
    live = next(campaigns[c["slug"]] for c in content.CAMPAIGNS if c["phase"] == "live")
    for story in stories[:3]:
        if story.campaign_id is None:
            story.campaign = live
            story.save_revision().publish()


def campaign_body(campaign, stories):
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


def supporters(campaign, count):
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


def dress_home(home, stories, campaigns, pages):
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
