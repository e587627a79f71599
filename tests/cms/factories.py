"""The site's own pages, built through ``cms.services`` as the demo builds them."""

import datetime

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


def translate(page, language, **fields):
    """``page`` translated into ``language`` (an alias made by synchronising becomes a translation)."""
    translation, _made = services.page_translate(page, services.locales_ensure()[language], **fields)
    return translation


def model_page(*, areas=(), **fields):
    """The Integration Model page with a page for each of ``areas`` (all eight when empty)."""
    values = {"title": "Model Integracji Imigrantów", "intro": "Jak Gdańsk wspiera integrację.", **fields}
    model, _made = services.page_add(site(), IntegrationModelPage, "model", show_in_menus=True, **values)
    for code in areas or Area.values:
        area_page(code, parent=model)
    services.tree_synchronise()
    return model


def area_page(code, *, parent=None, **fields):
    parent = parent or model_page(areas=[code])
    values = {"title": str(Area(code).label), "intro": f"Obszar: {Area(code).label}.", "area": code, **fields}
    page, _made = services.page_add(parent, ThematicAreaPage, code, **values)
    return page


def news_page(slug="aktualnosc", *, date=None, **fields):
    index, _made = services.page_add(site(), NewsIndexPage, "news", show_in_menus=True, title="Aktualności")
    values = {"title": "Nabór do Rady", "intro": "Krótko.", "date": date or datetime.date.today(), **fields}
    page, _made = services.page_add(index, NewsPage, slug, **values)
    services.tree_synchronise()
    return page


def content_page(slug="o-nas", *, parent=None, **fields):
    page, _made = services.page_add(parent or site(), ContentPage, slug, **{"title": "O nas", **fields})
    services.tree_synchronise()
    return page


def contact_page(**fields):
    values = {"title": "Kontakt", "email": "rada@example.org", "phone": "+48 58 000 00 00", **fields}
    page, _made = services.page_add(site(), ContactPage, "contact", show_in_menus=True, **values)
    services.tree_synchronise()
    return page


def accessibility_statement(**fields):
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
    page, _made = services.page_add(site(), AccessibilityStatementPage, "accessibility", **values)
    services.tree_synchronise()
    return page
