"""Every public page carries a canonical link, Open Graph tags and a Twitter card that a social
network can build a card from: a real title, a description, the page's own address and a picture
(the page's own, or the site's default card, which is served)."""

from html.parser import HTMLParser

import pytest
from django.test import override_settings

from tests.public_site import build_public_site, public_pages

PUBLIC = "https://portal.example.org"


class HeadTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.canonical = {}, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs.get("name"), []).append(
                attrs.get("content", "")
            )
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs.get("href"))


@pytest.fixture
def site(home, story_index, campaign_index, standard_pages):
    return build_public_site(home, story_index, campaign_index, standard_pages)


@override_settings(PORTAL_SITE_URL=PUBLIC)
def test_every_public_page_has_a_canonical_link_open_graph_and_a_twitter_card(client, site):
    problems = {}
    for kind, path in public_pages(site):
        response = client.get(path)
        assert response.status_code == 200, kind
        tags = HeadTags()
        tags.feed(response.content.decode())
        one = {name: values[0] for name, values in tags.meta.items() if len(values) == 1}
        page_problems = [f"{name} appears {len(v)} times" for name, v in tags.meta.items() if len(v) > 1]
        if tags.canonical != [f"{PUBLIC}{path}"]:
            page_problems.append(f"canonical {tags.canonical}")
        if one.get("og:url") != f"{PUBLIC}{path}":
            page_problems.append(f"og:url {one.get('og:url')}")
        for name in ("og:title", "og:description", "og:image", "og:image:alt", "og:type", "twitter:card"):
            if not one.get(name, "").strip():
                page_problems.append(f"no {name}")
        if one.get("og:title", "").strip().lower() in ("home", ""):
            page_problems.append(f"og:title {one.get('og:title')!r}")
        if not one.get("og:image", "").startswith(PUBLIC + "/"):
            page_problems.append(f"og:image {one.get('og:image')}")
        if one.get("twitter:card") != "summary_large_image" or one.get("twitter:image") != one.get(
            "og:image"
        ):
            page_problems.append("twitter card")
        if page_problems:
            problems[kind] = page_problems
    assert problems == {}


def test_pages_without_a_picture_share_the_sites_card_which_is_served(client, site):
    tags = HeadTags()
    tags.feed(client.get(site["job"].get_absolute_url()).content.decode())
    image = tags.meta["og:image"][0]
    assert image.startswith("http://testserver/static/portal/social-card")
    assert tags.meta["og:image:alt"][0]
    card = client.get(image.removeprefix("http://testserver"))
    assert card.status_code == 200
    assert card["Content-Type"] == "image/png"
    png = b"".join(card.streaming_content) if card.streaming else card.content
    assert png[16:24] == (1200).to_bytes(4, "big") + (630).to_bytes(4, "big")  # IHDR width, height


def test_titles_say_what_the_page_is(client, site):
    def og_title(path):
        tags = HeadTags()
        tags.feed(client.get(path).content.decode())
        return tags.meta["og:title"][0]

    assert og_title("/") == "Second Chance Portal"
    assert og_title(site["job"].get_absolute_url()) == "Trainee bricklayer"
    assert og_title(site["employer"].get_absolute_url()) == "Bricks and Mortar Ltd"
    assert site["pledge"].reference in og_title(site["pledge"].get_absolute_url())
    assert og_title(site["story"].url) == "Maria's new trade"
