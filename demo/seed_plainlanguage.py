"""Demo glossary of city terms in four languages, and an easy-read version of the
consultation on the information centre, with three simple pictures.

Each step looks for what it would make, so running it again changes nothing.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

from consultations.models import ConsultationPage
from plainlanguage.models import EasyReadPage, GlossaryTerm

EASY_READ_OF = "punkt-informacyjny-dla-migrantow"
EASY_READ_SLUG = "latwy-tekst"

# slug: {language: (term, forms one per line, explanation)}, and the official source.
TERMS = [
    (
        "karta-pobytu",
        "https://www.gov.pl/web/udsc/zezwolenie-na-pobyt-czasowy",
        {
            "pl": (
                "karta pobytu",
                "karty pobytu\nkartę pobytu\nkartą pobytu\nkarcie pobytu\nkart pobytu",
                "Plastikowa karta ze zdjęciem. Pokazuje, że możesz legalnie mieszkać w Polsce. "
                "Wydaje ją Urząd Wojewódzki.",
            ),
            "en": (
                "residence card",
                "residence cards\nresidence permit card",
                "A plastic card with your photo. It shows that you may live in Poland legally. "
                "The Voivodeship Office issues it.",
            ),
            "uk": (
                "карта побиту",
                "карти побиту\nкарту побиту\nкартою побиту\nпосвідка на проживання\nпосвідку на проживання",
                "Пластикова картка з фотографією. Вона показує, що ви можете законно жити в Польщі. "
                "Її видає Воєводське управління.",
            ),
            "ru": (
                "карта побыту",
                "карты побыту\nкарту побыту\nкартой побыту\nвид на жительство",
                "Пластиковая карта с фотографией. Она показывает, что вы можете законно жить в Польше. "
                "Её выдаёт Воеводское управление.",
            ),
        },
    ),
    (
        "meldunek",
        "https://www.gov.pl/web/gov/zamelduj-sie-na-pobyt-czasowy-przez-internet",
        {
            "pl": (
                "meldunek",
                "meldunku\nmeldunkiem\nzameldowanie\nzameldowania\nzameldowaniem",
                "Wpis adresu, pod którym mieszkasz, do rejestru miasta. Robisz to w urzędzie albo przez internet.",
            ),
            "en": (
                "registration of address",
                "registering an address\naddress registration",
                "Writing the address where you live into the city's register. You do it at the city office or online.",
            ),
            "uk": (
                "реєстрація місця проживання",
                "реєстрації місця проживання\nреєстрацію місця проживання\nпрописка",
                "Запис адреси, де ви живете, до реєстру міста. Це роблять в управлінні або через інтернет.",
            ),
            "ru": (
                "регистрация по месту жительства",
                "регистрации по месту жительства\nрегистрацию по месту жительства\nпрописка",
                "Запись адреса, где вы живёте, в реестр города. Это делают в ведомстве или через интернет.",
            ),
        },
    ),
    (
        "pesel",
        "https://www.gov.pl/web/gov/uzyskaj-numer-pesel",
        {
            "pl": (
                "PESEL",
                "numer PESEL\nnumeru PESEL\nnumerem PESEL",
                "Twój numer w polskim rejestrze ludności. Ma 11 cyfr. Jest potrzebny w urzędzie, u lekarza i w pracy.",
            ),
            "en": (
                "PESEL number",
                "PESEL",
                "Your number in the Polish population register. It has 11 digits. You need it at "
                "offices, at the doctor's and at work.",
            ),
            "uk": (
                "номер PESEL",
                "PESEL\nномера PESEL\nномер ПЕСЕЛЬ",
                "Ваш номер у польському реєстрі населення. Має 11 цифр. Потрібен в установах, у лікаря і на роботі.",
            ),
            "ru": (
                "номер PESEL",
                "PESEL\nномера PESEL\nномер ПЕСЕЛЬ",
                "Ваш номер в польском реестре населения. В нём 11 цифр. Нужен в учреждениях, у врача и на работе.",
            ),
        },
    ),
    (
        "mopr",
        "https://www.mopr.gda.pl/",
        {
            "pl": (
                "MOPR",
                "Miejski Ośrodek Pomocy Rodzinie\nMiejskiego Ośrodka Pomocy Rodzinie",
                "Miejski Ośrodek Pomocy Rodzinie w Gdańsku. Pomaga osobom i rodzinom w trudnej "
                "sytuacji: pieniądze, jedzenie, mieszkanie, porady.",
            ),
            "en": (
                "MOPR (City Family Support Centre)",
                "City Family Support Centre",
                "The City Family Support Centre in Gdańsk. It helps people and families in a hard "
                "situation: money, food, housing, advice.",
            ),
            "uk": (
                "MOPR (Міський центр допомоги сім'ї)",
                "Міський центр допомоги сім'ї",
                "Міський центр допомоги сім'ї в Гданську. Допомагає людям і сім'ям у складній ситуації: "
                "гроші, їжа, житло, поради.",
            ),
            "ru": (
                "MOPR (Городской центр помощи семье)",
                "Городской центр помощи семье",
                "Городской центр помощи семье в Гданьске. Помогает людям и семьям в трудной ситуации: "
                "деньги, еда, жильё, советы.",
            ),
        },
    ),
    (
        "urzad-wojewodzki",
        "https://www.gdansk.uw.gov.pl/",
        {
            "pl": (
                "Urząd Wojewódzki",
                "Urzędu Wojewódzkiego\nUrzędzie Wojewódzkim\nUrząd Wojewódzki w Gdańsku\nPomorski Urząd Wojewódzki",
                "Urząd państwa w Gdańsku. Tu składasz wniosek o kartę pobytu i zezwolenie na pracę.",
            ),
            "en": (
                "Voivodeship Office",
                "Voivodeship Office in Gdańsk\nPomeranian Voivodeship Office",
                "The state office in Gdańsk. Here you apply for a residence card and a work permit.",
            ),
            "uk": (
                "Воєводське управління",
                "Воєводського управління\nВоєводському управлінні",
                "Державна установа в Гданську. Тут подають заяву на карту побиту і дозвіл на роботу.",
            ),
            "ru": (
                "Воеводское управление",
                "Воеводского управления\nВоеводском управлении",
                "Государственное учреждение в Гданьске. Здесь подают заявление на карту побыту и разрешение на работу.",
            ),
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
            "en": (
                "NFZ (National Health Fund)",
                "National Health Fund",
                "The National Health Fund. It pays for the treatment of people who have health insurance.",
            ),
            "uk": (
                "NFZ (Національний фонд здоров'я)",
                "Національний фонд здоров'я",
                "Національний фонд здоров'я. Оплачує лікування людей, які мають медичне страхування.",
            ),
            "ru": (
                "NFZ (Национальный фонд здоровья)",
                "Национальный фонд здоровья",
                "Национальный фонд здоровья. Оплачивает лечение людей, у которых есть медицинская страховка.",
            ),
        },
    ),
    (
        "zus",
        "https://www.zus.pl/",
        {
            "pl": (
                "ZUS",
                "Zakład Ubezpieczeń Społecznych\nZakładu Ubezpieczeń Społecznych",
                "Zakład Ubezpieczeń Społecznych. Zbiera składki z pracy i wypłaca emerytury, renty i zasiłki.",
            ),
            "en": (
                "ZUS (Social Insurance Institution)",
                "Social Insurance Institution",
                "The Social Insurance Institution. It collects contributions from work and pays pensions and benefits.",
            ),
            "uk": (
                "ZUS (Установа соціального страхування)",
                "Установа соціального страхування",
                "Установа соціального страхування. Збирає внески з роботи і виплачує пенсії та допомоги.",
            ),
            "ru": (
                "ZUS (Учреждение социального страхования)",
                "Учреждение социального страхования",
                "Учреждение социального страхования. Собирает взносы с работы и выплачивает пенсии и пособия.",
            ),
        },
    ),
    (
        "urzad-skarbowy",
        "https://www.podatki.gov.pl/",
        {
            "pl": (
                "urząd skarbowy",
                "urzędu skarbowego\nurzędzie skarbowym\nurzędem skarbowym",
                "Urząd, który zajmuje się podatkami. Tu składasz roczne rozliczenie podatku (PIT).",
            ),
            "en": (
                "tax office",
                "tax offices",
                "The office that deals with taxes. Here you send your yearly tax return (PIT).",
            ),
            "uk": (
                "податкова служба",
                "податкової служби\nподаткова",
                "Установа, яка займається податками. Сюди подають річну податкову декларацію (PIT).",
            ),
            "ru": (
                "налоговая служба",
                "налоговой службы\nналоговая",
                "Учреждение, которое занимается налогами. Сюда подают годовую налоговую декларацию (PIT).",
            ),
        },
    ),
    (
        "zezwolenie-na-prace",
        "https://www.gov.pl/web/uw-pomorski/zezwolenia-na-prace",
        {
            "pl": (
                "zezwolenie na pracę",
                "zezwolenia na pracę\nzezwoleniem na pracę\nzezwoleniu na pracę",
                "Dokument, który pozwala cudzoziemcowi pracować w Polsce u danego pracodawcy. "
                "O zezwolenie wnioskuje pracodawca.",
            ),
            "en": (
                "work permit",
                "work permits",
                "A document that lets a foreigner work in Poland for a given employer. The employer applies for it.",
            ),
            "uk": (
                "дозвіл на роботу",
                "дозволу на роботу\nдозволом на роботу",
                "Документ, який дозволяє іноземцю працювати в Польщі в певного роботодавця. Заяву подає роботодавець.",
            ),
            "ru": (
                "разрешение на работу",
                "разрешения на работу\nразрешением на работу",
                "Документ, который позволяет иностранцу работать в Польше у определённого работодателя. "
                "Заявление подаёт работодатель.",
            ),
        },
    ),
    (
        "profil-zaufany",
        "https://www.gov.pl/web/profilzaufany",
        {
            "pl": (
                "Profil Zaufany",
                "Profilu Zaufanego\nProfilem Zaufanym",
                "Bezpłatne konto do załatwiania spraw urzędowych przez internet. Potrzebny jest numer PESEL.",
            ),
            "en": (
                "Trusted Profile (Profil Zaufany)",
                "Trusted Profile",
                "A free account for dealing with offices online. You need a PESEL number for it.",
            ),
            "uk": (
                "Довірений профіль (Profil Zaufany)",
                "Довірений профіль\nДовіреного профілю",
                "Безкоштовний обліковий запис для справ в установах через інтернет. Потрібен номер PESEL.",
            ),
            "ru": (
                "Доверенный профиль (Profil Zaufany)",
                "Доверенный профиль\nДоверенного профиля",
                "Бесплатная учётная запись для дел в учреждениях через интернет. Нужен номер PESEL.",
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
                "Wsparcie miasta dla osób, które nie radzą sobie same: pieniądze, posiłki, "
                "mieszkanie, praca socjalna. W Gdańsku udziela jej MOPR.",
            ),
            "en": (
                "social welfare",
                "social assistance\nsocial help",
                "Support from the city for people who cannot manage alone: money, meals, housing, "
                "a social worker. In Gdańsk MOPR gives it.",
            ),
            "uk": (
                "соціальна допомога",
                "соціальної допомоги\nсоціальну допомогу",
                "Підтримка міста для людей, які не можуть впоратися самі: гроші, харчування, житло, "
                "соціальний працівник. У Гданську її надає MOPR.",
            ),
            "ru": (
                "социальная помощь",
                "социальной помощи\nсоциальную помощь",
                "Поддержка города для людей, которые не справляются сами: деньги, питание, жильё, "
                "социальный работник. В Гданьске её оказывает MOPR.",
            ),
        },
    ),
    (
        "konsultacje-spoleczne",
        "https://www.gdansk.pl/konsultacje-spoleczne",
        {
            "pl": (
                "konsultacje społeczne",
                "konsultacji społecznych\nkonsultacjach społecznych\nkonsultacjami społecznymi",
                "Czas, w którym miasto pyta mieszkańców o zdanie, zanim coś zdecyduje. Każdy może "
                "napisać komentarz lub propozycję.",
            ),
            "en": (
                "public consultation",
                "public consultations",
                "A time when the city asks residents what they think before it decides. Anyone may "
                "write a comment or a proposal.",
            ),
            "uk": (
                "громадські консультації",
                "громадських консультацій\nгромадських консультаціях",
                "Час, коли місто питає мешканців про їхню думку, перш ніж щось вирішити. Кожен може "
                "написати коментар або пропозицію.",
            ),
            "ru": (
                "общественные консультации",
                "общественных консультаций\nобщественных консультациях",
                "Время, когда город спрашивает жителей об их мнении, прежде чем что-то решить. Каждый может "
                "написать комментарий или предложение.",
            ),
        },
    ),
]

PICTURES = {
    "clock": "Rada — łatwy tekst: zegar",
    "languages": "Rada — łatwy tekst: języki",
    "phone": "Rada — łatwy tekst: telefon",
}

EASY_READ = {
    "pl": {
        "title": "Punkt informacji dla migrantów — tekst łatwy do czytania",
        "intro": "Miasto pyta, jak ma działać punkt pomocy dla migrantów.",
        "blocks": [
            "<p>Miasto otworzy <b>punkt informacji</b>.</p><p>W punkcie dostaniesz pomoc. "
            "Na przykład w sprawie meldunku, pracy, szkoły albo lekarza.</p>",
            ("clock", "Zegar. Pokazuje godziny otwarcia."),
            "<p>Chcemy, żeby punkt był otwarty także wieczorem.</p><p>Raz w miesiącu także w sobotę.</p>",
            ("languages", "Dymki rozmowy w różnych kolorach. Oznaczają różne języki."),
            "<p>W punkcie mówimy po polsku, ukraińsku, rosyjsku i angielsku.</p><p>Możesz też poprosić o tłumacza.</p>",
            ("phone", "Telefon. Oznacza pomoc przez telefon."),
            "<p>Możesz też zadzwonić albo napisać.</p><p><b>Napisz nam, co myślisz.</b> Twój komentarz jest ważny.</p>",
        ],
    },
    "en": {
        "title": "Information centre for migrants — easy read",
        "intro": "The city asks how its help centre for migrants should work.",
        "blocks": [
            "<p>The city will open an <b>information centre</b>.</p><p>There you get help. For "
            "example with registering your address, work, school or a doctor.</p>",
            ("clock", "A clock. It shows the opening hours."),
            "<p>We want the centre to be open in the evening too.</p><p>And on one Saturday a month.</p>",
            ("languages", "Speech bubbles in different colours. They mean different languages."),
            "<p>At the centre we speak Polish, Ukrainian, Russian and English.</p>"
            "<p>You can also ask for an interpreter.</p>",
            ("phone", "A phone. It means help by phone."),
            "<p>You can also call or write.</p><p><b>Tell us what you think.</b> Your comment matters.</p>",
        ],
    },
    "uk": {
        "title": "Пункт інформації для мігрантів — легке читання",
        "intro": "Місто питає, як має працювати пункт допомоги для мігрантів.",
        "blocks": [
            "<p>Місто відкриє <b>пункт інформації</b>.</p><p>Там вам допоможуть. Наприклад, з "
            "реєстрацією місця проживання, роботою, школою або лікарем.</p>",
            ("clock", "Годинник. Показує години роботи."),
            "<p>Ми хочемо, щоб пункт працював і ввечері.</p><p>І в одну суботу на місяць.</p>",
            ("languages", "Хмарки розмови різних кольорів. Вони означають різні мови."),
            "<p>У пункті говорять польською, українською, російською та англійською.</p>"
            "<p>Ви також можете попросити перекладача.</p>",
            ("phone", "Телефон. Означає допомогу телефоном."),
            "<p>Ви також можете зателефонувати або написати.</p><p><b>Напишіть нам, що ви думаєте.</b> "
            "Ваш коментар важливий.</p>",
        ],
    },
    "ru": {
        "title": "Пункт информации для мигрантов — лёгкое чтение",
        "intro": "Город спрашивает, как должен работать пункт помощи для мигрантов.",
        "blocks": [
            "<p>Город откроет <b>пункт информации</b>.</p><p>Там вам помогут. Например, с "
            "регистрацией по месту жительства, работой, школой или врачом.</p>",
            ("clock", "Часы. Показывают часы работы."),
            "<p>Мы хотим, чтобы пункт работал и вечером.</p><p>И в одну субботу в месяц.</p>",
            ("languages", "Облачка разговора разных цветов. Они означают разные языки."),
            "<p>В пункте говорят по-польски, по-украински, по-русски и по-английски.</p>"
            "<p>Вы также можете попросить переводчика.</p>",
            ("phone", "Телефон. Означает помощь по телефону."),
            "<p>Вы также можете позвонить или написать.</p><p><b>Напишите нам, что вы думаете.</b> "
            "Ваш комментарий важен.</p>",
        ],
    },
}


def seed_plainlanguage(seeder, locales):
    seed_glossary(seeder, locales)
    seed_easy_read(seeder, locales)


def seed_glossary(seeder, locales):
    for slug, source_url, texts in TERMS:
        original = GlossaryTerm.objects.filter(locale=locales["pl"], slug=slug).first()
        if original is None:
            term, forms, explanation = texts["pl"]
            original = GlossaryTerm.objects.create(
                locale=locales["pl"], slug=slug, term=term, forms=forms, explanation=explanation, source_url=source_url
            )
            seeder.log(f"glossary term {term}")
        for code, locale in locales.items():
            if code == "pl" or code not in texts or original.has_translation(locale):
                continue
            translation = original.copy_for_translation(locale)
            translation.term, translation.forms, translation.explanation = texts[code]
            translation.save()
            seeder.log(f"glossary term {code}: {translation.term}")


def _draw(name):
    """A plain pictogram, drawn here so the demo needs no image files."""
    image = Image.new("RGB", (480, 360), "#e6f0f4")
    draw = ImageDraw.Draw(image)
    ink, brand, accent = "#1b1f23", "#0b4f6c", "#9c3d10"
    if name == "clock":
        draw.ellipse((130, 70, 350, 290), fill="#ffffff", outline=brand, width=14)
        draw.line((240, 180, 240, 110), fill=ink, width=12)
        draw.line((240, 180, 300, 210), fill=ink, width=12)
        draw.ellipse((228, 168, 252, 192), fill=accent)
    elif name == "languages":
        draw.rounded_rectangle((50, 60, 260, 190), radius=30, fill=brand)
        draw.polygon([(100, 185), (90, 240), (150, 188)], fill=brand)
        draw.rounded_rectangle((220, 150, 430, 280), radius=30, fill=accent)
        draw.polygon([(380, 275), (390, 330), (330, 278)], fill=accent)
        for x in (110, 155, 200):
            draw.ellipse((x - 12, 113, x + 12, 137), fill="#ffffff")
        for x in (280, 325, 370):
            draw.ellipse((x - 12, 203, x + 12, 227), fill="#ffffff")
    else:
        draw.rounded_rectangle((170, 40, 310, 320), radius=26, fill=ink)
        draw.rectangle((186, 80, 294, 260), fill="#ffffff")
        draw.ellipse((228, 272, 252, 296), fill="#ffffff")
        draw.arc((300, 90, 400, 190), start=-60, end=60, fill=brand, width=10)
        draw.arc((290, 60, 440, 220), start=-60, end=60, fill=brand, width=10)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue(), image.size


def _picture(name):
    Image = get_image_model()
    title = PICTURES[name]
    found = Image.objects.filter(title=title).first()
    if found is not None:
        return found
    path = f"original_images/rada-easy-read-{name}.png"
    data, (width, height) = _draw(name)
    if not default_storage.exists(path):  # a database seeded afresh reuses the file
        path = default_storage.save(path, ContentFile(data))
    return Image.objects.create(title=title, file=path, width=width, height=height, file_size=len(data))


def _body(blocks, pictures):
    body = []
    for block in blocks:
        if isinstance(block, str):
            body.append({"type": "paragraph", "value": block})
        else:
            name, alt_text = block
            body.append({"type": "picture", "value": {"image": pictures[name].pk, "alt_text": alt_text}})
    return body


def seed_easy_read(seeder, locales):
    consultation = ConsultationPage.objects.filter(locale=locales["pl"], slug=EASY_READ_OF).first()
    if consultation is None:
        return
    pictures = {name: _picture(name) for name in PICTURES}
    page = EasyReadPage.objects.child_of(consultation).first()
    if page is None:
        data = EASY_READ["pl"]
        page = EasyReadPage(
            slug=EASY_READ_SLUG, title=data["title"], intro=data["intro"], body=_body(data["blocks"], pictures)
        )
        consultation.add_child(instance=page)
        page.save_revision().publish()
        seeder.log(f"easy-read version of {EASY_READ_OF}")
        seeder.synchronise(locales)
    for code, locale in locales.items():
        if code == "pl":
            continue
        data = EASY_READ[code]
        seeder.translate(page, locale, title=data["title"], intro=data["intro"], body=_body(data["blocks"], pictures))
