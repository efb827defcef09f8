"""The API's documentation: a page of the site, rendered on the server from the OpenAPI document.

Written out from the same document clients get, so every path, parameter and schema appears and
none can drift from the code. No script and nothing from another host.
"""

from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

from portal.addresses import absolute_url

from .main import api

LONG_ENUM = 30  # past this many values, a list of values goes behind a disclosure

# CommonMark without raw HTML (any tag in a description is shown as text, never run) and without
# images (nothing loaded from elsewhere); markdown-it refuses javascript:, vbscript:, file: and
# data: links by itself.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable("image")


def markdown(text):
    """A description (Markdown) as HTML paragraphs, lists and code."""
    return mark_safe(_MARKDOWN.render(str(text or "")))  # nosec B308 B703 # raw HTML is escaped


def markdown_inline(text):
    """A short description (Markdown) as inline HTML, for a table cell."""
    return mark_safe(_MARKDOWN.renderInline(" ".join(str(text or "").split())))  # nosec B308 B703


def _ref_name(ref):
    return ref.rsplit("/", 1)[-1]


def type_label(schema):
    """A short human reading of a JSON schema: "integer", "array of JobSummary", "string or null"."""
    if not schema:
        return "any"
    if "$ref" in schema:
        return _ref_name(schema["$ref"])
    if "anyOf" in schema:
        return " or ".join(type_label(option) for option in schema["anyOf"])
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return type_label(schema["allOf"][0])
    kind = schema.get("type", "object")
    if kind == "array":
        return f"array of {type_label(schema.get('items', {}))}"
    if kind == "object" and "additionalProperties" in schema:
        return f"object of {type_label(schema['additionalProperties'])}"
    if "format" in schema:
        return f"{kind} ({schema['format']})"
    return kind


def _enum_values(schema, components):
    if "$ref" in schema:
        schema = components.get(_ref_name(schema["$ref"]), {})
    if schema.get("type") == "array":
        return _enum_values(schema.get("items", {}), components)
    for option in (*schema.get("anyOf", ()), *schema.get("allOf", ())):
        values = _enum_values(option, components)
        if values:
            return values
    return [str(value) for value in schema.get("enum", ())]


def _limits(schema):
    words = []
    for key, label in (("minimum", "at least"), ("maximum", "at most"), ("maxLength", "length at most")):
        if key in schema:
            words.append(f"{label} {schema[key]}")
    if "pattern" in schema:
        words.append(f"pattern {schema['pattern']}")
    if "default" in schema and schema["default"] not in (None, "", []):
        words.append(f"default {schema['default']}")
    return ", ".join(words)


def _parameter(parameter, components):
    schema = parameter.get("schema", {})
    values = _enum_values(schema, components)
    return {
        "name": parameter["name"],
        "location": parameter["in"],
        "required": parameter.get("required", False),
        "type": type_label(schema),
        "description": markdown_inline(parameter.get("description") or schema.get("description", "")),
        "limits": _limits(schema),
        "values": values,
        "long": len(values) > LONG_ENUM,
    }


def _responses(responses):
    rows = []
    for status, response in responses.items():
        content = response.get("content", {}).get("application/json", {})
        rows.append(
            {
                "status": status,
                "description": markdown_inline(response.get("description", "")),
                "type": type_label(content.get("schema", {})) if content else "",
            }
        )
    return rows


def operations(document):
    components = document.get("components", {}).get("schemas", {})
    found = []
    for path, methods in document.get("paths", {}).items():
        for method, operation in methods.items():
            found.append(
                {
                    "anchor": operation.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": markdown(operation.get("description", "")),
                    "parameters": [_parameter(p, components) for p in operation.get("parameters", ())],
                    "responses": _responses(operation.get("responses", {})),
                }
            )
    return found


def schemas(document):
    found = []
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", ()))
        values = [str(value) for value in schema.get("enum", ())]
        found.append(
            {
                "name": name,
                "description": markdown(schema.get("description", "")),
                "values": values,
                "long": len(values) > LONG_ENUM,
                "fields": [
                    {
                        "name": field,
                        "type": type_label(definition),
                        "required": field in required,
                        "description": markdown_inline(definition.get("description", "")),
                    }
                    for field, definition in schema.get("properties", {}).items()
                ],
            }
        )
    return found


def docs(request):
    document = api.get_openapi_schema(path_params={})
    return render(
        request,
        "api/docs.html",
        {
            "title": document["info"]["title"],
            "description": markdown(document["info"].get("description", "")),
            "version": document["info"]["version"],
            "openapi_url": reverse("api:openapi-json"),
            "base_url": absolute_url(reverse("api:index")),
            "operations": operations(document),
            "schemas": schemas(document),
        },
    )
