"""The consultation page as a reader uses it: the side column with what matters,
a way to comment on each section, login links that come back, and feedback shown
next to what was done (announced as a status)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from consultations import services
from tests.consultations.factories import make_comment, make_consultation, make_proposal

from .conftest import DAY, NOW

pytestmark = pytest.mark.django_db


def html_of(response):
    return response.content.decode()


def feedback_in(html, element_id):
    """The text of the status region inside the element with ``element_id``."""
    start = html.index(f'id="{element_id}"')
    region = re.search(r'<div class="inline-feedback" role="status">(.*?)</div>', html[start:], re.S)
    return re.sub(r"<[^>]+>", " ", region.group(1))


def url(name, *args, language="pl"):
    with translation.override(language):
        return reverse(name, args=args)


def test_side_column_shows_status_dates_counts_and_the_way_to_take_part(client, open_consultation):
    make_comment(open_consultation)
    html = html_of(client.get(open_consultation.url))
    side = html[html.index('<aside class="consultation-layout__side"') : html.index("</aside>")]
    assert "badge--open" in side
    assert open_consultation.closes_at.strftime("%Y") in side
    assert re.search(r"Komentarze</dt><dd>1</dd>", re.sub(r"\s*<svg.*?</svg>", "", side))
    assert 'href="#comment-form"' in side


def test_closed_consultation_offers_no_take_part_button(client):
    closed = make_consultation(opens_at=NOW - 20 * DAY, closes_at=NOW - DAY)
    html = html_of(client.get(closed.url))
    assert 'href="#comment-form"' not in html[html.index("<aside") : html.index("</aside>")]


def test_each_section_of_an_open_consultation_has_a_comment_link(client, open_consultation):
    html = html_of(client.get(open_consultation.url))
    for block in open_consultation.sections:
        assert f'href="?section={block.id}#comment-form"' in html


def test_the_section_link_preselects_that_section_in_the_comment_form(client, open_consultation, resident):
    client.force_login(resident)
    block = open_consultation.sections[1]
    form = client.get(f"{open_consultation.url}?section={block.id}").context["comment_form"]
    assert form["section"].value() == block.id


def test_an_unknown_section_in_the_link_is_ignored(client, open_consultation, resident):
    client.force_login(resident)
    form = client.get(f"{open_consultation.url}?section=nonsense").context["comment_form"]
    assert form["section"].value() == ""


def test_proposal_box_gives_a_visitor_a_login_link_that_comes_back(client):
    consultation = make_consultation(allow_proposals=True)
    html = html_of(client.get(consultation.url))
    box = html[html.index('id="proposal-form"') :]
    assert f'href="/pl/accounts/login/?next={consultation.url}%23proposal-form"' in box


def test_thanks_for_a_comment_stands_at_the_comment_not_at_the_top(client, open_consultation, resident):
    client.force_login(resident)
    response = client.post(
        url("consultations:comment_create", open_consultation.pk),
        {"text": "Więcej godzin lekcji.", "language": "pl", "section": ""},
        follow=True,
    )
    html = html_of(response)
    comment = open_consultation_comment(open_consultation)
    assert "Dziękujemy" in feedback_in(html, f"comment-{comment.pk}")
    top = html[html.index('class="container messages-region"') : html.index('<main id="main"')]
    assert "Dziękujemy" not in top


def open_consultation_comment(consultation):
    from consultations.models import Comment

    return Comment.objects.filter(consultation_key=consultation.translation_key).latest("pk")


def test_rating_says_it_is_counted_next_to_the_comment(client, open_consultation, resident, other_resident):
    comment = services.comment_post(consultation=open_consultation, author=resident, text="Tak", language="pl")
    client.force_login(other_resident)
    response = client.post(url("consultations:comment_rate", comment.pk), {"rating": "up"}, follow=True)
    assert response.redirect_chain[-1][0].endswith(f"#comment-{comment.pk}")
    with translation.override("pl"):
        thanks = translation.gettext("Thank you. Your rating is counted.")
    assert thanks in feedback_in(html_of(response), f"comment-{comment.pk}")


def test_rating_ones_own_comment_is_refused_next_to_it(client, open_consultation, resident):
    comment = services.comment_post(consultation=open_consultation, author=resident, text="Tak", language="pl")
    client.force_login(resident)
    response = client.post(url("consultations:comment_rate", comment.pk), {"rating": "up"}, follow=True)
    assert "message--error" in html_of(response).split(f'id="comment-{comment.pk}"')[1].split("</article>")[0]


def test_supporting_a_proposal_says_so_next_to_it(client, resident):
    consultation = make_consultation(allow_proposals=True)
    proposal = make_proposal(consultation)
    client.force_login(resident)
    response = client.post(url("consultations:proposal_support", proposal.pk), {"support": "yes"}, follow=True)
    with translation.override("pl"):
        thanks = translation.gettext("Thank you. Your support is counted.")
    assert thanks in feedback_in(html_of(response), f"proposal-{proposal.pk}")


def test_following_says_so_next_to_the_follow_button(client, open_consultation, resident):
    client.force_login(resident)
    with translation.override("pl"):
        following = translation.gettext(
            "You follow this consultation: we will e-mail you when its outcome is published."
        )
        stopped = translation.gettext("You no longer follow this consultation.")
    response = client.post(url("consultations:follow", open_consultation.pk), {"follow": "yes"}, follow=True)
    assert following in feedback_in(html_of(response), "follow")
    response = client.post(url("consultations:follow", open_consultation.pk), {"follow": "no"}, follow=True)
    assert stopped in feedback_in(html_of(response), "follow")


def test_a_page_with_many_comments_keeps_its_query_count(client, open_consultation, django_assert_max_num_queries):
    for _ in range(30):
        make_comment(open_consultation)
    client.get(open_consultation.url)  # warm the caches of the page tree and locales
    with django_assert_max_num_queries(5):
        client.get(open_consultation.url)
