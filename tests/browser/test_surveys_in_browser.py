"""A resident answers a consultation's survey on a 360-pixel phone, in Ukrainian,
without JavaScript's help; after the consultation closes, everyone reads the
results as charts with their tables.  axe-core finds nothing on either screen."""

import subprocess
import sys

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import ROOT, fresh_site, serving
from .helpers import log_in

pytestmark = pytest.mark.browser

SLUG = "punkt-informacyjny-dla-migrantow"
AXE = Axe()

CLOSE = f"""
import django; django.setup()
from django.utils import timezone
from consultations.models import ConsultationPage
for page in ConsultationPage.objects.filter(slug="{SLUG}"):
    page.closes_at = timezone.now() - timezone.timedelta(minutes=1)
    page.save()
"""


# A site of this module's own: the test closes one of the demo's consultations.
@pytest.fixture(scope="module")
def site_environment(tmp_path_factory):
    with fresh_site(tmp_path_factory) as env:
        yield env


@pytest.fixture(scope="module")
def served_site(site_environment, tmp_path_factory):
    with serving(site_environment, tmp_path_factory) as base_url:
        yield base_url


def no_violations_and_fits(page):
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_resident_answers_on_a_phone_and_everyone_reads_the_results_after_closing(page, site_environment):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, "resident3", lang="uk")
    page.goto(f"/uk/consultations/{SLUG}/")
    page.locator("#survey a").click()
    assert page.locator("legend", has_text="Коли пункт має працювати довше?").count() == 1
    no_violations_and_fits(page)

    page.get_by_label("У робочі дні ввечері, до 20:00").check()
    page.get_by_label("грузинською").check()
    page.locator(".survey-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".messages").count() == 1
    assert page.get_by_label("грузинською").is_checked()

    # A bad answer: four languages where at most three may be chosen.
    for language in ("українською", "англійською", "арабською"):
        page.get_by_label(language).check()
    page.locator(".survey-form button[type=submit]").click()
    assert page.locator(".survey-question--error").count() == 1
    no_violations_and_fits(page)

    subprocess.run([sys.executable, "-c", CLOSE], cwd=ROOT, env=site_environment, check=True, capture_output=True)
    page.goto(f"/uk/consultations/{SLUG}/")
    page.locator("#survey a").click()
    results = page.locator("#survey-results")
    # The click navigates: wait for the results page rather than count on the page being left.
    expect(results.locator("svg[role=img]")).to_have_count(4)
    expect(results.locator("table")).to_have_count(4)
    assert page.locator(".survey-form").count() == 0
    no_violations_and_fits(page)
