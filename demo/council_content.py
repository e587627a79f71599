"""Texts of the demo council: its page, the statute, profiles, motions."""

COUNCIL_PAGE = {
    "pl": {
        "title": "Rada Imigrantów i Imigrantek",
        "intro": "Głos migrantów i migrantek w sprawach miasta: opiniuje, proponuje i głosuje jawnie.",
        "body": "<p>Rada doradza Prezydentowi Miasta w sprawach, które dotyczą cudzoziemców mieszkających w "
        "Gdańsku. Członkinie i członkowie Rady składają wnioski, a Rada głosuje nad nimi na posiedzeniach. "
        "Wyniki każdego głosowania, uchwały i protokoły są publiczne.</p>",
    },
    "en": {
        "title": "Immigrants' Council",
        "intro": "The voice of migrants in city affairs: it gives opinions, makes proposals and votes in the open.",
        "body": "<p>The Council advises the Mayor on matters that concern foreigners living in Gdańsk. Its "
        "members submit motions, and the Council votes on them at its meetings. The result of every vote, "
        "the resolutions and the minutes are public.</p>",
    },
    "uk": {
        "title": "Рада іммігрантів та іммігранток",
        "intro": "Голос мігрантів і мігранток у справах міста: дає висновки, пропонує і голосує відкрито.",
        "body": "<p>Рада радить Президентові міста у справах, що стосуються іноземців, які живуть у Гданську. "
        "Члени Ради подають внески, а Рада голосує за них на засіданнях. Результати кожного голосування, "
        "ухвали та протоколи є публічними.</p>",
    },
    "ru": {
        "title": "Совет иммигрантов и иммигранток",
        "intro": "Голос мигрантов и мигранток в делах города: даёт заключения, предлагает и голосует открыто.",
        "body": "<p>Совет консультирует Президента города по вопросам, касающимся иностранцев, живущих в Гданьске. "
        "Члены Совета вносят предложения, а Совет голосует по ним на заседаниях. Результаты каждого "
        "голосования, решения и протоколы публичны.</p>",
    },
}

STATUTE = {
    "pl": {
        "title": "Statut Rady",
        "intro": "Najważniejsze zasady działania Rady (wersja demonstracyjna).",
        "body": "<h2>Skład i kadencja</h2><p>Rada liczy jedenaście osób wybieranych na dwuletnią kadencję. Rada "
        "wybiera spośród siebie przewodniczącą lub przewodniczącego, zastępcę i sekretarza.</p>"
        "<h2>Posiedzenia</h2><p>Posiedzenia są jawne. Przewodniczący prowadzi obrady, sekretarz prowadzi listę "
        "obecności i protokół.</p><h2>Głosowania</h2><p>Rada podejmuje uchwały zwykłą większością głosów w "
        "obecności co najmniej połowy składu. Wybory osób odbywają się w głosowaniu tajnym. Każdy członek "
        "Rady głosuje osobiście i tylko raz.</p>",
    },
    "en": {
        "title": "Statute of the Council",
        "intro": "The main rules of how the Council works (demo version).",
        "body": "<h2>Members and term</h2><p>The Council has eleven members elected for a two-year term. It "
        "elects a chair, a vice-chair and a secretary from among its members.</p><h2>Meetings</h2><p>Meetings "
        "are public. The chair conducts them; the secretary keeps the attendance list and the minutes.</p>"
        "<h2>Votes</h2><p>The Council adopts resolutions by a simple majority when at least half of its members "
        "are present. Elections of persons are by secret ballot. Every member votes in person, and only once."
        "</p>",
    },
}

# username: (role, languages, community, {language: bio})
MEMBERS = {
    "chair": (
        "chair",
        "українська, polski, English",
        "Fundacja Ukraińska w Gdańsku",
        {
            "uk": "Живу в Гданську з 2014 року. Працюю з сім'ями, які щойно приїхали до міста.",
            "pl": "Mieszkam w Gdańsku od 2014 roku. Pracuję z rodzinami, które dopiero przyjechały do miasta.",
        },
    ),
    "secretary": (
        "secretary",
        "polski, русский",
        "Centrum Wsparcia Imigrantów i Imigrantek",
        {"pl": "Prawnik, od lat doradza cudzoziemcom w sprawach pobytu i pracy."},
    ),
    "member1": (
        "vice_chair",
        "беларуская, русский, polski",
        "Białoruski Dom w Gdańsku",
        {"ru": "Инженер-программист, организую встречи белорусской общины на Оруне."},
    ),
    "member2": (
        "member",
        "العربية, English, polski",
        "Stowarzyszenie Kobiet Arabskich",
        {"en": "Teacher and mother of three; I care most about schools and language lessons."},
    ),
    "member3": ("member", "українська, polski", "Studenci Politechniki Gdańskiej", {}),
    "member4": ("member", "português, español, polski", "", {"pl": "Tłumaczka, działa w radzie dzielnicy Wrzeszcz."}),
    "member5": ("member", "ქართული, русский, polski", "Gruzińska wspólnota Pomorza", {}),
    "member6": ("member", "русский, українська", "", {"ru": "Медсестра в Копернике, волонтёр пункта помощи."}),
    "member7": ("member", "English, Twi, polski", "African Diaspora Gdańsk", {"en": "Runs a small catering firm."}),
    "member8": ("member", "русский, polski", "", {}),
    "member9": ("member", "日本語, English, polski", "", {"en": "Researcher at the University of Gdańsk."}),
}

# (key, submitter, language, area, title, text, rationale, sponsors)
MOTIONS = [
    (
        "interpreters",
        "chair",
        "pl",
        "health",
        "Tłumacze w przychodniach miejskich",
        "Rada wnosi o zapewnienie w miejskich przychodniach możliwości bezpłatnej rozmowy z tłumaczem "
        "(telefonicznie lub na wideo) w językach ukraińskim, rosyjskim i angielskim.",
        "Pacjenci, którzy nie mówią po polsku, często rezygnują z wizyty albo przychodzą z dziećmi jako tłumaczami.",
        ["member2", "member6"],
    ),
    (
        "school-liaisons",
        "member2",
        "en",
        "education",
        "Multilingual liaison staff in schools",
        "The Council asks the city to fund one liaison worker speaking Ukrainian or Russian for every school "
        "where more than thirty pupils have arrived from abroad.",
        "Parents cannot follow what school asks of them, and teachers cannot reach them.",
        ["member3", "member9"],
    ),
    (
        "night-bus",
        "member8",
        "ru",
        "local-communities",
        "Ночной автобус до Оливы",
        "Совет просит продлить ночную линию автобуса до промышленной зоны в Оливе.",
        "Многие мигранты работают в ночную смену и не могут вернуться домой.",
        [],
    ),
    (
        "housing-advice",
        "member1",
        "pl",
        "housing",
        "Punkt porad mieszkaniowych",
        "Rada rekomenduje uruchomienie w Centrum Wsparcia dyżuru doradcy mieszkaniowego dwa razy w tygodniu.",
        "Cudzoziemcy najczęściej pytają o umowy najmu, kaucje i meldunek.",
        ["member4", "member5", "member7"],
    ),
    (
        "festival-fund",
        "member7",
        "en",
        "culture",
        "A small grants fund for community festivals",
        "The Council recommends a fund of small grants, up to 5,000 zł each, for neighbourhood festivals "
        "organised together by migrants and long-time residents.",
        "Shared celebrations build trust in the neighbourhood better than any leaflet.",
        ["member2"],
    ),
    (
        "ukrainian-forms",
        "member3",
        "uk",
        "social-welfare",
        "Бланки МОПР українською мовою",
        "Рада просить, щоб найчастіші бланки МОПР були доступні з перекладом українською мовою.",
        "Люди помиляються в заявах, бо не розуміють польських бланків, і чекають на допомогу довше.",
        ["chair", "member6"],
    ),
    (
        "job-fair",
        "member5",
        "pl",
        "work",
        "Targi pracy dla cudzoziemców",
        "Rada wnosi o zorganizowanie wiosną targów pracy z udziałem pracodawców, urzędu pracy i tłumaczy.",
        "",
        [],
    ),
    (
        "discrimination-reports",
        "member4",
        "pl",
        "violence-discrimination",
        "Zgłaszanie dyskryminacji w czterech językach",
        "Rada wnosi o formularz zgłaszania dyskryminacji na stronie miasta w języku polskim, ukraińskim, "
        "rosyjskim i angielskim.",
        "",
        ["member5"],
    ),
]
