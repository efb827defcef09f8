"""Existing commitments become the default language's (Wagtail's recipe for making a model translatable)."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0003_translatable_bootstrap"),
        ("portal", "0004_locales"),
    ]

    operations = [BootstrapTranslatableModel("employers.PledgeCommitment")]
