"""Finding wording that deters people with records, in the form and again at review."""

import re

from .models import DeterringPhrase


def find_deterring_phrases(*texts):
    """The active phrases found in any of `texts` (case and spacing ignored), in the list's order."""
    haystack = " ".join(re.sub(r"<[^>]+>", " ", text or "") for text in texts)
    haystack = " ".join(haystack.lower().split())
    found = []
    for phrase in DeterringPhrase.objects.filter(active=True):
        needle = " ".join(phrase.phrase.lower().split())
        if re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack):
            found.append(phrase)
    return found
