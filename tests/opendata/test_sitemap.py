"""``/sitemap.xml`` and ``/robots.txt`` at the site root."""

import urllib.robotparser
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from council import services as council_services
from council.models import Meeting, Membership, Motion, Resolution
from tests.consultations.conftest import DAY, NOW
from tests.consultations.factories import make_consultation
from tests.council.factories import build_council

# The sitemap lists the whole public site: pages in four languages, translated
# and aliased, and the council's record (``public_site``).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = ("pl", "en", "uk", "ru")


def sitemap(client, **extra):
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 -- our own server's answer, not untrusted input


def locations(client, **extra):
    return {loc.text for loc in sitemap(client, **extra).iterfind("s:url/s:loc", NS)}


def robots(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    return response


def robot_parser(client):
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(robots(client).content.decode().splitlines())
    return parser


# --- sitemap.xml ----------------------------------------------------------------------------


def test_sitemap_is_served_as_xml(client):
    assert client.get("/sitemap.xml")["Content-Type"] == "application/xml"


def test_sitemap_lists_the_home_page_in_all_four_languages(client):
    found = locations(client)
    assert {f"http://testserver/{code}/" for code in LANGUAGES} <= found


def test_sitemap_lists_every_live_public_page_in_every_language(client):
    found = locations(client)
    pages = Page.objects.live().public().filter(depth__gte=2)
    expected = {"http://testserver" + page.url for page in pages}
    assert expected <= found
    assert {url.split("/")[3] for url in expected} == set(LANGUAGES)


def test_sitemap_leaves_out_draft_pages(client):
    draft = make_consultation(opens_at=NOW, closes_at=NOW + DAY, slug="szkic-mapy", publish=False, live=False)
    assert not any(f"/{draft.slug}/" in url for url in locations(client))


def test_sitemap_leaves_out_private_pages(client):
    page = make_consultation(opens_at=NOW, closes_at=NOW + DAY, slug="prywatne-mapy")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert not any("/prywatne-mapy/" in url for url in locations(client))


def test_sitemap_names_each_pages_other_languages(client):
    root = sitemap(client)
    url = next(url for url in root.iterfind("s:url", NS) if url.find("s:loc", NS).text == "http://testserver/pl/model/")
    alternates = {link.get("hreflang"): link.get("href") for link in url.iterfind("x:link", NS)}
    assert alternates == {code: f"http://testserver/{code}/model/" for code in LANGUAGES}


def test_sitemap_lists_the_councils_records_in_every_language(client):
    found = locations(client)
    records = [
        *(m.get_absolute_url() for m in Membership.objects.all()),
        *(m.get_absolute_url() for m in Meeting.objects.all()),
        *(r.get_absolute_url() for r in Resolution.objects.all()),
        "/pl/council/members/",
        "/pl/council/meetings/",
        "/pl/council/motions/",
        "/pl/council/resolutions/",
    ]
    assert records
    for path in records:
        for code in LANGUAGES:
            assert "http://testserver/" + code + path[3:] in found


def test_sitemap_lists_public_motions_but_not_drafts(client):
    council = build_council(members=1)
    draft = council_services.motion_draft(
        term=council.term, submitter=council.people["m1"], title="Szkic", text="Tekst.", language="pl"
    )
    found = locations(client)
    public = Motion.objects.exclude(state=Motion.State.DRAFT)
    assert public
    for motion in public:
        assert f"http://testserver/en/council/motions/{motion.pk}/" in found
    assert not any(url.endswith(f"/council/motions/{draft.pk}/") for url in found)


def test_sitemap_lists_published_minutes_only(client):
    from council.models import Minutes
    from tests.council.factories import build_meeting

    council = build_council(members=1)
    council_services.meeting_close(meeting=build_meeting(council), user=council.chair)  # its minutes, a draft
    found = locations(client)
    assert set(Minutes.objects.values_list("state", flat=True)) == {"draft", "published"}
    for minutes in Minutes.objects.all():
        listed = f"http://testserver/pl/council/meetings/{minutes.meeting_id}/minutes/" in found
        assert listed == minutes.is_published


def test_sitemap_lists_no_private_address(client):
    for url in locations(client):
        path = url.removeprefix("http://testserver")
        assert not path.startswith(("/admin/", "/api/", "/health/"))
        assert "/accounts/" not in path
        assert not path.endswith(("/console/", "/ballot/", "/edit/", "/new/"))


def test_sitemap_addresses_use_the_requests_host_and_scheme(client):
    found = locations(client, secure=True, headers={"host": "rada.gdansk.example"})
    assert found
    assert all(url.startswith("https://rada.gdansk.example/") for url in found)


def test_sitemap_queries_do_not_grow_with_pages_and_records(client, django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as baseline:
        client.get("/sitemap.xml")
    for number in range(6):
        make_consultation(opens_at=NOW, closes_at=NOW + DAY, slug=f"mapa-{number}")
    build_council(members=6)
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = client.get("/sitemap.xml")
    assert b"/mapa-5/" in response.content


# --- robots.txt -----------------------------------------------------------------------------


def test_robots_txt_is_plain_text(client):
    assert robots(client)["Content-Type"] == "text/plain; charset=utf-8"


def test_robots_txt_points_to_the_sitemap(client):
    lines = robots(client).content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_accounts(client):
    parser = robot_parser(client)
    assert not parser.can_fetch("*", "/admin/")
    assert not parser.can_fetch("*", "/admin/pages/")
    for code in LANGUAGES:
        assert not parser.can_fetch("*", f"/{code}/accounts/login/")
        assert not parser.can_fetch("*", f"/{code}/participation/unsubscribe/x/")


def test_robots_txt_lets_crawlers_read_public_pages(client):
    parser = robot_parser(client)
    for path in (
        "/",
        "/pl/",
        "/en/consultations/",
        "/uk/council/resolutions/",
        "/sitemap.xml",
        "/ru/feeds/outcomes.atom",
    ):
        assert parser.can_fetch("*", path), path


def test_robots_txt_keeps_crawlers_off_personal_council_screens(client):
    text = robots(client).content.decode()
    for code in LANGUAGES:
        assert f"Disallow: /{code}/council/meetings/*/ballot/" in text
        assert f"Disallow: /{code}/council/meetings/*/console/" in text


def test_sitemap_lists_the_models_tasks_and_evaluation_reports_in_every_language(client, public_site):
    found = locations(client)
    for code in LANGUAGES:
        assert f"http://testserver/{code}/model/tasks/" in found
        assert f"http://testserver/{code}/model/tasks/centrum/" in found
        assert f"http://testserver/{code}/model/evaluation/" in found
        assert f"http://testserver/{code}/model/evaluation/2025/" in found
