"""An official publishes a consultation's outcome in the Wagtail admin; residents read it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CLOSED = "/pl/consultations/informacja-zdrowotna-dla-nowych-mieszkancow/"


def test_official_publishes_an_outcome_that_residents_can_read(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill("official")
    page.locator("#id_password").fill("rada-demo-2026")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")

    page.goto(CLOSED)
    action = page.locator("form#follow").get_attribute("action")
    consultation_id = re.search(r"/follow/(\d+)/", action).group(1)

    page.goto(f"/admin/pages/add/consultations/outcomepage/{consultation_id}/")
    page.locator("#id_title").fill("Wyniki: informacja zdrowotna")
    page.locator('[data-contentpath="summary"] .public-DraftEditor-content').click()  # "What we heard"
    heard = "Najczęściej pytano o zapisy bez numeru PESEL."
    page.keyboard.type(heard)
    # Draftail copies the editor's content into the form's hidden input a moment later.
    expect(page.locator("input[name=summary]")).to_have_value(re.compile(re.escape(heard)))
    page.get_by_role("button", name=re.compile("Dodaj odpowiedź|Add answer")).click()
    page.locator("#id_answers-0-comment").select_option(index=1)
    page.locator("#id_answers-0-status").select_option("accepted")
    page.locator("#id_answers-0-justification").fill("Poradnik wyjaśni zapisy także bez numeru PESEL.")
    page.get_by_role("tab", name="Promote").click()
    page.locator("#id_slug").fill("wyniki")
    with page.expect_navigation():
        # "Publish" sits in the footer's dropdown menu, behind "Save draft".
        page.evaluate("document.querySelector('button[name=action-publish]').click()")
    assert "/admin/pages/add/" not in page.url, "the admin refused the outcome"

    page.goto(CLOSED)
    assert page.locator(".notice--outcome").count() == 1
    assert "Poradnik wyjaśni zapisy także bez numeru PESEL." in page.inner_text("#comments")
    page.locator(".notice--outcome a").click()
    assert "Najczęściej pytano o zapisy bez numeru PESEL." in page.inner_text("main")
