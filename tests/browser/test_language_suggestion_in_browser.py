"""While a resident writes, the page suggests the language of the text and the
resident can correct it; a choice made by hand is never overridden."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import log_in

pytestmark = pytest.mark.browser

CONSULTATION = "/{lang}/consultations/punkt-informacyjny-dla-migrantow/"
UKRAINIAN = "Прошу, щоб пункт працював також у суботу вранці, бо в будні я працюю до вечора."
MORE_UKRAINIAN = " І ще: чи можна прийти з дитиною?"
RUSSIAN = "Спасибо за ответ! А можно ли записаться на консультацию по телефону?"
ENGLISH = "Please add an evening slot for people who work during the day."
PAUSE_AND_ANSWER_MS = 1500  # the script's 600 ms pause and the detector's answer, with room
# How long a suggestion may take to appear: the pause, then the detector's answer, which on
# a machine busy with other tests can take seconds.
SUGGESTED_WITHIN_MS = 15_000


def detect_requests(page):
    """The requests the page makes to the detect endpoint, collected from now on."""
    seen = []
    page.on("request", lambda request: seen.append(request) if "/translators/detect/" in request.url else None)
    return seen


def test_comment_form_suggests_ukrainian_and_then_keeps_the_writers_own_choice(page):
    log_in(page, "resident1")
    page.goto(CONSULTATION.format(lang="en"))
    text = page.locator("#comment-text")
    select = page.locator("#comment-language")
    hint = page.locator("#comment-language-hint")
    expect(select).to_have_value("auto")
    expect(hint).to_be_empty()

    expect(page.locator("#comment-language + #comment-language-hint")).to_have_count(1)  # the script has started
    text.fill(UKRAINIAN)
    expect(select).to_have_value("uk", timeout=SUGGESTED_WITHIN_MS)
    expect(hint).to_have_text("Looks like Ukrainian — change it if that’s wrong.")
    expect(page.locator("#comment-language + #comment-language-hint")).to_have_count(1)  # beside the select
    assert "comment-language-hint" in select.get_attribute("aria-describedby")

    select.select_option("pl")  # the writer knows better
    expect(hint).to_be_empty()
    requests = detect_requests(page)
    text.press_sequentially(MORE_UKRAINIAN)
    page.wait_for_timeout(PAUSE_AND_ANSWER_MS)
    expect(select).to_have_value("pl")
    assert requests == []  # not even asked any more

    page.get_by_role("button", name="Publish comment").click()
    page.wait_for_url(re.compile(r"#comment-\d+$"))
    comment = page.locator(".comment__text", has_text=UKRAINIAN[:40])
    expect(comment).to_have_attribute("lang", "pl")
    assert page.outside_requests == []


def test_reply_and_proposal_forms_each_get_their_own_suggestion(page):
    log_in(page, "resident2", lang="uk")
    page.goto(CONSULTATION.format(lang="uk"))
    page.locator(".comment__actions a[href*='?reply=']").first.click()
    page.wait_for_url(re.compile(r"\?reply=\d+#comment-form$"))
    reply_select, reply_hint = page.locator("#comment-language"), page.locator("#comment-language-hint")
    proposal_select, proposal_hint = page.locator("#proposal-language"), page.locator("#proposal-language-hint")
    # The module script has started on both forms once it has put each hint beside its select;
    # text typed before that would go unheard.
    expect(page.locator("#proposal-language + #proposal-language-hint")).to_have_count(1)
    expect(page.locator("#comment-language + #comment-language-hint")).to_have_count(1)

    page.locator("#proposal-text").fill(ENGLISH)
    expect(proposal_select).to_have_value("en", timeout=SUGGESTED_WITHIN_MS)
    expect(proposal_hint).to_have_text(proposal_hint.get_attribute("data-hint-en"))
    expect(reply_select).to_have_value("auto")
    expect(reply_hint).to_be_empty()

    page.locator("#comment-text").fill(RUSSIAN)
    expect(reply_select).to_have_value("ru", timeout=SUGGESTED_WITHIN_MS)
    expect(reply_hint).to_have_text(reply_hint.get_attribute("data-hint-ru"))  # in the reader's Ukrainian
    expect(proposal_select).to_have_value("en")

    page.locator("#comment-text").fill("Так")  # too short to say: back to "detect for me"
    expect(reply_select).to_have_value("auto", timeout=SUGGESTED_WITHIN_MS)
    expect(reply_hint).to_be_empty()
    expect(proposal_select).to_have_value("en")
    assert page.outside_requests == []
