"""What became of the invitation codes one issued, and withdrawing one that is
still unused (a printed sheet lost, a person who never came)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts import services
from accounts.groups import OFFICIALS, PARTNERS, ensure_staff_groups
from accounts.models import InvitationCode
from core.errors import RuleBroken
from tests.accounts.factories import PASSWORD, UserFactory
from tests.concurrency import run_in_threads

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
LIST_URL = "/en/accounts/invitations/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def partner_named(name):
    user = UserFactory(display_name=name)
    user.groups.add(Group.objects.get(name=PARTNERS))
    return user


@pytest.fixture
def partner():
    return partner_named("Fundacja Partner")


def issue(partner, count=1, organisation="Fundacja"):
    return services.invitation_codes_issue(issued_by=partner, organisation=organisation, count=count, days=30)


def stored(code):
    return InvitationCode.objects.get(code_hash=services.hash_code(code))


def register(code, name="Mariam"):
    return services.invitation_register(code=code, display_name=name, password=PASSWORD)


def test_a_code_keeps_only_its_last_four_characters_in_clear(partner):
    (code,) = issue(partner)
    assert stored(code).hint == code[-4:]
    assert code.replace("-", "")[:-4] not in str(InvitationCode.objects.values().get(pk=stored(code).pk))


def test_a_withdrawn_code_registers_nobody_and_says_why(partner):
    (code,) = issue(partner)
    services.invitation_code_withdraw(code_id=stored(code).pk, by=partner)
    with pytest.raises(RuleBroken, match="withdrawn by the organisation"):
        register(code)
    assert stored(code).used_at is None


def test_a_used_code_cannot_be_withdrawn(partner):
    (code,) = issue(partner)
    register(code)
    with pytest.raises(RuleBroken, match="already been used"):
        services.invitation_code_withdraw(code_id=stored(code).pk, by=partner)
    assert stored(code).withdrawn_at is None


def test_a_code_is_withdrawn_once(partner):
    (code,) = issue(partner)
    services.invitation_code_withdraw(code_id=stored(code).pk, by=partner)
    with pytest.raises(RuleBroken, match="withdrawn already"):
        services.invitation_code_withdraw(code_id=stored(code).pk, by=partner)


def test_an_expired_code_needs_no_withdrawing(partner):
    (code,) = issue(partner)
    with pytest.raises(RuleBroken, match="expired already"):
        services.invitation_code_withdraw(code_id=stored(code).pk, by=partner, now=timezone.now() + 31 * DAY)


def test_another_organisation_cannot_withdraw_a_partners_code(partner):
    (code,) = issue(partner)
    with pytest.raises(RuleBroken, match="only invitation codes that you issued"):
        services.invitation_code_withdraw(code_id=stored(code).pk, by=partner_named("Inna fundacja"))
    with pytest.raises(RuleBroken, match="only invitation codes that you issued"):
        services.invitation_code_withdraw(code_id=stored(code).pk, by=UserFactory())
    assert stored(code).withdrawn_at is None


def test_an_official_may_withdraw_any_organisations_code(partner):
    (code,) = issue(partner)
    official = UserFactory()
    official.groups.add(Group.objects.get(name=OFFICIALS))
    services.invitation_code_withdraw(code_id=stored(code).pk, by=official)
    assert stored(code).withdrawn_at is not None


def test_the_database_refuses_a_code_both_used_and_withdrawn(partner):
    (code,) = issue(partner)
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        InvitationCode.objects.filter(pk=stored(code).pk).update(used_at=now, withdrawn_at=now)


def test_the_list_shows_a_partner_their_own_codes_and_what_became_of_them(client, partner):
    used, withdrawn, unused = issue(partner, count=3)
    issue(partner_named("Inna fundacja"), organisation="Inna fundacja")
    register(used)
    services.invitation_code_withdraw(code_id=stored(withdrawn).pk, by=partner)
    client.force_login(partner)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert response.context["totals"] == {"issued": 3, "used": 1, "withdrawn": 1, "unused": 1}
    states = {code.hint: code.state for code in response.context["codes"]}
    assert states == {used[-4:]: "used", withdrawn[-4:]: "withdrawn", unused[-4:]: "unused"}
    html = response.content.decode()
    assert "Inna fundacja" not in html
    assert f"the code ending in {unused[-4:]}</span></button>" in html
    assert f"the code ending in {used[-4:]}</span>" not in html


def test_an_official_sees_every_organisations_codes(client, partner):
    issue(partner)
    issue(partner_named("Inna fundacja"), organisation="Inna fundacja")
    official = UserFactory()
    official.groups.add(Group.objects.get(name=OFFICIALS))
    client.force_login(official)
    html = client.get(LIST_URL).content.decode()
    assert "Fundacja Partner" in html and "Inna fundacja" in html


def test_withdrawing_from_the_list_says_which_code_and_stays_on_the_page(client, partner):
    (code,) = issue(partner)
    client.force_login(partner)
    response = client.post(LIST_URL, {"code": stored(code).pk}, follow=True)
    assert response.redirect_chain[-1][0].startswith(LIST_URL)
    assert f"The code ending in {code[-4:]} is withdrawn" in response.content.decode()


@pytest.mark.parametrize("posted", [{}, {"code": "abc"}, {"code": "999999"}])
def test_withdrawing_nothing_or_a_stranger_code_says_why(client, partner, posted):
    client.force_login(partner)
    response = client.post(LIST_URL, posted, follow=True)
    assert "only invitation codes that you issued" in response.content.decode()


def test_the_list_is_forbidden_to_residents(client):
    client.force_login(UserFactory())
    assert client.get(LIST_URL).status_code == 403
    assert client.post(LIST_URL, {"code": 1}).status_code == 403


def test_the_list_costs_the_same_queries_for_fifty_codes_as_for_one(client, partner, django_assert_max_num_queries):
    issue(partner)
    client.force_login(partner)
    client.get(LIST_URL)
    with django_assert_max_num_queries(16) as captured:
        client.get(LIST_URL)
    one = len(captured.captured_queries)
    issue(partner, count=49)
    with django_assert_max_num_queries(one):
        client.get(LIST_URL)


@pytest.mark.concurrent_writers
@pytest.mark.django_db(transaction=True)
def test_a_code_withdrawn_while_being_used_is_either_used_or_withdrawn():
    ensure_staff_groups()  # a transactional test may start after another emptied the tables
    partner = partner_named("Fundacja")
    for attempt in range(10):
        (code,) = issue(partner)
        pk = stored(code).pk

        def race(index, code=code, pk=pk, attempt=attempt):
            if index % 2:
                return services.invitation_code_withdraw(code_id=pk, by=partner)
            return register(code, name=f"Racer {attempt}-{index}")

        errors = run_in_threads(2, race)
        assert len(errors) == 1 and isinstance(errors[0], RuleBroken)
        row = stored(code)
        assert (row.used_at is None) != (row.withdrawn_at is None)


def test_partners_find_their_codes_from_every_page_and_residents_do_not(client, partner):
    client.force_login(partner)
    assert f'href="{LIST_URL}"' in client.get("/en/").content.decode()
    client.force_login(UserFactory())
    assert f'href="{LIST_URL}"' not in client.get("/en/").content.decode()
