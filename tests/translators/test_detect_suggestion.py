"""The language suggestion while writing: the forms carry what
static/js/language-suggest.js needs, and the detect endpoint it calls is
protected like any other POST.  The browser side is in
tests/browser/test_language_suggestion_in_browser.py."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.groups import FACILITATORS
from consultations.forms import CommentForm
from core.detection import MIN_LETTERS
from tests.accounts.factories import UserFactory
from tests.consultations.factories import comment_url, make_consultation
from tests.translators.factories import make_comment
from translators import views

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).resolve().parents[2] / "static" / "js" / "language-suggest.js"
UKRAINIAN = "Добрий день! Я хочу записати доньку на безкоштовні уроки польської мови після школи."


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def suggesting_form(html, select_id):
    """The form holding the language select ``select_id``, checked to opt in to suggestions."""
    form = html.select_one(f"#{select_id}").find_parent("form")
    assert form["data-language-suggest"] == reverse("translators:detect")
    return form


def loads_the_script(html):
    return any(script.get("src", "").endswith("js/language-suggest.js") for script in html.select("script"))


@pytest.fixture
def resident_client(client):
    client.force_login(UserFactory())
    return client


def test_comment_form_asks_for_suggestions_and_has_a_hint_beside_it(resident_client, consultation):
    html = soup(resident_client.get(consultation.url))
    form = suggesting_form(html, "comment-language")
    assert form["data-language-auto"] == "auto"
    hint = form.select_one("#comment-language-hint")
    assert hint.has_attr("data-language-hint")
    assert hint["role"] == "status"
    assert hint["aria-live"] == "polite"
    assert hint.get_text() == ""  # nothing is shown without JavaScript
    assert form.select_one("textarea[name=text]") is not None
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert loads_the_script(html)


def test_hint_has_one_ready_sentence_per_site_language_in_the_readers_language():
    with translation.override("en"):
        html = render_to_string("consultations/includes/language_hint.html", {"field": CommentForm()["language"]})
    hint = BeautifulSoup(html, "html.parser").select_one("#comment-language-hint")
    assert hint["data-hint-uk"] == "Looks like Ukrainian — change it if that’s wrong."
    assert {name for name in hint.attrs if name.startswith("data-hint-")} == {
        "data-hint-pl",
        "data-hint-en",
        "data-hint-uk",
        "data-hint-ru",
    }


def test_hint_names_the_language_in_polish_on_a_polish_page(resident_client, consultation):
    hint = soup(resident_client.get(consultation.url)).select_one("#comment-language-hint")
    assert "ukraiński" in hint["data-hint-uk"]


def test_reply_form_asks_for_suggestions_too(resident_client, consultation):
    parent = make_comment(consultation)
    html = soup(resident_client.get(f"{consultation.url}?reply={parent.pk}"))
    form = suggesting_form(html, "comment-language")
    assert form.select_one("input[name=parent]")["value"] == str(parent.pk)
    assert form.select_one("[data-language-hint]") is not None


def test_proposal_form_has_its_own_hint(resident_client, consultation):
    html = soup(resident_client.get(consultation.url))
    form = suggesting_form(html, "proposal-language")
    assert form["data-language-auto"] == "auto"
    assert form.select_one("#proposal-language-hint[data-language-hint]") is not None
    assert len(html.select("[data-language-hint]")) == 2
    assert len({hint["id"] for hint in html.select("[data-language-hint]")}) == 2


def test_form_sent_back_with_an_error_keeps_the_writers_language(resident_client, consultation):
    response = resident_client.post(comment_url(consultation), {"text": "", "language": "ru", "section": ""})
    assert response.status_code == 400
    html = soup(response)
    suggesting_form(html, "comment-language")
    assert html.select_one("#comment-language option[selected]")["value"] == "ru"


def test_no_script_where_nobody_can_write(client):
    closed = make_consultation(opens_at=NOW - 20 * DAY, closes_at=NOW - 10 * DAY, allow_proposals=True)
    html = soup(client.get(closed.url))
    assert not html.select("form[data-language-suggest]")
    assert not loads_the_script(html)


def test_facilitators_form_may_replace_only_its_untouched_default(client, consultation):
    facilitator = UserFactory()
    facilitator.groups.add(Group.objects.get(name=FACILITATORS))
    client.force_login(facilitator)
    url = reverse("consultations:comment_facilitate", args=[consultation.pk]).replace("/pl/", "/en/", 1)

    html = soup(client.get(url))
    form = suggesting_form(html, "facilitated-language")
    assert form["data-language-default"] == "en"  # the interface's language, which nobody chose
    assert not form.has_attr("data-language-auto")  # a facilitator always names the language
    assert form.select_one("#facilitated-language-hint[data-language-hint]") is not None
    assert loads_the_script(html)

    sent_back = soup(client.post(url, {"text": UKRAINIAN, "language": "pl", "source": "phone"}))
    assert not suggesting_form(sent_back, "facilitated-language").has_attr("data-language-default")


def test_script_waits_for_as_many_letters_as_the_detector():
    declared = re.search(r"const MIN_LETTERS = (\d+);", SCRIPT.read_text())
    assert declared is not None
    assert int(declared.group(1)) == MIN_LETTERS


def test_script_carries_no_text_of_its_own():
    script = SCRIPT.read_text()
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("//"))
    assert "Looks like" not in code
    assert 'textContent = "' not in code


# --- the endpoint the script calls ----------------------------------------------------


@pytest.fixture
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def test_detect_endpoint_refuses_a_post_without_the_csrf_token(fresh_limits):
    response = Client(enforce_csrf_checks=True).post("/en/translators/detect/", {"text": UKRAINIAN})
    assert response.status_code == 403


def test_detect_endpoint_accepts_the_forms_csrf_token_in_a_header(fresh_limits):
    browser = Client(enforce_csrf_checks=True)
    token = soup(browser.get("/en/accounts/login/")).select_one("input[name=csrfmiddlewaretoken]")["value"]
    response = browser.post("/en/translators/detect/", {"text": UKRAINIAN}, headers={"X-CSRFToken": token})
    assert response.status_code == 200
    assert response.json() == {"language": "uk", "languages": ["pl", "en", "uk", "ru"]}


def test_detect_endpoint_answers_only_posts(client):
    assert client.get("/en/translators/detect/", {"text": UKRAINIAN}).status_code == 405


def test_detect_endpoint_says_too_many_after_the_limit(client, fresh_limits):
    for _attempt in range(views.DETECTIONS_PER_MINUTE):
        assert client.post("/en/translators/detect/", {"text": "Так"}).status_code == 200
    response = client.post("/en/translators/detect/", {"text": UKRAINIAN})
    assert response.status_code == 429
    assert "error" in response.json()
