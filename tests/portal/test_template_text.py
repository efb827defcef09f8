"""Every word a visitor reads in a template goes through the translation catalogue.

A sentence typed straight into a template stays English on /fr/, /es/ and /ar/ whatever the
translators do, and nothing else notices: the page renders, the tests pass. This test reads every
template of the project the way Django does (its Lexer), keeps the text outside
{% translate %}/{% blocktranslate %}, and flags each text node or visible attribute (alt, title,
placeholder, aria-label, the value of a submit button, a description meta) with a letter in it.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

# A stand-in for every template tag and variable: a private-use character, never a letter, so
# `{{ page.title }}` alone is no text while `{{ count }} jobs` still has a word outside a tag.
TAG = "\ue000"
LETTER = re.compile(r"[^\W\d_]")

VISIBLE_ATTRIBUTES = {
    "alt",
    "title",
    "placeholder",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "label",
}
# Metas whose content is shown by search engines and in shared links' cards.
VISIBLE_METAS = {
    "description",
    "og:title",
    "og:description",
    "og:site_name",
    "og:image:alt",
    "twitter:title",
    "twitter:description",
    "twitter:image:alt",
}
# Texts the scripts under */static/ show, handed to them by the template.
SCRIPT_TEXT_ATTRIBUTE = re.compile(r"^data-.*-(text|label|message|template)$")

SKIPPED_UNTIL = {
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "comment": "endcomment",
}
# Blocks that fill an attribute nobody reads (base.html's `<body class>`).
HIDDEN_BLOCKS = {"block body_class"}

# Attributes holding an address, and the addresses that are the same in every language (files,
# the admin, the API, the switcher's own view; outside i18n_patterns in portal/urls.py).
ADDRESS_ATTRIBUTES = {"href", "action", "formaction"}
NOT_PAGES = ("/static/", "/media/", "/admin/", "/api/", "/language/", "/documents/")

# (template, text): what stays as it is, and why. As short as it can be.
ALLOWED = {
    # The shape of a graduate's reference code, which partners type as it is printed: the same
    # letters in every language.
    ("partners/templates/partners/area/graduates.html", 'placeholder="G-XXXX-XXXX"'): "a code's shape",
}


def project_templates():
    root = Path(settings.BASE_DIR)
    folders = [root / "templates"] + sorted(
        path
        for path in root.glob("*/templates")
        if path.is_dir() and not path.parent.name.startswith(".") and path.parent.name != "node_modules"
    )
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".html", ".txt") and path.is_file():
                yield path, path.relative_to(root).as_posix()


def is_typed_page_address(value):
    """An address of one of the site's pages typed into the template: "/jobs/", "{{ site_url }}/jobs/"."""
    address = value[len(TAG) :] if value.startswith(TAG + "/") else value
    return address.startswith("/") and not address.startswith("//") and not address.startswith(NOT_PAGES)


def skeleton(source):
    """The template's text with every tag, variable and translated text replaced by TAG.

    Newlines are kept, so a line of the skeleton is a line of the template.
    """
    parts = []
    inside = []  # the end tags of the enclosing blocktranslate, comment and hidden blocks
    for token in Lexer(source).tokenize():
        raw = token.contents if token.token_type == TokenType.TEXT else ""
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            if name in SKIPPED_UNTIL or token.contents in HIDDEN_BLOCKS:
                inside.append(SKIPPED_UNTIL.get(name, "endblock"))
            elif inside and name == inside[-1]:
                inside.pop()
        if token.token_type == TokenType.TEXT and not inside:
            parts.append(raw)
        else:
            newlines = token.contents.count("\n") if token.token_type != TokenType.TEXT else raw.count("\n")
            parts.append(TAG + "\n" * newlines)
    # A tag whose name a template tag chooses (`<{% if href %}a{% else %}button{% endif %}`).
    return "".join(parts).replace("<" + TAG, "<tag" + TAG).replace("</" + TAG, "</tag" + TAG)


def words(text):
    return " ".join(text.replace(TAG, " ").split())


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []  # (line, text)
        self.addresses = []  # (line, address) of the site's own pages, typed in
        self.raw_text = None

    def handle_starttag(self, tag, attrs):
        tag = tag.replace(TAG, "")
        if tag in ("script", "style"):
            self.raw_text = tag
        attributes = {name.replace(TAG, ""): value or "" for name, value in attrs}
        line = self.getpos()[0]
        for name, value in attributes.items():
            visible = name in VISIBLE_ATTRIBUTES or SCRIPT_TEXT_ATTRIBUTE.match(name)
            if tag == "meta" and name == "content":
                kind = (attributes.get("name") or attributes.get("property") or "").replace(TAG, "")
                visible = kind in VISIBLE_METAS
            if tag == "input" and name == "value":
                visible = attributes.get("type", "").replace(TAG, "") in ("submit", "button", "reset")
            if visible and LETTER.search(value.replace(TAG, "")):
                self.found.append((line, f'{name}="{words(value)}"'))
            if (name in ADDRESS_ATTRIBUTES or name.endswith("-url")) and is_typed_page_address(value):
                self.addresses.append((line, f'{name}="{value.replace(TAG, "{…}")}"'))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag.replace(TAG, "") == self.raw_text:
            self.raw_text = None

    def handle_data(self, data):
        if self.raw_text is None and LETTER.search(data.replace(TAG, "")):
            # The line of the first word, not of the newline before it.
            line = self.getpos()[0] + data[: LETTER.search(data).start()].count("\n")
            self.found.append((line, words(data)))


def read(source, name):
    """(untranslated texts, typed page addresses) of a template, each [(line, text)]."""
    text = skeleton(source)
    if name.endswith(".txt"):
        found, addresses = [], []
        for number, line in enumerate(text.splitlines(), start=1):
            if LETTER.search(line.replace(TAG, "")):
                found.append((number, words(line)))
            addresses += [(number, match) for match in re.findall(TAG + r"(/[\w/.-]*)", line)]
        return found, addresses
    if name.endswith("_attrs.html"):
        # Attributes included into a tag of another template (search/suggest_attrs.html).
        text = f"<tag {text}>"
    parser = VisibleText()
    parser.feed(text)
    parser.close()
    return parser.found, parser.addresses


def untranslated(source, name):
    return read(source, name)[0]


def untranslated_in_project():
    found = []
    for path, name in project_templates():
        for line, text in untranslated(path.read_text(encoding="utf-8"), name):
            if (name, text) not in ALLOWED:
                found.append(f"{name}:{line}: {text!r}")
    return found


def test_every_template_text_is_translatable():
    found = untranslated_in_project()
    assert not found, "Text outside {% translate %}/{% blocktranslate %}:\n" + "\n".join(found)


def test_every_address_of_a_page_follows_the_language():
    """`href="/jobs/"` sends a French visitor to the English board: {% url %}, {% pageurl %} or
    {% localised '/jobs/' %} keep them in French (portal/languages.py)."""
    found = [
        f"{name}:{line}: {address}"
        for path, name in project_templates()
        for line, address in read(path.read_text(encoding="utf-8"), name)[1]
    ]
    assert not found, "Addresses typed in, the same in every language:\n" + "\n".join(found)


# A sentence in a script's string: it starts like one ("No suggestions.", "%s chosen.") and has a
# space; class lists and "use strict" start in lower case.
SCRIPT_SENTENCE = re.compile(r"""(["'`])([A-Z0-9%][^"'`\n]* [^"'`\n]*)\1""")


def script_sentences(source):
    # Comments go, their lines stay (so a line number is the file's).
    without_comments = re.sub(
        r"/\*.*?\*/", lambda comment: "\n" * comment[0].count("\n"), source, flags=re.DOTALL
    )
    found = []
    for number, line in enumerate(without_comments.splitlines(), start=1):
        if not line.strip().startswith("//"):
            found += [(number, match[1]) for match in SCRIPT_SENTENCE.findall(line)]
    return found


def test_scripts_show_no_english_of_their_own():
    """A script's words come from the page (data-* attributes filled with {% translate %}), so a
    French visitor does not meet an English "No suggestions." from search/combobox.js."""
    root = Path(settings.BASE_DIR)
    found = [
        f"{path.relative_to(root)}:{line}: {text!r}"
        for path in sorted(root.glob("*/static/**/*.js"))
        for line, text in script_sentences(path.read_text(encoding="utf-8"))
    ]
    assert not found, "English in scripts:\n" + "\n".join(found)
    assert script_sentences('say(text(select, "no-match", "No skill matches."));') == [
        (1, "No skill matches.")
    ]


def test_the_allow_list_names_only_what_is_still_there():
    """An entry whose text was translated since (or whose template is gone) goes."""
    present = set()
    for path, name in project_templates():
        present.update((name, text) for _line, text in untranslated(path.read_text(encoding="utf-8"), name))
    assert set(ALLOWED) <= present


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Hello</p>", [(1, "Hello")]),
        ('{% load i18n %}<p>{% translate "Hello" %}</p>', []),
        ("{% load i18n %}<p>\n{% blocktranslate trimmed %}Hello {{ name }}{% endblocktranslate %}</p>", []),
        ("<p>{{ page.title }} · {{ count }}</p>", []),
        ("<p>\n  {{ count }} jobs</p>", [(2, "jobs")]),
        ('<img src="{{ url }}" alt="A portrait">', [(1, 'alt="A portrait"')]),
        ('<img src="x.png" alt="{{ image.title }}">', []),
        ('<input type="submit" value="Send">', [(1, 'value="Send"')]),
        ('<input type="hidden" name="next" value="jobs">', []),
        ('<meta name="description" content="All the jobs">', [(1, 'content="All the jobs"')]),
        ('<a href="/x" {% if here %}aria-current="page"{% endif %}>{% translate "X" %}</a>', []),
        ("<script>const x = 'Hello';</script><style>a::after { content: 'b'; }</style>", []),
        ("<!-- Hello -->{# Hello #}{% comment %}Hello{% endcomment %}", []),
        ("Hello {{ name }},\n\n{{ url }}\n", [(1, "Hello ,")]),
    ],
)
def test_what_counts_as_untranslated_text(source, expected):
    name = "x.txt" if source.startswith("Hello") else "x.html"
    assert untranslated(source, name) == expected


@pytest.mark.parametrize(
    ("source", "name", "expected"),
    [
        ('<a href="/jobs/">x</a>', "x.html", [(1, 'href="/jobs/"')]),
        ('<form action="{{ site_url }}/search/">', "x.html", [(1, 'action="{…}/search/"')]),
        ("<a href=\"{% url 'jobs:board' %}\">x</a><a href=\"{% localised '/jobs/' %}\">x</a>", "x.html", []),
        ('<a href="/api/v1/">x</a><a href="https://example.org/">x</a><a href="#main">x</a>', "x.html", []),
        (
            '<input data-suggest-url="/search/suggest/">',
            "x.html",
            [(1, 'data-suggest-url="/search/suggest/"')],
        ),
        ("{{ site_url }}/employer/pledge/\n{{ site_url }}{% url 'x' %}", "x.txt", [(1, "/employer/pledge/")]),
    ],
)
def test_what_counts_as_a_typed_address(source, name, expected):
    assert read(source, name)[1] == expected
