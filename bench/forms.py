"""Submit an HTML form the way a browser does: its own action and method, every field's default.

    form = find_form(html, page_url, with_field="email")
    data = form.data(email="someone@example.org")   # defaults, then what the visitor types
    session.post(form.action, data=data)

A browser sends each named field: inputs with their value (checkboxes and radios only when
checked), a textarea's text, a select's selected option (else its first); never a button it did
not press, nor a disabled field. The form's `action` is resolved against the page's address; a
form without one posts back to the page.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin

SKIPPED_INPUTS = {"submit", "button", "reset", "image", "file"}


class Form:
    def __init__(self, action, method):
        self.action, self.method = action, method
        self.fields = []  # (name, value) in document order, as a browser would send them
        self.options = {}  # select name -> [option values]
        self.names = set()  # every named control, sent or not (unticked boxes included)

    def data(self, **typed):
        """The defaults with `typed` values replacing them (a list for a multiple choice)."""
        sent = [(name, value) for name, value in self.fields if name not in typed]
        for name, value in typed.items():
            for one in value if isinstance(value, (list, tuple)) else [value]:
                sent.append((name, one))
        return sent

    def choices(self, name):
        return [value for value in self.options.get(name, []) if value]

    def __repr__(self):
        return f"<Form {self.method} {self.action} {sorted(self.names)}>"


class _Parser(HTMLParser):
    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms = []
        self.form = None
        self.select = None  # (name, chosen value or None, first value or None, disabled)
        self.textarea = None  # (name, [text])
        self.option = None  # (value or None, [text], selected)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = urljoin(self.page_url, attrs.get("action") or self.page_url)
            self.form = Form(action, (attrs.get("method") or "get").lower())
            self.forms.append(self.form)
            return
        if self.form is None:
            return
        name = attrs.get("name")
        disabled = "disabled" in attrs
        if tag == "input" and name:
            self.form.names.add(name)
            kind = (attrs.get("type") or "text").lower()
            if disabled or kind in SKIPPED_INPUTS:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.form.fields.append((name, attrs.get("value", "on")))
                return
            self.form.fields.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.form.names.add(name)
            self.textarea = None if disabled else (name, [])
        elif tag == "select" and name:
            self.form.names.add(name)
            self.form.options[name] = []
            self.select = [name, [], None, disabled, "multiple" in attrs]
        elif tag == "option" and self.select is not None:
            self._end_option()  # </option> may be left out
            self.option = (attrs.get("value"), [], "selected" in attrs)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1].append(data)
        if self.option is not None:
            self.option[1].append(data)

    def _end_option(self):
        if self.option is None or self.select is None:
            return
        value, text, selected = self.option
        value = "".join(text).strip() if value is None else value
        self.form.options[self.select[0]].append(value)
        if selected:
            self.select[1].append(value)
        if self.select[2] is None:
            self.select[2] = value
        self.option = None

    def handle_endtag(self, tag):
        if self.form is None:
            return
        if tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.form.fields.append((name, "".join(text).removeprefix("\n")))
            self.textarea = None
        elif tag == "option":
            self._end_option()
        elif tag == "select" and self.select is not None:
            self._end_option()
            name, chosen, first, disabled, multiple = self.select
            if not disabled:
                if chosen:
                    self.form.fields.extend((name, value) for value in (chosen if multiple else chosen[-1:]))
                elif first is not None and not multiple:
                    self.form.fields.append((name, first))
            self.select = None
        elif tag == "form":
            self._end_option()
            self.form = None


def forms(html, page_url):
    parser = _Parser(page_url)
    parser.feed(html)
    parser.close()
    return parser.forms


def find_form(html, page_url, with_field):
    """The first form on the page with a control named `with_field`, or None."""
    return next((form for form in forms(html, page_url) if with_field in form.names), None)
