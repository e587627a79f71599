"""One list of fields per kind of API item makes the JSON row, the
spreadsheet's columns and the OpenAPI schema."""

import datetime
from types import SimpleNamespace

import pytest
from django.test import RequestFactory

from consultations import api as consultations_api
from core.jsonapi import DATETIME, INTEGER, STRING, Field, Record, array, nullable, obj
from council import api as council_api

ALL_LISTINGS = [
    consultations_api.consultations,
    consultations_api.outcomes,
    consultations_api.comments,
    consultations_api.proposals,
    council_api.meetings,
    council_api.polls,
    council_api.votes,
    council_api.motions,
    council_api.resolutions,
]

THING = Record(
    "Thing",
    [
        Field("id", INTEGER, "pk"),
        Field("name", STRING),
        Field("owner", STRING, "owner.name"),
        Field("seen_at", nullable(DATETIME)),
        Field("size", obj({"width": INTEGER, "height": INTEGER}), lambda item, context: item.size),
        Field("tags", array(STRING)),
        Field("link", STRING, lambda item, context: context.absolute(f"/things/{item.pk}/")),
    ],
)


def a_thing():
    return SimpleNamespace(
        pk=7,
        name="Kubek",
        owner=SimpleNamespace(name="Olena"),
        seen_at=datetime.datetime(2026, 5, 1, 12, 0, tzinfo=datetime.UTC),
        size={"width": 3, "height": 4},
        tags=["a", "b"],
    )


def test_a_row_holds_each_field_once_in_order_with_times_written_as_iso():
    row = THING.row(RequestFactory().get("/"), a_thing())
    assert list(row) == ["id", "name", "owner", "seen_at", "size", "tags", "link"]
    assert row["owner"] == "Olena"
    assert row["seen_at"] == "2026-05-01T12:00:00+00:00"
    assert row["link"] == "http://testserver/things/7/"


def test_the_schema_requires_exactly_the_fields_of_the_row():
    schema = THING.schema()
    assert schema["required"] == [field.name for field in THING.fields]
    assert schema["additionalProperties"] is False


def test_an_objects_properties_become_dotted_columns_and_a_list_one_column():
    headers = [header for header, _get in THING.columns()]
    assert headers == ["id", "name", "owner", "seen_at", "size.width", "size.height", "tags", "link"]
    row = THING.row(RequestFactory().get("/"), a_thing())
    assert {header: get(row) for header, get in THING.columns()}["size.height"] == 4


def test_a_field_that_does_not_flatten_must_say_how_it_reads_in_a_spreadsheet():
    with pytest.raises(ValueError, match="spreadsheet"):
        Field("options", array(obj({"id": INTEGER})))
    assert Field("options", array(obj({"id": INTEGER})), csv=False).columns() == []
    joined = Field("options", array(obj({"id": INTEGER})), csv=lambda row: len(row["options"]))
    assert [header for header, _get in joined.columns()] == ["options"]


def test_a_detail_record_adds_fields_and_keeps_both_batches_context():
    detail = THING.extended(
        "ThingDetail",
        [Field("extra", INTEGER, lambda item, context: context.extra)],
        prepare=lambda request, items: {"extra": len(items)},
    )
    row = detail.row(RequestFactory().get("/"), a_thing())
    assert row["extra"] == 1 and row["name"] == "Kubek"
    assert detail.schema()["required"][-1] == "extra"


def _leaves(schema, prefix=""):
    """The paths of an item schema's values as a spreadsheet has them."""
    types = schema.get("type")
    types = set(types) if isinstance(types, list) else {types}
    if "object" in types and "properties" in schema:
        for key, sub in schema["properties"].items():
            yield from _leaves(sub, f"{prefix}{key}.")
    else:
        yield prefix.rstrip(".")


@pytest.mark.parametrize("listing", ALL_LISTINGS, ids=lambda listing: listing.name)
def test_every_field_of_a_listing_is_a_column_of_its_spreadsheet(listing):
    headers = [header for header, _get in listing.record.columns()]
    assert headers == list(_leaves(listing.record.schema()))
