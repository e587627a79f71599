"""Officials in the Wagtail admin: the dashboard shows what waits on each of
them (only what their permissions let them act on), a closed consultation
offers "Add the outcome", the outcome form shows whole comments and Publish
plainly, and the admin speaks one language."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Page, Task, Workflow, WorkflowPage

from consultations.models import Comment, ConsultationPage
from events import services as event_services
from tests.accounts.factories import UserFactory, admin_login, moderator, official, superuser
from tests.consultations.factories import DAY, make_comment, make_consultation, outcome_page
from tests.council.factories import build_council, build_meeting, submitted_motion
from tests.events.factories import make_event
from tests.translators.factories import make_translator
from translators.models import Translator

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"


def dashboard(client, user, language="en"):
    admin_login(client, user, language)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def panel(html, name):
    return html.partition(f'id="rada-{name}-section"')[2].partition("</section>")[0]


def closed_consultation(title="Mieszkania dla rodzin"):
    return make_consultation(title=title, opens_at=timezone.now() - 20 * DAY, closes_at=timezone.now() - DAY)


def test_a_moderator_sees_comments_to_moderate_counted_per_language_with_links(client):
    consultation = make_consultation()
    for language, count in (("uk", 3), ("pl", 1)):
        for _ in range(count):
            make_comment(consultation, language=language, needs_review=True)
    make_comment(consultation, language="ru")  # nothing to review
    html = panel(dashboard(client, moderator()), "comments-to-moderate")
    assert "Comments to moderate, by language" in html
    assert f'href="{reverse("consultations_moderation")}?language=uk">Українська</a></td>\n        <td>3</td>' in html
    assert "?language=pl" in html and "?language=ru" not in html


def test_a_moderator_sees_only_the_panels_of_what_a_moderator_does(client):
    closed_consultation()
    make_translator(status=Translator.Status.PENDING)
    html = dashboard(client, moderator())
    assert 'id="rada-comments-to-moderate-section"' in html
    for name in ("closed-without-outcome", "requests-to-confirm", "translators-to-approve", "next-agenda"):
        assert f'id="rada-{name}-section"' not in html


def test_a_resident_with_admin_access_sees_no_panel_they_cannot_act_on(client):
    # A translator approver-to-be with access to the admin but no other permission.
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    html = dashboard(client, user)
    assert 'id="rada-' not in html


def test_an_official_sees_closed_consultations_without_an_outcome_with_the_action(client):
    waiting = closed_consultation()
    make_consultation(title="Otwarta")  # still open
    html = panel(dashboard(client, official()), "closed-without-outcome")
    assert "Mieszkania dla rodzin" in html and "Otwarta" not in html
    assert reverse("wagtailadmin_pages:add", args=["consultations", "outcomepage", waiting.pk]) in html
    assert "Add the outcome: Mieszkania dla rodzin" in html


def test_a_begun_outcome_is_finished_not_added_again_and_a_published_one_leaves_the_panel(client):
    begun = closed_consultation("Zdrowie")
    draft = outcome_page(begun, publish=False)
    done = closed_consultation("Szkoły")
    outcome_page(done)
    html = panel(dashboard(client, official()), "closed-without-outcome")
    assert "Finish the outcome: Zdrowie" in html and reverse("wagtailadmin_pages:edit", args=[draft.pk]) in html
    assert "Szkoły" not in html


def test_an_official_sees_requests_to_confirm_and_translators_to_approve(client):
    event = make_event(make_consultation(), title="Warsztaty")
    event_services.registration_create(user=UserFactory(), event=event, interpreter_language="uk")
    event_services.registration_create(user=UserFactory(), event=event, step_free=True)
    make_translator(status=Translator.Status.PENDING)
    html = dashboard(client, official())
    requests = panel(html, "requests-to-confirm")
    assert "Warsztaty" in requests and "<td>2</td>" in requests
    assert reverse("events_admin_event", args=[event.pk]) in requests
    translators = panel(html, "translators-to-approve")
    assert "<td>1</td>" in translators and "?status=pending" in translators


def test_the_next_agenda_panel_lists_its_motions_and_those_on_no_agenda(client):
    council = build_council()
    scheduled = submitted_motion(council, "m1", title="Tłumacze w przychodniach")
    submitted_motion(council, "m2", title="Dyżury w językach")
    meeting = build_meeting(council, start=False, motion=scheduled)
    meeting.starts_at = timezone.now() + DAY
    meeting.save()
    html = panel(dashboard(client, superuser()), "next-agenda")
    assert "Tłumacze w przychodniach" in html and f"/en/council/motions/{scheduled.pk}/" in html
    assert "Submitted motions on no agenda yet</a></td>\n        <td>1</td>" in html


def test_a_closed_consultation_offers_add_the_outcome_in_its_page_header(client):
    waiting = closed_consultation()
    admin_login(client, official())
    html = client.get(reverse("wagtailadmin_explore", args=[waiting.get_parent().pk])).content.decode()
    add_outcome = reverse("wagtailadmin_pages:add", args=["consultations", "outcomepage", waiting.pk])
    assert add_outcome in html  # in the explorer's listing
    assert add_outcome in client.get(reverse("wagtailadmin_pages:edit", args=[waiting.pk])).content.decode()
    open_one = make_consultation(title="Otwarta")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[open_one.pk])).content.decode()
    assert "outcomepage" not in html


def test_the_outcome_form_shows_whole_comments_and_publish_as_its_button(client):
    consultation = closed_consultation()
    long_text = "Potrzebujemy mieszkań dla rodzin z dziećmi, " * 4 + "najlepiej blisko szkół."
    make_comment(consultation, text=long_text)
    admin_login(client, superuser())
    url = reverse("wagtailadmin_pages:add", args=["consultations", "outcomepage", consultation.pk])
    html = client.get(url).content.decode()
    assert " ".join(long_text.split()) in html
    assert 'name="action-publish"' in first_action(html)
    # Other pages keep Wagtail's order: saving a draft first.
    html = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk])).content.decode()
    assert 'name="action-publish"' not in first_action(html)


def first_action(html):
    """The attributes of the footer's main button (the others are in its dropdown)."""
    return html.partition('class="actions actions--primary')[2].partition("<button")[2].partition(">")[0]


def test_the_submit_button_names_the_workflow_in_the_admins_language(client):
    # Wagtail's first migration makes this workflow on the root page; the tests' database may lack it.
    workflow, _created = Workflow.objects.get_or_create(name="Moderators approval")
    WorkflowPage.objects.get_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
    consultation = make_consultation()
    admin_login(client, official(), "pl")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk])).content.decode()
    assert "Moderators approval" not in html.split("<footer")[-1]
    assert "Wyślij do akceptacji moderatorów" in html


def test_the_dashboard_counts_are_in_the_admins_language_only(client):
    html = dashboard(client, superuser(), "uk")
    assert "created in" not in html.replace('class="w-sr-only">created in', "")
    assert "Images" not in html and "Documents" not in html


def test_comments_hidden_or_deleted_are_not_counted_as_waiting(client):
    consultation = make_consultation()
    make_comment(consultation, language="uk", needs_review=False, state=Comment.State.HIDDEN)
    html = panel(dashboard(client, moderator()), "comments-to-moderate")
    assert "No comment is waiting for a moderator." in html
    assert ConsultationPage.objects.count() == 1


def test_the_dashboard_panels_need_as_many_queries_for_many_items_as_for_one(client, django_assert_max_num_queries):
    closed_consultation("Pierwsza")
    consultation = make_consultation()
    make_comment(consultation, language="uk", needs_review=True)
    make_translator(status=Translator.Status.PENDING)
    admin_login(client, superuser())
    client.get(DASHBOARD)
    with django_assert_max_num_queries(200) as few:
        client.get(DASHBOARD)
    for n in range(8):
        closed_consultation(f"Zamknięta {n}")
        make_comment(consultation, language=["pl", "ru"][n % 2], needs_review=True)
        make_translator(status=Translator.Status.PENDING)
        event = make_event(consultation, title=f"Warsztaty {n}")
        event_services.registration_create(user=UserFactory(), event=event, sign_language=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(DASHBOARD).content.decode()
    assert html.count("Add the outcome:") == 9


def test_the_workflow_and_its_task_are_named_in_the_admins_language_and_stored_unchanged(monkeypatch):
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from consultations import workflow_names

    # A msgid the catalogs already translate stands in for the name's own translation.
    monkeypatch.setitem(workflow_names.NAMES, "Moderators approval", gettext_lazy("Moderation"))
    workflow, _created = Workflow.objects.get_or_create(name="Moderators approval")
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    with translation.override("pl"):
        loaded_workflow = Workflow.objects.get(pk=workflow.pk)
        loaded_task = GroupApprovalTask.objects.get(pk=task.pk)
        assert (loaded_workflow.name, loaded_task.name, str(loaded_workflow)) == ("Moderacja",) * 3
        loaded_task.active = False
        loaded_task.save()
        loaded_workflow.save()
    assert GroupApprovalTask.objects.filter(pk=task.pk, name="Moderators approval", active=False).exists()
    assert Workflow.objects.filter(pk=workflow.pk, name="Moderators approval").exists()
    assert Task.objects.get(pk=task.pk).name == "Moderation"  # the base class too, in English here
    assert Workflow.objects.create(name="Rada's own").name == "Rada's own"  # other names stay as written
