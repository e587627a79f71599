"""The OpenAPI 3.1 description of /api/v1/, built from the listings themselves.

Parameters come from each :class:`core.jsonapi.Listing`'s filters and item
schemas from its :class:`core.jsonapi.Record`, whose fields also make the JSON
rows and the spreadsheets' columns: a field or a filter cannot be in one and
not the others.  The schemas forbid unknown fields (``additionalProperties:
false``), and the schemathesis test checks every answer against them.
"""

from cms import api as cms_api
from consultations import api as consultations_api
from consultations import survey_api
from core.jsonapi import INTEGER, MAX_PAGE_SIZE, PAGE_SIZE, URI, UUID, nullable, obj
from council import api as council_api
from council import api_membership as council_membership_api
from support import api as support_api


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


SCHEMAS = {
    "Error": obj({"error": {"type": "string", "description": "What was wrong, in English."}}),
    **{
        record.name: record.schema()
        for record in [
            *consultations_api.RECORDS,
            *survey_api.RECORDS,
            *council_api.RECORDS,
            *council_api.RECORDS,
            *council_membership_api.RECORDS,
            *cms_api.RECORDS,
            *support_api.RECORDS,
        ]
    },
}

# path, listing, tag
LISTINGS = [
    ("/consultations/", consultations_api.consultations, "consultations"),
    ("/outcomes/", consultations_api.outcomes, "consultations"),
    ("/consultations/{id}/comments/", consultations_api.comments, "consultations"),
    ("/consultations/{id}/proposals/", consultations_api.proposals, "consultations"),
    ("/consultations/{id}/wordings/", consultations_api.wordings, "consultations"),
    ("/council/meetings/", council_api.meetings, "council"),
    ("/council/polls/", council_api.polls, "council"),
    ("/council/votes/", council_api.votes, "council"),
    ("/council/motions/", council_api.motions, "council"),
    ("/council/resolutions/", council_api.resolutions, "council"),
    ("/council/candidates/", council_membership_api.candidates, "council"),
    ("/council/memberships/", council_membership_api.memberships, "council"),
    ("/model/tasks/", cms_api.tasks, "model"),
    ("/help/services/", support_api.services, "help"),
    ("/help/faqs/", support_api.faqs, "help"),
]
# Listings that are also downloadable as an Excel workbook.
XLSX = {"tasks"}

ID_PARAMETER = {
    "name": "id",
    "in": "path",
    "required": True,
    "description": "The consultation's id.",
    "schema": UUID,
}


def _parameter(item_filter):
    return {
        "name": item_filter.name,
        "in": "query",
        "required": False,
        "description": item_filter.description + " An empty value means no filter.",
        "allowEmptyValue": True,  # as an HTML form sends a field left empty
        "schema": item_filter.schema(),
    }


PAGING = [
    {
        "name": "page",
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": 10**6},
    },
    {
        "name": "page_size",
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        "description": f"Items per page ({PAGE_SIZE} by default).",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
    },
]


def _errors(*statuses):
    meaning = {400: "A parameter is not valid.", 404: "There is no such thing (or page)."}
    return {
        str(status): {"description": meaning[status], "content": {"application/json": {"schema": ref("Error")}}}
        for status in statuses
    }


def _ok(schema, description="OK"):
    return {"200": {"description": description, "content": {"application/json": {"schema": schema}}}}


def _survey_paths():
    """A consultation's survey: one document, and its counts as files."""
    parameters = [ID_PARAMETER, _parameter(consultations_api.LANG)]
    paths = {
        "/consultations/{id}/survey/": {
            "get": {
                "operationId": "get_consultation_survey",
                "summary": "A consultation's survey: questions, options and, once it has closed, counts",
                "tags": ["consultations"],
                "parameters": parameters,
                "responses": {**_ok(ref("Survey")), **_errors(400, 404)},
            }
        },
        "/consultations/{id}/survey.json": {
            "get": {
                "operationId": "download_consultation_survey_json",
                "summary": "A consultation's survey: one count per answer, as a JSON file",
                "tags": ["consultations"],
                "parameters": parameters,
                "responses": {
                    **_ok(
                        {"type": "array", "items": ref("SurveyCount")}, "A JSON file (Content-Disposition: attachment)."
                    ),
                    **_errors(400, 404),
                },
            }
        },
    }
    for extension, media, schema in (
        ("csv", "text/csv", {"type": "string"}),
        (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            {"type": "string", "contentEncoding": "binary"},
        ),
    ):
        paths[f"/consultations/{{id}}/survey.{extension}"] = {
            "get": {
                "operationId": f"download_consultation_survey_{extension}",
                "summary": f"A consultation's survey: one count per answer, as a spreadsheet ({extension.upper()})",
                "description": "One column per field of SurveyCount, as in the JSON.",
                "tags": ["consultations"],
                "parameters": parameters,
                "responses": {
                    "200": {"description": f"A {extension.upper()} file.", "content": {media: {"schema": schema}}},
                    **_errors(400, 404),
                },
            }
        }
    return paths


def document(base_url):
    paths = {}
    for path, listing, tag in LISTINGS:
        schema, summary = listing.record.name, listing.summary
        nested = "{id}" in path
        parameters = ([ID_PARAMETER] if nested else []) + [_parameter(f) for f in listing.filters]
        page = obj(
            {
                "count": INTEGER,
                "next": nullable(URI),
                "previous": nullable(URI),
                "results": {"type": "array", "items": ref(schema)},
            }
        )
        paths[path] = {
            "get": {
                "operationId": f"list_{listing.name}",
                "summary": summary,
                "tags": [tag],
                "parameters": parameters + PAGING,
                "responses": {**_ok(page, "One page of results."), **_errors(400, 404)},
            }
        }
        stem = path.rstrip("/")
        paths[f"{stem}.json"] = {
            "get": {
                "operationId": f"download_{listing.name}_json",
                "summary": f"{summary}: every item, as a JSON file",
                "tags": [tag],
                "parameters": parameters,
                "responses": {
                    **_ok({"type": "array", "items": ref(schema)}, "A JSON file (Content-Disposition: attachment)."),
                    **_errors(400, 404),
                },
            }
        }
        paths[f"{stem}.csv"] = {
            "get": {
                "operationId": f"download_{listing.name}_csv",
                "summary": f"{summary}: every item, as a spreadsheet (CSV)",
                "description": "UTF-8 with a byte-order mark; cells separated by `;`; times in Europe/Warsaw; "
                "one column per field, named as in the JSON (nested fields joined with a dot).",
                "tags": [tag],
                "parameters": parameters,
                "responses": {
                    "200": {"description": "A CSV file.", "content": {"text/csv": {"schema": {"type": "string"}}}},
                    **_errors(400, 404),
                },
            }
        }
        if listing.name in XLSX:
            paths[f"{stem}.xlsx"] = {
                "get": {
                    "operationId": f"download_{listing.name}_xlsx",
                    "summary": f"{summary}: every item, as an Excel workbook (XLSX)",
                    "description": "One column per field, as in the CSV file.",
                    "tags": [tag],
                    "parameters": parameters,
                    "responses": {
                        "200": {
                            "description": "An XLSX file.",
                            "content": {
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                                    "schema": {"type": "string", "contentEncoding": "binary"}
                                }
                            },
                        },
                        **_errors(400, 404),
                    },
                }
            }
    paths["/model/tasks/{id}/"] = {
        "get": {
            "operationId": "get_model_task",
            "summary": "One task of the Model, with its progress notes",
            "tags": ["model"],
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}},
                _parameter(cms_api.LANG),
            ],
            "responses": {**_ok(ref("ModelTaskDetail")), **_errors(400, 404)},
        }
    }
    paths["/consultations/{id}/"] = {
        "get": {
            "operationId": "get_consultation",
            "summary": "One consultation",
            "tags": ["consultations"],
            "parameters": [ID_PARAMETER, _parameter(consultations_api.LANG)],
            "responses": {**_ok(ref("Consultation")), **_errors(400, 404)},
        }
    }
    paths.update(_survey_paths())
    for path, schema, operation, summary, filters in (
        (
            "/council/meetings/{id}/",
            "MeetingDetail",
            "get_meeting",
            "One meeting: agenda, polls, resolutions and minutes",
            [council_api.LANG],
        ),
        (
            "/council/polls/{id}/",
            "PollDetail",
            "get_poll",
            "One poll, with each vote if it was named and has closed",
            [council_api.LANG],
        ),
    ):
        paths[path] = {
            "get": {
                "operationId": operation,
                "summary": summary,
                "tags": ["council"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}},
                    *(_parameter(f) for f in filters),
                ],
                "responses": {**_ok(ref(schema)), **_errors(*((400, 404) if filters else (404,)))},
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Rada open data API",
            "version": "1",
            "description": (
                "Everything public on Rada, the participation platform of the Immigrants' Council of Gdańsk, "
                "read-only and free to reuse: consultations, published comments, proposals, outcomes, council "
                "meetings, polls, named votes, motions and resolutions, the tasks of the Integration Model, and "
                "the information centre's directory of services and frequently asked questions. "
                "No key needed; any origin may read (CORS). "
                "Every answer has an ETag and a Last-Modified date for conditional requests. Secret council "
                "polls appear with their totals only."
            ),
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        },
        "servers": [{"url": base_url.rstrip("/") + "/api/v1"}],
        "tags": [
            {"name": "consultations", "description": "Public consultations and what residents wrote in them."},
            {"name": "council", "description": "The Immigrants' Council's public record."},
            {"name": "model", "description": "The tasks of the Integration Model and how far they have got."},
            {"name": "help", "description": "The information centre: services for migrants and answered questions."},
        ],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": SCHEMAS},
    }
