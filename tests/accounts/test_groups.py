import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from accounts.groups import MODERATORS, OFFICIALS, ensure_staff_groups
from tests.accounts.factories import UserFactory, admin_login, moderator, official, superuser

pytestmark = pytest.mark.django_db


def test_staff_groups_exist_after_migrate():
    assert Group.objects.filter(name__in=[OFFICIALS, MODERATORS]).count() == 2


def test_migrate_makes_the_staff_groups_again_once_they_are_gone():
    from django.apps import apps
    from django.core.management.sql import emit_post_migrate_signal

    Group.objects.filter(name__in=[OFFICIALS, MODERATORS]).delete()
    assert type(apps.get_app_config("accounts")).__name__ == "AccountsConfig"
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert Group.objects.filter(name__in=[OFFICIALS, MODERATORS]).count() == 2


def test_officials_may_edit_publish_and_translate_pages():
    officials = Group.objects.get(name=OFFICIALS)
    codenames = set(
        GroupPagePermission.objects.filter(group=officials, page=Page.get_first_root_node()).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames
    assert officials.permissions.filter(codename="submit_translation").exists()


def test_moderators_enter_the_admin_but_cannot_edit_pages():
    moderators = Group.objects.get(name=MODERATORS)
    assert moderators.permissions.filter(codename="access_admin").exists()
    assert not GroupPagePermission.objects.filter(group=moderators).exists()


def test_ensuring_groups_twice_adds_nothing():
    before = (Group.objects.count(), GroupPagePermission.objects.count())
    ensure_staff_groups()
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == before


def test_official_works_in_the_wagtail_admin(client):
    client.force_login(official())
    assert client.get("/admin/").status_code == 200
    home = Page.objects.get(depth=2, locale__language_code="pl")
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == 200


def test_resident_is_kept_out_of_the_admin(client):
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_moderator_cannot_edit_pages_in_the_admin(client):
    client.force_login(moderator())
    home = Page.objects.get(depth=2, locale__language_code="pl")
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code in (302, 403)


# --- the admin's list of users ------------------------------------------------------------


@pytest.fixture
def stand_ins(db):
    from accounts import services
    from consultations import services as consultation_services
    from tests.consultations.factories import make_consultation

    leaving = UserFactory(display_name="Leaving Soon")
    now = timezone.now()
    consultation = make_consultation(
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=1), slug="stand-ins"
    )
    consultation_services.comment_post(consultation=consultation, author=leaving, text="Tekst.", language="pl")
    services.contributions_anonymise(user=leaving)
    return get_user_model().objects.exclude(placeholder="")


def test_the_admins_user_list_leaves_out_stand_in_accounts(client, stand_ins):
    admin_login(client, superuser())
    html = client.get("/admin/users/").content.decode()
    assert "Leaving Soon" in html  # the person keeps their account
    assert stand_ins.exists()
    assert not any(user.username in html for user in stand_ins)


def test_the_stand_in_filter_lists_only_stand_in_accounts(client, stand_ins):
    admin_login(client, superuser())
    html = client.get("/admin/users/?stand_ins=true").content.decode()
    assert all(user.username in html for user in stand_ins)
    assert "Leaving Soon" not in html


def test_the_user_list_offers_the_stand_in_filter(client, db):
    admin_login(client, superuser())
    assert "Stand-in accounts" in client.get("/admin/users/").content.decode()
