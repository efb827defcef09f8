"""Rich text from employers is stored only after it has been cleaned, by nh3 (the Ammonia
allow-list sanitiser, an HTML5 parser like a browser's): whatever it does not know is dropped or
escaped, including CDATA sections, comments, doctypes, processing instructions and <meta>."""

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "h3", "h4", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Dropped with everything inside them: their content is code or markup, never the employer's words.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}


def sanitise_html(html):
    """Keep paragraphs, lists, emphasis, small headings and http(s)/mailto links; drop the rest,
    including scripts, styles, meta refreshes and every event-handler attribute."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    ).strip()
