"""The one gate of a verifiable organisation's area (the employer area, the partner area).

A request passes when the user is logged in, has a verified e-mail address, belongs to the
organisation they act for (a membership, a staff role: their "row"), holds a role the view allows
and, where the view asks, that organisation is verified. Everyone else is told what to do (log in,
verify, wait) or gets a 403, never another organisation's data.

The portal knows no domain app: each area describes itself with an `Area` (whose rows, which
organisation a row names, where the choice lives in the session, what a stranger is told) and
decorates its views with `area.gate(...)`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Exists
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def with_verified_email(rows, user):
    """The person's `rows` (memberships, staff roles) and whether they have a verified e-mail
    address: one query when they have rows (every area page asks both)."""
    verified = EmailAddress.objects.filter(user=user, verified=True)
    rows = list(rows.annotate(person_verified_email=Exists(verified)))
    return rows, (rows[0].person_verified_email if rows else verified.exists())


def chosen(request, rows, key, session_key):
    """The row (membership, staff role) the user acts through: the organisation chosen in the
    session, else their first."""
    wanted = request.session.get(session_key)
    return next((row for row in rows if getattr(row, key) == wanted), rows[0] if rows else None)


@dataclass(frozen=True)
class Area:
    """How one area finds the person's organisations and names them on the request.

    A view behind `gate` receives request.<row_name> (the row acted through, or None),
    request.<rows_name> (all of them) and request.<organisation> (the organisation acted for, or
    None); request.area, request.organisation and request.organisations say the same for the
    area's shell.
    """

    rows_of: Callable  # user -> queryset of rows, each with a `role` and an `<organisation>`
    organisation: str  # the row's foreign key to the organisation: "employer", "provider"
    session_key: str
    row_name: str
    rows_name: str
    role_refused: str
    verify_email_template: str
    switch_url: str  # the URL name of the view that changes the organisation acted for
    # Where a person without a row is sent (a URL name); without one they get a 403.
    join_url: str | None = None
    not_a_member: str = ""
    waiting_template: str | None = None  # needed by areas whose views ask verified_required

    def act_for(self, request, organisation):
        request.session[self.session_key] = organisation.pk

    def switch(self, request, not_yours, then):
        """Act for the organisation the sidebar's switch form posted, if the person belongs to it
        (`not_yours` says otherwise); then go to the URL named `then`. Call it behind `gate`."""
        wanted = request.POST.get(self.organisation, "")
        organisation = next((each for each in request.organisations if str(each.pk) == wanted), None)
        if organisation is None:
            messages.error(request, not_yours)
        else:
            self.act_for(request, organisation)
            messages.success(request, _("You now act for %(name)s.") % {"name": organisation.name})
        return redirect(then)

    def gate(self, roles, member_required=True, verified_required=False):
        """Decorate a view of the area for people holding one of `roles`.

        member_required=False lets a person without a row through (request.<organisation> is
        None), so they can register one; verified_required keeps the view to verified
        organisations and shows the others the waiting page.
        """

        def decorator(view):
            @wraps(view)
            def wrapped(request, *args, **kwargs):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                rows, verified = with_verified_email(self.rows_of(request.user), request.user)
                if not verified:
                    return TemplateResponse(request, self.verify_email_template, status=403)
                row = chosen(request, rows, f"{self.organisation}_id", self.session_key)
                organisation = getattr(row, self.organisation) if row else None
                setattr(request, self.row_name, row)
                setattr(request, self.rows_name, rows)
                setattr(request, self.organisation, organisation)
                # The same under the area's neutral names, for the shell both areas share
                # (templates/components/area_base.html).
                request.area, request.organisation = self, organisation
                request.organisations = [getattr(each, self.organisation) for each in rows]
                if row is None:
                    if not member_required:
                        return view(request, *args, **kwargs)
                    if self.join_url is None:
                        raise PermissionDenied(self.not_a_member)
                    return redirect(self.join_url)
                if row.role not in roles:
                    raise PermissionDenied(self.role_refused)
                if verified_required and not organisation.is_verified:
                    return TemplateResponse(
                        request, self.waiting_template, {self.organisation: organisation}, status=403
                    )
                return view(request, *args, **kwargs)

            return wrapped

        return decorator
