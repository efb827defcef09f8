"""Finding wording that deters people with records, in the form and again at review."""

import re

from .models import DeterringPhrase


def normalise(text):
    """Lower case, tags dropped, runs of spaces made one: what phrases are matched against."""
    return " ".join(re.sub(r"<[^>]+>", " ", text or "").lower().split())


def phrase_patterns(phrases=None):
    """(phrase, compiled pattern) for the active phrases; read once and reuse for many listings."""
    if phrases is None:
        phrases = DeterringPhrase.objects.filter(active=True)
    return [
        (phrase, re.compile(rf"(?<!\w){re.escape(normalise(phrase.phrase))}(?!\w)")) for phrase in phrases
    ]


def find_deterring_phrases(*texts, patterns=None):
    """The active phrases found in any of `texts` (case and spacing ignored), in the list's order."""
    haystack = " ".join(normalise(text) for text in texts)
    return [phrase for phrase, pattern in (patterns or phrase_patterns()) if pattern.search(haystack)]
