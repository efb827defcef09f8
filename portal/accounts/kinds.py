"""The kinds of account a person chooses between on the sign-up page.

The portal knows no domain app, so each app that people sign up for adds its kind from
AppConfig.ready() (`account_kind`): the employer area (an organisation registered after the
e-mail is confirmed) and the seeker area (a job seeker's profile made with the account). The
sign-up form lists them in `order`; the first is chosen unless the person picks another, so a
sign-up that names no kind (an older link, a script) makes the account it always made.
"""

from collections.abc import Callable
from dataclasses import dataclass

KINDS = {}


@dataclass(frozen=True)
class AccountKind:
    key: str
    label: str
    help_text: str
    order: int
    # (request, user) -> None: what the new account gets besides itself (a profile, ...).
    on_signup: Callable | None = None


def account_kind(kind):
    KINDS[kind.key] = kind


def account_kinds():
    return sorted(KINDS.values(), key=lambda kind: (kind.order, kind.key))
