from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from .consent import translation_group_problems, unpublish_for_consent, unpublish_stories_without_consent
from .models import StoryConsent, StoryPage


@receiver(post_save, sender=StoryConsent)
def unpublish_when_consent_lapses(sender, instance, **kwargs):
    # Synchronous on purpose: a withdrawal, or a narrower scope, takes the stories down in this
    # request, not whenever a worker gets to it.
    unpublish_stories_without_consent([instance.pk])


@receiver(page_published, sender=StoryPage)
def refuse_publication_without_consent(sender, instance, **kwargs):
    # The editor form already refuses; this catches scheduled publishing and workflow approvals
    # made from listings, which publish without going through that form.
    problems = translation_group_problems(instance)
    if problems:
        unpublish_for_consent(instance, problems)
