"""The demo that ``manage.py seed_demo`` builds: pages in four languages, the
demo accounts, consultations with what residents wrote, the council's record,
indicators, the Model's tasks, the glossary and language access.

The content is data (``demo/content``, read by :mod:`demo.data`); this module
and its steps only build it, through the apps' services, as officials and
residents would in the site and the admin.  Every step looks for what it would
make first, so running it again changes nothing.
"""

import contextlib

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from accounts.groups import ensure_staff_groups
from cms import services as cms_services
from cms.models import (
    AccessibilityStatementPage,
    ContactPage,
    IntegrationModelPage,
    NewsIndexPage,
    NewsPage,
    ThematicAreaPage,
)
from core import live, ratelimit

from . import data
from .seed_consultations import answer_council_opinions, seed_consultations
from .seed_council import seed_council
from .seed_inclusion import seed_inclusion
from .seed_indicators import seed_indicators
from .seed_interpreting import seed_interpreting
from .seed_membership import seed_membership
from .seed_plainlanguage import seed_plainlanguage
from .seed_support import seed_support
from .seed_tasks import seed_tasks


def demo_accounts():
    """accounts.toml: the demo accounts and their shared password."""
    return data.load("accounts")


class Seeder:
    def __init__(self):
        self.created = []
        self.source = settings.LANGUAGE_CODE  # the language of the original tree and texts
        self._people = {}

    def run(self):
        """Makes whatever of the demo is missing, in one transaction; returns what it made.

        Nobody watches the seed, so it announces nothing live and e-mails
        nobody; and it writes as a few accounts far faster than people do, so
        rate limits do not apply.
        """
        with live.muted(), ratelimit.suspended(), _mail_held_back(), transaction.atomic():
            locales = cms_services.locales_ensure()
            home = self.pages(locales)
            self.accounts()
            seed_consultations(self, locales, home)
            seed_council(self, locales, home)
            seed_membership(self)
            answer_council_opinions(self, locales)
            seed_indicators(self)
            seed_tasks(self)
            seed_plainlanguage(self, locales)
            seed_inclusion(self)
            seed_support(self, locales)
            seed_interpreting(self)
        return self.created

    def log(self, message):
        self.created.append(message)

    # --- pages ----------------------------------------------------------------
    def add(self, parent, model, slug, **fields):
        """The page ``slug`` under ``parent``, published, and whether it is new."""
        page, made = cms_services.page_add(parent, model, slug, **fields)
        if made:
            self.log(f"page /{parent.locale.language_code}/…/{slug}/")
        return page, made

    def child(self, parent, model, slug, **fields):
        return self.add(parent, model, slug, **fields)[0]

    def translate(self, page, locale, **fields):
        translation, made = cms_services.page_translate(page, locale, **fields)
        if made:
            self.log(f"translation {locale.language_code}: {translation.title}")
        return translation

    def synchronise(self, locales):
        """Every page first appears in the other languages as an alias of the
        original, so that it exists at every language prefix; the texts we have
        then turn aliases into translations."""
        added = cms_services.tree_synchronise()
        if added:
            self.log(f"{added} alias pages")

    def pages(self, locales):
        """The site's own pages (pages.toml, <language>/pages.toml); returns the home page."""
        site = data.load("pages")
        texts = data.load("pages", self.source)
        home, made = cms_services.home_ensure(**texts["home"])
        if made:
            self.log("home page and site")
        model = self.child(
            home, IntegrationModelPage, site["model"]["slug"], **menus(site["model"]), **model_fields(texts["model"])
        )
        areas = {
            code: self.child(model, ThematicAreaPage, code, area=code, **area_fields(texts["areas"][code]))
            for code in site["areas"]
        }
        news_index = self.child(home, NewsIndexPage, site["news"]["slug"], **menus(site["news"]), **texts["news_index"])
        news = {
            item["slug"]: self.child(
                news_index, NewsPage, item["slug"], date=item["date"], **news_fields(texts["news"][item["slug"]])
            )
            for item in site["news"]["item"]
        }
        accessibility = self.child(
            home,
            AccessibilityStatementPage,
            site["accessibility"]["slug"],
            **accessibility_fields(site["accessibility"], texts["accessibility"]),
        )
        contact = self.child(
            home, ContactPage, site["contact"]["slug"], **menus(site["contact"]), **contact_fields(texts["contact"])
        )

        self.synchronise(locales)
        for code, locale in locales.items():
            if code == self.source:
                continue
            texts = data.load("pages", code)
            self.translate(home, locale, **texts["home"])
            if "model" in texts:
                self.translate(model, locale, **model_fields(texts["model"]))
            for area_code, page in areas.items():
                if area_code in texts.get("areas", {}):
                    self.translate(page, locale, **area_fields(texts["areas"][area_code]))
            if "news_index" in texts:
                self.translate(news_index, locale, **texts["news_index"])
            for slug, page in news.items():
                if slug in texts.get("news", {}):
                    self.translate(page, locale, **news_fields(texts["news"][slug]))
            if "accessibility" in texts:
                self.translate(
                    accessibility, locale, **accessibility_fields(site["accessibility"], texts["accessibility"])
                )
            if "contact" in texts:
                self.translate(contact, locale, **contact_fields(texts["contact"]))
        return home

    # --- people -----------------------------------------------------------------
    def accounts(self):
        """The demo accounts (accounts.toml).  Residents sign up through allauth's
        forms and staff are added in the admin, not through a service; the seed
        makes the accounts as the admin does, with their addresses confirmed."""
        ensure_staff_groups()
        accounts = demo_accounts()
        User = get_user_model()
        for account in accounts["account"]:
            username = account["username"]
            if User.objects.filter(username=username).exists():
                continue
            group = None
            if "group" in account:
                group = Group.objects.filter(name=account["group"]).first()
                if group is None:
                    raise account.invalid("group", "is not one of the staff groups (accounts/groups.py)")
            email = f"{username}@{accounts['email_domain']}"
            make = User.objects.create_superuser if account.get("superuser", False) else User.objects.create_user
            user = make(username, email, accounts["password"], display_name=account["name"])
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            if group is not None:
                user.groups.add(group)
            self.log(f"account {username}")

    def person(self, record, field):
        """The demo account whose username ``record[field]`` gives."""
        return self.account(record[field], record, field)

    def people(self, record, field):
        """The demo accounts listed in ``record[field]``, if any."""
        return [self.account(username, record, field) for username in record.get(field, ())]

    def account(self, username, record, field):
        """The demo account ``username``, which ``record[field]`` refers to."""
        if username not in self._people:
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                raise record.invalid(field, f'names "{username}", which is not a demo account (accounts.toml)')
            self._people[username] = user
        return self._people[username]


@contextlib.contextmanager
def _mail_held_back():
    """E-mail that what the seed does would send (replies, a published outcome)
    goes nowhere: it would tell the demo accounts of things back-dated to weeks
    ago, and on the console of ``make run`` it would bury the summary.  Messages
    are sent when the seed's transaction commits, so this must enclose it.  With
    a task queue (``TASKS_BACKEND=database``) they are only queued here and a
    worker sends them later, to addresses at example.org, which takes no mail."""
    backend = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    try:
        yield
    finally:
        settings.EMAIL_BACKEND = backend


def menus(record):
    return {"show_in_menus": record.get("in_menus", False)}


def paragraphs(html):
    """A page body of one rich-text paragraph block."""
    return [{"type": "paragraph", "value": html}]


def model_fields(texts):
    return {
        "title": texts["title"],
        "intro": texts["intro"],
        "vision": texts["vision"],
        "values": [
            {"type": "value", "value": {"title": value["title"], "description": value["description"]}}
            for value in texts["value"]
        ],
        "tasks": [
            {
                "type": "task_group",
                "value": {
                    "area": group["area"],
                    "tasks": [{"name": task["name"], "description": task["description"]} for task in group["task"]],
                },
            }
            for group in texts["task_group"]
        ],
        "timeline": [
            {
                "type": "milestone",
                "value": {
                    "date": milestone["date"],
                    "title": milestone["title"],
                    "description": milestone["description"],
                },
            }
            for milestone in texts["milestone"]
        ],
    }


def area_fields(texts):
    return {"title": texts["title"], "intro": texts["intro"], "body": paragraphs(texts["body"])}


def news_fields(texts):
    return {"title": texts["title"], "intro": texts["intro"], "body": paragraphs(texts["body"])}


def accessibility_fields(record, texts):
    return {
        "published_on": record["published_on"],
        "updated_on": record["updated_on"],
        "compliance": record["compliance"],
        **{
            name: texts[name]
            for name in (
                "title",
                "intro",
                "compliance_details",
                "preparation",
                "feedback",
                "enforcement",
                "architecture",
            )
        },
    }


def contact_fields(texts):
    return {
        **{name: texts[name] for name in ("title", "intro", "address", "email", "phone", "hours")},
        "body": paragraphs(texts["body"]),
    }
