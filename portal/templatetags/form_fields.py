from django import template

register = template.Library()


@register.filter
def accessible_widget(field):
    """The field's widget, tied to its help text and errors for screen readers."""
    described_by = []
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    if field.help_text:
        described_by.append(f"{field.auto_id}-help")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required:
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)
