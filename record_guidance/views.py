"""The public self-check: is a conviction likely spent, and what must be disclosed?

People answer questions about their own conviction here, so the answers go nowhere: they come by
POST (never in an address, which access logs, browser history and the Referer header keep), the
page is never cached anywhere (`Cache-Control: no-store`, so neither the page cache nor a browser
or proxy keeps it), the view opens no session, writes no row and logs nothing, and asks no rate
limit (which would keep a count per address). The form carries no CSRF token: answering changes
nothing, so a forged request could do no harm, and the page then sets no cookie at all. A form
with mistakes is answered 200, not 400: Django logs every 4xx response with the request attached,
and the request's body holds the answers.
"""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from record_guidance.forms import SelfCheckForm
from record_guidance.models import SpentRule
from record_guidance.selfcheck import assess


@csrf_exempt  # answering changes nothing: see the docstring above
@never_cache
@require_http_methods(["GET", "POST"])
def self_check(request):
    # Answers in the query string are ignored, not answered: a link carrying them would put a
    # conviction in every log and history it passes through.
    form = SelfCheckForm(request.POST if request.method == "POST" else None)
    outcome = None
    if form.is_bound and form.is_valid():
        answers = form.cleaned_data
        rule = SpentRule.objects.for_answer(answers["jurisdiction"].pk, answers["sentence"]).first()
        if rule is None:
            form.add_error("sentence", form.no_rule_message(answers["jurisdiction"]))
        else:
            outcome = assess(rule, answers["years_since"])
    return render(request, "record_guidance/self_check.html", {"form": form, "outcome": outcome})
