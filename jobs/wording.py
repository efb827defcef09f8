"""Finding wording that deters people with records, in the form and again at review.

Staff keep the phrases (the DeterringPhrase snippet). A phrase matches the common ways of writing
it: any case, any run of spaces or line breaks, inside HTML, hyphens or dashes for spaces
("background-check"), singular or plural ("no felony" for "no felonies", "no conviction"),
and with or without an article ("must pass criminal background check"). Whole words only.
"""

import html
import re

from taxonomy.models import DeterringPhrase

TAG = re.compile(r"<[^>]+>")
# Hyphens and dashes join words as a space would: "background-check", "felony–free".
DASHES = re.compile(r"[-‐‑‒–—]+")
ARTICLES = {"a", "an", "the"}
VOWELS = "aeiou"


def normalise(text):
    """Lower case, tags dropped, entities read, dashes and runs of spaces made one space."""
    text = html.unescape(TAG.sub(" ", text or ""))
    return " ".join(DASHES.sub(" ", text).lower().split())


def _word_pattern(word):
    """A word of a phrase as a pattern that also takes its singular or plural."""
    if len(word) <= 3:
        return re.escape(word)
    if word.endswith("ies"):
        return re.escape(word[:-3]) + "(?:y|ies)"
    if word.endswith("y") and word[-2] not in VOWELS:
        return re.escape(word[:-1]) + "(?:y|ies)"
    if word.endswith("ss"):
        return re.escape(word) + "(?:es)?"
    if word.endswith("s"):
        return re.escape(word[:-1]) + "s?"
    return re.escape(word) + "s?"


def phrase_regex(text):
    """The compiled pattern of one phrase (see the module's docstring)."""
    parts = []
    for word in normalise(text).split():
        if word in ARTICLES:
            parts.append(rf"(?:{re.escape(word)} )?")
        else:
            parts.append(_word_pattern(word) + " ")
    body = "".join(parts).removesuffix(" ")
    return re.compile(rf"(?<!\w){body}(?!\w)")


def phrase_patterns(phrases=None):
    """(phrase, compiled pattern) for the active phrases; read once and reuse for many listings."""
    if phrases is None:
        phrases = DeterringPhrase.objects.filter(active=True)
    return [(phrase, phrase_regex(phrase.phrase)) for phrase in phrases]


def find_deterring_phrases(*texts, patterns=None):
    """The active phrases found in any of `texts`, in the list's order."""
    haystack = " \n ".join(normalise(text) for text in texts)
    return [phrase for phrase, pattern in (patterns or phrase_patterns()) if pattern.search(haystack)]
