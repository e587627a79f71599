import re

import pytest
from django.utils import translation as i18n
from django.utils.dateformat import format as date_format
from django.utils.timezone import localtime
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from consultations.models import Comment
from tests.accounts.factories import UserFactory
from tests.translators.factories import make_comment, make_proposal
from translators.models import Translation

pytestmark = pytest.mark.django_db


def polish_page(consultation):
    """The reader's interface language is the page's: Polish here."""
    return consultation.url


def in_polish(message, **values):
    """``message`` as a Polish reader sees it, whether or not the catalogue has it yet."""
    with i18n.override("pl"):
        return _(message) % values


def show_label():
    with i18n.override("pl"):
        return in_polish("Show the translation into %(language)s", language=get_language_info("pl")["name_translated"])


def translated(item, *, language="pl", text="Potrzebne są bezpłatne kursy polskiego.", by="Iryna", **fields):
    target = {"proposal": item} if hasattr(item, "title") else {"comment": item}
    return Translation.objects.create(
        language=language, translator=UserFactory(display_name=by), text=text, **fields, **target
    )


def test_reader_sees_the_translation_into_their_language_under_the_original(client, consultation):
    comment = make_comment(consultation, text="Потрібні безкоштовні курси польської мови.")
    translated(comment)
    html = client.get(polish_page(consultation)).content.decode()
    original = html.index('<div class="comment__text" lang="uk">Потрібні безкоштовні курси польської мови.</div>')
    control = html.index(f"<summary>{show_label()}</summary>")
    assert original < control
    assert '<div class="translation__body" lang="pl">' in html
    assert "Potrzebne są bezpłatne kursy polskiego." in html


def test_translation_is_labelled_with_the_translator_and_the_date(client, consultation):
    translation = translated(make_comment(consultation), by="Iryna")
    html = client.get(polish_page(consultation)).content.decode()
    with i18n.override("pl"):
        date = date_format(localtime(translation.created_at), "j E Y")
    assert in_polish("Translated by %(name)s on %(date)s", name="Iryna", date=date) in html


def test_the_control_is_a_details_element_that_works_without_javascript(client, consultation):
    comment = make_comment(consultation)
    translated(comment)
    html = client.get(polish_page(consultation)).content.decode()
    assert re.search(rf'<details class="translation" id="comment-{comment.pk}-translation">\s*<summary>', html)


def test_reader_sees_no_translation_into_another_language(client, consultation):
    translated(make_comment(consultation), language="en", text="We need classes.")
    html = client.get(polish_page(consultation)).content.decode()
    assert '<details class="translation"' not in html
    assert "We need classes." not in html


def test_text_already_in_the_readers_language_offers_no_translation(client, consultation):
    comment = make_comment(consultation, language="pl", text="Potrzebne kursy wieczorowe.")
    translated(comment, language="pl", text="Copy that should never appear.")
    assert '<details class="translation"' not in client.get(polish_page(consultation)).content.decode()


def test_translation_of_a_hidden_comment_is_never_shown(client, consultation):
    comment = make_comment(consultation)
    translated(comment, text="Secret translation of a hidden comment.")
    Comment.objects.filter(pk=comment.pk).update(state=Comment.State.HIDDEN)
    html = client.get(polish_page(consultation)).content.decode()
    assert "Secret translation of a hidden comment." not in html


def test_a_reply_shows_its_translation_too(client, consultation):
    thread = make_comment(consultation, language="pl", text="Gdzie są zajęcia?")
    reply = make_comment(consultation, parent=thread, text="У школі на Морені.")
    translated(reply, text="W szkole na Morenie.")
    assert "W szkole na Morenie." in client.get(polish_page(consultation)).content.decode()


def test_reader_sees_the_translation_of_a_proposal_with_its_title(client, consultation):
    proposal = make_proposal(consultation)
    translated(proposal, title="Kursy w sobotę", text="Proponuję kursy w sobotę.")
    html = client.get(polish_page(consultation)).content.decode()
    assert '<div class="translation__body" lang="pl">' in html
    assert "<p><strong>Kursy w sobotę</strong></p>" in html
    assert f'id="proposal-{proposal.pk}-translation"' in html


def test_a_hidden_proposals_translation_is_never_shown(client, consultation):
    proposal = make_proposal(consultation, is_hidden=True)
    translated(proposal, title="Hidden title", text="Hidden proposal, translated.")
    assert "Hidden proposal, translated." not in client.get(polish_page(consultation)).content.decode()


def test_consultation_page_queries_do_not_grow_with_translated_comments(
    client, consultation, django_assert_max_num_queries
):
    url = polish_page(consultation)

    def count_queries():
        with django_assert_max_num_queries(80) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    translated(make_comment(consultation))
    translated(make_proposal(consultation), title="Classes", text="Classes on Saturday.")
    client.get(url)  # warm the per-process caches (locales, site root)
    translated(make_comment(consultation, text="Коментар"))  # the comment threads are rendered again
    few = count_queries()
    for index in range(15):
        comment = make_comment(consultation, text=f"Коментар {index}")
        translated(comment, text=f"Comment {index}")
        translated(make_comment(consultation, parent=comment, text=f"Відповідь {index}"), text=f"Reply {index}")
        translated(make_proposal(consultation, title=f"Пропозиція {index}"), title=f"Proposal {index}", text="Text.")
    assert count_queries() == few
