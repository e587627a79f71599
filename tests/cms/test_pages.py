import re

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from cms.models import IntegrationModelPage, NewsPage, ThematicAreaPage
from core.areas import Area
from core.pages import RadaPage
from tests.cms import factories
from tests.consultations.factories import make_consultation
from tests.council.factories import build_council, build_meeting

# One test searches the site: Wagtail's search index is kept (tests/database.py).
pytestmark = [pytest.mark.django_db, pytest.mark.wagtail_indexes]

PAGE_TYPES = {model for model in apps.get_models() if issubclass(model, RadaPage)}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
AREA_SLUGS = [
    "education",
    "local-communities",
    "culture",
    "violence-discrimination",
    "health",
    "work",
    "social-welfare",
    "housing",
]


def html_lang(response):
    match = re.search(r'<html lang="([a-z-]+)"', response.content.decode())
    return match.group(1) if match else None


def language_switcher_links(response):
    """{language code: href} from the language navigation."""
    html = response.content.decode()
    nav = html[html.index('class="languages"') :]
    nav = nav[: nav.index("</nav>")]
    return {code: href.replace("&amp;", "&") for href, code in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav)}


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_live_page_renders_in_its_language_with_the_right_html_lang(client, whole_site, code):
    pages = Page.objects.live().filter(locale__language_code=code, depth__gte=2)
    assert pages.count() >= 16
    assert {page.specific_class for page in pages} == PAGE_TYPES
    if code != "pl":  # some pages are translated, the others are aliases showing the Polish original
        assert pages.filter(alias_of__isnull=True).exists()
        assert pages.filter(alias_of__isnull=False).exists()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.url.startswith(f"/{code}/")
        assert html_lang(response) == code, page.url


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_each_area_page_exists_at_its_slug_in_every_language(client, whole_site, code):
    for slug in AREA_SLUGS:
        response = client.get(f"/{code}/model/{slug}/")
        assert response.status_code == 200
        assert isinstance(response.context["page"], ThematicAreaPage)
        assert response.context["page"].area == slug


def test_ukrainian_area_page_is_a_real_translation_in_ukrainian(client, whole_site):
    page = ThematicAreaPage.objects.get(locale__language_code="uk", slug="education")
    assert page.alias_of_id is None
    response = client.get(page.url)
    assert "Освіта" in response.content.decode()
    assert re.search(r'<article lang="uk"[ >]', response.content.decode())


def test_untranslated_page_shows_the_original_marked_with_its_language(client, whole_site):
    alias = NewsPage.objects.filter(locale__language_code="uk").first()
    assert alias.alias_of_id is not None, "news is translated into English only"
    response = client.get(alias.url)
    html = response.content.decode()
    assert html_lang(response) == "uk"
    assert '<article lang="pl">' in html


def test_root_redirects_to_the_language_the_browser_asks_for(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="uk,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/uk/"


def test_root_redirects_to_polish_by_default(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="")
    assert response["Location"] == "/pl/"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_language_switcher_leads_to_the_same_page_in_each_language(client, whole_site, code):
    model_page = IntegrationModelPage.objects.get(locale__language_code=code)
    links = language_switcher_links(client.get(model_page.url))
    expected = {page.locale.language_code: page.url for page in model_page.get_translations(inclusive=True).live()}
    assert links == expected
    assert set(links) == set(LANGUAGE_CODES)


def test_language_switcher_marks_the_current_language(client):
    html = client.get("/ru/").content.decode()
    assert re.search(r'lang="ru" hreflang="ru" aria-current="true"', html)


def test_language_switcher_on_a_django_view_keeps_path_and_query(client):
    links = language_switcher_links(client.get("/pl/search/?q=praca"))
    assert links["en"] == "/en/search/?q=praca"
    assert links["uk"] == "/uk/search/?q=praca"


def test_alternate_links_name_every_other_language(client, whole_site):
    response = client.get("/en/model/")
    assert response.status_code == 200
    html = response.content.decode()
    for code in ("pl", "uk", "ru"):
        assert f'<link rel="alternate" hreflang="{code}" href="/{code}/model/">' in html


def test_home_page_offers_entry_points_for_consultations_and_the_council(client):
    html = client.get("/en/").content.decode()
    for heading in ("Open consultations", "Next council meeting", "Latest resolutions"):
        assert heading in html


def test_home_page_says_so_when_no_council_meeting_is_coming(client):
    from django.utils import timezone

    from council.models import Meeting

    build_meeting(build_council(members=1), start=False)
    assert "No council meeting is scheduled yet." not in client.get("/en/").content.decode()
    now = timezone.now()
    Meeting.objects.exclude(status="closed").update(status="closed", started_at=now, closed_at=now)
    assert "No council meeting is scheduled yet." in client.get("/en/").content.decode()


def test_home_page_lists_open_consultations_in_its_language_closing_soonest_first(client, whole_site):
    consultations = client.get("/uk/").context["open_consultations"]
    assert len(consultations) == 2
    assert all(page.locale.language_code == "uk" for page in consultations)
    assert consultations[0].closes_at <= consultations[1].closes_at


def test_home_page_lists_the_eight_areas_in_its_language(client, whole_site):
    response = client.get("/uk/")
    areas = list(response.context["areas"])
    assert [area.slug for area in areas] == AREA_SLUGS
    assert all(area.locale.language_code == "uk" for area in areas)


def test_model_page_shows_vision_values_areas_tasks_and_timeline(client, whole_site):
    response = client.get("/en/model/")
    html = response.content.decode()
    for section in ('id="vision"', 'id="values"', 'id="areas"', 'id="tasks"', 'id="timeline"'):
        assert section in html
    assert html.count('class="value"') == len(factories.VALUES)
    assert len(response.context["task_groups"]) == len(Area.values) + 1  # one per area, one across them
    assert html.count('class="timeline__item"') == len(factories.MILESTONES)


def test_every_page_has_skip_link_landmarks_navigation_and_footer(client, whole_site):
    html = client.get("/pl/model/education/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert html.count("<header") >= 1 and "<footer" in html
    assert 'aria-label="Główna"' in html or 'aria-label="Main"' not in html
    assert 'href="/pl/accessibility/"' in html
    assert 'href="/pl/contact/"' in html


def test_main_menu_marks_the_section_the_page_is_in(client, whole_site):
    html = client.get("/en/model/health/").content.decode()
    assert re.search(r'<a href="/en/model/" aria-current="true">', html)


def test_home_page_query_count_is_bounded(client, whole_site, django_assert_max_num_queries):
    build_meeting(build_council(members=1), start=False)  # the next meeting's card
    client.get("/pl/")  # warm Wagtail's site and content-type caches
    factories.news_page("one-more", synchronise=False)  # the menu and footer are read again
    with django_assert_max_num_queries(30) as few:
        client.get("/pl/")
    for number in range(3):  # more news and open consultations than the page lists
        factories.news_page(f"more-{number}", synchronise=False)
        make_consultation(parent=whole_site.consultations, slug=f"more-{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/pl/")


def test_model_page_query_count_is_bounded(client, whole_site, django_assert_max_num_queries):
    client.get("/en/model/")
    with django_assert_max_num_queries(30):
        client.get("/en/model/")


def test_unknown_page_gives_a_translated_404(client):
    response = client.get("/uk/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == "uk"
    assert "Сторінку не знайдено" in response.content.decode()


def test_unknown_page_in_polish_gives_a_polish_404(client):
    response = client.get("/pl/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


@pytest.mark.urls("tests.cms.urls_failing")
@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("pl", "Coś poszło nie tak"),
        ("en", "Something went wrong"),
        ("uk", "Щось пішло не так"),
        ("ru", "Что-то пошло не так"),
    ],
)
def test_server_error_page_is_translated(client, code, text):
    client.raise_request_exception = False
    response = client.get(f"/{code}/fail/")
    assert response.status_code == 500
    assert html_lang(response) == code
    assert text in response.content.decode()


def test_search_finds_pages_of_the_current_language_only(client, whole_site):
    response = client.get("/en/search/", {"q": "housing"})
    pages = next(group for group in response.context["results"]["groups"] if group.kind == "pages")
    assert pages.hits
    assert all(hit.url.startswith("/en/") for hit in pages.hits)
    assert any(hit.url.endswith("/housing/") for hit in pages.hits)


def test_search_with_no_match_says_so(client):
    response = client.get("/en/search/", {"q": "zzzxqv"})
    assert response.context["results"]["groups"] == []
    assert "Nothing matched" in response.content.decode()


def test_search_without_query_shows_only_the_form(client):
    response = client.get("/pl/search/")
    assert response.status_code == 200
    assert response.context["results"] is None


def test_search_query_is_trimmed_to_a_sane_length(client):
    response = client.get("/pl/search/", {"q": "a" * 5000})
    assert response.status_code == 200
    assert len(response.context["query"]) == 200


def test_search_escapes_the_query_in_the_page(client):
    html = client.get("/en/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_pages_make_no_third_party_requests(client, whole_site):
    for url in ("/pl/", "/en/model/", "/uk/model/work/", "/pl/accounts/login/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for attribute_value in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not attribute_value.startswith(("http://", "https://", "//")), (url, attribute_value)


def test_dates_are_formatted_in_the_page_language(client, whole_site):
    with translation.override("pl"):
        html = client.get("/pl/news/").content.decode()
    assert re.search(r"\d+ (września|października|listopada) 2026", html)


@pytest.mark.parametrize("path", ["/api/v1/nothing-here/", "/health/nope/", "/admin-nope/"])
def test_unprefixed_paths_answer_404_or_a_language_redirect_as_they_should(client, path):
    response = client.get(path)
    if path.startswith(("/api/", "/health/")):
        assert response.status_code == 404
    else:
        assert response.status_code == 302
        assert response["Location"] == "/pl" + path
