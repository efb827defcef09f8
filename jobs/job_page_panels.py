"""What apps above jobs add to a job page, to the employer's listing form, to its wording check and
to the staff's review of a listing (the record guidance of an occupation, for one), registered from
their AppConfig.ready(), so that jobs imports none of them.

    job_page_panel(read)        read(job) -> [Panel, ...], shown on the public job page
    listing_form_panel(read)    read(occupation, region) -> [Panel, ...], beside the listing form
    review_panel(read)          read(occupation, region) -> [Panel, ...], on the moderators' review
                                page of a listing in the admin (what the employer was shown)
    wording_check(check)        check(phrases, occupation, region) -> [WordingNote, ...]: more to
                                say about the deterring phrases found in a listing

A Panel is a template and its context, included where the page keeps room for it. Each `read`
must cost a fixed number of queries, whatever the rows behind it (the job page's budget).
"""

from dataclasses import dataclass, field

JOB_PAGE = []
LISTING_FORM = []
REVIEW = []
WORDING = []


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class WordingNote:
    phrases: list  # the flagged phrases the note is about
    message: str


def _register(registry, item):
    if item not in registry:  # ready() may run more than once (tests)
        registry.append(item)


def job_page_panel(read):
    _register(JOB_PAGE, read)


def listing_form_panel(read):
    _register(LISTING_FORM, read)


def review_panel(read):
    _register(REVIEW, read)


def wording_check(check):
    _register(WORDING, check)


def job_page_panels(job):
    return [panel for read in JOB_PAGE for panel in read(job)]


def listing_form_panels(occupation, region):
    return [panel for read in LISTING_FORM for panel in read(occupation, region)]


def review_panels(occupation, region):
    return [panel for read in REVIEW for panel in read(occupation, region)]


def wording_notes(phrases, occupation, region):
    return [note for check in WORDING for note in check(phrases, occupation, region)]
