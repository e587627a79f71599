"""The council's records in the residents' languages: motions, resolutions and
minutes translated by their author or the secretary, or by a volunteer through
the translators' queue; shown and served by the API in the reader's language
with who translated them; what Rada writes itself (numbers, agenda titles)
written in the reader's words; the minutes and resolutions as PDF files."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from core.errors import RuleBroken
from council import services, translation_services
from council.models import Minutes, Motion, RecordTranslation, Resolution
from tests.accounts.factories import UserFactory
from tests.translators.factories import make_translator
from translators import selectors as translator_selectors
from translators import services as translator_services

from .factories import build_meeting, council_record, mark_present, open_poll, submitted_motion, vote

pytestmark = pytest.mark.django_db

UK_TITLE = "Перекладачі в поліклініках"
UK_TEXT = "Рада просить місто забезпечити перекладачів."


def translate(record, user, language="uk", title=UK_TITLE, text=UK_TEXT):
    return translation_services.record_translation_save(
        record=record, user=user, language=language, title=title, text=text
    )


def url(name, language, *args):
    with translation.override(language):
        return reverse(f"council:{name}", args=args)


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def record(db):
    return council_record()


# --- who writes translations -----------------------------------------------------------


def test_the_author_of_a_motion_translates_it(council):
    motion = submitted_motion(council)
    made = translate(motion, council.people["m1"])
    assert (made.language, made.title, made.text) == ("uk", UK_TITLE, UK_TEXT)
    assert made.origin == RecordTranslation.Origin.COUNCIL
    assert made.translated_by == council.people["m1"]


def test_the_secretary_translates_a_motion_they_did_not_write(council):
    motion = submitted_motion(council)
    assert translate(motion, council.secretary).translated_by == council.secretary


def test_another_member_may_not_translate_a_motion_here(council):
    motion = submitted_motion(council)
    with pytest.raises(RuleBroken, match="author of the motion or the council's secretary"):
        translate(motion, council.people["m2"])
    assert not RecordTranslation.objects.exists()


def test_a_resident_outside_the_council_may_not_translate_a_record_here(council):
    with pytest.raises(RuleBroken):
        translate(submitted_motion(council), UserFactory())


def test_a_translation_into_the_records_own_language_is_refused(council):
    with pytest.raises(RuleBroken, match="another of the site's languages"):
        translate(submitted_motion(council), council.people["m1"], language="pl")


def test_a_translation_into_an_unknown_language_is_refused(council):
    with pytest.raises(RuleBroken, match="another of the site's languages"):
        translate(submitted_motion(council), council.people["m1"], language="de")


def test_a_motions_translation_needs_its_title(council):
    with pytest.raises(RuleBroken, match="title too"):
        translate(submitted_motion(council), council.people["m1"], title="")


def test_a_too_long_translation_is_refused(council):
    with pytest.raises(RuleBroken, match="at most 10000 characters"):
        translate(submitted_motion(council), council.people["m1"], text="я" * 10_001)


def test_saving_twice_changes_the_one_translation(council):
    motion = submitted_motion(council)
    translate(motion, council.people["m1"])
    translate(motion, council.secretary, text="Новий текст.")
    (only,) = RecordTranslation.objects.filter(motion=motion)
    assert (only.text, only.translated_by) == ("Новий текст.", council.secretary)


def test_an_emptied_text_removes_the_translation(council):
    motion = submitted_motion(council)
    translate(motion, council.people["m1"])
    assert translate(motion, council.people["m1"], title="", text="  ") is None
    assert not RecordTranslation.objects.exists()


def test_a_motion_adopted_after_being_translated_is_resolved_in_both_languages(council):
    motion = submitted_motion(council)
    translate(motion, council.people["m1"])
    meeting = build_meeting(council, motion=motion)
    mark_present(council, meeting)
    poll = open_poll(council, meeting, on_motion=True)
    for key in ("chair", "secretary", "m1", "m2"):
        vote(council, poll, key, "yes")
    services.poll_close(poll=poll, user=council.chair)
    resolution = Resolution.objects.get(motion=motion)
    (copied,) = resolution.translations.all()
    assert (copied.language, copied.title, copied.translated_by) == ("uk", UK_TITLE, council.people["m1"])


# --- the translators' queue ---------------------------------------------------------------


@pytest.fixture
def volunteer(db):
    return make_translator(pairs=(("pl", "uk"),)).user


def test_the_queue_offers_public_motions_resolutions_and_minutes_but_not_drafts(record, volunteer):
    entries = translator_selectors.council_queue(translator=volunteer.translator)
    kinds = {(entry["kind"], entry["target"]) for entry in entries}
    assert kinds == {("motion", "uk"), ("resolution", "uk"), ("minutes", "uk")}
    motions = [entry["item"] for entry in entries if entry["kind"] == "motion"]
    assert record.motions["draft"] not in motions
    assert record.motions["night_bus"] not in motions  # written in English: not this pair


def test_the_queue_keeps_to_the_pair_the_translator_chose(record):
    both_ways = make_translator(pairs=(("pl", "uk"), ("uk", "pl")))

    def targets(pair_code=""):
        return {
            entry["target"] for entry in translator_selectors.council_queue(translator=both_ways, pair_code=pair_code)
        }

    assert targets() == {"uk", "pl"}
    assert targets("pl-uk") == {"uk"}
    assert targets("uk-pl") == {"pl"}


def test_a_translated_record_leaves_the_queue(record, volunteer):
    motion = record.motions["interpreters"]
    translator_services.translation_submit(
        item=motion, translator=volunteer, language="uk", title=UK_TITLE, text=UK_TEXT
    )
    entries = translator_selectors.council_queue(translator=volunteer.translator)
    assert motion not in [entry["item"] for entry in entries]


def test_a_volunteer_translation_is_labelled_with_the_volunteer(record, volunteer):
    motion = record.motions["interpreters"]
    made = translator_services.translation_submit(
        item=motion, translator=volunteer, language="uk", title=UK_TITLE, text=UK_TEXT
    )
    assert made.origin == RecordTranslation.Origin.TRANSLATOR
    with translation.override("uk"):
        assert Motion.objects.get(pk=motion.pk).shown.translated_by["name"] == volunteer.public_name


def test_a_volunteer_does_not_replace_an_existing_translation(record, volunteer):
    motion = record.motions["interpreters"]
    translate(motion, record.people["m1"])
    with pytest.raises(RuleBroken, match="already been translated"):
        translator_services.translation_submit(
            item=motion, translator=volunteer, language="uk", title="Інше", text="Інше."
        )


def test_a_volunteer_may_not_translate_a_draft_motion(record, volunteer):
    with pytest.raises(RuleBroken, match="draft motion is not public"):
        translator_services.translation_submit(
            item=record.motions["draft"], translator=volunteer, language="uk", title=UK_TITLE, text=UK_TEXT
        )


def test_a_volunteer_translates_only_their_language_pairs(record, volunteer):
    with pytest.raises(RuleBroken, match="do not translate from this language"):
        translator_services.translation_submit(
            item=record.motions["interpreters"], translator=volunteer, language="ru", title="Т", text="Текст."
        )


def test_a_person_not_approved_as_translator_is_refused(record):
    with pytest.raises(RuleBroken, match="approved translators"):
        translator_services.translation_submit(
            item=record.motions["interpreters"], translator=UserFactory(), language="uk", title="Т", text="Т."
        )


def test_the_queue_page_lists_the_councils_records(client, record, volunteer):
    client.force_login(volunteer)
    html = client.get("/en/translators/queue/").content.decode()
    assert "council-queue-heading" in html
    motion = record.motions["interpreters"]
    assert f"/translators/translate/motion/{motion.pk}/uk/" in html


def test_a_volunteer_publishes_a_minutes_translation_from_the_translate_page(client, record, volunteer):
    minutes = Minutes.objects.get(meeting=record.meetings[0])
    client.force_login(volunteer)
    response = client.post(f"/en/translators/translate/minutes/{minutes.pk}/uk/", {"text": "Протокол засідання."})
    assert response.status_code == 302
    assert minutes.translations.get().text == "Протокол засідання."


# --- pages in the reader's language --------------------------------------------------------


def test_the_motion_page_in_ukrainian_shows_the_translation_and_who_made_it(client, council):
    motion = submitted_motion(council)
    translate(motion, council.people["m1"])
    html = client.get(url("motion", "uk", motion.pk)).content.decode()
    assert f'<h1 lang="uk">{UK_TITLE}</h1>' in html
    assert "Member 1" in html.split('class="record-language"', 1)[1]


def test_the_motion_page_without_a_translation_shows_the_original_marked_polish(client, council):
    motion = submitted_motion(council)
    html = client.get(url("motion", "ru", motion.pk)).content.decode()
    assert '<h1 lang="pl">Tłumacze w przychodniach</h1>' in html


def test_the_motion_page_links_each_language_it_is_in(client, council):
    motion = submitted_motion(council)
    translate(motion, council.people["m1"])
    html = client.get(url("motion", "en", motion.pk)).content.decode()
    assert f'href="/uk/council/motions/{motion.pk}/" hreflang="uk"' in html
    assert f'href="/pl/council/motions/{motion.pk}/" hreflang="pl"' in html


def test_the_projector_in_ukrainian_names_the_motion_in_ukrainian_words(client, council):
    motion = submitted_motion(council)
    translate(motion, council.people["m1"])
    meeting = build_meeting(council, motion=motion)
    item = meeting.agenda_items.get(motion=motion)
    services.agenda_item_select(meeting=meeting, item=item, user=council.chair)
    html = client.get(url("projector", "uk", meeting.pk)).content.decode()
    with translation.override("uk"):
        label = str(motion.label)
    assert f'{label}: <span lang="uk">{UK_TITLE}</span>' in html
    assert "Wniosek" not in html


def test_the_meeting_page_in_english_names_the_motion_in_english_words(client, council):
    motion = submitted_motion(council)
    meeting = build_meeting(council, motion=motion)
    html = client.get(url("meeting", "en", meeting.pk)).content.decode()
    assert f"Motion {council.term.roman}/1: " in html
    assert "Wniosek nr" not in html


def test_the_resolution_page_shows_its_translation_and_a_pdf_link(client, record):
    resolution = Resolution.objects.get(term=record.term, number=1)
    translate(resolution, record.secretary)
    html = client.get(url("resolution", "uk", resolution.pk)).content.decode()
    assert f"<strong>{UK_TITLE}</strong>" in html
    assert f'href="/uk/council/resolutions/{resolution.pk}.pdf"' in html


def test_the_minutes_page_shows_their_translation(client, record):
    minutes = Minutes.objects.get(meeting=record.meetings[0])
    translate(minutes, record.secretary, title="", text="Протокол українською.")
    html = client.get(url("minutes", "uk", record.meetings[0].pk)).content.decode()
    assert '<div class="prose" lang="uk"><p>Протокол українською.</p></div>' in html


@pytest.mark.parametrize("name", ["motions", "resolutions"])
def test_the_lists_take_no_more_queries_with_translations(client, record, name, django_assert_max_num_queries):
    with django_assert_max_num_queries(100) as plain:
        client.get(url(name, "uk"))
    for motion in Motion.objects.exclude(state=Motion.State.DRAFT).exclude(language="uk"):
        translate(motion, record.secretary)
    for resolution in Resolution.objects.exclude(language="uk"):
        translate(resolution, record.secretary)
    with django_assert_max_num_queries(len(plain.captured_queries)):
        html = client.get(url(name, "uk")).content.decode()
    assert f'<span lang="uk">{UK_TITLE}</span>' in html


# --- writing translations on the site --------------------------------------------------------


def test_the_author_opens_and_saves_the_translations_form(client, council):
    motion = submitted_motion(council)
    client.force_login(council.people["m1"])
    page = client.get(url("motion_translations", "en", motion.pk))
    assert page.status_code == 200
    assert 'name="title_uk"' in page.content.decode()
    assert 'name="title_pl"' not in page.content.decode()  # the original's language
    response = client.post(
        url("motion_translations", "en", motion.pk), {"title_uk": UK_TITLE, "text_uk": UK_TEXT, "title_en": ""}
    )
    assert response.status_code == 302
    assert motion.translations.get().language == "uk"


def test_another_member_is_sent_back_from_the_translations_form(client, council):
    motion = submitted_motion(council)
    client.force_login(council.people["m2"])
    response = client.post(url("motion_translations", "en", motion.pk), {"title_uk": "x", "text_uk": "x"})
    assert response.status_code == 302
    assert not motion.translations.exists()


def test_the_translations_form_asks_a_visitor_to_log_in(client, council):
    response = client.get(url("motion_translations", "en", submitted_motion(council).pk))
    assert response.status_code == 302 and "login" in response["Location"]


def test_only_the_secretary_sees_the_link_to_translate_a_resolution(client, record):
    resolution = Resolution.objects.get(term=record.term, number=1)
    link = url("resolution_translations", "en", resolution.pk)
    assert link not in client.get(url("resolution", "en", resolution.pk)).content.decode()
    client.force_login(record.secretary)
    assert link in client.get(url("resolution", "en", resolution.pk)).content.decode()


# --- the API ---------------------------------------------------------------------------------


def motion_row(client, motion, **params):
    rows = client.get("/api/v1/council/motions/", params).json()["results"]
    return next(row for row in rows if row["id"] == motion.pk)


def test_the_api_gives_a_motion_in_each_language_asked_for(client, council):
    motion = submitted_motion(council)
    translate(motion, council.people["m1"])
    translate(motion, council.people["m1"], language="en", title="Interpreters in clinics", text="The council asks.")
    for code, title in (("uk", UK_TITLE), ("en", "Interpreters in clinics")):
        row = motion_row(client, motion, lang=code)
        assert (row["title"], row["language"], row["original_language"]) == (title, code, "pl")
        assert row["translated_by"]["name"] == "Member 1"


def test_the_api_falls_back_to_the_original_without_a_translation(client, council):
    motion = submitted_motion(council)
    row = motion_row(client, motion, lang="ru")
    assert (row["title"], row["language"], row["translated_by"]) == ("Tłumacze w przychodniach", "pl", None)


def test_the_api_gives_the_original_when_no_language_is_asked_for(client, council):
    motion = submitted_motion(council)
    translate(motion, council.people["m1"])
    row = motion_row(client, motion)
    assert (row["title"], row["language"], row["translated_by"]) == ("Tłumacze w przychodniach", "pl", None)


def test_the_api_refuses_an_unknown_language(client, council):
    submitted_motion(council)
    response = client.get("/api/v1/council/motions/", {"lang": "xx"})
    assert response.status_code == 400


def test_the_api_gives_a_resolution_and_its_pdf_in_the_language_asked_for(client, record):
    resolution = Resolution.objects.get(term=record.term, number=1)
    translate(resolution, record.secretary)
    rows = client.get("/api/v1/council/resolutions/", {"lang": "uk"}).json()["results"]
    row = next(row for row in rows if row["id"] == resolution.pk)
    assert (row["title"], row["language"]) == (UK_TITLE, "uk")
    assert row["translated_by"]["name"] == "Secretary"
    assert row["pdf_url"].endswith(f"/uk/council/resolutions/{resolution.pk}.pdf")


def test_the_meeting_api_gives_the_minutes_in_the_language_asked_for(client, record):
    meeting = record.meetings[0]
    translate(Minutes.objects.get(meeting=meeting), record.secretary, title="", text="Протокол.")
    body = client.get(f"/api/v1/council/meetings/{meeting.pk}/", {"lang": "uk"}).json()
    assert body["minutes"]["text"] == "Протокол."
    assert (body["minutes"]["language"], body["minutes"]["original_language"]) == ("uk", "pl")
    assert body["minutes"]["translated_by"]["name"] == "Secretary"
    assert client.get(f"/api/v1/council/meetings/{meeting.pk}/", {"lang": "xx"}).status_code == 400


def test_the_csv_has_the_translators_columns(client, record):
    resolution = Resolution.objects.get(term=record.term, number=1)
    translate(resolution, record.secretary)
    csv = client.get("/api/v1/council/resolutions.csv", {"lang": "uk"}).content.decode()
    header = csv.splitlines()[0]
    assert "translated_by.name" in header and "original_language" in header
    assert UK_TITLE in csv


def test_the_openapi_document_describes_lang_and_translated_by(client):
    document = client.get("/api/v1/openapi.json").json()
    motion = document["components"]["schemas"]["Motion"]["properties"]
    assert {"translated_by", "original_language", "language"} <= set(motion)
    parameters = document["paths"]["/council/motions/"]["get"]["parameters"]
    assert "lang" in [parameter["name"] for parameter in parameters]
    meeting = document["paths"]["/council/meetings/{id}/"]["get"]["parameters"]
    assert "lang" in [parameter["name"] for parameter in meeting]


def test_the_api_list_takes_no_more_queries_with_translations(client, record, django_assert_max_num_queries):
    with django_assert_max_num_queries(100) as plain:
        client.get("/api/v1/council/motions/", {"lang": "uk"})
    for motion in Motion.objects.exclude(state=Motion.State.DRAFT).exclude(language="uk"):
        translate(motion, record.secretary)
    with django_assert_max_num_queries(len(plain.captured_queries)):
        client.get("/api/v1/council/motions/", {"lang": "uk"})


# --- PDF files -----------------------------------------------------------------------------


def test_a_resolution_pdf_is_in_the_language_of_its_address(client, record):
    resolution = Resolution.objects.get(term=record.term, number=1)
    translate(resolution, record.secretary)
    text = pdf_text(client.get(url("resolution_pdf", "uk", resolution.pk)))
    assert UK_TITLE in text
    with translation.override("uk"):
        assert str(resolution.label) in text
    original = pdf_text(client.get(url("resolution_pdf", "pl", resolution.pk)))
    assert "Tłumacze w przychodniach" in original and UK_TITLE not in original


def test_a_named_votes_pdf_lists_each_members_vote(client, record):
    resolution = Resolution.objects.get(term=record.term, number=1)  # adopted by a named vote
    text = pdf_text(client.get(url("resolution_pdf", "en", resolution.pk)))
    assert "Member 2" in text and "Secretary" in text


def test_a_secret_votes_pdf_holds_only_the_totals(client, record):
    resolution = Resolution.objects.get(motion=record.motions["housing"])  # adopted by a secret vote
    text = pdf_text(client.get(url("resolution_pdf", "en", resolution.pk)))
    assert "Secret ballot" in text
    for voter in ("Member 1", "Member 2", "Member 4", "Member 5", "Secretary"):
        assert voter not in text  # Member 3 wrote the motion and is named as its author


def test_the_minutes_pdf_has_the_translation_and_the_voting_record(client, record):
    meeting = record.meetings[0]
    translate(Minutes.objects.get(meeting=meeting), record.secretary, title="", text="Протокол українською.")
    text = pdf_text(client.get(url("minutes_pdf", "uk", meeting.pk)))
    assert "Протокол українською." in text
    assert "Czy Rada przyjmuje wniosek w sprawie tłumaczy?" in text  # the poll, in the meeting's language


def test_unpublished_minutes_have_no_public_pdf(client, council):
    meeting = build_meeting(council)
    meeting = services.meeting_close(meeting=meeting, user=council.chair)
    assert client.get(url("minutes_pdf", "en", meeting.pk)).status_code == 404
    client.force_login(council.secretary)
    assert client.get(url("minutes_pdf", "en", meeting.pk)).status_code == 200


def test_a_missing_resolution_has_no_pdf(client, db):
    assert client.get(url("resolution_pdf", "en", 999999)).status_code == 404
