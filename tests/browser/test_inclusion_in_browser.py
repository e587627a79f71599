"""Language access and inclusion in real browsers: a translator works through
the queue and a Polish reader finds the checked translation; a resident asks
for an interpreter and an official confirms it; a facilitator types in a
comment from a paper form; a newcomer with a partner's invitation code takes
part, then anonymises what they wrote.  axe-core checks the screens on a
desktop and on a 360-pixel phone.

The served site is shared with the other browser tests: each test here writes
only what it needs, as accounts no other test acts for (member5 registering,
a fresh newcomer anonymising), so they pass in any order."""

import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import dateformat, timezone, translation
from playwright.sync_api import expect

from .helpers import log_in

pytestmark = pytest.mark.browser

AXE = Axe()
PHONE = {"width": 360, "height": 740}
INFORMATION_POINT = "/{lang}/consultations/punkt-informacyjny-dla-migrantow/"
SCHOOLS = "/{lang}/consultations/jezyk-polski-dla-dzieci-w-szkolach/"
WORKSHOP = "Warsztat: jak ma działać punkt informacyjny?"

# The demo's oldest Ukrainian comment nobody has translated into Polish yet.
OLDEST_WAITING = "Добре було б мати список аптек, які працюють уночі, з адресами."
INTO_POLISH = "Dobrze byłoby mieć listę aptek czynnych w nocy, z adresami."


def assert_no_violations(page):
    results = AXE.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def assert_fits(page, width):
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways: {scroll_width} px on a {width} px screen"


def new_page(browser, served_site, viewport=None):
    context = browser.new_context(base_url=served_site, viewport=viewport or {"width": 1280, "height": 900})
    return context.new_page()


def issue_a_code(page):
    """A partner organisation issues one invitation code; it is shown once, on the page it returns to."""
    page.goto("/pl/accounts/invitations/issue/")
    page.locator("#id_organisation").fill("Fundacja demo")
    page.locator("#id_count").fill("1")
    page.locator("#id_days").fill("7")
    page.locator("form:has(#id_organisation) button[type=submit]").click()
    return page.locator("section[aria-labelledby=codes-heading] li code").first.inner_text()


def polish_date_today():
    with translation.override("pl"):
        return dateformat.format(timezone.localtime(), "j E Y")


def test_translator_translates_the_oldest_ukrainian_comment_and_a_polish_reader_sees_it_checked(
    page, browser, served_site
):
    log_in(page, "resident1", lang="uk")  # Iryna, the demo's approved uk ↔ pl translator
    page.goto("/uk/translators/queue/")
    page.locator('a[href="?pair=uk-pl"]').click()
    expect(page.locator('a[href="?pair=uk-pl"]')).to_have_attribute("aria-current", "page")
    assert page.locator('a[href*="/translate/"][href$="/uk/"]').count() == 0  # nothing into Ukrainian
    assert_no_violations(page)

    oldest = page.locator(".queue-item", has=page.locator('a[href*="/translate/comment/"]')).first
    expect(oldest.locator(".comment__text")).to_have_text(OLDEST_WAITING)
    in_context = oldest.locator(".comment__meta a").get_attribute("href")
    oldest.locator('a[href*="/translate/comment/"]').click()
    page.wait_for_url("**/uk/translators/translate/comment/*/pl/")
    expect(page.locator("blockquote[lang=uk]")).to_have_text(OLDEST_WAITING)
    assert_no_violations(page)
    page.locator("#translation-text").fill(INTO_POLISH)
    page.locator("form:has(#translation-text) button[type=submit]").click()
    page.wait_for_url("**/uk/translators/queue/")
    expect(page.locator(".message--success")).to_be_visible()
    path, anchor = in_context.split("#")
    assert page.locator(f'a[href$="#{anchor}"]').count() == 0, "the translated comment is still waiting"

    reader = new_page(browser, served_site)  # nobody logged in, reading in Polish
    reader.goto(path.replace("/uk/", "/pl/", 1))
    comment = reader.locator(f"#{anchor}")
    expect(comment.locator('.comment__text[lang="uk"]')).to_have_text(OLDEST_WAITING)  # the original stays
    checked = comment.locator("details.translation")
    body = checked.locator(".translation__body")
    expect(body).to_be_hidden()
    expect(checked.locator("summary")).to_have_text("Pokaż tłumaczenie na język: polski")
    checked.locator("summary").click()
    expect(body).to_be_visible()
    expect(body).to_have_text(INTO_POLISH)
    expect(body).to_have_attribute("lang", "pl")
    label = checked.locator(".translation__label")
    expect(label).to_contain_text(f"Tłumaczenie: Iryna, {polish_date_today()}")
    expect(label).to_contain_text("tłumaczenie wykonane przez człowieka")
    assert_no_violations(reader)
    reader.context.close()


def test_resident_asks_for_an_interpreter_and_an_official_confirms_it(page, browser, served_site):
    log_in(page, "member5")  # Giorgi M., not registered for the demo workshop
    page.goto("/en/events/")
    page.get_by_role("link", name=WORKSHOP).click()
    page.wait_for_url("**/en/events/*/")
    event_path = page.url.removeprefix(served_site)
    page.get_by_label("Interpreter into").select_option(label="Another language")
    page.get_by_label("Other language").fill("Georgian")
    page.get_by_role("button", name="I will come").click()
    expect(page.locator(".message--success")).to_contain_text("You are registered.")
    asked = page.locator("#attend li", has_text="An interpreter into Georgian")
    expect(asked).to_contain_text("waiting for an answer")
    assert_no_violations(page)

    official = new_page(browser, served_site)
    official.goto("/admin/login/")
    official.locator("#id_username").fill("official")
    official.locator("#id_password").fill("rada-demo-2026")
    official.keyboard.press("Enter")
    official.wait_for_url("**/admin/")
    official.goto("/admin/events/requests/")
    official.get_by_role("link", name=WORKSHOP).click()
    registration = official.locator('li[id^="registration-"]', has_text="Giorgi M.")
    request = registration.locator('div[id^="request-"]', has_text="Georgian")
    request.locator('input[name=status][value="confirmed"]').check()
    request.locator("textarea[name=answer]").fill("Tłumaczka języka gruzińskiego będzie na miejscu.")
    request.locator("button[type=submit]").click()
    official.wait_for_load_state()
    request = official.locator('li[id^="registration-"]', has_text="Giorgi M.").locator(
        'div[id^="request-"]', has_text="Georgian"
    )
    expect(request.locator('input[name=status][value="confirmed"]')).to_be_checked()
    expect(request).to_contain_text("Tłumaczka języka gruzińskiego będzie na miejscu.")
    official.context.close()

    page.goto("/en/events/mine/")
    mine = page.locator(".event-row", has_text=WORKSHOP)
    expect(mine.locator("li", has_text="An interpreter into Georgian")).to_contain_text(
        "confirmed — Tłumaczka języka gruzińskiego będzie na miejscu."
    )
    assert_no_violations(page)
    page.goto(event_path)
    expect(page.locator("#attend li", has_text="An interpreter into Georgian")).to_contain_text("confirmed")


def test_facilitator_enters_a_paper_comment_shown_as_submitted_through_a_facilitator(page, browser, served_site):
    text = "Працюю змінами і в будні не встигаю. Прошу хоча б одну суботу на місяць, щоб прийти з дітьми."
    log_in(page, "facilitator")
    page.goto(INFORMATION_POINT.format(lang="en"))
    page.get_by_role("link", name="Enter a comment on behalf of a resident (facilitators)").click()
    page.wait_for_url("**/en/participation/facilitate/*/")
    assert_no_violations(page)
    page.locator("#facilitated-text").fill(text)
    page.locator("#facilitated-language").select_option("uk")
    page.locator("#facilitated-section").select_option(label="Opening hours")
    page.locator('input[name=source][value="paper"]').check()
    page.locator("#facilitated-resident_name").fill("Oksana")
    page.locator("#facilitated-consent").check()
    page.locator("form:has(#facilitated-text) button[type=submit]").click()
    page.wait_for_url("**" + INFORMATION_POINT.format(lang="en") + "*")
    expect(page.locator(".message--success")).to_contain_text("marked as entered by a facilitator")

    reader = new_page(browser, served_site)
    reader.goto(INFORMATION_POINT.format(lang="pl"))
    comment = reader.locator("article.comment", has_text=text).last
    expect(comment.locator(".comment__meta strong")).to_have_text("Oksana")
    expect(comment.locator(".comment__meta .badge")).to_have_text("przekazany przez osobę wspierającą")
    expect(comment.locator(".comment__text")).to_have_attribute("lang", "uk")
    expect(comment).not_to_contain_text("Katarzyna")  # the facilitator's own name never shows
    from_the_demo = reader.locator("article.comment", has_text="Мне 68 лет, интернетом пользуюсь мало.")
    expect(from_the_demo.locator(".comment__meta .badge")).to_have_text("przekazany przez osobę wspierającą")
    reader.context.close()


def test_newcomer_with_an_invitation_code_comments_then_anonymises_everything(page, browser, served_site):
    log_in(page, "partner", lang="pl")
    code = issue_a_code(page)

    name = f"Olha {uuid.uuid4().hex[:6]}"
    newcomer = new_page(browser, served_site, PHONE)
    newcomer.goto("/pl/accounts/invitation/")
    newcomer.locator("#id_code").fill(code)
    newcomer.locator("#id_display_name").fill(name)
    newcomer.locator("#id_password1").fill("Herbata-z-cytryna-2026")
    newcomer.locator("#id_password2").fill("Herbata-z-cytryna-2026")
    newcomer.locator("form:has(#id_code) button[type=submit]").click()
    newcomer.wait_for_url("**/pl/")

    consultation = SCHOOLS.format(lang="pl")
    newcomer.goto(consultation)
    newcomer.locator("#comment-text").fill("Дякую за консультацію. Дочка ходить у другий клас і дуже хоче гурток.")
    newcomer.locator("#comment-language").select_option("uk")
    newcomer.locator("#comment-form form:has(#comment-text) button[type=submit]").click()
    newcomer.wait_for_load_state()
    expect(newcomer.locator("#comments")).to_contain_text(name)

    newcomer.goto("/pl/accounts/privacy/")
    assert_no_violations(newcomer)
    assert_fits(newcomer, PHONE["width"])
    newcomer.locator("#anonymise-confirm").check()
    newcomer.locator('button[name=action][value="anonymise"]').click()
    expect(newcomer.locator(".message--success")).to_be_visible()

    reader = new_page(browser, served_site)
    reader.goto(consultation)
    expect(reader.locator("main")).not_to_contain_text(name)
    mine = reader.locator("article.comment", has_text="Дочка ходить у другий клас").last
    expect(mine.locator(".comment__meta strong")).to_have_text("była osoba uczestnicząca")
    reader.context.close()
    newcomer.context.close()


# Pages to check, per account: a path, (a path, the link to follow from it), or a step that opens one.
PAGES = {
    "anonymous": [
        "/pl/translators/",
        "/pl/events/",
        ("/pl/events/", ".event-row a[href*='/events/']"),  # an event, with "log in to register"
        "/pl/accounts/invitation/",
        "/uk/glossary/",
        (INFORMATION_POINT.format(lang="uk"), ".easy-read-link a"),
    ],
    "resident1": [  # an approved translator, never registered for the workshop
        "/uk/translators/register/",
        "/pl/translators/queue/",
        ("/uk/translators/queue/?pair=uk-pl", "a[href*='/translate/comment/']"),
        ("/uk/events/", ".event-row a[href*='/events/']"),  # with the registration form
    ],
    "resident2": ["/en/events/mine/", ("/en/events/", ".event-row a[href*='/events/']"), "/ru/translators/register/"],
    "resident3": ["/pl/accounts/privacy/"],
    "partner": [issue_a_code, "/pl/accounts/invitations/"],  # the new code, then the list of codes
    "facilitator": [(INFORMATION_POINT.format(lang="pl"), "a[href*='/participation/facilitate/']")],
}


@pytest.mark.parametrize("width", [1280, 360], ids=["desktop", "phone"])
@pytest.mark.parametrize("account", list(PAGES))
def test_axe_finds_no_violations_on_language_access_pages(page, account, width):
    page.set_viewport_size({"width": width, "height": 900})
    if account != "anonymous":
        log_in(page, account)
    for target in PAGES[account]:
        if callable(target):
            target(page)
        elif isinstance(target, tuple):
            start, link = target
            page.goto(start)
            with page.expect_navigation():
                page.locator(link).first.click()
        else:
            page.goto(target)
        assert_no_violations(page)
        assert_fits(page, width)
