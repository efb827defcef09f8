"""Honours other apps give employers (the awards app's "Award winner 2027"), registered from their
AppConfig.ready(), so that the employer's public profile and badge import none of those apps.

A source is read(employer) -> a list of Honour, newest first; it must cost at most one query.
"""

from dataclasses import dataclass

SOURCES = []


@dataclass(frozen=True)
class Honour:
    label: str  # short, for the badge: "Award winner 2027"
    detail: str  # for the profile: the round and the category
    url: str  # where the public reads about it


def honour_source(read):
    SOURCES.append(read)


def honours_of(employer):
    return [honour for read in SOURCES for honour in read(employer)]
