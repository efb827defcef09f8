"""Changes to searchable things become index updates (only when a search server is configured).

Pages follow Wagtail's publish, unpublish and move signals, not raw saves, so a draft never
reaches the index. Everything else follows its model's saves and deletions and the domain
signals sent where a queryset update bypasses them. Each change enqueues `search.tasks`
`index_object` (which writes or removes, from what the database says when it runs) or
`remove_object`. With the database task queue the task row is written in the same transaction
as the change, so a worker never sees the change before it is committed.

Consent withdrawal (a story's, or a graduate's matching consent) does not wait for a worker:
the story or graduate is removed right here, and a task is enqueued as well in case the engine
was down. Whatever happens to the engine, a save never fails because of it.
"""

import logging

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from employers.models import Employer, HiringPledge
from jobs.models import JobCertification, JobListing, JobSkill
from partners.models import Graduate, GraduateProgramme, MatchingConsent, ProgrammeProvider
from partners.signals import graduate_matching_changed
from stories.models import StoryConsent, StoryPage

from . import index, tasks
from .engines import engine_configured

logger = logging.getLogger(__name__)


def label_of(model):
    return model._meta.label_lower


def _searchable(model):
    try:
        return bool(index.documents_for(model))
    except LookupError:  # not a model any index describes
        return False
    except Exception:  # the documents module failing to load must not fail a save
        logger.exception("Could not tell whether %s is searchable", label_of(model))
        return False


def enqueue(task, model, pk):
    try:
        task.enqueue(label_of(model), pk)
    except Exception:
        logger.exception("Could not enqueue %s for %s %s", task.name, label_of(model), pk)


def reindex(model, pk):
    enqueue(tasks.index_object, model, pk)


def remove_now(model, pk):
    """Remove at once (consent withdrawn), and enqueue the same as a retry."""
    try:
        index.remove_object(label_of(model), pk)
    except Exception as error:
        logger.warning("Could not remove %s %s from the search index yet: %s", label_of(model), pk, error)
    enqueue(tasks.remove_object, model, pk)


# Pages ----------------------------------------------------------------------------------------


def page_published_handler(sender, instance, **kwargs):
    if engine_configured() and _searchable(instance.specific_class):
        reindex(instance.specific_class, instance.pk)


def page_unpublished_handler(sender, instance, **kwargs):
    if not engine_configured() or not _searchable(instance.specific_class):
        return
    if issubclass(instance.specific_class, StoryPage):
        # Stories are unpublished when their consent lapses: out of the index now.
        remove_now(instance.specific_class, instance.pk)
    else:
        enqueue(tasks.remove_object, instance.specific_class, instance.pk)


def page_moved_handler(sender, instance, **kwargs):
    """A move changes the address of the page and of everything under it."""
    if not engine_configured():
        return
    for page in Page.objects.descendant_of(instance, inclusive=True).live().only("pk", "content_type"):
        if _searchable(page.specific_class):
            reindex(page.specific_class, page.pk)


def deleted_handler(sender, instance, **kwargs):
    if not engine_configured() or kwargs.get("raw"):
        return
    model = instance.specific_class if isinstance(instance, Page) else sender
    if model is not None and _searchable(model):
        enqueue(tasks.remove_object, model, instance.pk)


# Jobs and employers ---------------------------------------------------------------------------


def job_saved(sender, instance, raw=False, **kwargs):
    # Every state change (publish, close, expire, ...) goes through save(): one receiver.
    if engine_configured() and not raw:
        reindex(JobListing, instance.pk)


def job_part_changed(sender, instance, raw=False, **kwargs):
    if engine_configured() and not raw:
        reindex(JobListing, instance.job_id)


def _employer_and_jobs(employer_id):
    reindex(Employer, employer_id)
    # A job is found only while its employer is verified, and carries the employer's name.
    for job_id in JobListing.objects.filter(employer_id=employer_id).values_list("pk", flat=True):
        reindex(JobListing, job_id)


def employer_saved(sender, instance, raw=False, **kwargs):
    if engine_configured() and not raw:
        _employer_and_jobs(instance.pk)


def pledge_changed(sender, instance, raw=False, **kwargs):
    if engine_configured() and not raw:
        _employer_and_jobs(instance.employer_id)


# Graduates ------------------------------------------------------------------------------------


def graduate_saved(sender, instance, raw=False, **kwargs):
    if engine_configured() and not raw:
        reindex(Graduate, instance.pk)


def graduate_part_changed(sender, instance, raw=False, **kwargs):
    if engine_configured() and not raw:
        reindex(Graduate, instance.graduate_id)


def graduate_skills_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    if not engine_configured() or action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        reindex(Graduate, instance.pk)
    elif pk_set:  # a skill or certification lost or gained graduates
        for pk in pk_set:
            reindex(Graduate, pk)


def matching_changed(sender, graduate, **kwargs):
    """Entered or left matching (consent recorded or withdrawn, placed): leaving is immediate."""
    if not engine_configured():
        return
    if Graduate.objects.matchable().filter(pk=graduate.pk).exists():
        reindex(Graduate, graduate.pk)
    else:
        remove_now(Graduate, graduate.pk)


def matching_consent_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        matching_changed(sender, instance.graduate)


def provider_saved(sender, instance, raw=False, **kwargs):
    # Graduates are matched only while their provider is verified.
    if engine_configured() and not raw:
        for pk in Graduate.objects.filter(provider=instance).values_list("pk", flat=True):
            reindex(Graduate, pk)


# Stories --------------------------------------------------------------------------------------


def story_consent_saved(sender, instance, raw=False, **kwargs):
    """A withdrawn, expired or narrowed consent takes its stories out of the index at once,
    whichever order this and the unpublishing receiver run in."""
    if not engine_configured() or raw:
        return
    for story in StoryPage.objects.filter(consent=instance).select_related("consent"):
        if story.consent_problems():
            remove_now(StoryPage, story.pk)


def connect():
    page_published.connect(page_published_handler, dispatch_uid="search.page_published")
    page_unpublished.connect(page_unpublished_handler, dispatch_uid="search.page_unpublished")
    post_page_move.connect(page_moved_handler, dispatch_uid="search.page_moved")
    post_delete.connect(deleted_handler, dispatch_uid="search.deleted")

    post_save.connect(job_saved, sender=JobListing, dispatch_uid="search.job_saved")
    for part in (JobSkill, JobCertification):
        post_save.connect(job_part_changed, sender=part, dispatch_uid=f"search.saved.{label_of(part)}")
        post_delete.connect(job_part_changed, sender=part, dispatch_uid=f"search.deleted.{label_of(part)}")
    post_save.connect(employer_saved, sender=Employer, dispatch_uid="search.employer_saved")
    post_save.connect(pledge_changed, sender=HiringPledge, dispatch_uid="search.pledge_saved")
    post_delete.connect(pledge_changed, sender=HiringPledge, dispatch_uid="search.pledge_deleted")

    post_save.connect(graduate_saved, sender=Graduate, dispatch_uid="search.graduate_saved")
    post_save.connect(graduate_part_changed, sender=GraduateProgramme, dispatch_uid="search.completion_saved")
    post_delete.connect(
        graduate_part_changed, sender=GraduateProgramme, dispatch_uid="search.completion_deleted"
    )
    for through in (Graduate.extra_skills.through, Graduate.certifications.through):
        m2m_changed.connect(graduate_skills_changed, sender=through, dispatch_uid=f"search.m2m.{through}")
    graduate_matching_changed.connect(matching_changed, dispatch_uid="search.matching_changed")
    post_save.connect(matching_consent_saved, sender=MatchingConsent, dispatch_uid="search.consent_saved")
    post_save.connect(provider_saved, sender=ProgrammeProvider, dispatch_uid="search.provider_saved")

    post_save.connect(story_consent_saved, sender=StoryConsent, dispatch_uid="search.story_consent_saved")
