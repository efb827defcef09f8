"""The spent-conviction self-check: three answers and an example rule in, an outcome out.

Pure reckoning: nothing here reads a request, writes a row, a log line or a cache entry. The view
(views.py) keeps it that way for the whole request.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SPENT = "spent"
NOT_YET = "not_yet"
NEVER = "never"

HEADINGS = {
    SPENT: _("Likely spent"),
    NOT_YET: _("Not spent yet"),
    NEVER: _("Never spent under this rule"),
}

# What each outcome means for telling an employer, in plain words.
DISCLOSURE = {
    SPENT: [
        _(
            "For most jobs you do not have to mention a spent conviction, even when you are asked, "
            "and an employer may not refuse you a job because of it. A basic check does not show it."
        ),
        _(
            "Some roles are exceptions: work with children or vulnerable adults, and some financial, "
            "legal, health and security roles. They can ask for a standard or enhanced check, which "
            "may still show a spent conviction unless filtering rules remove it. For those roles, "
            "answer the questions the employer asks honestly."
        ),
    ],
    NOT_YET: [
        _(
            "Until then the conviction is unspent. If an employer or an application form asks whether "
            "you have unspent convictions, you must say yes; a basic check shows it."
        ),
        _(
            "You do not have to mention it if nobody asks. Many employers on this portal assess each "
            "record individually: telling them what happened and what you have done since often helps."
        ),
    ],
    NEVER: [
        _(
            "If an employer asks about convictions, you must tell them, and it shows on every level of "
            "record check."
        ),
        _(
            "It does not stop you working: employers must still look at your application fairly, and "
            "many employers on this portal assess each record individually and only where it matters "
            "for the job."
        ),
    ],
}


NOT_ENDED = -1  # the answer "the sentence has not ended yet"
MOST_YEARS = 21  # the answer "more than 20 years ago" counts as 21


@dataclass(frozen=True)
class Outcome:
    kind: str  # SPENT, NOT_YET or NEVER
    rule: object  # the SpentRule it came from
    years_left: int | None = None  # NOT_YET after a sentence that ended: about how many more years

    @property
    def heading(self):
        return HEADINGS[self.kind]

    @property
    def disclosure(self):
        return DISCLOSURE[self.kind]

    @property
    def period(self):
        return self.rule.rehabilitation_years


def assess(rule, years_since):
    """Whether a conviction under `rule` is likely spent `years_since` full years after the
    sentence ended (NOT_ENDED while it goes on, licence included)."""
    if rule.rehabilitation_years is None:
        return Outcome(NEVER, rule)
    if years_since == NOT_ENDED:
        return Outcome(NOT_YET, rule)
    if years_since >= rule.rehabilitation_years:
        return Outcome(SPENT, rule)
    return Outcome(NOT_YET, rule, rule.rehabilitation_years - years_since)
