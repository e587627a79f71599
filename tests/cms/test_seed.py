import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from cms.models import HomePage, IntegrationModelPage, ThematicAreaPage
from demo.seed import DEMO_ACCOUNTS, DEMO_PASSWORD, Seeder

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "emails": EmailAddress.objects.count(),
        "groups": Group.objects.count(),
        "sites": Site.objects.count(),
        "last change": max(filter(None, Page.objects.values_list("latest_revision_created_at", flat=True))),
    }


def test_seeding_twice_changes_nothing():
    before = snapshot()
    created = Seeder().run()
    assert created == []
    assert snapshot() == before


def test_seed_demo_command_says_nothing_changed_the_second_time(capsys):
    call_command("seed_demo")
    assert "nothing changed" in capsys.readouterr().out


def test_seed_demo_refuses_to_run_under_production_settings(settings):
    settings.RADA_ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="never runs in production"):
        call_command("seed_demo")


def test_demo_site_serves_the_polish_home_page_by_default():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "pl"


def test_every_page_exists_in_all_four_languages():
    for page in Page.objects.filter(locale__language_code="pl", depth__gte=2):
        assert page.get_translations(inclusive=True).count() == 4, page.url_path


@pytest.mark.parametrize("code", ["pl", "en", "uk", "ru"])
def test_home_page_and_area_pages_are_written_in_each_language(code):
    pages = [
        HomePage.objects.get(locale__language_code=code),
        *ThematicAreaPage.objects.filter(locale__language_code=code),
    ]
    assert len(pages) == 9
    assert all(page.alias_of_id is None for page in pages)


def test_the_area_page_titles_differ_between_languages():
    titles = set(ThematicAreaPage.objects.filter(slug="health").values_list("title", flat=True))
    assert titles == {"Zdrowie", "Health", "Здоров’я", "Здоровье"}


def test_english_has_the_whole_model_page():
    page = IntegrationModelPage.objects.get(locale__language_code="en")
    assert page.alias_of_id is None
    assert len(page.values) == 11


def test_demo_accounts_log_in_with_the_demo_password(client):
    for username, *_ in DEMO_ACCOUNTS:
        assert client.login(username=username, password=DEMO_PASSWORD), username
        client.logout()


def test_demo_accounts_have_verified_addresses():
    users = get_user_model().objects.filter(username__in=[name for name, *_ in DEMO_ACCOUNTS])
    assert users.count() == len(DEMO_ACCOUNTS)
    assert EmailAddress.objects.filter(user__in=users, verified=True, primary=True).count() == len(DEMO_ACCOUNTS)


def test_official_and_moderator_are_in_their_groups():
    User = get_user_model()
    assert User.objects.get(username="official").groups.filter(name="Officials").exists()
    assert User.objects.get(username="moderator").groups.filter(name="Moderators").exists()


def test_new_polish_page_is_aliased_into_the_other_languages(client, home_pl):
    """wagtail-localize keeps the trees in step when officials add pages."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    from cms.models import ContentPage

    page = ContentPage(title="Statut Rady", slug="statut", intro="Statut.")
    home_pl.add_child(instance=page)
    page.save_revision().publish()
    create_aliases_for_new_page(page)  # what Wagtail's after_create_page hook runs
    assert page.get_translations().count() == 3
    assert client.get("/ru/statut/").status_code == 200


def test_the_demo_shows_language_access_at_work():
    from events.models import AccessRequest
    from translators.models import Translation, Translator

    assert Translator.objects.get(user__username="resident1").status == Translator.Status.APPROVED
    assert Translation.objects.filter(language="pl").count() == 2
    assert AccessRequest.objects.filter(status=AccessRequest.Status.CONFIRMED).count() == 1


def test_changes_made_while_the_seed_runs_announce_nothing_live(django_capture_on_commit_callbacks):
    from core import live

    with django_capture_on_commit_callbacks() as callbacks:
        with live.muted():
            live.on_commit("meeting-x", lambda: None)
        live.on_commit("meeting-y", lambda: None)
    assert len(callbacks) == 1  # only the one made outside
