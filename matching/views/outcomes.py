"""One-click answers to a retention check, from the e-mail: no login needed.

The link carries a signed token (RetentionCheck.answer_token). Opening it (GET) only shows the
question with a confirm button, because e-mail scanners follow links; the answer is recorded on
POST, once: the first answer given counts. A token that does not verify answers 404, an expired
one 410.
"""

from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from matching.models import RetentionCheck
from matching.outcomes import record_retention_answer


@never_cache
@require_http_methods(["GET", "POST"])
def retention_answer(request, token):
    try:
        check, answer = RetentionCheck.from_token(token)
    except signing.SignatureExpired:
        return render(request, "matching/outcomes/retention_expired.html", status=410)
    except signing.BadSignature:
        raise Http404("No such retention check.") from None
    if check is None or answer not in RetentionCheck.Answer.values:
        raise Http404("No such retention check.")
    context = {
        "check": check,
        "hire": check.hire,
        "reference": check.hire.person_reference,
        "employer": check.hire.employer,
        "answer": answer,
        "answer_label": RetentionCheck.Answer(answer).label,
    }
    if request.method == "POST" and not check.answer:
        recorded = record_retention_answer(check, answer)
        check.refresh_from_db()
        context.update(check=check, just_recorded=recorded)
    if check.answer:
        context["recorded_label"] = RetentionCheck.Answer(check.answer).label
        return render(request, "matching/outcomes/retention_recorded.html", context)
    return render(request, "matching/outcomes/retention_confirm.html", context)
