"""Rich text from employers is stored only after it has been cleaned."""

from bs4 import BeautifulSoup
from django.utils.html import escape
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule

ALLOWED_URL_SCHEMES = ("http://", "https://", "mailto:")
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}


def _safe_link(tag):
    href = tag.get("href", "")
    if not href.lower().startswith(ALLOWED_URL_SCHEMES):
        tag.unwrap()
        return
    for attribute in list(tag.attrs):
        if attribute != "href":
            del tag[attribute]
    tag["rel"] = "nofollow noopener"


class JobDescriptionWhitelister(Whitelister):
    element_rules = {
        "p": allow_without_attributes,
        "br": allow_without_attributes,
        "strong": allow_without_attributes,
        "b": allow_without_attributes,
        "em": allow_without_attributes,
        "i": allow_without_attributes,
        "ul": allow_without_attributes,
        "ol": allow_without_attributes,
        "li": allow_without_attributes,
        "h3": allow_without_attributes,
        "h4": allow_without_attributes,
        "a": attribute_rule({"href": True}),
    }

    def clean(self, html):
        doc = BeautifulSoup(html, "html.parser")
        for child in list(doc.contents):
            self.clean_node(doc, child)
        return doc.decode(formatter=escape)

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()  # unwrapping would leave the script's code as text
            return
        super().clean_tag_node(doc, tag)
        if tag.name == "a" and tag.parent is not None:
            _safe_link(tag)


def sanitise_html(html):
    """Keep paragraphs, lists, emphasis, small headings and http(s)/mailto links; drop the rest,
    including scripts, styles and every event-handler attribute."""
    if not html:
        return ""
    return JobDescriptionWhitelister().clean(html).strip()
