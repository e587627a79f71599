"""The public part of the information centre in the read-only API: the directory
of services and the frequently asked questions (``/api/v1/help/…``).

Questions residents asked and reports of discrimination are never here.
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import Http404
from django.urls import reverse

from core.areas import Area
from core.jsonapi import (
    BOOLEAN,
    DATETIME,
    LANGUAGE,
    STRING,
    TEXT,
    UUID,
    Field,
    Filter,
    Listing,
    Record,
    api_view,
    array,
    enum,
    obj,
)
from core.language import LANGUAGE_CODES

from . import selectors
from .models import Service

LANG = Filter(
    "lang",
    "The language of the texts (pl by default); a service not yet translated is given in the "
    "language it was written in.",
    None,
    choices=LANGUAGE_CODES,
)
AREA = Filter("area", "Only items of this thematic area.", None, choices=tuple(Area.values))
SPOKEN = Filter(
    "spoken", "Only services where this language is spoken (a two-letter code).", None, choices=tuple(LANG_INFO)
)

TIME = {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}
HOURS = array(
    obj(
        {
            "days": array({"type": "integer", "minimum": 0, "maximum": 6}, "0 is Monday, 6 is Sunday."),
            "opens": TIME,
            "closes": TIME,
        }
    ),
    "When it is open: days of the week with the same times (Warsaw time).",
)


def _hours(service, context):
    return [
        {"days": days, "opens": f"{opens:%H:%M}", "closes": f"{closes:%H:%M}"}
        for days, opens, closes in service.opening_hours()
    ]


def _hours_cell(row):
    return "; ".join(
        f"{','.join(str(day) for day in block['days'])} {block['opens']}-{block['closes']}" for block in row["hours"]
    )


def _language(params):
    return params.get("lang", settings.LANGUAGE_CODE)


SERVICE = Record(
    "Service",
    [
        Field("id", {**UUID, "description": "Shared by all translations of the service."}, "translation_key"),
        Field("language", LANGUAGE, "locale.language_code"),
        Field("name", TEXT),
        Field("kind", enum(Service.Kind.values)),
        Field("area", enum(Area.values)),
        Field("helps_with", TEXT),
        Field("languages_spoken", array(STRING), lambda service, context: service.language_codes),
        Field("help_point", BOOLEAN, "is_help_point"),
        Field("address", TEXT),
        Field("hours", HOURS, _hours, csv=_hours_cell),
        Field("hours_note", TEXT),
        Field("phone", STRING),
        Field("email", STRING),
        Field("website", STRING),
        Field("accessibility", TEXT),
        Field("easy_read", TEXT),
        Field("url", {"type": "string", "format": "uri"}, lambda service, context: context.absolute(context.help_url)),
    ],
    prepare=lambda request, items: {"help_url": reverse("support:help")},
)


def _service_items(request, params):
    entries = selectors.directory(
        language=_language(params), area=params.get("area", ""), spoken=params.get("spoken", "")
    )
    return [entry.service for entry in entries]


services = Listing(
    name="services",
    summary="The directory of services for migrants",
    items=_service_items,
    record=SERVICE,
    filters=[LANG, AREA, SPOKEN],
)


FAQ = Record(
    "FrequentQuestion",
    [
        Field("id", {**UUID, "description": "Shared by all translations of the question."}, "translation_key"),
        Field("language", LANGUAGE, "locale.language_code"),
        Field("question", TEXT),
        Field("answer", TEXT),
        Field("area", {"type": "string", "description": "A thematic area's code, or empty."}),
        Field("published_at", DATETIME),
    ],
)


def _faq_items(request, params):
    return selectors.faqs(language=_language(params), area=params.get("area", ""))


faqs = Listing(
    name="faqs",
    summary="Frequently asked questions, in the languages they are translated into",
    items=_faq_items,
    record=FAQ,
    filters=[LANG, AREA],
)

LISTINGS = {"services": services, "faqs": faqs}
RECORDS = [SERVICE, FAQ]


@api_view("No such list.")
def service_list(request):
    return services.page(request)


@api_view("No such list.")
def faq_list(request):
    return faqs.page(request)


@api_view("No such list.")
def download(request, listing, file_format):
    if listing not in LISTINGS:
        raise Http404
    return LISTINGS[listing].download(request, file_format)
