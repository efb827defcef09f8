"""Interface text written in Python goes through gettext, so a French or Arabic reader gets it from
the catalogue: labels, help texts, choice labels, messages and validation errors. A plain string
in one of those places would stay English in every language; this finds it in the source."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.utils.functional import Promise

from jobs.models import JobListing
from stories.wagtail_hooks import StoriesGroup

ROOT = Path(__file__).resolve().parents[2]
# Not interface text: tests, migrations (state only), benchmarks, demo content (it is content, in
# the editors' hands) and management commands (their output is for operators).
SKIPPED = {
    ".venv",
    "tests",
    "migrations",
    "bench",
    "node_modules",
    "tools",
    "scripts",
    "docs",
    "management",
    "demo",
}
SHOWN_KEYWORDS = {
    "verbose_name",
    "verbose_name_plural",
    "help_text",
    "label",
    "empty_label",
    "heading",
    "menu_label",
}
SHOWN_CLASS_ATTRIBUTES = {"verbose_name", "verbose_name_plural", "menu_label", "page_title", "help_text"}
MESSAGE_LEVELS = {"success", "error", "info", "warning"}


def plain_text(node):
    """A string literal with words in it (an f-string too): text that skips gettext."""
    if isinstance(node, ast.JoinedStr):
        return True
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and any(c.isalpha() for c in node.value)
    )


def called(node):
    function = node.func
    return function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")


def unmarked(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = called(node)
            for keyword in node.keywords:
                if keyword.arg in SHOWN_KEYWORDS and plain_text(keyword.value):
                    yield node.lineno, f"{name}({keyword.arg}=...)"
                messages = keyword.value.values if isinstance(keyword.value, ast.Dict) else []
                if keyword.arg == "error_messages" and any(plain_text(value) for value in messages):
                    yield node.lineno, f"{name}(error_messages=...)"
                if keyword.arg == "choices" and isinstance(keyword.value, ast.List | ast.Tuple):
                    pairs = [
                        pair
                        for pair in keyword.value.elts
                        if isinstance(pair, ast.Tuple) and len(pair.elts) == 2
                    ]
                    if any(plain_text(pair.elts[1]) for pair in pairs):
                        yield node.lineno, f"{name}(choices=...)"
            if name == "ValidationError" and node.args and plain_text(node.args[0]):
                yield node.lineno, "ValidationError(...)"
            if name == "add_error" and len(node.args) >= 2 and plain_text(node.args[1]):
                yield node.lineno, "add_error(...)"
            is_message = (
                isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") == "messages"
            )
            if is_message and name in MESSAGE_LEVELS and len(node.args) >= 2 and plain_text(node.args[1]):
                yield node.lineno, f"messages.{name}(...)"
        if isinstance(node, ast.ClassDef):
            choices = any("Choices" in ast.unparse(base) for base in node.bases)
            for statement in node.body:
                if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
                    continue
                target = getattr(statement.targets[0], "id", "")
                if target in SHOWN_CLASS_ATTRIBUTES and plain_text(statement.value):
                    yield statement.lineno, f"{node.name}.{target}"
                if choices and target.isupper():
                    value = statement.value
                    label = value.elts[-1] if isinstance(value, ast.Tuple) else None
                    if label is None or plain_text(label):
                        yield statement.lineno, f"{node.name}.{target} (a choice without a translated label)"


def python_sources():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if not set(relative.parts[:-1]) & SKIPPED and not relative.parts[0].startswith("."):
            yield path


def test_no_interface_text_in_python_skips_gettext():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in python_sources()
        for line, what in unmarked(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == [], "wrap in gettext_lazy (class or module level) or gettext:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        'name = models.CharField(verbose_name="name", max_length=10)',
        'field = forms.CharField(label=f"Your {thing}")',
        'field = forms.CharField(error_messages={"required": "Say something."})',
        'raise ValidationError("Too long.")',
        'messages.success(request, "Saved.")',
        'form.add_error("email", "Not an address.")',
        "class Status(models.TextChoices):\n    DRAFT = 'draft'",
        "class Status(models.TextChoices):\n    DRAFT = 'draft', 'Draft'",
        "class Group(SnippetViewSetGroup):\n    menu_label = 'Stories'",
        'kind = models.CharField(choices=[("a", "Apple")])',
    ],
)
def test_plain_interface_text_is_found(source):
    assert list(unmarked(ast.parse(source)))


def test_marked_text_passes():
    source = (
        'name = models.CharField(verbose_name=_("name"), help_text=_("As people know it."))\n'
        'raise ValidationError(_("Too long."), code="max_length")\n'
        'messages.success(request, _("Saved."))\n'
        "class Status(models.TextChoices):\n    DRAFT = 'draft', _('Draft')\n"
    )
    assert list(unmarked(ast.parse(source))) == []


def test_names_shown_in_the_admin_are_looked_up_in_the_reader_language():
    # A lazy string is looked up in the catalogue of the language active when it is shown.
    assert isinstance(apps.get_app_config("portal").verbose_name, Promise)
    assert isinstance(apps.get_app_config("accounts").verbose_name, Promise)
    assert isinstance(StoriesGroup.menu_label, Promise)
    assert isinstance(JobListing.Status.PUBLISHED.label, Promise)
