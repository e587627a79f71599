"""Demo content for ``manage.py seed_demo``: pages in four languages and the
demo accounts.  Every step looks for what it would create first, so running
it again changes nothing.  Later features add their own steps here."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from accounts.groups import FACILITATORS, MODERATORS, OFFICIALS, PARTNERS, ensure_staff_groups
from cms import services as cms_services
from cms.models import (
    AccessibilityStatementPage,
    ContactPage,
    HomePage,
    IntegrationModelPage,
    NewsIndexPage,
    NewsPage,
    ThematicAreaPage,
)
from core import live

from . import content
from .seed_consultations import seed_consultations
from .seed_council import seed_council
from .seed_inclusion import seed_inclusion
from .seed_indicators import seed_indicators
from .seed_plainlanguage import seed_plainlanguage

DEMO_PASSWORD = "rada-demo-2026"  # noqa: S105 - demo-only, documented in the README

# (username, public name, group or None, is_superuser)
DEMO_ACCOUNTS = [
    ("admin", "Administrator", None, True),
    ("official", "Urzędniczka Anna (demo)", OFFICIALS, False),
    ("moderator", "Moderator Piotr (demo)", MODERATORS, False),
    ("chair", "Olena K.", None, False),
    ("secretary", "Marek W.", None, False),
    ("member1", "Aliaksandr B.", None, False),
    ("member2", "Fatima A.", None, False),
    ("member3", "Dmytro S.", None, False),
    ("member4", "Ana P.", None, False),
    ("member5", "Giorgi M.", None, False),
    ("member6", "Nadia R.", None, False),
    ("member7", "Kwame O.", None, False),
    ("member8", "Svetlana I.", None, False),
    ("member9", "Yuki T.", None, False),
    ("resident1", "Iryna", None, False),
    ("resident2", "Pedro", None, False),
    ("resident3", "Mewa", None, False),
    ("facilitator", "Katarzyna (Centrum Integracji, demo)", FACILITATORS, False),
    ("partner", "Fundacja demo", PARTNERS, False),
]

NEWS_INDEX = {
    "pl": {"title": "Aktualności", "intro": "Wiadomości Rady Imigrantów i Imigrantek oraz konsultacji."},
    "en": {"title": "News", "intro": "News from the Immigrants' Council and the consultations."},
    "uk": {"title": "Новини", "intro": "Новини Ради іммігрантів та іммігранток і консультацій."},
    "ru": {"title": "Новости", "intro": "Новости Совета иммигрантов и иммигранток и консультаций."},
}


class Seeder:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = []

    def log(self, message):
        self.created.append(message)

    # --- locales and tree ---------------------------------------------------
    def locales(self):
        return cms_services.locales_ensure()

    def home(self, locale):
        home, made = cms_services.home_ensure(**content.HOME["pl"])
        if made:
            self.log("home page and site")
        return home

    def child(self, parent, model, slug, **fields):
        page, made = cms_services.page_add(parent, model, slug, **fields)
        if made:
            self.log(f"page /{parent.locale.language_code}/…/{slug}/")
        return page

    def translate(self, page, locale, **fields):
        translation, made = cms_services.page_translate(page, locale, **fields)
        if made:
            self.log(f"translation {locale.language_code}: {translation.title}")
        return translation

    # --- content ------------------------------------------------------------
    def pages(self, locales):
        pl = locales["pl"]
        home = self.home(pl)
        model = self.child(home, IntegrationModelPage, "model", show_in_menus=True, **model_fields("pl"))
        areas = {
            code: self.child(model, ThematicAreaPage, code, area=code, **area_fields(code, "pl"))
            for code in content.AREAS
        }
        news_index = self.child(home, NewsIndexPage, "news", show_in_menus=True, **NEWS_INDEX["pl"])
        news = [
            self.child(
                news_index,
                NewsPage,
                item["slug"],
                date=datetime.date.fromisoformat(item["date"]),
                **news_fields(item, "pl"),
            )
            for item in content.NEWS
        ]
        accessibility = self.child(home, AccessibilityStatementPage, "accessibility", **accessibility_fields("pl"))
        contact = self.child(home, ContactPage, "contact", show_in_menus=True, **contact_fields("pl"))

        self.synchronise(locales)

        for code, locale in locales.items():
            if code == "pl":
                continue
            self.translate(home, locale, **content.HOME[code])
            if code in content.MODEL:
                self.translate(model, locale, **model_fields(code))
            for area_code, area_page in areas.items():
                if code in content.AREAS[area_code]:
                    self.translate(area_page, locale, **area_fields(area_code, code))
            if code in NEWS_INDEX:
                self.translate(news_index, locale, **NEWS_INDEX[code])
            for item, page in zip(content.NEWS, news, strict=True):
                if code in item:
                    self.translate(page, locale, **news_fields(item, code))
            if code in content.ACCESSIBILITY:
                self.translate(accessibility, locale, **accessibility_fields(code))
            if code in content.CONTACT:
                self.translate(contact, locale, **contact_fields(code))

    def synchronise(self, locales):
        """Every page first appears in the other languages as an alias of the Polish
        original, so that it exists at every language prefix; the texts we have
        then turn aliases into translations."""
        added = cms_services.tree_synchronise()
        if added:
            self.log(f"{added} alias pages")

    # --- people ---------------------------------------------------------------
    def accounts(self):
        ensure_staff_groups()
        User = get_user_model()
        for username, display_name, group_name, is_superuser in DEMO_ACCOUNTS:
            if User.objects.filter(username=username).exists():
                continue
            email = f"{username}@example.org"
            if is_superuser:
                user = User.objects.create_superuser(username, email, DEMO_PASSWORD, display_name=display_name)
            else:
                user = User.objects.create_user(username, email, DEMO_PASSWORD, display_name=display_name)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            self.log(f"account {username}")

    @live.muted()
    @transaction.atomic
    def run(self):
        locales = self.locales()
        self.pages(locales)
        self.accounts()
        seed_consultations(self, locales, HomePage.objects.get(locale=locales["pl"], depth=2))
        seed_council(self, locales, HomePage.objects.get(locale=locales["pl"], depth=2))
        seed_indicators(self)
        seed_plainlanguage(self, locales)
        seed_inclusion(self)
        return self.created


def model_fields(code):
    data = content.MODEL[code]
    return {
        "title": data["title"],
        "intro": data["intro"],
        "vision": data["vision"],
        "values": [{"type": "value", "value": value} for value in data["values"]],
        "tasks": [{"type": "task_group", "value": group} for group in data["tasks"]],
        "timeline": [{"type": "milestone", "value": milestone} for milestone in data["timeline"]],
    }


def area_fields(area_code, code):
    data = content.AREAS[area_code][code]
    return {
        "title": data["title"],
        "intro": data["intro"],
        "body": [{"type": "paragraph", "value": data["body"]}],
    }


def news_fields(item, code):
    data = item[code]
    return {"title": data["title"], "intro": data["intro"], "body": [{"type": "paragraph", "value": data["body"]}]}


def accessibility_fields(code):
    data = content.ACCESSIBILITY[code]
    return {
        "title": data["title"],
        "intro": data["intro"],
        "published_on": datetime.date(2026, 11, 1),
        "updated_on": datetime.date(2026, 11, 26),
        "compliance": AccessibilityStatementPage.Compliance.FULL,
        "compliance_details": data["compliance"],
        "preparation": data["preparation"],
        "feedback": data["feedback"],
        "enforcement": data["enforcement"],
        "architecture": data["architecture"],
    }


def contact_fields(code):
    data = content.CONTACT[code]
    return {
        "title": data["title"],
        "intro": data["intro"],
        "address": data["address"],
        "email": data["email"],
        "phone": data["phone"],
        "hours": data["hours"],
        "body": [{"type": "paragraph", "value": data["body"]}],
    }
