"""What apps above jobs add to a job page, to the employer's listing form and to its wording check
(the record guidance of an occupation, for one), registered from their AppConfig.ready(), so that
jobs imports none of them.

    job_page_panel(read)        read(job) -> [Panel, ...], shown on the public job page
    listing_form_panel(read)    read(occupation, region) -> [Panel, ...], beside the listing form
    wording_check(check)        check(phrases, occupation, region) -> [WordingNote, ...]: more to
                                say about the deterring phrases found in a listing

A Panel is a template and its context, included where the page keeps room for it. Each `read`
must cost a fixed number of queries, whatever the rows behind it (the job page's budget).
"""

from dataclasses import dataclass, field

JOB_PAGE = []
LISTING_FORM = []
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


def wording_check(check):
    _register(WORDING, check)


def job_page_panels(job):
    return [panel for read in JOB_PAGE for panel in read(job)]


def listing_form_panels(occupation, region):
    return [panel for read in LISTING_FORM for panel in read(occupation, region)]


def wording_notes(phrases, occupation, region):
    return [note for check in WORDING for note in check(phrases, occupation, region)]
