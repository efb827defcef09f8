"""QuickSelect writes the same <select> as Django's Select, without a template per option."""

import re

import pytest
from django import forms

from portal.widgets import QuickSelect

CHOICES = [
    ("", "All regions"),
    ("GB-MAN", "Manchester & Salford"),
    ("Wales", [("GB-CRF", "Cardiff"), ("x", 'Say "<b>"')]),
]


def same_markup(html):
    return re.sub(r"\s*\n\s*", "", str(html))


@pytest.mark.parametrize("value", ["", "GB-MAN", "x", "not a choice"])
@pytest.mark.parametrize(
    "attrs", [{}, {"id": "id_region", "required": True, "disabled": False, "aria-invalid": "true"}]
)
def test_quick_select_writes_what_django_writes(value, attrs):
    expected = forms.Select(choices=CHOICES, attrs=attrs).render("region", value)
    written = QuickSelect(choices=CHOICES, attrs=attrs).render("region", value)
    assert same_markup(written) == same_markup(expected)
    assert "&lt;b&gt;" in written and "<b>" not in written  # labels are escaped


def test_a_form_keeps_the_chosen_option_and_its_error():
    class Form(forms.Form):
        region = forms.ChoiceField(choices=CHOICES, widget=QuickSelect)

    bound = Form({"region": "GB-CRF"})
    assert bound.is_valid()
    assert '<option value="GB-CRF" selected>Cardiff</option>' in str(bound["region"])
    wrong = Form({"region": "nowhere"})
    assert not wrong.is_valid() and "Select a valid choice" in str(wrong.errors["region"])
