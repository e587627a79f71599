import pytest
from django.db import IntegrityError, transaction

from consultations import services
from consultations.models import Comment, ModerationDecision, Report
from core.errors import RuleBroken
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(open_consultation, resident):
    return services.comment_post(consultation=open_consultation, author=resident, text="Coś nie tak", language="ru")


def report(comment, reporter=None, reason="abuse"):
    return services.comment_report(comment=comment, reporter=reporter or UserFactory(), reason=reason)


def test_a_report_marks_the_comment_for_review_but_keeps_it_visible(comment):
    report(comment)
    comment.refresh_from_db()
    assert comment.is_published
    assert comment.needs_review


def test_reports_from_several_residents_hide_the_comment_pending_review(comment, settings):
    settings.RADA_REPORTS_TO_HIDE = 3
    for _ in range(3):
        report(comment)
    comment.refresh_from_db()
    assert comment.state == Comment.State.HIDDEN
    assert comment.needs_review
    decision = comment.decisions.get()
    assert decision.action == ModerationDecision.Action.AUTO_HIDE
    assert decision.moderator is None


def test_one_resident_reports_a_comment_once(comment, other_resident):
    report(comment, other_resident)
    with pytest.raises(RuleBroken, match="already reported"):
        report(comment, other_resident, reason="spam")
    assert comment.reports.count() == 1


def test_the_database_allows_one_report_per_person(comment, other_resident):
    report(comment, other_resident)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(comment=comment, reporter=other_resident, reason="spam")


def test_nobody_reports_their_own_comment(comment, resident):
    with pytest.raises(RuleBroken, match="own comment"):
        report(comment, resident)


def test_unknown_reason_is_refused(comment):
    with pytest.raises(RuleBroken, match="reason"):
        report(comment, reason="boring")


def test_moderator_hides_with_a_reason_that_is_logged(comment, moderator):
    report(comment)
    services.comment_hide(comment=comment, moderator=moderator, reason="Obraźliwe sformułowania.")
    comment.refresh_from_db()
    assert comment.state == Comment.State.HIDDEN
    assert comment.hidden_reason == "Obraźliwe sformułowania."
    assert not comment.needs_review
    assert not comment.reports.filter(resolved=False).exists()
    decision = comment.decisions.get()
    assert (decision.moderator, decision.action, decision.reason) == (
        moderator,
        ModerationDecision.Action.HIDE,
        "Obraźliwe sformułowania.",
    )


def test_moderator_restores_an_automatically_hidden_comment(comment, moderator, settings):
    settings.RADA_REPORTS_TO_HIDE = 1
    report(comment)
    services.comment_restore(comment=comment, moderator=moderator, reason="Ostre, ale w granicach.")
    comment.refresh_from_db()
    assert comment.is_published
    assert [d.action for d in comment.decisions.order_by("created_at", "id")] == ["auto_hide", "restore"]


def test_a_decision_without_a_reason_is_refused(comment, moderator):
    with pytest.raises(RuleBroken, match="reason"):
        services.comment_hide(comment=comment, moderator=moderator, reason="  ")
    comment.refresh_from_db()
    assert comment.is_published


def test_a_resident_cannot_moderate(comment, other_resident):
    with pytest.raises(RuleBroken, match="moderators"):
        services.comment_hide(comment=comment, moderator=other_resident, reason="Bo tak")


def test_the_author_sees_the_reason_others_see_only_a_placeholder(
    client, open_consultation, comment, resident, moderator
):
    services.comment_hide(comment=comment, moderator=moderator, reason="Dane osobowe sąsiada.")
    client.force_login(resident)
    assert "Dane osobowe sąsiada." in client.get(open_consultation.url).content.decode()
    client.force_login(UserFactory())
    html = client.get(open_consultation.url).content.decode()
    assert "Dane osobowe sąsiada." not in html
    assert "Coś nie tak" not in html


def test_reporting_through_the_site(client, comment, other_resident):
    client.force_login(other_resident)
    assert client.get(f"/en/participation/comments/{comment.pk}/report/").status_code == 200
    response = client.post(f"/en/participation/comments/{comment.pk}/report/", {"reason": "spam", "details": ""})
    assert response.status_code == 302
    assert comment.reports.count() == 1


def test_moderation_queue_in_the_admin_filters_by_language(client, comment, moderator):
    report(comment)
    client.force_login(moderator)
    assert comment in client.get("/admin/moderation/?language=ru").context["comments"]
    assert comment not in client.get("/admin/moderation/?language=pl").context["comments"]


def test_moderator_hides_from_the_admin(client, comment, moderator):
    client.force_login(moderator)
    client.post(f"/admin/moderation/{comment.pk}/hide/", {"reason": "Spam."})
    comment.refresh_from_db()
    assert comment.state == Comment.State.HIDDEN


def test_an_official_without_moderation_rights_is_refused_in_the_admin(client, comment):
    editor = UserFactory()
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/moderation/")["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
    client.post(f"/admin/moderation/{comment.pk}/hide/", {"reason": "x"})
    comment.refresh_from_db()
    assert comment.is_published
    assert not comment.decisions.exists()


def test_official_answers_as_the_city(client, open_consultation, comment, official):
    answer = services.comment_post(
        consultation=open_consultation,
        author=official,
        text="Dziękujemy, sprawdzimy.",
        language="pl",
        parent=comment,
        official=True,
    )
    assert answer.is_official
    assert "badge--official" in client.get(open_consultation.url).content.decode()


def test_a_resident_cannot_answer_as_the_city(open_consultation, comment, other_resident):
    with pytest.raises(RuleBroken, match="officials"):
        services.comment_post(
            consultation=open_consultation,
            author=other_resident,
            text="Jako miasto",
            language="pl",
            parent=comment,
            official=True,
        )


def test_the_report_page_never_shows_a_hidden_comment(client, comment, moderator, other_resident):
    services.comment_hide(comment=comment, moderator=moderator, reason="Spam.")
    client.force_login(other_resident)
    response = client.get(f"/en/participation/comments/{comment.pk}/report/")
    assert response.status_code == 302
    assert "Coś nie tak" not in client.get(response["Location"]).content.decode()


def test_the_moderation_log_explains_automatic_hiding_in_the_moderators_language(client, comment, moderator, settings):
    settings.RADA_REPORTS_TO_HIDE = 1
    report(comment)
    client.force_login(moderator)
    html = client.get("/admin/moderation/?show=hidden", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "zgłoszony przez kilka osób" in html
