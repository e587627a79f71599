"""The site's own pages, built through ``cms.services`` as the demo builds them."""

import datetime
from types import SimpleNamespace

from django.utils import timezone, translation

from cms import services
from cms.models import (
    AccessibilityStatementPage,
    ContactPage,
    ContentPage,
    HomePage,
    IntegrationModelPage,
    NewsIndexPage,
    NewsPage,
    ThematicAreaPage,
)
from core.areas import Area


def site():
    """The skeleton every test has: the four languages, the Polish home page
    (the site's root) and its aliases in the other languages."""
    services.locales_ensure()
    home, _made = services.home_ensure(title="Rada Imigrantów i Imigrantek", hero_title="Gdańsk — wspólne miasto")
    services.tree_synchronise()
    return home


def home(language="pl"):
    return HomePage.objects.get(locale__language_code=language, depth=2)


def _parent():
    """The Polish home, where the pages below are added; unlike :func:`site`, it
    synchronises nothing (each factory synchronises once it has added its pages)."""
    return HomePage.objects.filter(locale__language_code="pl", depth=2).first() or site()


def _synchronised(page, synchronise):
    if synchronise:
        services.tree_synchronise()
    return page


def translate(page, language, **fields):
    """``page`` translated into ``language`` (an alias made by synchronising becomes a translation)."""
    translation, _made = services.page_translate(page, services.locales_ensure()[language], **fields)
    return translation


VALUES = ["Godność", "Równość", "Współodpowiedzialność"]
MILESTONES = [
    ("2015", "Pierwsze spotkania"),
    ("2016-06", "Przyjęcie Modelu"),
    ("2017", "Pierwsza Rada"),
    ("2021", "Druga kadencja"),
    ("2025", "Trzecia kadencja"),
]


def model_fields():
    """What the Model page says: a vision, three values, a group of tasks for
    each of the eight areas and one across them, and five milestones."""
    return {
        "vision": "<p>Gdańsk jest wspólnym miastem.</p>",
        "values": [{"type": "value", "value": {"title": name, "description": f"{name}."}} for name in VALUES],
        "tasks": [
            {"type": "task_group", "value": {"area": area, "tasks": [{"name": f"Zadanie: {area}", "description": ""}]}}
            for area in [*Area.values, ""]
        ],
        "timeline": [
            {"type": "milestone", "value": {"date": date, "title": title, "description": ""}}
            for date, title in MILESTONES
        ],
    }


def model_page(*, areas=(), synchronise=True, **fields):
    """The Integration Model page (its parts from :func:`model_fields`) with a page
    for each of ``areas`` (all eight when empty).  Like the factories below, it
    then synchronises the tree, so the pages are in every language, as aliases;
    with ``synchronise=False`` a caller adding many pages does that once itself."""
    values = {
        "title": "Model Integracji Imigrantów",
        "intro": "Jak Gdańsk wspiera integrację.",
        **model_fields(),
        **fields,
    }
    model, _made = services.page_add(_parent(), IntegrationModelPage, "model", show_in_menus=True, **values)
    for code in areas or Area.values:
        area_page(code, parent=model)
    return _synchronised(model, synchronise)


def area_page(code, *, parent=None, **fields):
    parent = parent or model_page(areas=[code])
    with translation.override("pl"):  # the Polish page, whatever language the test speaks
        label = str(Area(code).label)
    values = {"title": label, "intro": f"Obszar: {label}.", "area": code, **fields}
    page, _made = services.page_add(parent, ThematicAreaPage, code, **values)
    return page


def news_page(slug="aktualnosc", *, date=None, synchronise=True, **fields):
    index, _made = services.page_add(_parent(), NewsIndexPage, "news", show_in_menus=True, title="Aktualności")
    values = {"title": "Nabór do Rady", "intro": "Krótko.", "date": date or datetime.date.today(), **fields}
    page, _made = services.page_add(index, NewsPage, slug, **values)
    return _synchronised(page, synchronise)


def content_page(slug="o-nas", *, parent=None, synchronise=True, **fields):
    page, _made = services.page_add(parent or _parent(), ContentPage, slug, **{"title": "O nas", **fields})
    return _synchronised(page, synchronise)


def contact_page(*, synchronise=True, **fields):
    values = {"title": "Kontakt", "email": "rada@example.org", "phone": "+48 58 000 00 00", **fields}
    page, _made = services.page_add(_parent(), ContactPage, "contact", show_in_menus=True, **values)
    return _synchronised(page, synchronise)


def accessibility_statement(*, synchronise=True, **fields):
    values = {
        "title": "Deklaracja dostępności",
        "published_on": datetime.date(2026, 11, 1),
        "updated_on": datetime.date(2026, 11, 26),
        "compliance": AccessibilityStatementPage.Compliance.FULL,
        "compliance_details": "<p>Zgodna.</p>",
        "preparation": "<p>Samoocena.</p>",
        "feedback": "<p>Napisz do nas.</p>",
        "enforcement": "<p>Rzecznik Praw Obywatelskich.</p>",
        **fields,
    }
    page, _made = services.page_add(_parent(), AccessibilityStatementPage, "accessibility", **values)
    return _synchronised(page, synchronise)


def council_page(*, synchronise=True, **fields):
    """The council's page, with its statute as a content page below it."""
    from council.models import CouncilPage

    values = {"title": "Rada Imigrantów i Imigrantek", "body": "<p>Rada doradza prezydentowi miasta.</p>", **fields}
    page, _made = services.page_add(_parent(), CouncilPage, "council", show_in_menus=True, **values)
    services.page_add(page, ContentPage, "statute", title="Statut Rady")
    return _synchronised(page, synchronise)


def whole_site():
    """A page of every type the site has, as officials leave it: the Polish tree,
    some pages translated into some languages and the rest left as aliases that
    show the Polish original.  Under /<lang>/: the home page (translated into en,
    uk and ru), the Model (en, uk) and its eight areas (education into en, uk and
    ru, health and housing into en), news (en), an ordinary page with a subpage (en),
    contact (en, uk), the accessibility statement (en), consultations (en, uk):
    two open, one translated into uk and one with an easy-read version, and a
    closed one with its outcome; and the council's page with its statute.
    Returns the Polish pages."""
    # Imported here: the consultations' and easy-read factories build on this module.
    from tests.consultations.factories import (
        DAY,
        consultation_index,
        make_consultation,
        outcome_page,
        translate_consultation,
    )
    from tests.plainlanguage.factories import easy_read_page

    now = timezone.now()
    # Consultations first, while the tree is small: each one synchronises it.
    pages = SimpleNamespace(home=site(), consultations=consultation_index())
    pages.open = [
        make_consultation(slug="punkt", title="Punkt informacyjny", closes_at=now + 30 * DAY),
        make_consultation(slug="lekcje", title="Lekcje polskiego", closes_at=now + 5 * DAY),
    ]
    pages.closed = make_consultation(slug="festiwal", title="Festiwal", opens_at=now - 30 * DAY, closes_at=now - DAY)
    pages.easy_read = easy_read_page(pages.open[0])
    pages.outcome = outcome_page(pages.closed)
    pages.model = model_page(synchronise=False)
    pages.areas = {page.area: page for page in pages.model.get_children().specific()}
    pages.news = [
        news_page("nabor", date=datetime.date(2026, 10, 20), synchronise=False),
        news_page("festiwal", title="Festiwal sąsiedzki", date=datetime.date(2026, 11, 5), synchronise=False),
    ]
    pages.news_index = pages.news[0].get_parent().specific
    pages.content = content_page(synchronise=False)
    pages.subpage = content_page("historia", parent=pages.content, title="Historia", synchronise=False)
    pages.contact = contact_page(synchronise=False)
    pages.accessibility = accessibility_statement(synchronise=False)
    pages.council = council_page(synchronise=False)
    services.tree_synchronise()

    translate(pages.home, "en", title="Immigrants' Council", hero_title="Gdańsk — a shared city")
    translate(pages.home, "uk", title="Рада іммігрантів та іммігранток", hero_title="Гданськ — спільне місто")
    translate(pages.home, "ru", title="Совет иммигрантов и иммигранток", hero_title="Гданьск — общий город")
    translate(pages.model, "en", title="Immigrant Integration Model")
    translate(pages.model, "uk", title="Модель інтеграції іммігрантів")
    for code, language, title in [
        ("education", "en", "Education"),
        ("education", "uk", "Освіта"),
        ("education", "ru", "Образование"),
        ("health", "en", "Health"),
        ("housing", "en", "Housing"),
    ]:
        translate(pages.areas[code], language, title=title, intro=f"{title}.")
    translate(pages.news_index, "en", title="News")
    for page in pages.news:
        translate(page, "en", title=f"News: {page.slug}")
    translate(pages.content, "en", title="About us")
    translate(pages.subpage, "en", title="History")
    translate(pages.contact, "en", title="Contact")
    translate(pages.contact, "uk", title="Контакти")
    translate(pages.accessibility, "en", title="Accessibility statement")
    translate(pages.consultations, "en", title="Consultations")
    translate(pages.consultations, "uk", title="Консультації")
    translate_consultation(
        pages.open[1], "uk", title="Уроки польської", sections=[("План", "<p>План.</p>"), ("Підтримка", "<p>Так.</p>")]
    )
    return pages


# --- the Model's tasks -------------------------------------------------------------------------


def organisation(slug="mopr", kind="city_unit", **names):
    names = {"name_pl": "Miejski Ośrodek Pomocy Rodzinie", "name_en": "Municipal Family Support Centre", **names}
    made, _new = services.organisation_ensure(slug=slug, kind=kind, **names)
    return made


def model_task(slug="centrum", *, lead=None, areas=("social-welfare",), notes=(), **fields):
    """A task of the Model led by ``lead`` (the family support centre by default), with
    ``notes`` as (day, Polish text) pairs; in progress since 1 March 2025 unless told."""
    values = {
        "title_pl": "Centrum wsparcia imigrantów",
        "title_en": "Immigrant support centre",
        "title_uk": "Центр підтримки іммігрантів",
        "summary_pl": "Informacja i porady w kilku językach.",
        "status": "in_progress",
        "starts_on": datetime.date(2025, 3, 1),
        **fields,
    }
    task, _new = services.task_ensure(slug=slug, lead=lead or organisation(), areas=areas, **values)
    for day, text in notes:
        services.task_note_add(task=task, written_on=day, today=day, text_pl=text, text_uk=f"uk: {text}")
    return task
