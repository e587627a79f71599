"""The open-data pages: what is published and how, and the API's reference,
rendered by the site from the same OpenAPI document it serves (no CDN)."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from . import openapi

LABELS = {
    "consultations": _("Consultations"),
    "outcomes": _("Outcomes of consultations"),
    "meetings": _("Council meetings, with attendance"),
    "polls": _("Council votes and their results"),
    "votes": _("Each member's vote in named council votes"),
    "motions": _("Motions to the council"),
    "resolutions": _("Resolutions of the council"),
    "candidates": _("Candidates for the council who agreed to publication"),
    "memberships": _("Seats on the council over time, with vacancies and substitutions"),
    "tasks": _("Tasks of the Integration Model"),
    "services": _("Services for migrants (the information centre's directory)"),
    "faqs": _("Frequently asked questions answered by the information centre"),
}


def open_data(request):
    downloads = [
        {"label": LABELS[listing.name], "name": listing.name, "stem": "/api/v1" + path.rstrip("/")}
        for path, listing, _tag in openapi.LISTINGS
        if "{" not in path
    ]
    return render(request, "opendata/open_data.html", {"downloads": downloads})


def api_docs(request):
    document = openapi.document(request.build_absolute_uri("/"))
    operations = []
    for path, methods in document["paths"].items():
        operation = methods["get"]
        response = operation["responses"]["200"]
        media, content = next(iter(response["content"].items()))
        operations.append(
            {
                "id": operation["operationId"],
                "path": path,
                "url": document["servers"][0]["url"] + path,
                "summary": operation["summary"],
                "description": operation.get("description", ""),
                "tag": operation["tags"][0],
                "media": media,
                "schema": _schema_name(content["schema"]),
                "path_parameters": [p for p in operation["parameters"] if p["in"] == "path"],
                "query_parameters": [_described(p) for p in operation["parameters"] if p["in"] == "query"],
            }
        )
    schemas = [
        {"name": name, "fields": [_field(field, spec) for field, spec in schema["properties"].items()]}
        for name, schema in document["components"]["schemas"].items()
    ]
    return render(
        request,
        "opendata/api_docs.html",
        {"document": document, "operations": operations, "schemas": schemas, "openapi_url": "/api/v1/openapi.json"},
    )


def _schema_name(schema):
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[1]
    if schema.get("type") == "array":
        return "[" + _schema_name(schema["items"]) + "]"
    if "results" in schema.get("properties", {}):
        return "Page of " + _schema_name(schema["properties"]["results"]["items"])
    return schema.get("type", "")


def _type(spec):
    if "$ref" in spec:
        return _schema_name(spec)
    kind = spec.get("type", "")
    if isinstance(kind, list):
        return " or ".join(_type({**spec, "type": k}) for k in kind)
    if kind == "array":
        return "list of " + _type(spec["items"])
    if "enum" in spec:
        return "one of: " + ", ".join(str(v) for v in spec["enum"])
    return spec.get("format", kind)


def _described(parameter):
    return {**parameter, "type": _type(parameter["schema"]), "enum": parameter["schema"].get("enum")}


def _field(name, spec):
    return {"name": name, "type": _type(spec), "description": spec.get("description", "")}
