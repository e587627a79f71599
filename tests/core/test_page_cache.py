"""The anonymous page cache (core/pagecache.py): what it serves, what it never
stores, and that every kind of write shows on the very next request."""

import datetime
import re

import pytest
from csp.constants import NONCE
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import Client, RequestFactory
from django.utils import timezone, translation

from config.middleware import ContentSecurityPolicyMiddleware, LocaleMiddleware
from consultations import services as consultation_services
from consultations.models import Comment
from core import pagecache
from council import services as council_services
from tests.accounts.factories import UserFactory, moderator
from tests.cms import factories as cms_factories
from tests.consultations.factories import make_comment, make_consultation, make_proposal
from tests.council.factories import build_council, build_meeting, draft_poll
from tests.translators.factories import make_translator
from translators import services as translator_services

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def state(response):
    return response.get(pagecache.HEADER)


def served_twice(client, url, **headers):
    """The second of two identical requests, which the cache answers."""
    first = client.get(url, headers=headers)
    assert first.status_code == 200, url
    assert state(first) == "miss", url
    second = client.get(url, headers=headers)
    assert state(second) == "hit", url
    assert second.content == first.content
    return second


@pytest.fixture
def consultation(db):
    return make_consultation(title="Lekcje polskiego", allow_proposals=True)


@pytest.fixture
def page_url(consultation):
    return consultation.url


# --- serving ---------------------------------------------------------------------------


def test_second_anonymous_request_is_served_from_the_cache(client, page_url):
    served_twice(client, page_url)


def test_a_cached_hit_makes_no_database_query(client, page_url, django_assert_num_queries, settings):
    settings.PAGE_CACHE_SECONDS = 600  # query-counting tests turn the cache off (tests/conftest.py)
    client.get(page_url)
    with django_assert_num_queries(0):
        response = client.get(page_url)
    assert state(response) == "hit"


def test_a_hit_from_another_process_comes_from_the_shared_cache(client, page_url):
    client.get(page_url)
    pagecache.local_entries.clear()
    assert state(client.get(page_url)) == "hit"


def test_head_is_answered_from_the_cache_without_a_body(client, page_url):
    full = client.get(page_url)
    response = client.head(page_url)
    assert state(response) == "hit"
    assert response.content == b""
    assert response["Content-Length"] == str(len(full.content))


def test_head_alone_stores_nothing(client, page_url):
    client.head(page_url)
    assert state(client.get(page_url)) == "miss"


def test_a_matching_etag_is_answered_304(client, page_url):
    etag = client.get(page_url)["ETag"]
    response = client.get(page_url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""


def test_a_stored_page_asks_browsers_to_revalidate_and_varies_on_cookie(client, page_url):
    response = client.get(page_url)
    assert response["Cache-Control"] == "no-cache"
    assert "Cookie" in response["Vary"]


def test_each_query_string_is_its_own_entry(client, consultation):
    index = consultation.get_parent().url
    client.get(index)
    assert state(client.get(index + "?area=education")) == "miss"
    assert state(client.get(index + "?area=education")) == "hit"


def test_a_404_is_never_stored(client):
    assert client.get("/pl/no-such-page/").status_code == 404
    response = client.get("/pl/no-such-page/")
    assert response.status_code == 404
    assert state(response) is None


def test_the_admin_and_its_preview_are_never_cached(client, consultation):
    for url in ("/admin/login/", f"/admin/pages/{consultation.pk}/edit/preview/"):
        client.get(url)
        assert state(client.get(url)) is None


def test_account_pages_are_never_cached(client):
    client.get("/pl/accounts/login/")
    assert state(client.get("/pl/accounts/login/")) is None


def test_an_api_list_is_cached_with_its_etag(client, consultation):
    response = served_twice(client, "/api/v1/consultations/")
    assert response["ETag"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_cache_is_off_when_page_cache_seconds_is_zero(client, page_url, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(page_url)
    assert state(client.get(page_url)) is None


def test_without_a_generation_nothing_is_cached(client, page_url, monkeypatch):
    monkeypatch.setattr(pagecache, "generation", lambda: None)  # the cache unreachable
    client.get(page_url)
    assert state(client.get(page_url)) is None


# --- languages -------------------------------------------------------------------------


def test_the_same_page_in_two_languages_is_two_entries(client, consultation):
    cms_factories.translate(consultation.get_parent(), "uk", title="Консультації")
    polish = client.get("/pl/consultations/")
    ukrainian = client.get("/uk/consultations/")
    assert (state(polish), state(ukrainian)) == ("miss", "miss")
    assert '<html lang="pl"' in polish.content.decode()
    assert '<html lang="uk"' in ukrainian.content.decode()
    assert '<html lang="uk"' in client.get("/uk/consultations/").content.decode()
    assert '<html lang="pl"' in client.get("/pl/consultations/").content.decode()


def test_an_unprefixed_api_list_is_kept_per_accepted_language(client, consultation):
    client.get("/api/v1/consultations/", headers={"Accept-Language": "pl"})
    response = client.get("/api/v1/consultations/", headers={"Accept-Language": "uk"})
    assert state(response) == "miss"


def test_the_language_switcher_links_the_page_in_each_language(client, consultation):
    cms_factories.translate(consultation.get_parent(), "uk", title="Консультації")
    client.get("/uk/consultations/")
    cached = client.get("/uk/consultations/").content.decode()
    fresh = Client().get("/pl/consultations/").content.decode()
    assert 'href="/pl/consultations/"' in cached
    assert 'href="/uk/consultations/"' in fresh


# --- never a personal byte ---------------------------------------------------------------


def test_a_signed_in_readers_page_is_neither_stored_nor_served(client, page_url):
    anonymous = Client()
    anonymous.get(page_url)  # stored
    olena = UserFactory(display_name="Olena Kowalenko")
    client.force_login(olena)
    response = client.get(page_url)
    assert state(response) is None
    assert "Olena Kowalenko" in response.content.decode()


def test_two_signed_in_readers_never_see_each_others_page(page_url):
    olena, pedro = UserFactory(display_name="Olena Kowalenko"), UserFactory(display_name="Pedro Alvarez")
    first, second = Client(), Client()
    first.force_login(olena)
    second.force_login(pedro)
    first.get(page_url)
    for _ in range(2):
        page = second.get(page_url).content.decode()
        assert "Pedro Alvarez" in page
        assert "Olena Kowalenko" not in page


def test_an_anonymous_reader_after_a_signed_in_one_gets_the_anonymous_page(page_url):
    olena = UserFactory(display_name="Olena Kowalenko")
    signed_in = Client()
    signed_in.force_login(olena)
    signed_in.get(page_url)
    signed_in.get(page_url)
    response = Client().get(page_url)
    assert state(response) == "miss"
    assert "Olena Kowalenko" not in response.content.decode()
    assert 'name="csrfmiddlewaretoken"' not in response.content.decode()


def test_a_reader_with_messages_is_rendered_and_their_page_not_stored(client, page_url):
    client.get(page_url)  # stored without messages
    reader = Client()
    storage = CookieStorage(RequestFactory().get("/"))
    reader.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Your private note")])
    response = reader.get(page_url)
    assert state(response) is None
    assert "Your private note" in response.content.decode()
    assert "Your private note" not in Client().get(page_url).content.decode()


def test_a_page_that_showed_a_message_is_not_storable():
    request = RequestFactory().get("/pl/")
    request._messages = CookieStorage(request)
    request._messages.add(constants.INFO, "Saved.")
    assert not pagecache._storable(request, HttpResponse("Saved."))


def test_a_response_setting_a_cookie_is_not_storable():
    response = HttpResponse("page")
    response.set_cookie("csrftoken", "secret")
    assert not pagecache._storable(RequestFactory().get("/pl/"), response)


def test_a_page_with_a_csrf_token_in_a_form_is_not_storable():
    request = RequestFactory().get("/pl/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not pagecache._storable(request, HttpResponse("<form>"))


@pytest.mark.parametrize("cache_control", ["private", "no-store", "no-cache, no-store, must-revalidate, private"])
def test_a_private_response_is_not_storable(cache_control):
    response = HttpResponse("page", headers={"Cache-Control": cache_control})
    assert not pagecache._storable(RequestFactory().get("/pl/"), response)


def test_a_response_varying_on_the_cookie_or_an_unkeyed_header_is_not_storable():
    for vary in ("Cookie", "User-Agent"):
        response = HttpResponse("page", headers={"Vary": vary})
        assert not pagecache._storable(RequestFactory().get("/pl/"), response)


def test_a_session_that_holds_something_is_not_storable():
    request = RequestFactory().get("/pl/")
    request.session = SessionStore()
    request.session["cart"] = 1
    assert not pagecache._storable(request, HttpResponse("page"))


def test_a_signed_in_user_is_not_storable():
    request = RequestFactory().get("/pl/")
    request._cached_user = UserFactory()
    assert not pagecache._storable(request, HttpResponse("page"))


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_request_with_a_session_or_messages_cookie_is_not_answered_from_the_cache(cookie, settings):
    request = RequestFactory().get("/pl/")
    request.COOKIES[settings.SESSION_COOKIE_NAME if cookie == "sessionid" else cookie] = "x"
    assert not pagecache.cacheable_request(request)


def test_a_request_with_credentials_is_not_answered_from_the_cache():
    assert not pagecache.cacheable_request(RequestFactory().get("/api/v1/consultations/", HTTP_AUTHORIZATION="Basic x"))


def test_a_post_is_never_answered_from_the_cache():
    assert not pagecache.cacheable_request(RequestFactory().post("/pl/"))


def test_the_comment_form_asks_an_anonymous_reader_to_sign_in(client, page_url):
    page = served_twice(client, page_url).content.decode()
    assert "csrfmiddlewaretoken" not in page
    assert "/accounts/login/" in page


def test_a_cached_page_keeps_the_sites_content_security_policy_without_a_nonce(client, page_url):
    fresh = client.get(page_url)
    cached = client.get(page_url)
    assert cached["Content-Security-Policy"] == fresh["Content-Security-Policy"]
    assert "nonce-" not in cached["Content-Security-Policy"]
    assert "nonce" not in cached.content.decode()


# --- exact invalidation: every write shows on the next request -------------------------------


def changed(client, url, write, expected, *, absent=False):
    """Stores ``url``, runs ``write``, and returns the next answer, checked to hold
    (or, with ``absent``, no longer hold) ``expected``."""
    served_twice(client, url)
    write()
    response = client.get(url)
    assert state(response) == "miss"
    text = response.content.decode()
    assert (expected not in text) if absent else (expected in text)
    return response


def test_a_new_comment_shows_on_the_next_request(client, consultation, page_url):
    author = UserFactory()
    changed(
        client,
        page_url,
        lambda: consultation_services.comment_post(
            consultation=consultation, author=author, text="Brakuje kursów wieczornych.", language="pl"
        ),
        "Brakuje kursów wieczornych.",
    )


def test_an_edited_comment_shows_on_the_next_request(client, consultation, page_url):
    author = UserFactory()
    comment = consultation_services.comment_post(
        consultation=consultation, author=author, text="Pierwsza wersja.", language="pl"
    )
    changed(
        client,
        page_url,
        lambda: consultation_services.comment_edit(comment=comment, user=author, text="Druga wersja."),
        "Druga wersja.",
    )


def test_a_hidden_comment_disappears_on_the_next_request(client, consultation, page_url):
    comment = make_comment(consultation, text="Komentarz do ukrycia.")
    changed(
        client,
        page_url,
        lambda: consultation_services.comment_hide(comment=comment, moderator=moderator(), reason="Spam."),
        "Komentarz do ukrycia.",
        absent=True,
    )


def test_a_rating_shows_on_the_next_request(client, consultation, page_url):
    comment = make_comment(consultation, age=datetime.timedelta(minutes=1))
    before = served_twice(client, page_url).content
    consultation_services.comment_rate(comment=comment, user=UserFactory(), rating="up")
    after = client.get(page_url)
    assert state(after) == "miss"
    assert after.content != before


def test_a_support_shows_on_the_next_request(client, consultation, page_url):
    proposal = make_proposal(consultation, age=datetime.timedelta(minutes=1))
    before = served_twice(client, page_url).content
    consultation_services.proposal_support(proposal=proposal, user=UserFactory())
    after = client.get(page_url)
    assert state(after) == "miss"
    assert after.content != before


def test_a_translation_of_a_comment_shows_on_the_next_request(client, consultation, page_url):
    comment = make_comment(consultation, text="Потрібні курси.", language="uk")
    translator = make_translator(pairs=(("uk", "pl"),))
    changed(
        client,
        page_url,
        lambda: translator_services.translation_submit(
            item=comment, translator=translator.user, language="pl", text="Potrzebne są kursy (przekład)."
        ),
        "Potrzebne są kursy (przekład).",
    )


def test_a_write_that_bypasses_signals_shows_on_the_next_request(client, consultation, page_url):
    comment = make_comment(consultation, text="Przed zmianą.")
    changed(
        client,
        page_url,
        lambda: Comment.objects.filter(pk=comment.pk).update(text="Po zmianie przez update()."),
        "Po zmianie przez update().",
    )


def test_a_raw_sql_write_shows_on_the_next_request(client, consultation, page_url):
    comment = make_comment(consultation, text="Przed zmianą.")

    def write():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE consultations_comment SET text = %s WHERE id = %s", ["Z surowego SQL.", comment.pk])

    changed(client, page_url, write, "Z surowego SQL.")


def test_unpublishing_a_page_shows_on_the_next_request(client, consultation, page_url):
    served_twice(client, page_url)
    consultation.unpublish()
    assert client.get(page_url).status_code == 404


def test_publishing_a_page_shows_on_the_next_request(client, consultation):
    index = consultation.get_parent().url
    changed(client, index, lambda: make_consultation(title="Mieszkania dla rodzin", slug="mieszkania"), "Mieszkania")


def test_a_draft_revision_does_not_reach_the_public_page(client, consultation, page_url):
    served_twice(client, page_url)
    consultation.title = "Tytuł roboczy"
    consultation.save_revision()
    assert "Tytuł roboczy" not in client.get(page_url).content.decode()


def test_a_poll_opening_shows_on_the_meeting_page(client):
    council = build_council(members=2)
    meeting = build_meeting(council)
    poll = draft_poll(council, meeting, question="Czy przyjmujemy porządek obrad?")
    url = f"/pl/council/meetings/{meeting.pk}/"
    changed(
        client,
        url,
        lambda: council_services.poll_open(poll=poll, user=council.chair),
        "Czy przyjmujemy porządek obrad?",
    )


def test_a_meeting_change_shows_on_the_meeting_page(client):
    council = build_council(members=2)
    meeting = build_meeting(council, start=False)
    url = f"/pl/council/meetings/{meeting.pk}/"
    changed(client, url, lambda: type(meeting).objects.filter(pk=meeting.pk).update(place="Sala 999"), "Sala 999")


def test_a_new_consultation_shows_in_the_api_list(client, consultation):
    served_twice(client, "/api/v1/consultations/")
    make_consultation(title="Transport nocny", slug="transport")
    response = client.get("/api/v1/consultations/")
    assert state(response) == "miss"
    assert "Transport nocny" in response.content.decode()


# --- the clock ------------------------------------------------------------------------------


def test_a_page_stored_before_a_consultation_closes_is_not_served_after(client, monkeypatch):
    closes_at = timezone.now() + HOUR
    consultation = make_consultation(closes_at=closes_at)
    served_twice(client, consultation.url)
    later = closes_at.timestamp() + 1
    monkeypatch.setattr(pagecache, "_clock", lambda: later)
    assert state(client.get(consultation.url)) != "hit"


def test_the_next_moment_is_the_first_registered_one_or_midnight():
    now = timezone.now()
    make_consultation(opens_at=now - HOUR, closes_at=now + datetime.timedelta(minutes=5))
    assert pagecache.next_moment(now) == pytest.approx((now + datetime.timedelta(minutes=5)).timestamp())
    tomorrow = timezone.localtime(now).date() + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
    assert pagecache.next_moment(now + datetime.timedelta(minutes=10)) <= midnight.timestamp()


# --- what counts as a write ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "write"),
    [
        ("SELECT 1", False),
        ('  select "x" FROM y', False),
        ('SAVEPOINT "s1"', False),
        ('INSERT INTO "consultations_comment" ("text") VALUES (%s)', True),
        ('UPDATE "council_poll" SET "state" = %s', True),
        ('DELETE FROM "wagtailcore_page" WHERE id = 1', True),
        ('UPDATE "django_session" SET "session_data" = %s', False),
        ('INSERT INTO "django_tasks_database_dbtaskresult" ("id") VALUES (%s)', False),
        ('ALTER TABLE "x" ADD COLUMN "y" int', True),
        ("TRUNCATE consultations_comment", True),
    ],
)
def test_what_counts_as_a_write(sql, write):
    assert pagecache._is_write(sql) is write


def test_a_session_write_keeps_the_cache(client, page_url):
    served_twice(client, page_url)
    session = SessionStore()
    session["anything"] = 1
    session.save()
    assert state(client.get(page_url)) == "hit"


@pytest.mark.django_db(transaction=True)
def test_a_transaction_bumps_at_its_first_write_and_again_after_its_commit(monkeypatch):
    bumps = []
    monkeypatch.setattr(pagecache, "bump", lambda: bumps.append("bump"))
    with transaction.atomic():
        UserFactory()
        UserFactory()
        assert len(bumps) == 1
    assert len(bumps) == 2


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_bumps_once(monkeypatch):
    bumps = []
    monkeypatch.setattr(pagecache, "bump", lambda: bumps.append("bump"))
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        UserFactory()
        1 / 0  # noqa: B018
    assert len(bumps) == 1


def test_inside_a_test_case_writes_bump_only_once_the_generation_was_read(client, page_url):
    """A test's world is written before its first request: those writes need no new
    generation, since nothing this process kept can be older than them."""

    def counter():
        return cache.get(pagecache.GENERATION_KEY)

    client.get(page_url)
    UserFactory()  # the first write after the look-up
    generation = counter()
    UserFactory()
    assert counter() == generation
    client.get(page_url)
    UserFactory()
    UserFactory()
    assert counter() == generation + 1
    assert state(client.get(page_url)) == "miss"
    UserFactory()
    assert counter() == generation + 2


@pytest.mark.django_db(transaction=True)
def test_a_page_rendered_inside_an_open_transaction_is_not_storable():
    with transaction.atomic():
        assert not pagecache._storable(RequestFactory().get("/pl/"), HttpResponse("page"))
    assert pagecache._storable(RequestFactory().get("/pl/"), HttpResponse("page"))


def test_the_site_and_the_admin_keep_their_own_content_security_policies(client):
    for _ in range(2):  # built once per kind of path, then reused
        site = client.get("/pl/no-such-page/")["Content-Security-Policy"]
        admin = client.get("/admin/login/")["Content-Security-Policy"]
        assert "'unsafe-inline'" in admin
        assert "'unsafe-inline'" not in site
        assert "frame-ancestors 'none'" in site


# --- a hit answers first, before every other middleware ------------------------------------------


def headers_of(response):
    return {name: value for name, value in response.items() if name != pagecache.HEADER}


@pytest.mark.parametrize("kind", ["page", "api"])
def test_a_hit_carries_exactly_the_headers_of_the_miss(client, page_url, kind):
    url = page_url if kind == "page" else "/api/v1/consultations/"
    miss = client.get(url)
    hit = client.get(url)
    assert (state(miss), state(hit)) == ("miss", "hit")
    assert headers_of(hit) == headers_of(miss)
    for name in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert hit[name], name
    assert "Cross-Origin-Opener-Policy" in hit


def test_a_hit_over_https_carries_hsts_and_one_over_http_does_not(client, page_url, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    client.get(page_url, secure=True)
    secure = client.get(page_url, secure=True)
    client.get(page_url)
    plain = client.get(page_url)
    assert (state(secure), state(plain)) == ("hit", "hit")
    assert secure["Strict-Transport-Security"] == "max-age=3600"
    assert "Strict-Transport-Security" not in plain


def test_a_plain_http_request_is_still_redirected_when_https_is_required(client, page_url, settings):
    settings.SECURE_SSL_REDIRECT = True
    client.get(page_url, secure=True)
    assert state(client.get(page_url, secure=True)) == "hit"
    response = client.get(page_url)
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_a_304_carries_the_sites_security_headers(client, page_url):
    full = client.get(page_url)
    response = client.get(page_url, headers={"If-None-Match": full["ETag"]})
    assert response.status_code == 304
    for name in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "ETag", "Vary"):
        assert response[name] == full[name], name


def test_a_change_of_a_header_setting_starts_a_new_cache(client, page_url, settings):
    served_twice(client, page_url)
    settings.PERMISSIONS_POLICY = "camera=()"
    response = client.get(page_url)
    assert state(response) == "miss"
    assert response["Permissions-Policy"] == "camera=()"


def test_a_reader_with_a_session_cookie_is_never_answered_from_the_cache(client, page_url, settings):
    served_twice(client, page_url)
    reader = Client()
    reader.cookies[settings.SESSION_COOKIE_NAME] = "not-a-session"
    assert state(reader.get(page_url)) is None


def test_a_host_that_is_not_allowed_is_refused_even_when_its_path_is_stored(client, page_url, settings):
    served_twice(client, page_url)
    settings.ALLOWED_HOSTS = ["testserver"]
    assert client.get(page_url, headers={"Host": "evil.example"}).status_code == 400


def test_a_refused_user_agent_is_refused_even_when_the_page_is_stored(client, page_url, settings):
    served_twice(client, page_url, **{"User-Agent": "Reader"})
    settings.DISALLOWED_USER_AGENTS = [re.compile("BadBot")]
    assert client.get(page_url, headers={"User-Agent": "BadBot/1.0"}).status_code == 403


def test_static_files_are_served_by_whitenoise_never_by_the_cache(client):
    for _ in range(2):
        response = client.get("/static/css/rada.css")
        assert response.status_code == 200
        assert state(response) is None


# The inner half of the stack with a view of a test's own: the cache first, then the
# middleware that the cache answers before (CSP, the session, the language), then its check.
def stack(view):
    inner = LocaleMiddleware(pagecache.AnonymousCheckMiddleware(view))
    return pagecache.PageCacheMiddleware(ContentSecurityPolicyMiddleware(SessionMiddleware(inner)))


def nonce_page(request):
    return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")


def test_a_page_whose_csp_carries_a_nonce_is_never_stored(settings):
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**directives, "script-src": ["'self'", NONCE]}}
    serve = stack(nonce_page)
    first = serve(RequestFactory().get("/pl/with-a-nonce/"))
    second = serve(RequestFactory().get("/pl/with-a-nonce/"))
    assert (state(first), state(second)) == (None, None)
    assert "'nonce-" in second["Content-Security-Policy"]
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]
    assert first.content != second.content


def test_a_page_that_made_a_nonce_is_never_stored_even_when_the_policy_names_none():
    serve = stack(nonce_page)
    first = serve(RequestFactory().get("/pl/with-a-nonce/"))
    second = serve(RequestFactory().get("/pl/with-a-nonce/"))
    assert (state(first), state(second)) == (None, None)
    assert first.content != second.content


def test_the_same_page_without_a_nonce_is_stored():
    serve = stack(lambda request: HttpResponse("<p>no script</p>"))
    serve(RequestFactory().get("/pl/without-a-nonce/"))
    assert state(serve(RequestFactory().get("/pl/without-a-nonce/"))) == "hit"


def test_two_languages_on_an_unprefixed_url_never_swap(settings):
    serve = stack(lambda request: HttpResponse(translation.get_language()))

    def ask(language=None, cookie=None):
        request = RequestFactory().get("/api/v1/language/", HTTP_ACCEPT_LANGUAGE=language or "")
        if cookie:
            request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = cookie
        return serve(request).content.decode()

    for _ in range(2):  # the second round is answered from the cache
        assert ask("uk") == "uk"
        assert ask("pl") == "pl"
        assert ask("uk", cookie="ru") == "ru"
        assert ask("en;q=0.5, uk") == "uk"


def test_an_answer_in_another_language_than_the_keys_is_not_stored(monkeypatch):
    monkeypatch.setattr(pagecache, "_language", lambda request: "en")  # the cache guesses wrong
    serve = stack(lambda request: HttpResponse(translation.get_language()))
    serve(RequestFactory().get("/uk/some-page/"))
    assert state(serve(RequestFactory().get("/uk/some-page/"))) is None


def test_a_hit_runs_no_other_middleware(client, page_url, monkeypatch):
    served_twice(client, page_url)
    ran = []
    for middleware in (SecurityMiddleware, LocaleMiddleware, pagecache.AnonymousCheckMiddleware):
        monkeypatch.setattr(middleware, "__call__", lambda self, request, name=middleware.__name__: ran.append(name))
    assert state(client.get(page_url)) == "hit"
    assert ran == []
