"""The API against its own OpenAPI document, with schemathesis: requests
generated from the document (bounded, so the suite stays quick) must never
meet a server error nor an answer the document does not describe."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from opendata import openapi

schema = schemathesis.openapi.from_dict(openapi.document("http://localhost/"))
schema.app = get_wsgi_application()


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_answers_as_its_document_says(case):
    case.call_and_validate()


def test_the_document_is_served_and_lists_every_listing(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    for path, listing, schema_name, _summary, _tag in openapi.LISTINGS:
        assert path in document["paths"]
        stem = path.rstrip("/")
        assert {f"{stem}.csv", f"{stem}.json"} <= set(document["paths"])
        assert schema_name in document["components"]["schemas"]
        parameters = {p["name"] for p in document["paths"][path]["get"]["parameters"]}
        assert {f.name for f in listing.filters} | {"page", "page_size"} <= parameters
