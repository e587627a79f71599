"""What the open-data tests read: evaluation indicators, published outcomes,
and a site with something in every listing, feed, calendar and sitemap
section (:func:`open_data`), built through the apps' services as an official,
residents and the council would make it."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from cms import services as cms_services
from consultations import services as consultation_services
from consultations.models import OutcomeAnswer, OutcomePage
from core.areas import Area
from council.models import Motion
from opendata.models import Indicator
from tests.accounts.factories import UserFactory, facilitator, moderator, official
from tests.cms.factories import model_page, model_task, organisation, translate
from tests.consultations.factories import consultation_index, make_comment, make_consultation, make_proposal
from tests.council.factories import council_page, council_record

DAY = datetime.timedelta(days=1)
LANGUAGES = ("pl", "en", "uk", "ru")


def indicator(measure="", *, area="education", target=10, year=2026, **fields):
    """An evaluation indicator of ``area``: counted by ``measure``, or given by hand."""
    fields = {"name_pl": "Wskaźnik", "name_en": "Indicator", **fields}
    return Indicator.objects.create(area=area, target=target, year=year, measure=measure, **fields)


def publish_outcome(consultation, *, publish=True, answers=(), user=None, **fields):
    """The outcome page of ``consultation`` (which has closed), with the city's
    ``answers`` (:class:`OutcomeAnswer`), published by an official, or left a
    draft that is not live."""
    values = {
        "title": "Wyniki",
        "slug": "wyniki",
        "summary": "<p>Usłyszeliśmy &amp; zmieniliśmy.</p>",
        "changes": "<p>Zmiany.</p>",
        **fields,
    }
    outcome = OutcomePage(live=publish, **values)
    for answer in answers:
        outcome.answers.add(answer)
    consultation.add_child(instance=outcome)
    revision = outcome.save_revision(user=user or official())
    if publish:
        revision.publish(user=revision.user)
    return OutcomePage.objects.get(pk=outcome.pk)


# --- a site with something everywhere -----------------------------------------------------

# slug: (title in each language, areas, opens and closes in days from now, proposals allowed)
CONSULTATIONS = {
    "schools": (
        {
            "pl": "Język polski dla dzieci w szkołach",
            "en": "Polish for children at school",
            "uk": "Польська мова для дітей у школах",
            "ru": "Польский язык для детей в школах",
        },
        ["education"],
        (-10, 20),
        True,
    ),
    "info-point": (
        {
            "pl": "Punkt informacyjny dla migrantów",
            "en": "An information point for migrants",
            "uk": "Інформаційний пункт для мігрантів",
            "ru": "Информационный пункт для мигрантов",
        },
        ["local-communities", "social-welfare"],
        (-3, 30),
        True,
    ),
    "rent": (
        {
            "pl": "Wsparcie najmu dla nowych mieszkańców",
            "en": "Help with renting for new residents",
            "uk": "Підтримка оренди для нових мешканців",
            "ru": "Поддержка аренды для новых жителей",
        },
        ["housing"],
        (14, 45),
        False,
    ),
    "festival": (
        {
            "pl": "Festiwal sąsiedzki wielu kultur",
            "en": "A neighbourhood festival of many cultures",
            "uk": "Сусідський фестиваль багатьох культур",
            "ru": "Соседский фестиваль многих культур",
        },
        ["culture", "local-communities"],
        (-60, -20),
        False,
    ),
    "health": ({"pl": "Informacja zdrowotna dla nowych mieszkańców"}, ["health"], (-40, -5), False),
}


INDEX_TITLES = {"en": "Consultations", "uk": "Консультації", "ru": "Консультации"}


def open_data():
    """A site as the public sees it after some months, with something in
    every listing, feed, calendar and sitemap section:

    * the Integration Model with a page per thematic area, the consultations'
      index and the council's page, in all four languages;
    * five consultations: two open that take proposals ("schools",
      "info-point"), one upcoming ("rent"), one closed with a published
      outcome ("festival") and one closed without ("health"), all translated
      but "health", which stays in Polish (an alias elsewhere);
    * comments in four languages (with a reply, the city's answer, a comment
      a moderator hid, and comments a facilitator entered for residents),
      proposals and their supports;
    * the outcome answers two comment threads and is translated into English;
    * the council's record (:func:`tests.council.factories.council_record`):
      meetings held with named and secret votes, resolutions, motions; the
      adopted motion "interpreters" gives the council's opinion on "health"
      (so the API's motions and resolutions name a consultation).
    """
    now = timezone.now()
    # Translations are made before the tree is synchronised: an alias is made
    # only where a page stays untranslated (each costs as much as a page).
    model_page()
    council_page()
    index = consultation_index()
    for code, title in INDEX_TITLES.items():
        translate(index, code, title=title)
    pages = {}
    for slug, (titles, areas, (opens, closes), proposals) in CONSULTATIONS.items():
        pages[slug] = make_consultation(
            parent=index,
            slug=slug,
            title=titles["pl"],
            intro=f"{titles['pl']}: co o tym myślisz?",
            opens_at=now + opens * DAY,
            closes_at=now + closes * DAY,
            areas=areas,
            allow_proposals=proposals,
            contact_name="Anna Urzędniczka",
            contact_email="anna.urzedniczka@gdansk.example",
        )
        for code, title in titles.items():
            if code != "pl":
                translate(pages[slug], code, title=title)
    residents = [UserFactory(display_name=name) for name in ("Iryna", "Pedro", "Mewa", "Olga", "Ahmed")]
    comments = _comments(pages, residents)
    proposals = _proposals(pages, residents, now)
    outcome = publish_outcome(
        pages["festival"],
        title="Wyniki konsultacji festiwalu",
        answers=[
            OutcomeAnswer(comment=comments["festival"][0], status="accepted", justification="Piknik w sobotę."),
            OutcomeAnswer(comment=comments["festival"][1], status="noted", justification="Za rok."),
        ],
    )
    translated_outcome = translate(outcome, "en", title="Outcome of the festival consultation")
    council = council_record()
    Motion.objects.filter(pk=council.motions["interpreters"].pk).update(
        consultation_key=pages["health"].translation_key
    )
    tasks = _model_tasks(pages, council)
    cms_services.tree_synchronise()
    return SimpleNamespace(
        now=now,
        index=index,
        consultations=pages,
        residents=residents,
        comments=comments,
        proposals=proposals,
        outcome=outcome,
        outcome_en=translated_outcome,
        council=council,
        tasks=tasks,
    )


def _model_tasks(pages, council):
    """Three tasks of the Model: one in progress linked to a consultation, a
    resolution and an indicator, with notes in two languages; one planned
    across all areas; one done."""
    ngo = organisation("fundacja", kind="partner", name_pl="Fundacja Emigrantka", name_uk="Фундація «Емігрантка»")
    centre = model_task(
        "centrum",
        areas=["social-welfare", "local-communities"],
        notes=[(datetime.date(2025, 5, 1), "Otwarto punkt."), (datetime.date(2026, 3, 2), "Dyżury w soboty.")],
    )
    centre.partners.add(ngo)
    centre.consultations.add(pages["info-point"])
    centre.resolutions.add(council.motions["interpreters"].resolution)
    centre.indicators.add(indicator("council_meetings", area="social-welfare", target=6))
    planned = model_task(
        "rzecznik",
        areas=[],
        lead=ngo,
        title_pl="Rzecznik ds. integracji",
        title_en="Integration ombudsperson",
        title_uk="",
        status="planned",
    )
    done = model_task(
        "pakiet",
        areas=["education"],
        title_pl="Pakiet startowy",
        title_en="Start package",
        title_uk="",
        status="done",
        ended_on=datetime.date(2025, 11, 30),
    )
    return {"centre": centre, "planned": planned, "done": done}


def _comments(pages, residents):
    """Comments written while each consultation was open (none on "rent", not open yet)."""
    iryna, pedro, mewa, olga, ahmed = residents
    made = {
        "schools": [
            make_comment(pages["schools"], author=iryna, language="uk", text="Потрібні безкоштовні курси."),
            make_comment(pages["schools"], author=pedro, language="pl", text="Zajęcia po lekcjach, proszę."),
            make_comment(pages["schools"], author=mewa, language="ru", text="Нужны учебники на двух языках."),
        ],
        "info-point": [
            make_comment(pages["info-point"], author=olga, language="en", text="Open on Saturdays, please."),
        ],
        "festival": [
            make_comment(
                pages["festival"], author=iryna, language="uk", text="Сімейний пікнік у суботу.", age=30 * DAY
            ),
            make_comment(
                pages["festival"], author=ahmed, language="en", text="Announcements in English.", age=29 * DAY
            ),
        ],
        "health": [
            make_comment(pages["health"], author=pedro, language="pl", text="Ulotki po ukraińsku.", age=10 * DAY),
        ],
    }
    thread = made["schools"][0]
    make_comment(pages["schools"], author=pedro, language="pl", text="Zgadzam się.", parent=thread, age=DAY / 2)
    make_comment(
        pages["schools"], author=official(), language="pl", text="Miasto odpowiada.", parent=thread, is_official=True
    )
    helper = facilitator()
    for source, text in (("workshop", "Zapis z warsztatu."), ("paper", "Z formularza papierowego.")):
        consultation_services.comment_enter_for_resident(
            consultation=pages["info-point"], facilitator=helper, text=text, language="pl", source=source, consent=True
        )
    hidden = make_comment(pages["schools"], author=ahmed, language="en", text="Dane osobowe: tel. 600 000 000.")
    consultation_services.comment_hide(comment=hidden, moderator=moderator(), reason="Dane osobowe")
    return made


def _proposals(pages, residents, now):
    iryna, pedro, mewa, olga, ahmed = residents
    made = [
        make_proposal(pages["schools"], author=mewa, language="ru", title="Летние курсы", text="Курсы в августе."),
        make_proposal(pages["info-point"], author=iryna, language="uk", title="Субота", text="Відкрито в суботу."),
        make_proposal(pages["info-point"], author=olga, language="en", title="A chat line", text="In four languages."),
    ]
    for proposal, supporters in zip(made, [(iryna, pedro), (pedro, mewa, ahmed), (iryna,)], strict=True):
        for person in supporters:
            consultation_services.proposal_support(proposal=proposal, user=person, now=now)
    return made


def indicators_for_every_area():
    """One indicator counted from the data and one given by hand in each thematic area."""
    return {
        code: [
            indicator("comments", area=code, name_en=f"Comments in {code}", target=20),
            indicator(manual_value=12, manual_source="Raport 2026", area=code, name_en=f"Courses in {code}"),
        ]
        for code in Area.values
    }
