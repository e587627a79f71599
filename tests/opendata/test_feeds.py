"""Atom and RSS feeds: what they list, in which language, and what never gets in."""

import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from consultations import services
from consultations.models import ConsultationPage, OutcomeAnswer, OutcomePage
from council import services as council_services
from council.models import Resolution
from tests.accounts.factories import UserFactory, moderator
from tests.consultations.conftest import DAY, NOW
from tests.consultations.factories import make_consultation
from tests.council.factories import build_council, build_meeting, mark_present, open_poll, submitted_motion, vote

from .factories import publish_outcome

# Every feed reads the whole public record: consultations in every state and
# area, in four languages, outcomes and resolutions (``public_site``).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

FEEDS = ["consultations", "consultations/education", "outcomes", "resolutions"]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def parse(client, url):
    feed = feedparser.parse(fetch(client, url).content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def links(feed):
    return {entry.link for entry in feed.entries}


def absolute(page):
    return "http://testserver" + page.url


def expected_links(pages):
    return {absolute(page) for page in pages}


def public_polish_consultations(**filters):
    return ConsultationPage.objects.live().public().filter(locale__language_code="pl", **filters)


def open_consultation(**fields):
    return make_consultation(opens_at=NOW - DAY, closes_at=NOW + 10 * DAY, **fields)


def closed_consultation(**fields):
    return make_consultation(opens_at=NOW - 20 * DAY, closes_at=NOW - DAY, **fields)


# --- every feed -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
@pytest.mark.parametrize("feed", FEEDS)
@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_every_feed_parses_without_errors_in_every_language(client, language, feed, kind):
    parsed = parse(client, f"/{language}/feeds/{feed}.{kind}")
    assert parsed.version == ("atom10" if kind == "atom" else "rss20")
    assert parsed.feed.language == language


def test_atom_feed_is_served_as_atom(client):
    response = fetch(client, "/pl/feeds/consultations.atom")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"


def test_rss_feed_is_served_as_rss(client):
    response = fetch(client, "/pl/feeds/consultations.rss")
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"


def test_feed_links_are_absolute_on_the_requests_host(client):
    feed = parse(client, "/en/feeds/consultations.atom")
    assert feed.feed.link == "http://testserver/en/consultations/"
    assert feed.entries
    assert all(entry.link.startswith("http://testserver/") for entry in feed.entries)


def test_feed_author_is_the_council_in_the_feeds_language(client):
    feed = parse(client, "/pl/feeds/consultations.atom")
    assert feed.feed.author == "Rada Imigrantów i Imigrantek w Gdańsku"


# --- consultations ---------------------------------------------------------------------


def test_consultation_feed_lists_exactly_the_live_public_consultations(client):
    open_consultation(title="Nowe konsultacje")
    feed = parse(client, "/pl/feeds/consultations.atom")
    assert links(feed) == expected_links(public_polish_consultations())


def test_draft_consultation_is_not_in_the_feed(client):
    draft = open_consultation(title="Szkic, którego nie widać", publish=False, live=False)
    content = fetch(client, "/pl/feeds/consultations.atom").content.decode()
    assert "Szkic, którego nie widać" not in content
    assert f"/{draft.slug}/" not in content


def test_unpublished_consultation_leaves_the_feed(client):
    consultation = open_consultation(title="Wycofane konsultacje")
    consultation.unpublish()
    feed = parse(client, "/pl/feeds/consultations.rss")
    assert "Wycofane konsultacje" not in {entry.title for entry in feed.entries}


def test_private_consultation_is_not_in_the_feed(client):
    consultation = open_consultation(title="Tylko dla urzędników")
    PageViewRestriction.objects.create(page=consultation, restriction_type="password", password="secret")
    feed = parse(client, "/pl/feeds/consultations.atom")
    assert "Tylko dla urzędników" not in {entry.title for entry in feed.entries}


def test_consultation_entry_dates_are_its_publication_dates(client):
    consultation = open_consultation(title="Daty w kanale")
    feed = parse(client, "/pl/feeds/consultations.atom")
    entry = next(entry for entry in feed.entries if entry.title == "Daty w kanale")
    assert entry.published == consultation.first_published_at.isoformat()
    assert entry.updated == consultation.last_published_at.isoformat()


def test_consultation_entry_describes_its_dates_and_summary(client):
    open_consultation(title="Opis w kanale", intro="Krótki wstęp.")
    feed = parse(client, "/pl/feeds/consultations.rss")
    entry = next(entry for entry in feed.entries if entry.title == "Opis w kanale")
    assert "Krótki wstęp." in entry.summary
    assert "Krótko o konsultacji." in entry.summary


def test_translated_consultation_appears_in_the_feeds_language(client, locales):
    polish = open_consultation(title="Lekcje polskiego w szkołach")
    english = polish.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Polish lessons at school"
    english.save_revision().publish()
    feed = parse(client, "/en/feeds/consultations.atom")
    titles = {entry.title for entry in feed.entries}
    assert "Polish lessons at school" in titles
    assert "Lekcje polskiego w szkołach" not in titles
    entry = next(entry for entry in feed.entries if entry.title == "Polish lessons at school")
    assert entry.link == absolute(ConsultationPage.objects.get(pk=english.pk))


def test_untranslated_consultation_is_listed_in_its_own_language_and_marked_so(client):
    open_consultation(title="Tylko po polsku")
    feed = parse(client, "/uk/feeds/consultations.atom")
    entry = next(entry for entry in feed.entries if entry.title == "Tylko po polsku")
    assert entry.title_detail.language == "pl"
    assert "/pl/" in entry.link


def test_each_consultation_is_listed_once_per_feed(client, locales):
    polish = open_consultation(title="Raz w kanale")
    polish.copy_for_translation(locales["en"], copy_parents=True).save_revision().publish()
    feed = parse(client, "/en/feeds/consultations.atom")
    ids = [entry.id for entry in feed.entries]
    assert len(ids) == len(set(ids))
    assert len(ids) == len(set(public_consultation_keys()))


def public_consultation_keys():
    return ConsultationPage.objects.live().public().values_list("translation_key", flat=True).distinct()


def test_entry_id_survives_a_new_title_and_slug(client):
    consultation = open_consultation(title="Przed zmianą")
    before = next(e.id for e in parse(client, "/pl/feeds/consultations.atom").entries if e.title == "Przed zmianą")
    consultation.title = "Po zmianie"
    consultation.slug = "po-zmianie"
    consultation.save_revision().publish()
    after = next(e.id for e in parse(client, "/pl/feeds/consultations.atom").entries if e.title == "Po zmianie")
    assert after == before
    assert after.startswith("urn:uuid:")


def test_titles_with_markup_characters_arrive_as_written(client):
    open_consultation(title="Kultura & sztuka <na żywo>")
    feed = parse(client, "/pl/feeds/consultations.atom")
    assert "Kultura & sztuka <na żywo>" in {entry.title for entry in feed.entries}


def test_consultation_contact_details_are_not_in_the_feed(client):
    open_consultation(
        title="Z kontaktem",
        contact_name="Anna Urzędniczka",
        contact_email="anna@gdansk.example",
        contact_phone="+48 58 1",
    )
    content = fetch(client, "/pl/feeds/consultations.atom").content.decode()
    assert "Z kontaktem" in content
    assert "anna@gdansk.example" not in content
    assert "Anna Urzędniczka" not in content


# --- per area --------------------------------------------------------------------------


def test_area_feed_holds_exactly_that_areas_consultations(client):
    open_consultation(title="Mieszkania dla rodzin", areas=["housing"])
    open_consultation(title="Szkoły dla rodzin", areas=["education"])
    feed = parse(client, "/pl/feeds/consultations/housing.atom")
    assert links(feed) == expected_links(public_polish_consultations(areas__code="housing"))
    assert "Szkoły dla rodzin" not in {entry.title for entry in feed.entries}
    assert all("Mieszkalnictwo" in {tag.term for tag in entry.tags} for entry in feed.entries)


def test_area_feed_links_to_the_area_page(client):
    feed = parse(client, "/en/feeds/consultations/housing.rss")
    assert feed.feed.link == "http://testserver/en/model/housing/"


def test_unknown_area_has_no_feed(client):
    assert client.get("/pl/feeds/consultations/astrology.atom").status_code == 404


# --- outcomes ---------------------------------------------------------------------------


def test_outcome_feed_lists_exactly_the_published_outcomes(client):
    publish_outcome(closed_consultation(title="Zamknięte z wynikiem"))
    feed = parse(client, "/pl/feeds/outcomes.atom")
    published = OutcomePage.objects.live().public().filter(locale__language_code="pl")
    assert links(feed) == expected_links(published)
    assert "Zamknięte z wynikiem" in " ".join(entry.title for entry in feed.entries)


def test_draft_outcome_is_not_in_the_outcome_feed(client):
    draft = publish_outcome(closed_consultation(title="Wynik w szkicu"), publish=False)
    feed = parse(client, "/pl/feeds/outcomes.atom")
    assert absolute(draft) not in links(feed)
    assert "Wynik w szkicu" not in " ".join(entry.title for entry in feed.entries)


def test_outcome_entry_says_what_was_heard_and_changed(client):
    publish_outcome(closed_consultation(title="Co usłyszeliśmy"))
    feed = parse(client, "/pl/feeds/outcomes.rss")
    entry = next(entry for entry in feed.entries if "Co usłyszeliśmy" in entry.title)
    assert "Usłyszeliśmy &amp; zmieniliśmy." in entry.summary
    assert "Zmiany." in entry.summary


def test_no_comment_author_or_email_reaches_any_feed(client):
    author = UserFactory(display_name="Olena Komentująca", email="olena.private@example.net")
    consultation = make_consultation(opens_at=NOW - 20 * DAY, closes_at=NOW + DAY, title="Z komentarzami")
    shown = services.comment_post(consultation=consultation, author=author, text="Widoczny komentarz", language="uk")
    hidden = services.comment_post(consultation=consultation, author=author, text="Ukryty komentarz", language="uk")
    services.comment_hide(comment=hidden, moderator=moderator(), reason="Spam")
    ConsultationPage.objects.filter(pk=consultation.pk).update(closes_at=NOW - DAY)
    consultation.refresh_from_db()
    answer = OutcomeAnswer(comment=shown, status="accepted", justification="Przyjmujemy uwagę.")
    publish_outcome(consultation, answers=[answer])
    for language in ("pl", "uk"):
        for feed in FEEDS:
            for kind in ("atom", "rss"):
                content = fetch(client, f"/{language}/feeds/{feed}.{kind}").content.decode()
                for secret in ("Widoczny komentarz", "Ukryty komentarz", "Olena Komentująca", "olena.private"):
                    assert secret not in content, (feed, secret)
                assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", content), feed


# --- resolutions -------------------------------------------------------------------------


def test_resolution_feed_lists_every_resolution(client):
    feed = parse(client, "/en/feeds/resolutions.atom")
    expected = {
        f"http://testserver/en/council/resolutions/{pk}/" for pk in Resolution.objects.values_list("pk", flat=True)
    }
    assert expected
    assert links(feed) == expected


def test_resolution_is_dated_when_the_vote_that_adopted_it_closed(client):
    resolution = Resolution.objects.select_related("poll").order_by("-adopted_on").first()
    feed = parse(client, "/pl/feeds/resolutions.atom")
    entry = next(e for e in feed.entries if e.link.endswith(f"/resolutions/{resolution.pk}/"))
    assert entry.published == resolution.poll.closed_at.isoformat()


def test_resolution_entry_is_marked_with_the_language_it_was_written_in(client):
    feed = parse(client, "/uk/feeds/resolutions.atom")
    languages = dict(Resolution.objects.values_list("pk", "language"))
    for entry in feed.entries:
        pk = int(entry.link.rstrip("/").rsplit("/", 1)[1])
        assert entry.title_detail.language == languages[pk]


def test_resolution_entry_names_no_submitter(client):
    resolution = Resolution.objects.select_related("motion__submitter").first()
    submitter = resolution.motion.submitter
    content = fetch(client, "/pl/feeds/resolutions.rss").content.decode()
    assert submitter.email not in content
    assert submitter.public_name not in content


# --- query counts ------------------------------------------------------------------------


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        fetch(client, url)
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/pl/feeds/consultations.atom", "/en/feeds/consultations/health.rss"])
def test_consultation_feed_queries_do_not_grow_with_consultations(client, url, django_assert_max_num_queries):
    baseline = queries_for(client, url)
    for number in range(8):
        open_consultation(title=f"Konsultacje {number}", areas=["health", "work"])
    with django_assert_max_num_queries(baseline):
        response = fetch(client, url)
    assert len(feedparser.parse(response.content).entries) >= 8


def test_outcome_feed_queries_do_not_grow_with_outcomes(client, django_assert_max_num_queries):
    url = "/pl/feeds/outcomes.atom"
    baseline = queries_for(client, url)
    for number in range(5):
        publish_outcome(closed_consultation(title=f"Wynik {number}", areas=["culture"]))
    with django_assert_max_num_queries(baseline):
        response = fetch(client, url)
    assert len(feedparser.parse(response.content).entries) >= 5


def test_resolution_feed_queries_do_not_grow_with_resolutions(client, django_assert_max_num_queries):
    url = "/pl/feeds/resolutions.atom"
    baseline = queries_for(client, url)
    council = build_council()
    for number in range(3):
        motion = submitted_motion(council, title=f"Wniosek {number}")
        meeting = build_meeting(council, motion=motion, number=number + 1)
        mark_present(council, meeting)
        poll = open_poll(council, meeting, on_motion=True, item=meeting.agenda_items.get(motion=motion))
        for key in council.people:
            vote(council, poll, key, "yes")
        council_services.poll_close(poll=poll, user=council.chair)
    with django_assert_max_num_queries(baseline):
        response = fetch(client, url)
    assert {f"Wniosek {n}" for n in range(3)} <= {
        e.title.split(": ", 1)[1] for e in feedparser.parse(response.content).entries
    }


# --- advertised in the pages' heads ------------------------------------------------------


def alternate_feeds(html):
    head = html.split("</head>", 1)[0]
    return {
        (match["type"], match["href"])
        for match in re.finditer(
            r'<link rel="alternate" type="(?P<type>application/(?:atom|rss)\+xml)" '
            r'title="[^"]*" href="(?P<href>[^"]+)">',
            head,
        )
    }


@pytest.mark.parametrize("path", ["/pl/", "/en/consultations/", "/uk/council/", "/ru/council/resolutions/"])
def test_page_heads_advertise_the_feeds_in_the_pages_language(client, path):
    language = path.split("/")[1]
    advertised = alternate_feeds(fetch(client, path).content.decode())
    for name in ("consultations", "outcomes", "resolutions"):
        assert ("application/atom+xml", f"/{language}/feeds/{name}.atom") in advertised
        assert ("application/rss+xml", f"/{language}/feeds/{name}.rss") in advertised


def test_area_page_advertises_its_area_feed(client):
    advertised = alternate_feeds(fetch(client, "/en/model/health/").content.decode())
    assert ("application/atom+xml", "/en/feeds/consultations/health.atom") in advertised
    assert ("application/rss+xml", "/en/feeds/consultations/health.rss") in advertised


def test_pages_outside_an_area_advertise_no_area_feed(client):
    advertised = alternate_feeds(fetch(client, "/en/consultations/").content.decode())
    assert not any("/feeds/consultations/" in href for _type, href in advertised)


def test_every_advertised_feed_answers(client):
    for _type, href in alternate_feeds(fetch(client, "/pl/model/work/").content.decode()):
        parse(client, href)
