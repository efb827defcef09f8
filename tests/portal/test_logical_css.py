"""Arabic is read right to left: the project's stylesheets say "start" and "end", never "left" and
"right", so one stylesheet lays out both directions. A physical direction slipping back in fails here.

What counts as physical: a property named after a side (margin-left, padding-right, border-left,
border-top-left-radius, left, right, scroll-margin-left...), a side as a value of text-align, float,
clear or a position (background-position, object-position, transform-origin), and a shorthand
(margin, padding, inset, border-width/-style/-color, border-radius) that gives the left and the right
different values. Top and bottom are left alone: they do not change with the direction of the text.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_FOLDERS = {".git", ".venv", "node_modules", "staticfiles", "media", "test-media", "tests", "bench"}

# (stylesheet, selector, declaration) -> why it may stay physical. Keep it short: each entry is a
# place where the direction is that of the thing drawn, not that of the text around it.
ALLOWED = {}

SIDE = re.compile(r"(?<![\w-])(left|right)(?![\w-])")
SIDED_PROPERTY = re.compile(r"(^|-)(left|right)(-|$)")
SIDED_VALUE_PROPERTIES = {
    "text-align",
    "text-align-last",
    "float",
    "clear",
    "background",
    "background-position",
    "background-position-x",
    "object-position",
    "transform-origin",
    "mask-position",
    "offset-anchor",
}
BOX_SHORTHANDS = {
    "margin",
    "padding",
    "inset",
    "border-width",
    "border-style",
    "border-color",
    "scroll-margin",
    "scroll-padding",
}


def stylesheets():
    for path in sorted(ROOT.rglob("*.css")):
        parts = set(path.relative_to(ROOT).parts[:-1])
        if not parts & SKIPPED_FOLDERS:
            yield path


def declarations(css):
    """(selector, property, value) of every declaration, inside @media and the like too."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for match in re.finditer(r"([^{}]*)\{([^{}]*)\}", css):
        selector = " ".join(match.group(1).split())
        for declaration in match.group(2).split(";"):
            name, colon, value = declaration.partition(":")
            if colon:
                yield selector, name.strip().lower(), " ".join(value.split())


def values(value):
    """The space-separated values of a shorthand, a function call such as var(...) kept whole."""
    found, depth, current = [], 0, ""
    for char in value.replace("!important", "").strip():
        depth += (char == "(") - (char == ")")
        if char == " " and depth == 0:
            found.append(current)
            current = ""
        else:
            current += char
    return [v for v in [*found, current] if v]


def physical(name, value):
    """Why the declaration is physical, or None."""
    if name.startswith("--"):
        return None
    if SIDED_PROPERTY.search(name):
        return "a property named after a side"
    if name in SIDED_VALUE_PROPERTIES and SIDE.search(value.lower()):
        return "left or right as a value"
    if name in BOX_SHORTHANDS:
        sides = values(value)
        if len(sides) == 4 and sides[1] != sides[3]:
            return "a shorthand with a different left and right"
    if name == "border-radius":
        corners = values(value.split("/")[0])
        top_left, top_right, bottom_right, bottom_left = {
            1: lambda c: c * 4,
            2: lambda c: [c[0], c[1], c[0], c[1]],
            3: lambda c: [c[0], c[1], c[2], c[1]],
            4: lambda c: c,
        }.get(len(corners), lambda c: ["", "", "", ""])(corners)
        if top_left != top_right or bottom_left != bottom_right:
            return "corners rounded differently on the left and the right"
    return None


def findings(path):
    relative = path.relative_to(ROOT).as_posix()
    for selector, name, value in declarations(path.read_text(encoding="utf-8")):
        reason = physical(name, value)
        if reason and (relative, selector, f"{name}: {value}") not in ALLOWED:
            yield f"{relative}: {selector} {{ {name}: {value} }} ({reason})"


def test_the_project_has_the_stylesheets_this_test_reads():
    found = {path.relative_to(ROOT).as_posix() for path in stylesheets()}
    assert {
        "portal/static/portal/css/site.css",
        "impact/static/impact/impact.css",
        "jobs/static/jobs/admin/job_review.css",
        "employers/certificate.css",
    } <= found


def test_no_stylesheet_uses_a_physical_direction():
    found = [finding for path in stylesheets() for finding in findings(path)]
    assert found == [], "use the logical property (inline-start/-end, start/end):\n" + "\n".join(found)


def test_every_allowed_declaration_is_still_there():
    present = {
        (path.relative_to(ROOT).as_posix(), selector, f"{name}: {value}")
        for path in stylesheets()
        for selector, name, value in declarations(path.read_text(encoding="utf-8"))
    }
    assert set(ALLOWED) <= present, f"stale allow-list entries: {set(ALLOWED) - present}"


@pytest.mark.parametrize(
    "css",
    [
        "a { margin-left: 1rem }",
        "a { padding-right: 0 }",
        "a { border-left: 6px solid red }",
        "a { border-right-width: 2px }",
        "a { border-top-left-radius: 4px }",
        "@media (min-width: 40rem) { .x { left: 0 } }",
        "a { right: 0 }",
        "a { text-align: left }",
        "a { float: right }",
        "a { clear: left }",
        "a { background: url(x.svg) no-repeat right 0.5rem center }",
        "a { background-position: left top }",
        "a { margin: 0 1rem 0 0 }",
        "a { padding: 0 0 0 var(--gap, 1rem) }",
        "a { border-radius: 4px 0 }",
        "a { border-radius: 4px 4px 0 4px }",
    ],
)
def test_a_physical_direction_is_found(css):
    assert [physical(name, value) for _selector, name, value in declarations(css) if physical(name, value)]


@pytest.mark.parametrize(
    "css",
    [
        "a { margin-inline-start: 1rem }",
        "a { inset-inline: 0; top: 100% }",
        "a { text-align: start; float: inline-end }",
        "a { margin: 0 auto }",
        "a { padding: 1rem 2rem 0.5rem }",
        "a { margin: 0 1rem 0 1rem }",
        "a { border-radius: 8px }",
        "a { border-radius: 4px 4px 0 0 }",
        "a { --left-over: 1rem; content: 'left' }",
        "a { border-start-start-radius: 4px; border-inline-start: 6px solid red }",
    ],
)
def test_a_logical_declaration_passes(css):
    assert [
        physical(name, value) for _selector, name, value in declarations(css) if physical(name, value)
    ] == []
