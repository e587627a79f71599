"""The API against its own OpenAPI document, with schemathesis: requests
generated from the document (bounded, so the suite stays quick) must never
meet a server error nor an answer the document does not describe.  The
answers hold a whole public record (``public_site``): consultations in every
state and language, comments, proposals, an outcome, meetings with named and
secret polls, motions and resolutions."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from opendata import openapi

schema = schemathesis.openapi.from_dict(openapi.document("http://localhost/"))
schema.app = get_wsgi_application()


@pytest.fixture
def connections_kept_open():
    """The requests go through the real WSGI handler, which closes the database
    connection when a request ends; the test's transaction needs it open (as
    Django's own test client arranges)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("public_site", "connections_kept_open")
@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_answers_as_its_document_says(case):
    case.call_and_validate()


def test_the_document_is_served_and_lists_every_listing(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    for path, listing, _tag in openapi.LISTINGS:
        schema_name = listing.record.name
        assert path in document["paths"]
        stem = path.rstrip("/")
        assert {f"{stem}.csv", f"{stem}.json"} <= set(document["paths"])
        assert schema_name in document["components"]["schemas"]
        parameters = {p["name"] for p in document["paths"][path]["get"]["parameters"]}
        assert {f.name for f in listing.filters} | {"page", "page_size"} <= parameters
