from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..languages import localise_path
from .forms import DeleteAccountForm
from .signals import account_deletion_blockers


def deletion_blockers(user):
    reasons = []
    for _receiver, response in account_deletion_blockers.send(sender=type(user), user=user):
        reasons.extend(response or [])
    return reasons


@login_required
def delete_account(request):
    blockers = deletion_blockers(request.user)
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and not blockers and form.is_valid():
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, _("Your account has been deleted."))
        return redirect(localise_path("/"))
    return TemplateResponse(
        request,
        "account/delete.html",
        {"form": form, "blockers": blockers},
        status=400 if request.method == "POST" else 200,
    )
