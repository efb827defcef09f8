"""Every form people fill in outside the Wagtail admin labels its fields in the visitor's language.

A model field without an explicit `verbose_name` gets one Django makes from its name, in English
and never translated, so a ModelForm built on it shows "Sector" on the French page. Each project
ModelForm's fields must carry a lazy translation as their label, whether it comes from the
model's `verbose_name` or from the form.
"""

import importlib
import pkgutil
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.utils.functional import Promise
from wagtail.admin.forms import WagtailAdminModelForm

PROJECT_APPS = {
    "api",
    "campaigns",
    "employers",
    "impact",
    "incentives",
    "jobs",
    "matching",
    "partners",
    "portal",
    "search",
    "stories",
    "taxonomy",
}


def import_project_modules():
    # A form class exists for __subclasses__() only once its module is imported; the admin
    # packages hold Wagtail's editing forms, which editors see in their own admin language.
    root = Path(settings.BASE_DIR)
    for app in sorted(PROJECT_APPS):
        for module in pkgutil.walk_packages([str(root / app)], prefix=f"{app}."):
            parts = module.name.split(".")
            if {"migrations", "management", "admin", "tests"} & set(parts):
                continue
            importlib.import_module(module.name)


def project_model_forms():
    import_project_modules()
    found, pending = set(), [forms.ModelForm]
    while pending:
        form = pending.pop()
        for subclass in form.__subclasses__():
            pending.append(subclass)
            if subclass.__module__.split(".")[0] in PROJECT_APPS and not issubclass(
                subclass, WagtailAdminModelForm
            ):
                found.add(subclass)
    return sorted(found, key=lambda form: f"{form.__module__}.{form.__qualname__}")


def test_the_project_apps_are_the_installed_ones():
    # The walk above is restricted by name; an app added later must be added here too.
    installed = {app.split(".")[0] for app in settings.INSTALLED_APPS}
    assert installed >= PROJECT_APPS


def test_the_walk_finds_the_forms_people_fill_in():
    names = {form.__name__ for form in project_model_forms()}
    assert {"EmployerForm", "JobListingForm", "GraduateForm", "SupporterPledgeForm", "ReportJobForm"} <= names


@pytest.mark.parametrize(
    "form", project_model_forms(), ids=lambda form: f"{form.__module__}.{form.__qualname__}"
)
def test_every_label_is_translated(form):
    untranslated = [
        f"{name}: {field.label!r}"
        for name, field in form.base_fields.items()
        if not isinstance(field.label, Promise)
    ]
    assert not untranslated, f"labels not marked for translation in {form.__name__}: {untranslated}"
