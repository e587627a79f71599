"""The glossary of city terms, easy-read versions, and a consultation that has
both: glossary terms in its summary and sections, translations, and an
easy-read version with pictures in every language."""

import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from cms import services as cms_services
from plainlanguage.models import EasyReadPage, GlossaryTerm
from tests.cms.factories import translate
from tests.consultations.factories import DAY, make_consultation, translate_consultation


def glossary_term(term, *, forms="", explanation="Wyjaśnienie.", language="pl", of=None, **fields):
    """A glossary term in Polish, or in another language as a translation of ``of``."""
    locale = Locale.objects.get(language_code=language)
    if of is not None:
        translation = of.copy_for_translation(locale)
        translation.term, translation.forms, translation.explanation = term, forms, explanation
        translation.save()
        return translation
    return GlossaryTerm.objects.create(locale=locale, term=term, forms=forms, explanation=explanation, **fields)


# slug, official source, {language: (term, other forms one per line, explanation)}.  Some
# terms are translated into every language, some into a few, and one is in Polish only.
GLOSSARY = [
    (
        "karta-pobytu",
        "https://www.gov.pl/web/udsc/zezwolenie-na-pobyt-czasowy",
        {
            "pl": (
                "karta pobytu",
                "karty pobytu\nkartę pobytu\nkartą pobytu\nkarcie pobytu\nkart pobytu",
                "Plastikowa karta ze zdjęciem. Pokazuje, że możesz legalnie mieszkać w Polsce.",
            ),
            "en": (
                "residence card",
                "residence cards\nresidence permit card",
                "A plastic card with your photo. It shows that you may live in Poland legally.",
            ),
            "uk": (
                "карта побиту",
                "карти побиту\nкарту побиту\nкартою побиту\nпосвідка на проживання",
                "Пластикова картка з фотографією. Вона показує, що ви можете законно жити в Польщі.",
            ),
            "ru": (
                "карта побыту",
                "карты побыту\nкарту побыту\nкартой побыту\nвид на жительство",
                "Пластиковая карта с фотографией. Она показывает, что вы можете законно жить в Польше.",
            ),
        },
    ),
    (
        "meldunek",
        "https://www.gov.pl/web/gov/zamelduj-sie-na-pobyt-czasowy-przez-internet",
        {
            "pl": (
                "meldunek",
                "meldunku\nmeldunkiem\nzameldowanie\nzameldowania",
                "Wpis adresu, pod którym mieszkasz, do rejestru miasta.",
            ),
            "en": (
                "registration of address",
                "registering an address\naddress registration",
                "Writing the address where you live into the city's register.",
            ),
            "uk": (
                "реєстрація місця проживання",
                "реєстрації місця проживання\nреєстрацію місця проживання\nпрописка",
                "Запис адреси, де ви живете, до реєстру міста.",
            ),
            "ru": (
                "регистрация по месту жительства",
                "регистрации по месту жительства\nпрописка",
                "Запись адреса, где вы живёте, в реестр города.",
            ),
        },
    ),
    (
        "pesel",
        "https://www.gov.pl/web/gov/uzyskaj-numer-pesel",
        {
            "pl": ("PESEL", "numer PESEL\nnumeru PESEL\nnumerem PESEL", "Twój numer w polskim rejestrze ludności."),
            "en": ("PESEL number", "PESEL", "Your number in the Polish population register."),
            "uk": ("номер PESEL", "PESEL\nномера PESEL", "Ваш номер у польському реєстрі населення."),
        },
    ),
    (
        "mopr",
        "https://www.mopr.gda.pl/",
        {
            "pl": (
                "MOPR",
                "Miejski Ośrodek Pomocy Rodzinie\nMiejskiego Ośrodka Pomocy Rodzinie",
                "Miejski Ośrodek Pomocy Rodzinie w Gdańsku.",
            ),
            "en": ("MOPR (City Family Support Centre)", "City Family Support Centre", "The city's family support."),
        },
    ),
    (
        "urzad-wojewodzki",
        "https://www.gdansk.uw.gov.pl/",
        {
            "pl": (
                "Urząd Wojewódzki",
                "Urzędu Wojewódzkiego\nUrzędzie Wojewódzkim\nPomorski Urząd Wojewódzki",
                "Urząd państwa w Gdańsku. Tu składasz wniosek o kartę pobytu.",
            ),
            "uk": ("Воєводське управління", "Воєводського управління", "Державна установа в Гданську."),
        },
    ),
    (
        "nfz",
        "https://www.nfz.gov.pl/",
        {
            "pl": (
                "NFZ",
                "Narodowy Fundusz Zdrowia\nNarodowego Funduszu Zdrowia",
                "Narodowy Fundusz Zdrowia. Płaci za leczenie osób, które mają ubezpieczenie zdrowotne.",
            ),
            "en": ("NFZ (National Health Fund)", "National Health Fund", "The National Health Fund."),
        },
    ),
    (
        "zus",
        "https://www.zus.pl/",
        {
            "pl": (
                "ZUS",
                "Zakład Ubezpieczeń Społecznych\nZakładu Ubezpieczeń Społecznych",
                "Zakład Ubezpieczeń Społecznych. Wypłaca emerytury, renty i zasiłki.",
            ),
        },
    ),
    (
        "pomoc-spoleczna",
        "https://www.mopr.gda.pl/",
        {
            "pl": (
                "pomoc społeczna",
                "pomocy społecznej\npomocą społeczną",
                "Wsparcie miasta dla osób, które nie radzą sobie same. W Gdańsku udziela jej MOPR.",
            ),
            "uk": (
                "соціальна допомога",
                "соціальної допомоги\nсоціальну допомогу",
                "Підтримка міста для людей, які не можуть впоратися самі.",
            ),
        },
    ),
]


def glossary():
    """Every term of :data:`GLOSSARY` with its translations; {slug: Polish term}.
    Those already made (by a world built for a whole module) are found, not made again."""
    terms = {}
    for slug, source_url, texts in GLOSSARY:
        existing = GlossaryTerm.objects.filter(slug=slug, locale__language_code="pl").first()
        if existing is not None:
            terms[slug] = existing
            continue
        term, forms, explanation = texts["pl"]
        original = glossary_term(term, forms=forms, explanation=explanation, slug=slug, source_url=source_url)
        for language, (term, forms, explanation) in texts.items():
            if language != "pl":
                glossary_term(term, forms=forms, explanation=explanation, language=language, of=original)
        terms[slug] = original
    return terms


def picture(title="Zegar", colour="#0b4f6c"):
    """A small picture in the Wagtail image library (stored in ``MEDIA_ROOT``)."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (48, 36), colour).save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ContentFile(buffer.getvalue(), name="picture.png"))


def easy_read_body(*blocks):
    """Body blocks: a string is a paragraph, an ``(image, alt text)`` pair a picture."""
    return [
        {"type": "paragraph", "value": block}
        if isinstance(block, str)
        else {"type": "picture", "value": {"image": block[0].pk, "alt_text": block[1]}}
        for block in blocks
    ]


def easy_read_page(parent, *, publish=True, title="Łatwy tekst", body=None, **fields):
    """The easy-read version of ``parent`` (a consultation or an outcome)."""
    page = EasyReadPage(
        title=title,
        slug=fields.pop("slug", "latwy-tekst"),
        body=body or easy_read_body("<p>Krótkie zdanie.</p>"),
        live=publish,
        **fields,
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return EasyReadPage.objects.get(pk=page.pk)


# The consultation on the information centre, in each language: title, summary, sections, and
# its easy-read version's title and body (a paragraph, a picture, a paragraph).
INFORMATION_CENTRE = {
    "pl": {
        "title": "Punkt informacji i wsparcia dla migrantów — jak ma działać?",
        "summary": "<p>Punkt pomaga w sprawach codziennych: meldunek, praca, szkoła, zdrowie i pomoc społeczna.</p>"
        "<p>Prosimy o komentarze do trzech części projektu.</p>",
        "sections": [
            ("Godziny otwarcia", "<p>Punkt będzie otwarty w dni robocze i w jedną sobotę w miesiącu.</p>"),
            ("Pomoc społeczna", "<p>Zapytasz o zasiłki z pomocy społecznej i o kartę pobytu.</p>"),
            ("Języki", "<p>Porady po polsku, ukraińsku, rosyjsku i angielsku. Powiemy, jak zrobić meldunek.</p>"),
        ],
        "easy_read": (
            "Punkt informacji dla migrantów — tekst łatwy do czytania",
            "<p>Miasto otworzy <b>punkt informacji</b>.</p>",
            "Zegar. Pokazuje godziny otwarcia.",
            "<p>Napisz nam, co myślisz.</p>",
        ),
    },
    "en": {
        "title": "Information and support centre for migrants — how should it work?",
        "summary": "<p>The centre helps with everyday matters: registering an address, work, school and health.</p>",
        "sections": [
            ("Opening hours", "<p>The centre will be open on working days and one Saturday a month.</p>"),
            ("Social welfare", "<p>Ask about benefits and about your residence card.</p>"),
            ("Languages", "<p>Advice in Polish, Ukrainian, Russian and English.</p>"),
        ],
        "easy_read": (
            "Information centre for migrants — easy read",
            "<p>The city will open an <b>information centre</b>.</p>",
            "A clock. It shows the opening hours.",
            "<p>Tell us what you think.</p>",
        ),
    },
    "uk": {
        "title": "Пункт інформації та підтримки для мігрантів — як він має працювати?",
        "summary": "<p>Пункт допомагає у щоденних справах: реєстрація місця проживання, робота, школа, "
        "здоров'я і соціальна допомога.</p>",
        "sections": [
            ("Години роботи", "<p>Пункт працюватиме в робочі дні та в одну суботу на місяць.</p>"),
            ("Соціальна допомога", "<p>Запитайте про допомогу і про карту побиту.</p>"),
            ("Мови", "<p>Поради польською, українською, російською та англійською.</p>"),
        ],
        "easy_read": (
            "Пункт інформації для мігрантів — легке читання",
            "<p>Місто відкриє <b>пункт інформації</b>.</p>",
            "Годинник. Показує години роботи.",
            "<p>Напишіть нам, що ви думаєте.</p>",
        ),
    },
    "ru": {
        "title": "Пункт информации и поддержки для мигрантов — как он должен работать?",
        "summary": "<p>Пункт помогает в повседневных делах: регистрация по месту жительства, работа, школа.</p>",
        "sections": [
            ("Часы работы", "<p>Пункт будет работать в рабочие дни и в одну субботу в месяц.</p>"),
            ("Социальная помощь", "<p>Спросите о пособиях и о карте побыту.</p>"),
            ("Языки", "<p>Советы на польском, украинском, русском и английском.</p>"),
        ],
        "easy_read": (
            "Пункт информации для мигрантов — лёгкое чтение",
            "<p>Город откроет <b>пункт информации</b>.</p>",
            "Часы. Показывают часы работы.",
            "<p>Напишите нам, что вы думаете.</p>",
        ),
    },
}


def information_centre(languages=("en", "uk", "ru")):
    """An open consultation whose texts use glossary terms, translated into
    ``languages``, with an easy-read version (with a picture) translated into
    them too.  Returns the Polish consultation."""
    now = timezone.now()
    texts = INFORMATION_CENTRE["pl"]
    consultation = make_consultation(
        title=texts["title"],
        summary=texts["summary"],
        sections=texts["sections"],
        opens_at=now - 3 * DAY,
        closes_at=now + 30 * DAY,
        areas=["local-communities", "social-welfare"],
        allow_proposals=True,
        slug="punkt-informacyjny",
    )
    cms_services.tree_synchronise()
    for language in languages:
        texts = INFORMATION_CENTRE[language]
        translate_consultation(
            consultation, language, title=texts["title"], summary=texts["summary"], sections=texts["sections"]
        )
    clock = picture("Zegar")

    def easy_read_fields(language):
        title, first, alt_text, last = INFORMATION_CENTRE[language]["easy_read"]
        return {"title": title, "body": easy_read_body(first, (clock, alt_text), last)}

    easy_read = easy_read_page(consultation, **easy_read_fields("pl"))
    cms_services.tree_synchronise()
    for language in languages:
        translate(easy_read, language, **easy_read_fields(language))
    return consultation
