import pytest
from django.urls import reverse

from core.errors import RuleBroken
from tests.accounts.factories import UserFactory
from tests.translators.factories import make_translator
from translators import services
from translators.models import Translator

pytestmark = pytest.mark.django_db


def test_resident_registers_as_a_translator_and_waits_for_approval():
    user = UserFactory()
    translator = services.translator_register(user=user, pairs=[("uk", "pl"), ("pl", "uk")], is_sworn=True)
    assert translator.status == Translator.Status.PENDING
    assert sorted(pair.code for pair in translator.pairs.all()) == ["pl-uk", "uk-pl"]
    assert translator.is_sworn


def test_registration_needs_a_verified_email():
    with pytest.raises(RuleBroken, match="Confirm your e-mail"):
        services.translator_register(user=UserFactory(verified=False), pairs=[("uk", "pl")])


def test_a_person_who_joined_with_an_invitation_code_may_register_as_a_translator():
    person = UserFactory(verified=False, joined_with_invitation=True, email="")
    assert services.translator_register(user=person, pairs=[("uk", "pl")]).user == person


def test_registration_needs_at_least_one_pair():
    with pytest.raises(RuleBroken, match="at least one language pair"):
        services.translator_register(user=UserFactory(), pairs=[])


def test_a_pair_of_one_language_is_refused():
    with pytest.raises(RuleBroken, match="two different languages"):
        services.translator_register(user=UserFactory(), pairs=[("uk", "uk")])


def test_a_pair_outside_the_site_languages_is_refused():
    with pytest.raises(RuleBroken, match="site's languages"):
        services.translator_register(user=UserFactory(), pairs=[("de", "pl")])


def test_other_languages_are_kept_as_clean_codes():
    translator = services.translator_register(user=UserFactory(), pairs=[("uk", "pl")], other_languages=" BE; ka,be ")
    assert translator.other_language_list() == ["be", "ka"]


def test_changing_pairs_after_approval_needs_approval_again():
    translator = make_translator(pairs=[("uk", "pl")])
    services.translator_register(user=translator.user, pairs=[("uk", "pl"), ("ru", "pl")])
    translator.refresh_from_db()
    assert translator.status == Translator.Status.PENDING


def test_changing_only_the_listing_keeps_the_approval():
    translator = make_translator(pairs=[("uk", "pl")])
    services.translator_register(user=translator.user, pairs=[("uk", "pl")], is_listed=True)
    translator.refresh_from_db()
    assert (translator.status, translator.is_listed) == (Translator.Status.APPROVED, True)


def test_registration_form_creates_a_pending_registration(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("translators:register"),
        {"kind": "city_interpreter", "pairs": ["uk-pl", "pl-uk"], "is_listed": "on", "other_languages": "be"},
    )
    assert response.status_code == 302
    translator = Translator.objects.get(user=user)
    assert (translator.kind, translator.status, translator.is_listed) == ("city_interpreter", "pending", True)


def test_registration_form_without_pairs_says_why(client):
    client.force_login(UserFactory())
    response = client.post(reverse("translators:register"), {"kind": "volunteer"})
    assert response.status_code == 400
    assert "Choose at least one language pair." in response.content.decode()


def test_officials_may_manage_translators_in_the_admin(official):
    assert official.has_perm("translators.change_translator")
    assert not official.has_perm("translators.add_translator")


def test_official_approves_a_registration_in_the_admin_and_is_recorded(client, official):
    translator = make_translator(status=Translator.Status.PENDING, pairs=[("uk", "pl")])
    pair = translator.pairs.get()
    client.force_login(official)
    url = reverse("translators_admin:edit", args=[translator.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "status": "approved",
            "kind": "volunteer",
            "other_languages": "",
            "pairs-TOTAL_FORMS": "1",
            "pairs-INITIAL_FORMS": "1",
            "pairs-MIN_NUM_FORMS": "0",
            "pairs-MAX_NUM_FORMS": "1000",
            "pairs-0-id": str(pair.pk),
            "pairs-0-source": "uk",
            "pairs-0-target": "pl",
        },
    )
    assert response.status_code == 302
    translator.refresh_from_db()
    assert (translator.status, translator.decided_by) == ("approved", official)
    assert translator.decided_at is not None


def test_residents_cannot_open_the_translators_admin(client):
    translator = make_translator(status=Translator.Status.PENDING)
    client.force_login(translator.user)
    response = client.get(reverse("translators_admin:edit", args=[translator.pk]))
    assert response.status_code in (302, 403)


def test_public_list_shows_approved_listed_translators_with_their_pairs(client):
    make_translator(UserFactory(display_name="Iryna"), pairs=[("uk", "pl")], is_listed=True)
    response = client.get("/en/translators/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Iryna" in html
    assert '<span lang="uk">Ukrainian</span> → <span lang="pl">Polish</span>' in html


def test_public_list_leaves_out_the_unlisted_and_the_unapproved(client):
    make_translator(UserFactory(display_name="Hidden Hanna"), is_listed=False)
    make_translator(UserFactory(display_name="Pending Petro"), status=Translator.Status.PENDING, is_listed=True)
    make_translator(UserFactory(display_name="Rejected Roman"), status=Translator.Status.REJECTED, is_listed=True)
    html = client.get("/en/translators/").content.decode()
    assert "Hidden Hanna" not in html
    assert "Pending Petro" not in html
    assert "Rejected Roman" not in html


def test_public_list_never_shows_an_email_address(client):
    user = UserFactory(display_name="Iryna", email="iryna.secret@example.net")
    make_translator(user, is_listed=True)
    assert "iryna.secret@example.net" not in client.get("/en/translators/").content.decode()


def test_public_list_takes_two_queries_however_many_translators(client, django_assert_max_num_queries):
    for _index in range(5):
        make_translator(pairs=[("uk", "pl"), ("ru", "pl")], is_listed=True)
    from translators.selectors import listed_translators

    with django_assert_max_num_queries(2):
        translators = listed_translators()
        [list(translator.pairs.all()) for translator in translators]
