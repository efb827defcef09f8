"""What a job page offers a visitor under "How to apply" when the employer takes applications
through the portal, added by apps above jobs from their AppConfig.ready() (the applications app:
the "Apply" button for a signed-in job seeker), so that jobs imports none of them.

An option is offer(request, job) -> (template name, context) or None; the job page includes each
template that answers, with its context as `option`. It must cost at most two queries.
"""

OPTIONS = []


def apply_option(offer):
    if offer not in OPTIONS:
        OPTIONS.append(offer)
    return offer


def apply_options(request, job):
    offers = (offer(request, job) for offer in OPTIONS)
    return [{"template": answer[0], "context": answer[1]} for answer in offers if answer]
