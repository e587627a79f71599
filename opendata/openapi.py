"""The OpenAPI 3.1 description of /api/v1/, built from the listings themselves.

Parameters come from each :class:`core.jsonapi.Listing`'s filters, so a filter
added to a listing is documented (and tested by schemathesis) without another
edit here.  The item schemas are written out below with
``additionalProperties: false``: a field added to a serialiser and not here
makes the schema test fail, so the document cannot fall behind the code.
"""

from django.conf import settings

from consultations import api as consultations_api
from consultations.models import Answer, Status
from core.areas import Area
from core.jsonapi import MAX_PAGE_SIZE, PAGE_SIZE
from council import api as council_api
from council.models import Meeting, Motion, Poll

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def nullable(schema):
    return {**schema, "type": [schema["type"], "null"]} if "type" in schema else {"oneOf": [schema, {"type": "null"}]}


def obj(properties, description=None):
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


STRING = {"type": "string"}
TEXT = {"type": "string", "description": "As written, in the language given by `language`."}
INTEGER = {"type": "integer", "minimum": 0}
BOOLEAN = {"type": "boolean"}
DATETIME = {"type": "string", "format": "date-time"}
DATE = {"type": "string", "format": "date"}
URI = {"type": "string", "format": "uri"}
LANGUAGE = {"type": "string", "enum": LANGUAGES}
AREA = {"type": "string", "enum": list(Area.values)}
UUID = {"type": "string", "format": "uuid"}

SCHEMAS = {
    "Error": obj({"error": {"type": "string", "description": "What was wrong, in English."}}),
    "Consultation": obj(
        {
            "id": {**UUID, "description": "Shared by all translations of the consultation."},
            "title": STRING,
            "url": URI,
            "api_url": URI,
            "language": LANGUAGE,
            "status": {"type": "string", "enum": list(Status.values)},
            "areas": {"type": "array", "items": AREA},
            "opens_at": DATETIME,
            "closes_at": DATETIME,
            "outcome_published_at": nullable(DATETIME),
            "allow_proposals": BOOLEAN,
            "comment_count": INTEGER,
            "proposal_count": INTEGER,
        }
    ),
    "Comment": obj(
        {
            "id": INTEGER,
            "consultation": UUID,
            "parent": nullable({**INTEGER, "description": "The comment this one replies to."}),
            "author": {
                "type": "string",
                "description": "The name the author chose to show (their pseudonym in this consultation, "
                "if they chose one), or a placeholder such as “a former participant”.",
            },
            "text": TEXT,
            "language": LANGUAGE,
            "section": nullable(STRING),
            "section_title": nullable(STRING),
            "official_answer": {**BOOLEAN, "description": "Written by an official on behalf of the city."},
            "via_facilitator": {
                **BOOLEAN,
                "description": "Entered by a facilitator on behalf of a resident, who agreed to it "
                "(collected on paper, by telephone or in a workshop).",
            },
            "created_at": DATETIME,
            "edited_at": nullable(DATETIME),
            "rating": obj({"up": INTEGER, "down": INTEGER}),
            "answer": nullable(
                obj(
                    {"status": {"type": "string", "enum": list(Answer.values)}, "justification": STRING},
                    "The city's answer in the consultation's outcome.",
                )
            ),
        }
    ),
    "Proposal": obj(
        {
            "id": INTEGER,
            "consultation": UUID,
            "title": STRING,
            "text": TEXT,
            "language": LANGUAGE,
            "author": STRING,
            "created_at": DATETIME,
            "supports": INTEGER,
            "answer": nullable(
                obj(
                    {
                        "status": {"type": "string", "enum": list(Answer.values)},
                        "justification": STRING,
                        "answered_at": nullable(DATETIME),
                    }
                )
            ),
        }
    ),
    "Outcome": obj(
        {
            "id": UUID,
            "consultation": nullable(UUID),
            "title": STRING,
            "url": URI,
            "areas": {"type": "array", "items": AREA},
            "published_at": nullable(DATETIME),
            "summary": STRING,
            "changes": STRING,
            "answers": obj(dict.fromkeys(Answer.values, INTEGER), "How many answers of each kind."),
        }
    ),
    "Meeting": obj(
        {
            "id": INTEGER,
            "term": INTEGER,
            "number": INTEGER,
            "status": {"type": "string", "enum": list(Meeting.Status.values)},
            "starts_at": DATETIME,
            "place": STRING,
            "online_url": nullable(URI),
            "language": LANGUAGE,
            "url": URI,
            "api_url": URI,
            "attendance": obj({"members": INTEGER, "present": INTEGER}),
        }
    ),
    "Poll": obj(
        {
            "id": INTEGER,
            "meeting": INTEGER,
            "agenda_item": INTEGER,
            "motion": nullable(INTEGER),
            "question": STRING,
            "state": {"type": "string", "enum": ["open", "closed"]},
            "kind": {"type": "string", "enum": list(Poll.Kind.values)},
            "method": {"type": "string", "enum": list(Poll.Method.values)},
            "majority": {"type": "string", "enum": list(Poll.Majority.values)},
            "quorum": nullable(INTEGER),
            "opened_at": nullable(DATETIME),
            "closed_at": nullable(DATETIME),
            "options": {
                "type": "array",
                "items": obj({"id": INTEGER, "kind": STRING, "label": STRING}),
            },
            "api_url": URI,
            "cast": {**INTEGER, "description": "Ballots cast so far (or in the end)."},
            "counts": nullable(
                {
                    "type": "object",
                    "additionalProperties": INTEGER,
                    "description": "Votes per option id; null while a secret poll is open.",
                }
            ),
            "result": nullable(
                obj(
                    {
                        "entitled": nullable(INTEGER),
                        "present": nullable(INTEGER),
                        "cast": nullable(INTEGER),
                        "quorum_required": nullable(INTEGER),
                        "quorum_reached": nullable(BOOLEAN),
                        "outcome": STRING,
                        "winner": nullable(INTEGER),
                    },
                    "Frozen when the poll closed.",
                )
            ),
        }
    ),
    "Vote": obj(
        {
            "poll": INTEGER,
            "meeting": INTEGER,
            "member": obj({"id": INTEGER, "name": STRING}),
            "choice": INTEGER,
            "choice_label": STRING,
        },
        "One member's vote in a closed named poll. Secret polls never have any.",
    ),
    "Motion": obj(
        {
            "id": INTEGER,
            "term": INTEGER,
            "number": nullable(INTEGER),
            "label": STRING,
            "title": STRING,
            "text": TEXT,
            "rationale": STRING,
            "area": nullable(AREA),
            "language": LANGUAGE,
            "state": {"type": "string", "enum": [s for s in Motion.State.values if s != "draft"]},
            "submitter": STRING,
            "sponsors": INTEGER,
            "created_at": DATETIME,
            "updated_at": nullable(DATETIME),
            "url": URI,
        }
    ),
    "Resolution": obj(
        {
            "id": INTEGER,
            "term": INTEGER,
            "number": INTEGER,
            "label": STRING,
            "title": STRING,
            "text": TEXT,
            "language": LANGUAGE,
            "area": nullable(AREA),
            "adopted_on": DATE,
            "motion": INTEGER,
            "meeting": INTEGER,
            "poll": INTEGER,
            "url": URI,
        }
    ),
}
SCHEMAS["MeetingDetail"] = {
    **SCHEMAS["Meeting"],
    "properties": {
        **SCHEMAS["Meeting"]["properties"],
        "agenda": {
            "type": "array",
            "items": obj(
                {
                    "id": INTEGER,
                    "position": INTEGER,
                    "title": STRING,
                    "description": STRING,
                    "motion": nullable(INTEGER),
                    "current": BOOLEAN,
                    "polls": {"type": "array", "items": INTEGER},
                }
            ),
        },
        "polls": {"type": "array", "items": ref("Poll")},
        "resolutions": {"type": "array", "items": INTEGER},
    },
    "required": [*SCHEMAS["Meeting"]["required"], "agenda", "polls", "resolutions"],
}
SCHEMAS["PollDetail"] = {
    **SCHEMAS["Poll"],
    "properties": {
        **SCHEMAS["Poll"]["properties"],
        "ballots": {"type": "array", "items": ref("Vote"), "description": "Closed named polls only."},
    },
}

# path, listing, item schema, summary, tag
LISTINGS = [
    ("/consultations/", consultations_api.consultations, "Consultation", "Public consultations", "consultations"),
    ("/outcomes/", consultations_api.outcomes, "Outcome", "Published outcomes of consultations", "consultations"),
    (
        "/consultations/{id}/comments/",
        consultations_api.comments,
        "Comment",
        "Published comments and replies of a consultation, oldest first",
        "consultations",
    ),
    (
        "/consultations/{id}/proposals/",
        consultations_api.proposals,
        "Proposal",
        "Residents' proposals in a consultation, most supported first",
        "consultations",
    ),
    ("/council/meetings/", council_api.meetings, "Meeting", "Council meetings, with attendance", "council"),
    ("/council/polls/", council_api.polls, "Poll", "Council polls (votes) that have been opened", "council"),
    ("/council/votes/", council_api.votes, "Vote", "Each member's vote in closed named polls", "council"),
    ("/council/motions/", council_api.motions, "Motion", "Motions submitted to the council", "council"),
    ("/council/resolutions/", council_api.resolutions, "Resolution", "Resolutions of the council", "council"),
]

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


def document(base_url):
    paths = {}
    for path, listing, schema, summary, tag in LISTINGS:
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
    paths["/consultations/{id}/"] = {
        "get": {
            "operationId": "get_consultation",
            "summary": "One consultation",
            "tags": ["consultations"],
            "parameters": [ID_PARAMETER, _parameter(consultations_api.LANG)],
            "responses": {**_ok(ref("Consultation")), **_errors(400, 404)},
        }
    }
    for path, schema, operation, summary in (
        ("/council/meetings/{id}/", "MeetingDetail", "get_meeting", "One meeting: agenda, polls and resolutions"),
        ("/council/polls/{id}/", "PollDetail", "get_poll", "One poll, with each vote if it was named and has closed"),
    ):
        paths[path] = {
            "get": {
                "operationId": operation,
                "summary": summary,
                "tags": ["council"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
                ],
                "responses": {**_ok(ref(schema)), **_errors(404)},
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
                "meetings, polls, named votes, motions and resolutions. No key needed; any origin may read (CORS). "
                "Every answer has an ETag and a Last-Modified date for conditional requests. Secret council "
                "polls appear with their totals only."
            ),
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        },
        "servers": [{"url": base_url.rstrip("/") + "/api/v1"}],
        "tags": [
            {"name": "consultations", "description": "Public consultations and what residents wrote in them."},
            {"name": "council", "description": "The Immigrants' Council's public record."},
        ],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": SCHEMAS},
    }
