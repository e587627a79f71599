"""Demo page texts for the Rada platform, loaded by the demo seeding command.

This is demonstration content written for the Immigrants' Council platform of Gdańsk.
It is not an official text of the City of Gdańsk, and it does not quote the Immigrant
Integration Model (Model Integracji Imigrantów, 2015–2016); it only summarises it in
general terms. Contact details are placeholders (example.org, +48 58 000 00 00).

Rich-text values are HTML using only <p>, <h2>, <h3>, <ul>, <ol>, <li>, <strong> and
<em>; other values are plain text.
"""

LANGUAGES = ("pl", "en", "uk", "ru")


HOME = {
    "pl": {
        "title": "Rada Imigrantów i Imigrantek — Gdańsk",
        "hero_title": "Gdańsk — wspólne miasto dla wszystkich, którzy tu mieszkają",
        "intro": (
            "Tu możesz wziąć udział w konsultacjach społecznych, śledzić prace Rady Imigrantów i "
            "Imigrantek oraz sprawdzić, jak miasto wykorzystało zebrane opinie."
        ),
        "vision": (
            "<p>Gdańsk jest miastem, w którym różnorodność jest wartością. Imigranci i imigrantki "
            "znajdują tu swój dom, czują się bezpiecznie, są szanowani i doceniani.</p>"
            "<p>Urzędnicy i urzędniczki zapewniają wszystkim równy dostęp do usług publicznych i "
            "informacji, a osoby z doświadczeniem migracji aktywnie uczestniczą w życiu miasta i "
            "czują się za nie współodpowiedzialne.</p>"
        ),
    },
    "en": {
        "title": "Immigrants’ Council — Gdańsk",
        "hero_title": "Gdańsk — a shared city for everyone who lives here",
        "intro": (
            "Here you can take part in public consultations, follow the work of the Immigrants’ "
            "Council and see how the City has used the views it received."
        ),
        "vision": (
            "<p>Gdańsk is a city where diversity is valued. Immigrants find a home here, feel "
            "safe, and are respected and appreciated.</p>"
            "<p>Public officials ensure that everyone has equal access to public services and "
            "information, and people with a migration background take an active part in the life "
            "of the city and share responsibility for it.</p>"
        ),
    },
    "uk": {
        "title": "Рада іммігрантів та іммігранток — Гданськ",
        "hero_title": "Гданськ — спільне місто для всіх, хто тут живе",
        "intro": (
            "Тут можна взяти участь у громадських консультаціях, стежити за роботою Ради "
            "іммігрантів та іммігранток і дізнатися, як місто врахувало зібрані думки."
        ),
        "vision": (
            "<p>Гданськ — місто, у якому різноманіття є цінністю. Іммігранти та іммігрантки "
            "знаходять тут свій дім, почуваються в безпеці, їх поважають і цінують.</p>"
            "<p>Міські службовці забезпечують усім рівний доступ до публічних послуг та "
            "інформації, а люди з досвідом міграції беруть активну участь у житті міста й "
            "відчувають відповідальність за нього.</p>"
        ),
    },
    "ru": {
        "title": "Совет иммигрантов и иммигранток — Гданьск",
        "hero_title": "Гданьск — общий город для всех, кто здесь живёт",
        "intro": (
            "Здесь можно принять участие в общественных консультациях, следить за работой Совета "
            "иммигрантов и иммигранток и узнать, как город учёл собранные мнения."
        ),
        "vision": (
            "<p>Гданьск — город, где разнообразие считается ценностью. Иммигранты и иммигрантки "
            "находят здесь свой дом, чувствуют себя в безопасности, встречают уважение и "
            "признание.</p>"
            "<p>Городские служащие обеспечивают всем равный доступ к публичным услугам и "
            "информации, а люди с опытом миграции активно участвуют в жизни города и чувствуют "
            "свою ответственность за него.</p>"
        ),
    },
}


MODEL = {
    "pl": {
        "title": "Model Integracji Imigrantów",
        "intro": (
            "Model Integracji Imigrantów to miejska polityka Gdańska, która określa, jak miasto, "
            "jego instytucje i partnerzy wspierają integrację nowych mieszkańców i mieszkanek. "
            "Powstał wspólnie z osobami, których dotyczy, i jest stopniowo wdrażany oraz oceniany."
        ),
        "vision": (
            "<p>Wizja Modelu to Gdańsk, w którym różnorodność jest ceniona, a imigranci i "
            "imigrantki znajdują dom, czują się bezpiecznie, są szanowani i doceniani. Urzędnicy "
            "zapewniają równy dostęp do usług publicznych i informacji, a osoby z doświadczeniem "
            "migracji aktywnie uczestniczą w życiu miasta i czują się za nie odpowiedzialne.</p>"
            "<p>Model powstawał w latach 2015–2016. Pracowało nad nim ponad 150 osób z około 70 "
            "instytucji i organizacji: urzędów i instytucji publicznych, szkół i uczelni, "
            "organizacji pozarządowych, a także sami imigranci i imigrantki. Pracę podzielono na "
            "osiem zespołów tematycznych, które spotykały się regularnie, uczestniczyły w "
            "szkoleniach i wizytach studyjnych oraz korzystały ze wsparcia ekspertów i "
            "ekspertek.</p>"
            "<p>Zanim Rada Miasta Gdańska przyjęła Model w 2016 roku, jego projekt został poddany "
            "konsultacjom społecznym, instytucjonalnym i międzynarodowym. Od tego czasu Model "
            "jest wdrażany i oceniany, a jego zadania mogą być zmieniane w świetle zdobytych "
            "doświadczeń.</p>"
        ),
        "values": [
            {
                "title": "Integracja, nie asymilacja",
                "description": (
                    "Integracja to proces dwustronny: nowi mieszkańcy poznają życie w Gdańsku, a "
                    "miasto otwiera się na nich. Nikt nie musi rezygnować ze swojego języka, "
                    "kultury ani tożsamości."
                ),
            },
            {
                "title": "Imigranci są mieszkańcami",
                "description": (
                    "Imigranci i imigrantki są mieszkańcami Gdańska o takich samych codziennych "
                    "potrzebach jak inni: pracują, uczą się, wychowują dzieci i korzystają z "
                    "usług miasta."
                ),
            },
            {
                "title": "Partnerstwo i współpraca",
                "description": (
                    "Model realizują wspólnie miasto, instytucje publiczne, organizacje "
                    "pozarządowe, pracodawcy i społeczności imigranckie."
                ),
            },
            {
                "title": "Włączanie i upodmiotowienie",
                "description": (
                    "Działania mają wzmacniać samodzielność imigrantów i imigrantek oraz dawać im "
                    "realny wpływ na decyzje, które ich dotyczą."
                ),
            },
            {
                "title": "Pomocniczość",
                "description": (
                    "Sprawy rozwiązuje się możliwie blisko ludzi. Miasto wspiera tam, gdzie pomoc "
                    "jest potrzebna, nie wyręczając mieszkańców ani organizacji."
                ),
            },
            {
                "title": "Przejrzystość, dane i badania",
                "description": (
                    "Decyzje opierają się na wiarygodnych danych i badaniach, a informacje o "
                    "działaniach i ich wynikach są publicznie dostępne."
                ),
            },
            {
                "title": "Równość i sprawiedliwość społeczna",
                "description": (
                    "Każdy ma prawo do równego traktowania i równego dostępu do usług "
                    "publicznych, niezależnie od pochodzenia."
                ),
            },
            {
                "title": "Ewaluacja i prawo do błędu",
                "description": (
                    "Działania są regularnie oceniane. Błędy traktujemy jako źródło wiedzy i "
                    "okazję do poprawy, a nie powód do rezygnacji."
                ),
            },
            {
                "title": "Przeciwdziałanie rasizmowi i dyskryminacji",
                "description": (
                    "Miasto reaguje na przejawy rasizmu, ksenofobii i dyskryminacji oraz wspiera "
                    "osoby, które ich doświadczyły."
                ),
            },
            {
                "title": "Oddolność",
                "description": (
                    "Punktem wyjścia do działań są potrzeby i pomysły zgłaszane przez mieszkańców "
                    "i mieszkanki, w tym przez samych imigrantów."
                ),
            },
            {
                "title": "Współodpowiedzialność",
                "description": (
                    "Za integrację odpowiadają wszyscy: miasto, instytucje, organizacje, sąsiedzi "
                    "i sami imigranci."
                ),
            },
        ],
        "tasks": [
            {
                "area": "",
                "tasks": [
                    {
                        "name": "Rada Imigrantów i Imigrantek",
                        "description": (
                            "Ciało konsultacyjno-doradcze złożone z osób z doświadczeniem "
                            "migracji, które opiniuje działania miasta i wspiera wdrażanie Modelu."
                        ),
                    },
                    {
                        "name": "Centrum informacji i wsparcia dla imigrantów",
                        "description": (
                            "Jedno miejsce, w którym można uzyskać informację, poradę i pomoc w "
                            "kilku językach."
                        ),
                    },
                    {
                        "name": "Baza tłumaczy",
                        "description": (
                            "Wykaz tłumaczy i tłumaczek, z których pomocy mogą korzystać miejskie "
                            "instytucje w kontaktach z imigrantami."
                        ),
                    },
                    {
                        "name": "Zespoły interdyscyplinarne",
                        "description": (
                            "Specjaliści z różnych instytucji, którzy wspólnie pomagają osobom i "
                            "rodzinom w złożonych sprawach."
                        ),
                    },
                    {
                        "name": "Procedura kryzysowa",
                        "description": (
                            "Uzgodniony sposób współdziałania służb i instytucji w nagłych "
                            "sytuacjach dotyczących imigrantów i imigrantek."
                        ),
                    },
                    {
                        "name": "Rzecznik lub rzeczniczka ds. integracji",
                        "description": (
                            "Osoba, do której można się zwrócić, gdy prawa imigrantów nie są "
                            "przestrzegane, i która pomaga rozwiązywać takie sprawy."
                        ),
                    },
                    {
                        "name": "Edukacja obywatelska",
                        "description": (
                            "Zajęcia i materiały o prawach, obowiązkach i sposobach udziału w "
                            "życiu miasta."
                        ),
                    },
                    {
                        "name": "Kampanie społeczne",
                        "description": (
                            "Kampanie, które pokazują różnorodność Gdańska i przeciwdziałają "
                            "uprzedzeniom."
                        ),
                    },
                ],
            },
            {
                "area": "education",
                "tasks": [
                    {
                        "name": "Nauka języka polskiego",
                        "description": (
                            "Lekcje języka polskiego jako obcego dla uczniów i uczennic oraz dla "
                            "dorosłych."
                        ),
                    },
                    {
                        "name": "Asystenci międzykulturowi w szkołach",
                        "description": (
                            "Wsparcie osób, które pomagają uczniom z doświadczeniem migracji, ich "
                            "rodzinom i nauczycielom w porozumiewaniu się."
                        ),
                    },
                    {
                        "name": "Szkolenia dla kadry szkół",
                        "description": (
                            "Przygotowanie nauczycieli i dyrekcji do pracy w klasach "
                            "zróżnicowanych kulturowo."
                        ),
                    },
                ],
            },
            {
                "area": "local-communities",
                "tasks": [
                    {
                        "name": "Spotkania sąsiedzkie",
                        "description": (
                            "Wydarzenia w dzielnicach, dzięki którym nowi i dotychczasowi "
                            "mieszkańcy mogą się lepiej poznać."
                        ),
                    },
                    {
                        "name": "Wsparcie organizacji imigranckich",
                        "description": (
                            "Pomoc w zakładaniu i rozwijaniu organizacji i grup tworzonych przez "
                            "imigrantów i imigrantki."
                        ),
                    },
                    {
                        "name": "Udział w życiu dzielnic",
                        "description": (
                            "Informacja i zachęta do udziału w pracach rad dzielnic oraz w "
                            "budżecie obywatelskim."
                        ),
                    },
                ],
            },
            {
                "area": "culture",
                "tasks": [
                    {
                        "name": "Otwarta oferta kulturalna",
                        "description": (
                            "Informacja o wydarzeniach kulturalnych w kilku językach i zachęta do "
                            "wspólnego udziału w nich."
                        ),
                    },
                    {
                        "name": "Wspólne projekty kulturalne",
                        "description": (
                            "Wsparcie projektów, które tworzą razem artyści i mieszkańcy różnego "
                            "pochodzenia."
                        ),
                    },
                    {
                        "name": "Biblioteki jako miejsca spotkań",
                        "description": (
                            "Zbiory i zajęcia w różnych językach w bibliotekach miejskich."
                        ),
                    },
                ],
            },
            {
                "area": "violence-discrimination",
                "tasks": [
                    {
                        "name": "Zgłaszanie przemocy i dyskryminacji",
                        "description": (
                            "Prosty i bezpieczny sposób zgłaszania takich przypadków, także w "
                            "innych językach niż polski."
                        ),
                    },
                    {
                        "name": "Wsparcie dla osób pokrzywdzonych",
                        "description": (
                            "Pomoc prawna i psychologiczna dla osób, które doświadczyły przemocy "
                            "lub dyskryminacji."
                        ),
                    },
                    {
                        "name": "Szkolenia antydyskryminacyjne",
                        "description": (
                            "Szkolenia dla pracowników i pracowniczek urzędów oraz służb "
                            "miejskich."
                        ),
                    },
                ],
            },
            {
                "area": "health",
                "tasks": [
                    {
                        "name": "Informacja o ochronie zdrowia",
                        "description": (
                            "Przystępne materiały o tym, jak korzystać z opieki zdrowotnej i kto "
                            "ma do niej prawo."
                        ),
                    },
                    {
                        "name": "Komunikacja w placówkach medycznych",
                        "description": (
                            "Wsparcie tłumaczy oraz materiały w różnych językach dla przychodni i "
                            "szpitali."
                        ),
                    },
                    {
                        "name": "Wsparcie psychologiczne",
                        "description": (
                            "Dostęp do pomocy psychologicznej, także dla osób po trudnych "
                            "przeżyciach."
                        ),
                    },
                ],
            },
            {
                "area": "work",
                "tasks": [
                    {
                        "name": "Informacja o prawach pracowniczych",
                        "description": (
                            "Informacja w kilku językach o legalnym zatrudnieniu, umowach i "
                            "prawach pracowniczych."
                        ),
                    },
                    {
                        "name": "Doradztwo zawodowe",
                        "description": (
                            "Pomoc w szukaniu pracy, potwierdzaniu kwalifikacji i planowaniu "
                            "rozwoju zawodowego."
                        ),
                    },
                    {
                        "name": "Współpraca z pracodawcami",
                        "description": (
                            "Upowszechnianie dobrych praktyk zatrudniania i wspierania "
                            "pracowników z zagranicy."
                        ),
                    },
                ],
            },
            {
                "area": "social-welfare",
                "tasks": [
                    {
                        "name": "Przygotowanie pracowników pomocy społecznej",
                        "description": (
                            "Szkolenia z przepisów dotyczących cudzoziemców i z komunikacji "
                            "międzykulturowej."
                        ),
                    },
                    {
                        "name": "Jasna informacja o świadczeniach",
                        "description": (
                            "Informacja o tym, z jakiej pomocy i na jakich zasadach mogą "
                            "korzystać imigranci i imigrantki."
                        ),
                    },
                    {
                        "name": "Wsparcie w sytuacjach kryzysowych",
                        "description": (
                            "Pomoc osobom i rodzinom w trudnym położeniu, udzielana we współpracy "
                            "z organizacjami pozarządowymi."
                        ),
                    },
                ],
            },
            {
                "area": "housing",
                "tasks": [
                    {
                        "name": "Informacja o najmie",
                        "description": (
                            "Materiały o prawach i obowiązkach najemców oraz o bezpiecznym "
                            "wynajmowaniu mieszkań."
                        ),
                    },
                    {
                        "name": "Przeciwdziałanie dyskryminacji na rynku najmu",
                        "description": (
                            "Reagowanie na ogłoszenia i praktyki, które wykluczają najemców ze "
                            "względu na pochodzenie."
                        ),
                    },
                    {
                        "name": "Wsparcie mieszkaniowe",
                        "description": (
                            "Jasne zasady pomocy mieszkaniowej dla osób w trudnej sytuacji, w tym "
                            "dla uchodźców."
                        ),
                    },
                ],
            },
        ],
        "timeline": [
            {
                "date": "2015",
                "title": "Początek prac",
                "description": (
                    "Miasto powołało międzysektorowy zespół, który miał przygotować model "
                    "integracji imigrantów."
                ),
            },
            {
                "date": "2015",
                "title": "Zespoły tematyczne",
                "description": (
                    "Osiem zespołów tematycznych spotykało się regularnie, brało udział w "
                    "szkoleniach i wizytach studyjnych oraz korzystało ze wsparcia ekspertów."
                ),
            },
            {
                "date": "2016",
                "title": "Konsultacje",
                "description": (
                    "Projekt Modelu został poddany konsultacjom społecznym, instytucjonalnym i "
                    "międzynarodowym."
                ),
            },
            {
                "date": "2016-06",
                "title": "Przyjęcie przez Radę Miasta",
                "description": "Rada Miasta Gdańska przyjęła Model Integracji Imigrantów.",
            },
            {
                "date": "2016-10",
                "title": "Rada Imigrantów i Imigrantek",
                "description": "Rozpoczęła się pierwsza kadencja Rady Imigrantów i Imigrantek.",
            },
            {
                "date": "2017",
                "title": "Wdrażanie i ewaluacja",
                "description": (
                    "Miejskie jednostki i partnerzy wdrażają kolejne zadania Modelu, a ich "
                    "realizacja jest regularnie oceniana."
                ),
            },
        ],
    },
    "en": {
        "title": "Immigrant Integration Model",
        "intro": (
            "The Immigrant Integration Model is the City of Gdańsk’s policy on how the City, its "
            "institutions and partners support the integration of new residents. It was written "
            "together with the people it concerns and is being implemented and evaluated step by "
            "step."
        ),
        "vision": (
            "<p>The Model’s vision is a Gdańsk where diversity is valued and where immigrants "
            "find a home, feel safe, and are respected and appreciated. Public officials ensure "
            "equal access to public services and information, and people with a migration "
            "background take an active part in the life of the city and feel responsible for "
            "it.</p>"
            "<p>The Model was written in 2015–2016 by more than 150 people from around 70 "
            "institutions and organisations: public offices and institutions, schools and "
            "universities, non-governmental organisations, and immigrants themselves. The work "
            "was shared among eight thematic teams, which met regularly, took part in training "
            "and study visits, and drew on the support of experts.</p>"
            "<p>Before Gdańsk City Council adopted the Model in 2016, the draft was put to "
            "social, institutional and international consultation. Since then the Model has been "
            "implemented and evaluated, and its tasks can be adjusted in the light of "
            "experience.</p>"
        ),
        "values": [
            {
                "title": "Integration, not assimilation",
                "description": (
                    "Integration is a two-way process: newcomers get to know life in Gdańsk, and "
                    "the city opens up to them. No one has to give up their language, culture or "
                    "identity."
                ),
            },
            {
                "title": "Immigrants are residents",
                "description": (
                    "Immigrants are residents of Gdańsk with the same everyday needs as everyone "
                    "else: they work, study, raise children and use city services."
                ),
            },
            {
                "title": "Partnership and cooperation",
                "description": (
                    "The Model is carried out jointly by the City, public institutions, "
                    "non-governmental organisations, employers and immigrant communities."
                ),
            },
            {
                "title": "Inclusion and empowerment",
                "description": (
                    "Activities are meant to strengthen immigrants’ independence and give them a "
                    "real say in the decisions that affect them."
                ),
            },
            {
                "title": "Subsidiarity",
                "description": (
                    "Matters are dealt with as close to people as possible. The City helps where "
                    "help is needed, without taking over from residents or organisations."
                ),
            },
            {
                "title": "Transparency, data and research",
                "description": (
                    "Decisions are based on reliable data and research, and information about "
                    "activities and their results is publicly available."
                ),
            },
            {
                "title": "Equality and social justice",
                "description": (
                    "Everyone has the right to equal treatment and equal access to public "
                    "services, whatever their origin."
                ),
            },
            {
                "title": "Evaluation and the right to make mistakes",
                "description": (
                    "Activities are reviewed regularly. Mistakes are a source of learning and a "
                    "chance to improve, not a reason to give up."
                ),
            },
            {
                "title": "Fighting racism and discrimination",
                "description": (
                    "The City responds to racism, xenophobia and discrimination and supports the "
                    "people who have experienced them."
                ),
            },
            {
                "title": "Bottom-up approach",
                "description": (
                    "The needs and ideas raised by residents, including immigrants themselves, "
                    "are the starting point for action."
                ),
            },
            {
                "title": "Shared responsibility",
                "description": (
                    "Integration is everyone’s responsibility: the City, institutions, "
                    "organisations, neighbours and immigrants themselves."
                ),
            },
        ],
        "tasks": [
            {
                "area": "",
                "tasks": [
                    {
                        "name": "Immigrants’ Council",
                        "description": (
                            "An advisory body of people with a migration background that gives "
                            "its opinion on the City’s actions and supports the Model’s "
                            "implementation."
                        ),
                    },
                    {
                        "name": "Information and support centre for immigrants",
                        "description": (
                            "A single place where people can get information, advice and help in "
                            "several languages."
                        ),
                    },
                    {
                        "name": "Translators’ base",
                        "description": (
                            "A list of translators and interpreters whom city institutions can "
                            "call on when working with immigrants."
                        ),
                    },
                    {
                        "name": "Interdisciplinary teams",
                        "description": (
                            "Specialists from different institutions who work together to help "
                            "individuals and families with complex cases."
                        ),
                    },
                    {
                        "name": "Crisis procedure",
                        "description": (
                            "An agreed way for services and institutions to act together in "
                            "emergencies involving immigrants."
                        ),
                    },
                    {
                        "name": "Integration ombudsperson",
                        "description": (
                            "A person immigrants can turn to when their rights are not respected, "
                            "and who helps to resolve such cases."
                        ),
                    },
                    {
                        "name": "Civic education",
                        "description": (
                            "Classes and materials on rights, obligations and ways of taking part "
                            "in the life of the city."
                        ),
                    },
                    {
                        "name": "Social campaigns",
                        "description": (
                            "Campaigns that show the diversity of Gdańsk and counter prejudice."
                        ),
                    },
                ],
            },
            {
                "area": "education",
                "tasks": [
                    {
                        "name": "Polish language classes",
                        "description": (
                            "Classes in Polish as a foreign language for pupils and for adults."
                        ),
                    },
                    {
                        "name": "Intercultural assistants in schools",
                        "description": (
                            "Support for people who help pupils with a migration background, "
                            "their families and teachers to understand one another."
                        ),
                    },
                    {
                        "name": "Training for school staff",
                        "description": (
                            "Preparing teachers and head teachers to work in culturally diverse "
                            "classes."
                        ),
                    },
                ],
            },
            {
                "area": "local-communities",
                "tasks": [
                    {
                        "name": "Neighbourhood meetings",
                        "description": (
                            "Events in the districts that help new and long-standing residents "
                            "get to know each other."
                        ),
                    },
                    {
                        "name": "Support for immigrant organisations",
                        "description": (
                            "Help in setting up and developing organisations and groups run by "
                            "immigrants."
                        ),
                    },
                    {
                        "name": "Taking part in district life",
                        "description": (
                            "Information and encouragement to take part in district councils and "
                            "the participatory budget."
                        ),
                    },
                ],
            },
            {
                "area": "culture",
                "tasks": [
                    {
                        "name": "Open cultural programme",
                        "description": (
                            "Information about cultural events in several languages and "
                            "encouragement to attend them together."
                        ),
                    },
                    {
                        "name": "Joint cultural projects",
                        "description": (
                            "Support for projects created together by artists and residents of "
                            "different backgrounds."
                        ),
                    },
                    {
                        "name": "Libraries as meeting places",
                        "description": (
                            "Collections and activities in different languages in the city’s "
                            "libraries."
                        ),
                    },
                ],
            },
            {
                "area": "violence-discrimination",
                "tasks": [
                    {
                        "name": "Reporting violence and discrimination",
                        "description": (
                            "A simple and safe way to report such incidents, also in languages "
                            "other than Polish."
                        ),
                    },
                    {
                        "name": "Support for those affected",
                        "description": (
                            "Legal and psychological help for people who have experienced "
                            "violence or discrimination."
                        ),
                    },
                    {
                        "name": "Anti-discrimination training",
                        "description": "Training for staff of public offices and city services.",
                    },
                ],
            },
            {
                "area": "health",
                "tasks": [
                    {
                        "name": "Information about health care",
                        "description": (
                            "Clear materials on how to use health care and who is entitled to it."
                        ),
                    },
                    {
                        "name": "Communication in medical facilities",
                        "description": (
                            "Interpreting support and multilingual materials for clinics and "
                            "hospitals."
                        ),
                    },
                    {
                        "name": "Psychological support",
                        "description": (
                            "Access to psychological help, including for people who have been "
                            "through difficult experiences."
                        ),
                    },
                ],
            },
            {
                "area": "work",
                "tasks": [
                    {
                        "name": "Information on workers’ rights",
                        "description": (
                            "Information in several languages on legal employment, contracts and "
                            "workers’ rights."
                        ),
                    },
                    {
                        "name": "Career guidance",
                        "description": (
                            "Help with finding work, having qualifications recognised and "
                            "planning a career."
                        ),
                    },
                    {
                        "name": "Cooperation with employers",
                        "description": (
                            "Sharing good practice in employing and supporting workers from "
                            "abroad."
                        ),
                    },
                ],
            },
            {
                "area": "social-welfare",
                "tasks": [
                    {
                        "name": "Preparing social welfare staff",
                        "description": (
                            "Training on the law concerning foreigners and on intercultural "
                            "communication."
                        ),
                    },
                    {
                        "name": "Clear information about benefits",
                        "description": (
                            "Information on what help immigrants can receive and on what terms."
                        ),
                    },
                    {
                        "name": "Support in crisis situations",
                        "description": (
                            "Help for individuals and families in difficulty, provided together "
                            "with non-governmental organisations."
                        ),
                    },
                ],
            },
            {
                "area": "housing",
                "tasks": [
                    {
                        "name": "Information about renting",
                        "description": (
                            "Materials on tenants’ rights and obligations and on renting a flat "
                            "safely."
                        ),
                    },
                    {
                        "name": "Tackling discrimination in the rental market",
                        "description": (
                            "Responding to adverts and practices that exclude tenants because of "
                            "their origin."
                        ),
                    },
                    {
                        "name": "Housing support",
                        "description": (
                            "Clear rules on housing assistance for people in difficulty, "
                            "including refugees."
                        ),
                    },
                ],
            },
        ],
        "timeline": [
            {
                "date": "2015",
                "title": "Work begins",
                "description": (
                    "The City set up a cross-sector team to prepare an immigrant integration "
                    "model."
                ),
            },
            {
                "date": "2015",
                "title": "Thematic teams",
                "description": (
                    "Eight thematic teams met regularly, took part in training and study visits, "
                    "and drew on the support of experts."
                ),
            },
            {
                "date": "2016",
                "title": "Consultations",
                "description": (
                    "The draft Model was put to social, institutional and international "
                    "consultation."
                ),
            },
            {
                "date": "2016-06",
                "title": "Adopted by the City Council",
                "description": "Gdańsk City Council adopted the Immigrant Integration Model.",
            },
            {
                "date": "2016-10",
                "title": "Immigrants’ Council",
                "description": "The first term of the Immigrants’ Council began.",
            },
            {
                "date": "2017",
                "title": "Implementation and evaluation",
                "description": (
                    "City units and partners are putting the Model’s tasks into practice, and "
                    "progress is reviewed regularly."
                ),
            },
        ],
    },
    "uk": {
        "title": "Модель інтеграції іммігрантів",
        "intro": (
            "Модель інтеграції іммігрантів — це міська політика Гданська, яка визначає, як місто, "
            "його установи та партнери підтримують інтеграцію нових мешканців і мешканок. Її "
            "створили разом із людьми, яких вона стосується, і поступово впроваджують та оцінюють."
        ),
        "vision": (
            "<p>Бачення Моделі — це Гданськ, у якому різноманіття є цінністю, а іммігранти та "
            "іммігрантки знаходять дім, почуваються в безпеці, їх поважають і цінують. Міські "
            "службовці забезпечують рівний доступ до публічних послуг та інформації, а люди з "
            "досвідом міграції беруть активну участь у житті міста й відчувають відповідальність "
            "за нього.</p>"
            "<p>Модель створювали у 2015–2016 роках. Над нею працювали понад 150 осіб із близько "
            "70 установ і організацій: органів влади та публічних установ, шкіл і вишів, "
            "громадських організацій, а також самі іммігранти та іммігрантки. Роботу розподілили "
            "між вісьмома тематичними групами, які регулярно зустрічалися, брали участь у "
            "навчаннях і ознайомчих візитах та користувалися підтримкою експертів і експерток.</p>"
            "<p>Перш ніж Міська рада Гданська ухвалила Модель у 2016 році, її проєкт пройшов "
            "громадські, інституційні та міжнародні консультації. Відтоді Модель впроваджують і "
            "оцінюють, а її завдання можуть змінюватися з урахуванням набутого досвіду.</p>"
        ),
        "values": [
            {
                "title": "Інтеграція, а не асиміляція",
                "description": (
                    "Інтеграція — це двосторонній процес: нові мешканці знайомляться з життям у "
                    "Гданську, а місто відкривається для них. Ніхто не мусить відмовлятися від "
                    "своєї мови, культури чи ідентичності."
                ),
            },
            {
                "title": "Іммігранти — це мешканці",
                "description": (
                    "Іммігранти та іммігрантки — мешканці Гданська з такими самими щоденними "
                    "потребами, як і інші: вони працюють, навчаються, виховують дітей і "
                    "користуються міськими послугами."
                ),
            },
            {
                "title": "Партнерство і співпраця",
                "description": (
                    "Модель спільно втілюють місто, публічні установи, громадські організації, "
                    "роботодавці та іммігрантські спільноти."
                ),
            },
            {
                "title": "Залучення та розширення можливостей",
                "description": (
                    "Діяльність має зміцнювати самостійність іммігрантів та іммігранток і давати "
                    "їм реальний вплив на рішення, які їх стосуються."
                ),
            },
            {
                "title": "Субсидіарність",
                "description": (
                    "Справи вирішують якомога ближче до людей. Місто підтримує там, де потрібна "
                    "допомога, не підміняючи собою мешканців чи організації."
                ),
            },
            {
                "title": "Прозорість, дані та дослідження",
                "description": (
                    "Рішення ґрунтуються на достовірних даних і дослідженнях, а інформація про "
                    "діяльність та її результати є загальнодоступною."
                ),
            },
            {
                "title": "Рівність і соціальна справедливість",
                "description": (
                    "Кожен має право на рівне ставлення та рівний доступ до публічних послуг "
                    "незалежно від походження."
                ),
            },
            {
                "title": "Оцінювання та право на помилку",
                "description": (
                    "Діяльність регулярно оцінюють. Помилки ми сприймаємо як джерело знань і "
                    "нагоду щось поліпшити, а не як привід відмовитися від задуманого."
                ),
            },
            {
                "title": "Протидія расизму та дискримінації",
                "description": (
                    "Місто реагує на прояви расизму, ксенофобії та дискримінації і підтримує "
                    "людей, які з ними зіткнулися."
                ),
            },
            {
                "title": "Ініціатива знизу",
                "description": (
                    "Відправною точкою для дій є потреби та ідеї, які висловлюють мешканці й "
                    "мешканки, зокрема самі іммігранти."
                ),
            },
            {
                "title": "Спільна відповідальність",
                "description": (
                    "За інтеграцію відповідають усі: місто, установи, організації, сусіди та самі "
                    "іммігранти."
                ),
            },
        ],
        "tasks": [
            {
                "area": "",
                "tasks": [
                    {
                        "name": "Рада іммігрантів та іммігранток",
                        "description": (
                            "Консультативно-дорадчий орган із людей з досвідом міграції, який "
                            "висловлює свою позицію щодо дій міста й підтримує впровадження "
                            "Моделі."
                        ),
                    },
                    {
                        "name": "Центр інформації та підтримки для іммігрантів",
                        "description": (
                            "Єдине місце, де можна отримати інформацію, консультацію та допомогу "
                            "кількома мовами."
                        ),
                    },
                    {
                        "name": "База перекладачів",
                        "description": (
                            "Перелік перекладачів і перекладачок, до допомоги яких можуть "
                            "звертатися міські установи у спілкуванні з іммігрантами."
                        ),
                    },
                    {
                        "name": "Міждисциплінарні команди",
                        "description": (
                            "Фахівці з різних установ, які спільно допомагають людям і родинам у "
                            "складних справах."
                        ),
                    },
                    {
                        "name": "Кризова процедура",
                        "description": (
                            "Узгоджений порядок взаємодії служб і установ у надзвичайних "
                            "ситуаціях, що стосуються іммігрантів та іммігранток."
                        ),
                    },
                    {
                        "name": "Уповноважений або уповноважена з питань інтеграції",
                        "description": (
                            "Особа, до якої можна звернутися, коли права іммігрантів не "
                            "дотримуються, і яка допомагає розв’язувати такі справи."
                        ),
                    },
                    {
                        "name": "Громадянська освіта",
                        "description": (
                            "Заняття та матеріали про права, обов’язки й способи участі в житті "
                            "міста."
                        ),
                    },
                    {
                        "name": "Соціальні кампанії",
                        "description": (
                            "Кампанії, які показують різноманіття Гданська та протидіють "
                            "упередженням."
                        ),
                    },
                ],
            },
            {
                "area": "education",
                "tasks": [
                    {
                        "name": "Вивчення польської мови",
                        "description": (
                            "Уроки польської мови як іноземної для учнів і учениць, а також для "
                            "дорослих."
                        ),
                    },
                    {
                        "name": "Міжкультурні асистенти в школах",
                        "description": (
                            "Підтримка людей, які допомагають учням із досвідом міграції, їхнім "
                            "родинам і вчителям порозумітися."
                        ),
                    },
                    {
                        "name": "Навчання для працівників шкіл",
                        "description": (
                            "Підготовка вчителів і керівництва шкіл до роботи в культурно "
                            "різноманітних класах."
                        ),
                    },
                ],
            },
            {
                "area": "local-communities",
                "tasks": [
                    {
                        "name": "Сусідські зустрічі",
                        "description": (
                            "Події в районах, завдяки яким нові й давні мешканці можуть краще "
                            "познайомитися."
                        ),
                    },
                    {
                        "name": "Підтримка іммігрантських організацій",
                        "description": (
                            "Допомога у створенні та розвитку організацій і груп, заснованих "
                            "іммігрантами та іммігрантками."
                        ),
                    },
                    {
                        "name": "Участь у житті районів",
                        "description": (
                            "Інформація про участь у роботі районних рад і в громадському бюджеті "
                            "та заохочення до неї."
                        ),
                    },
                ],
            },
            {
                "area": "culture",
                "tasks": [
                    {
                        "name": "Відкрита культурна програма",
                        "description": (
                            "Інформація про культурні події кількома мовами та заохочення "
                            "відвідувати їх разом."
                        ),
                    },
                    {
                        "name": "Спільні культурні проєкти",
                        "description": (
                            "Підтримка проєктів, які разом створюють митці та мешканці різного "
                            "походження."
                        ),
                    },
                    {
                        "name": "Бібліотеки як місця зустрічей",
                        "description": "Фонди та заняття різними мовами в міських бібліотеках.",
                    },
                ],
            },
            {
                "area": "violence-discrimination",
                "tasks": [
                    {
                        "name": "Повідомлення про насильство та дискримінацію",
                        "description": (
                            "Простий і безпечний спосіб повідомити про такі випадки, зокрема "
                            "іншими мовами, крім польської."
                        ),
                    },
                    {
                        "name": "Підтримка постраждалих",
                        "description": (
                            "Юридична та психологічна допомога людям, які зазнали насильства чи "
                            "дискримінації."
                        ),
                    },
                    {
                        "name": "Антидискримінаційні навчання",
                        "description": (
                            "Навчання для працівників і працівниць адміністрації та міських служб."
                        ),
                    },
                ],
            },
            {
                "area": "health",
                "tasks": [
                    {
                        "name": "Інформація про охорону здоров’я",
                        "description": (
                            "Зрозумілі матеріали про те, як користуватися медичною допомогою і "
                            "хто має на неї право."
                        ),
                    },
                    {
                        "name": "Комунікація в медичних закладах",
                        "description": (
                            "Підтримка перекладачів і матеріали різними мовами для поліклінік і "
                            "лікарень."
                        ),
                    },
                    {
                        "name": "Психологічна підтримка",
                        "description": (
                            "Доступ до психологічної допомоги, зокрема для людей, які пережили "
                            "важкі події."
                        ),
                    },
                ],
            },
            {
                "area": "work",
                "tasks": [
                    {
                        "name": "Інформація про трудові права",
                        "description": (
                            "Інформація кількома мовами про легальне працевлаштування, трудові "
                            "договори та права працівників."
                        ),
                    },
                    {
                        "name": "Професійне консультування",
                        "description": (
                            "Допомога в пошуку роботи, підтвердженні кваліфікації та плануванні "
                            "професійного розвитку."
                        ),
                    },
                    {
                        "name": "Співпраця з роботодавцями",
                        "description": (
                            "Поширення добрих практик працевлаштування та підтримки працівників "
                            "з-за кордону."
                        ),
                    },
                ],
            },
            {
                "area": "social-welfare",
                "tasks": [
                    {
                        "name": "Підготовка працівників соціальної допомоги",
                        "description": (
                            "Навчання щодо законодавства про іноземців і міжкультурної "
                            "комунікації."
                        ),
                    },
                    {
                        "name": "Зрозуміла інформація про соціальні виплати",
                        "description": (
                            "Інформація про те, на яку допомогу і на яких умовах можуть "
                            "розраховувати іммігранти та іммігрантки."
                        ),
                    },
                    {
                        "name": "Підтримка в кризових ситуаціях",
                        "description": (
                            "Допомога людям і родинам у скрутному становищі, яку надають у "
                            "співпраці з громадськими організаціями."
                        ),
                    },
                ],
            },
            {
                "area": "housing",
                "tasks": [
                    {
                        "name": "Інформація про оренду житла",
                        "description": (
                            "Матеріали про права та обов’язки орендарів і про безпечну оренду "
                            "житла."
                        ),
                    },
                    {
                        "name": "Протидія дискримінації на ринку оренди",
                        "description": (
                            "Реагування на оголошення та практики, які виключають орендарів через "
                            "їхнє походження."
                        ),
                    },
                    {
                        "name": "Житлова підтримка",
                        "description": (
                            "Зрозумілі правила житлової допомоги для людей у складній ситуації, "
                            "зокрема для біженців."
                        ),
                    },
                ],
            },
        ],
        "timeline": [
            {
                "date": "2015",
                "title": "Початок роботи",
                "description": (
                    "Місто створило міжсекторальну команду, яка мала підготувати модель "
                    "інтеграції іммігрантів."
                ),
            },
            {
                "date": "2015",
                "title": "Тематичні групи",
                "description": (
                    "Вісім тематичних груп регулярно зустрічалися, брали участь у навчаннях і "
                    "ознайомчих візитах та користувалися підтримкою експертів."
                ),
            },
            {
                "date": "2016",
                "title": "Консультації",
                "description": (
                    "Проєкт Моделі пройшов громадські, інституційні та міжнародні консультації."
                ),
            },
            {
                "date": "2016-06",
                "title": "Ухвалення Міською радою",
                "description": "Міська рада Гданська ухвалила Модель інтеграції іммігрантів.",
            },
            {
                "date": "2016-10",
                "title": "Рада іммігрантів та іммігранток",
                "description": (
                    "Розпочала роботу Рада іммігрантів та іммігранток першого скликання."
                ),
            },
            {
                "date": "2017",
                "title": "Впровадження та оцінювання",
                "description": (
                    "Міські підрозділи та партнери впроваджують чергові завдання Моделі, а їх "
                    "виконання регулярно оцінюють."
                ),
            },
        ],
    },
    "ru": {
        "title": "Модель интеграции иммигрантов",
        "intro": (
            "Модель интеграции иммигрантов — это городская политика Гданьска, которая определяет, "
            "как город, его учреждения и партнёры поддерживают интеграцию новых жителей и "
            "жительниц. Она создана вместе с людьми, которых касается, и постепенно внедряется и "
            "оценивается."
        ),
        "vision": (
            "<p>Видение Модели — это Гданьск, где разнообразие считается ценностью, а иммигранты "
            "и иммигрантки находят дом, чувствуют себя в безопасности, встречают уважение и "
            "признание. Городские служащие обеспечивают равный доступ к публичным услугам и "
            "информации, а люди с опытом миграции активно участвуют в жизни города и чувствуют "
            "ответственность за него.</p>"
            "<p>Модель создавалась в 2015–2016 годах. Над ней работали более 150 человек примерно "
            "из 70 учреждений и организаций: органов власти и публичных учреждений, школ и вузов, "
            "общественных организаций, а также сами иммигранты и иммигрантки. Работа была "
            "распределена между восемью тематическими группами, которые регулярно встречались, "
            "участвовали в обучении и ознакомительных поездках и пользовались поддержкой "
            "экспертов.</p>"
            "<p>Прежде чем Городской совет Гданьска принял Модель в 2016 году, её проект прошёл "
            "общественные, институциональные и международные консультации. С тех пор Модель "
            "внедряется и оценивается, а её задачи могут меняться с учётом накопленного опыта.</p>"
        ),
        "values": [
            {
                "title": "Интеграция, а не ассимиляция",
                "description": (
                    "Интеграция — это двусторонний процесс: новые жители знакомятся с жизнью в "
                    "Гданьске, а город открывается им навстречу. Никому не нужно отказываться от "
                    "своего языка, культуры или идентичности."
                ),
            },
            {
                "title": "Иммигранты — это жители",
                "description": (
                    "Иммигранты и иммигрантки — жители Гданьска с такими же повседневными "
                    "потребностями, как у других: они работают, учатся, воспитывают детей и "
                    "пользуются городскими услугами."
                ),
            },
            {
                "title": "Партнёрство и сотрудничество",
                "description": (
                    "Модель совместно реализуют город, публичные учреждения, общественные "
                    "организации, работодатели и иммигрантские сообщества."
                ),
            },
            {
                "title": "Вовлечение и расширение возможностей",
                "description": (
                    "Действия должны укреплять самостоятельность иммигрантов и иммигранток и "
                    "давать им реальное влияние на решения, которые их касаются."
                ),
            },
            {
                "title": "Субсидиарность",
                "description": (
                    "Вопросы решаются как можно ближе к людям. Город помогает там, где нужна "
                    "помощь, не подменяя собой жителей и организации."
                ),
            },
            {
                "title": "Прозрачность, данные и исследования",
                "description": (
                    "Решения опираются на достоверные данные и исследования, а информация о "
                    "действиях и их результатах общедоступна."
                ),
            },
            {
                "title": "Равенство и социальная справедливость",
                "description": (
                    "Каждый имеет право на равное обращение и равный доступ к публичным услугам "
                    "независимо от происхождения."
                ),
            },
            {
                "title": "Оценка и право на ошибку",
                "description": (
                    "Действия регулярно оцениваются. Ошибки мы воспринимаем как источник знаний и "
                    "возможность что-то улучшить, а не как повод отказаться от начатого."
                ),
            },
            {
                "title": "Противодействие расизму и дискриминации",
                "description": (
                    "Город реагирует на проявления расизма, ксенофобии и дискриминации и "
                    "поддерживает людей, которые с ними столкнулись."
                ),
            },
            {
                "title": "Инициатива снизу",
                "description": (
                    "Отправной точкой для действий служат потребности и идеи, которые предлагают "
                    "жители и жительницы, в том числе сами иммигранты."
                ),
            },
            {
                "title": "Совместная ответственность",
                "description": (
                    "За интеграцию отвечают все: город, учреждения, организации, соседи и сами "
                    "иммигранты."
                ),
            },
        ],
        "tasks": [
            {
                "area": "",
                "tasks": [
                    {
                        "name": "Совет иммигрантов и иммигранток",
                        "description": (
                            "Консультативно-совещательный орган из людей с опытом миграции, "
                            "который высказывает своё мнение о действиях города и поддерживает "
                            "внедрение Модели."
                        ),
                    },
                    {
                        "name": "Центр информации и поддержки для иммигрантов",
                        "description": (
                            "Единое место, где можно получить информацию, консультацию и помощь "
                            "на нескольких языках."
                        ),
                    },
                    {
                        "name": "База переводчиков",
                        "description": (
                            "Список переводчиков и переводчиц, к помощи которых могут обращаться "
                            "городские учреждения при общении с иммигрантами."
                        ),
                    },
                    {
                        "name": "Междисциплинарные команды",
                        "description": (
                            "Специалисты из разных учреждений, которые вместе помогают людям и "
                            "семьям в сложных ситуациях."
                        ),
                    },
                    {
                        "name": "Кризисная процедура",
                        "description": (
                            "Согласованный порядок взаимодействия служб и учреждений в экстренных "
                            "ситуациях, касающихся иммигрантов и иммигранток."
                        ),
                    },
                    {
                        "name": "Уполномоченный или уполномоченная по вопросам интеграции",
                        "description": (
                            "Человек, к которому можно обратиться, если права иммигрантов не "
                            "соблюдаются, и который помогает решать такие вопросы."
                        ),
                    },
                    {
                        "name": "Гражданское образование",
                        "description": (
                            "Занятия и материалы о правах, обязанностях и способах участия в "
                            "жизни города."
                        ),
                    },
                    {
                        "name": "Социальные кампании",
                        "description": (
                            "Кампании, которые показывают разнообразие Гданьска и "
                            "противодействуют предрассудкам."
                        ),
                    },
                ],
            },
            {
                "area": "education",
                "tasks": [
                    {
                        "name": "Изучение польского языка",
                        "description": (
                            "Уроки польского языка как иностранного для учеников и учениц, а "
                            "также для взрослых."
                        ),
                    },
                    {
                        "name": "Межкультурные ассистенты в школах",
                        "description": (
                            "Поддержка людей, которые помогают ученикам с опытом миграции, их "
                            "семьям и учителям понимать друг друга."
                        ),
                    },
                    {
                        "name": "Обучение для сотрудников школ",
                        "description": (
                            "Подготовка учителей и руководства школ к работе в культурно "
                            "разнородных классах."
                        ),
                    },
                ],
            },
            {
                "area": "local-communities",
                "tasks": [
                    {
                        "name": "Соседские встречи",
                        "description": (
                            "Мероприятия в районах, благодаря которым новые и давние жители могут "
                            "лучше узнать друг друга."
                        ),
                    },
                    {
                        "name": "Поддержка иммигрантских организаций",
                        "description": (
                            "Помощь в создании и развитии организаций и групп, основанных "
                            "иммигрантами и иммигрантками."
                        ),
                    },
                    {
                        "name": "Участие в жизни районов",
                        "description": (
                            "Информация об участии в работе районных советов и в гражданском "
                            "бюджете и приглашение к нему."
                        ),
                    },
                ],
            },
            {
                "area": "culture",
                "tasks": [
                    {
                        "name": "Открытая культурная программа",
                        "description": (
                            "Информация о культурных событиях на нескольких языках и приглашение "
                            "посещать их вместе."
                        ),
                    },
                    {
                        "name": "Совместные культурные проекты",
                        "description": (
                            "Поддержка проектов, которые вместе создают деятели искусства и "
                            "жители разного происхождения."
                        ),
                    },
                    {
                        "name": "Библиотеки как места встреч",
                        "description": "Фонды и занятия на разных языках в городских библиотеках.",
                    },
                ],
            },
            {
                "area": "violence-discrimination",
                "tasks": [
                    {
                        "name": "Сообщения о насилии и дискриминации",
                        "description": (
                            "Простой и безопасный способ сообщить о таких случаях, в том числе на "
                            "других языках, кроме польского."
                        ),
                    },
                    {
                        "name": "Поддержка пострадавших",
                        "description": (
                            "Юридическая и психологическая помощь людям, пережившим насилие или "
                            "дискриминацию."
                        ),
                    },
                    {
                        "name": "Антидискриминационное обучение",
                        "description": (
                            "Обучение для сотрудников и сотрудниц администрации и городских служб."
                        ),
                    },
                ],
            },
            {
                "area": "health",
                "tasks": [
                    {
                        "name": "Информация о здравоохранении",
                        "description": (
                            "Понятные материалы о том, как пользоваться медицинской помощью и кто "
                            "имеет на неё право."
                        ),
                    },
                    {
                        "name": "Коммуникация в медицинских учреждениях",
                        "description": (
                            "Помощь переводчиков и материалы на разных языках для поликлиник и "
                            "больниц."
                        ),
                    },
                    {
                        "name": "Психологическая поддержка",
                        "description": (
                            "Доступ к психологической помощи, в том числе для людей, переживших "
                            "тяжёлые события."
                        ),
                    },
                ],
            },
            {
                "area": "work",
                "tasks": [
                    {
                        "name": "Информация о трудовых правах",
                        "description": (
                            "Информация на нескольких языках о легальном трудоустройстве, "
                            "трудовых договорах и правах работников."
                        ),
                    },
                    {
                        "name": "Профессиональное консультирование",
                        "description": (
                            "Помощь в поиске работы, подтверждении квалификации и планировании "
                            "профессионального развития."
                        ),
                    },
                    {
                        "name": "Сотрудничество с работодателями",
                        "description": (
                            "Распространение хороших практик найма и поддержки работников из-за "
                            "рубежа."
                        ),
                    },
                ],
            },
            {
                "area": "social-welfare",
                "tasks": [
                    {
                        "name": "Подготовка работников социальной помощи",
                        "description": (
                            "Обучение законодательству об иностранцах и межкультурной "
                            "коммуникации."
                        ),
                    },
                    {
                        "name": "Понятная информация о пособиях",
                        "description": (
                            "Информация о том, на какую помощь и на каких условиях могут "
                            "рассчитывать иммигранты и иммигрантки."
                        ),
                    },
                    {
                        "name": "Поддержка в кризисных ситуациях",
                        "description": (
                            "Помощь людям и семьям в трудном положении, которую оказывают "
                            "совместно с общественными организациями."
                        ),
                    },
                ],
            },
            {
                "area": "housing",
                "tasks": [
                    {
                        "name": "Информация об аренде жилья",
                        "description": (
                            "Материалы о правах и обязанностях арендаторов и о безопасной аренде "
                            "жилья."
                        ),
                    },
                    {
                        "name": "Противодействие дискриминации на рынке аренды",
                        "description": (
                            "Реагирование на объявления и практики, которые исключают арендаторов "
                            "из-за их происхождения."
                        ),
                    },
                    {
                        "name": "Жилищная поддержка",
                        "description": (
                            "Понятные правила жилищной помощи для людей в трудной ситуации, в том "
                            "числе для беженцев."
                        ),
                    },
                ],
            },
        ],
        "timeline": [
            {
                "date": "2015",
                "title": "Начало работы",
                "description": (
                    "Город создал межсекторальную группу, которая должна была подготовить модель "
                    "интеграции иммигрантов."
                ),
            },
            {
                "date": "2015",
                "title": "Тематические группы",
                "description": (
                    "Восемь тематических групп регулярно встречались, участвовали в обучении и "
                    "ознакомительных поездках и пользовались поддержкой экспертов."
                ),
            },
            {
                "date": "2016",
                "title": "Консультации",
                "description": (
                    "Проект Модели прошёл общественные, институциональные и международные "
                    "консультации."
                ),
            },
            {
                "date": "2016-06",
                "title": "Принятие Городским советом",
                "description": "Городской совет Гданьска принял Модель интеграции иммигрантов.",
            },
            {
                "date": "2016-10",
                "title": "Совет иммигрантов и иммигранток",
                "description": "Начал работу Совет иммигрантов и иммигранток первого созыва.",
            },
            {
                "date": "2017",
                "title": "Внедрение и оценка",
                "description": (
                    "Городские подразделения и партнёры внедряют очередные задачи Модели, а их "
                    "выполнение регулярно оценивается."
                ),
            },
        ],
    },
}


AREAS = {
    "education": {
        "pl": {
            "title": "Edukacja",
            "intro": (
                "Szkoła i nauka języka to dla wielu rodzin pierwszy kontakt z miastem. Dobry "
                "start w edukacji pomaga dzieciom i dorosłym rozwijać się na równi z innymi."
            ),
            "body": (
                "<h2>Dlaczego to ważne</h2>"
                "<p>Dzieci, które trafiają do gdańskich szkół bez znajomości polskiego, "
                "potrzebują czasu i wsparcia, by opanować język i nadrobić program. Nauczyciele "
                "potrzebują narzędzi do pracy w zróżnicowanych klasach, a rodzice — informacji o "
                "tym, jak działa polska szkoła. Dorośli z kolei potrzebują dostępu do nauki "
                "języka i dalszego kształcenia.</p>"
                "<h2>Co proponuje Model</h2>"
                "<ul>"
                "<li>Lekcje języka polskiego jako obcego dla uczniów i uczennic oraz dla "
                "dorosłych</li>"
                "<li>Wsparcie asystentów międzykulturowych w szkołach i przedszkolach</li>"
                "<li>Szkolenia dla nauczycieli i dyrekcji z pracy w klasie wielokulturowej</li>"
                "<li>Informacja dla rodziców w kilku językach o zapisach do szkół i przedszkoli "
                "oraz o zasadach nauki</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Education",
            "intro": (
                "For many families, school and language learning are their first contact with the "
                "city. A good start in education helps children and adults develop on an equal "
                "footing with others."
            ),
            "body": (
                "<h2>Why it matters</h2>"
                "<p>Children who join Gdańsk schools without knowing Polish need time and support "
                "to learn the language and catch up with the curriculum. Teachers need tools for "
                "working in diverse classrooms, and parents need information about how Polish "
                "schools work. Adults, in turn, need access to language courses and further "
                "education.</p>"
                "<h2>What the Model proposes</h2>"
                "<ul>"
                "<li>Classes in Polish as a foreign language for pupils and for adults</li>"
                "<li>Support from intercultural assistants in schools and kindergartens</li>"
                "<li>Training for teachers and head teachers on working in multicultural "
                "classes</li>"
                "<li>Information for parents, in several languages, on enrolment in schools and "
                "kindergartens and on how school works</li>"
                "</ul>"
            ),
        },
        "uk": {
            "title": "Освіта",
            "intro": (
                "Для багатьох родин школа й вивчення мови — це перший контакт із містом. Добрий "
                "старт в освіті допомагає дітям і дорослим розвиватися нарівні з іншими."
            ),
            "body": (
                "<h2>Чому це важливо</h2>"
                "<p>Діти, які приходять до гданських шкіл без знання польської, потребують часу й "
                "підтримки, щоб опанувати мову та надолужити програму. Учителям потрібні "
                "інструменти для роботи в різноманітних класах, а батькам — інформація про те, як "
                "працює польська школа. Дорослим, своєю чергою, потрібен доступ до мовних курсів "
                "і подальшого навчання.</p>"
                "<h2>Що пропонує Модель</h2>"
                "<ul>"
                "<li>Уроки польської мови як іноземної для учнів і учениць, а також для "
                "дорослих</li>"
                "<li>Підтримка міжкультурних асистентів у школах і дитячих садках</li>"
                "<li>Навчання для вчителів і керівництва шкіл щодо роботи в багатокультурному "
                "класі</li>"
                "<li>Інформація для батьків кількома мовами про зарахування до шкіл і садків та "
                "про правила навчання</li>"
                "</ul>"
            ),
        },
        "ru": {
            "title": "Образование",
            "intro": (
                "Для многих семей школа и изучение языка — первый контакт с городом. Хороший "
                "старт в образовании помогает детям и взрослым развиваться наравне с другими."
            ),
            "body": (
                "<h2>Почему это важно</h2>"
                "<p>Детям, которые приходят в гданьские школы без знания польского, нужны время и "
                "поддержка, чтобы освоить язык и догнать программу. Учителям нужны инструменты "
                "для работы в разнородных классах, а родителям — информация о том, как устроена "
                "польская школа. Взрослым, в свою очередь, необходим доступ к языковым курсам и "
                "дальнейшему обучению.</p>"
                "<h2>Что предлагает Модель</h2>"
                "<ul>"
                "<li>Уроки польского языка как иностранного для учеников и учениц, а также для "
                "взрослых</li>"
                "<li>Поддержка межкультурных ассистентов в школах и детских садах</li>"
                "<li>Обучение учителей и руководства школ работе в многокультурном классе</li>"
                "<li>Информация для родителей на нескольких языках о записи в школы и детские "
                "сады и о правилах обучения</li>"
                "</ul>"
            ),
        },
    },
    "local-communities": {
        "pl": {
            "title": "Społeczności lokalne",
            "intro": (
                "Integracja dzieje się przede wszystkim w sąsiedztwie: na klatce schodowej, na "
                "podwórku, w klubie osiedlowym. Model wspiera dobre relacje między nowymi i "
                "dotychczasowymi mieszkańcami dzielnic."
            ),
            "body": (
                "<h2>Dlaczego to ważne</h2>"
                "<p>Ludzie, którzy się znają, rzadziej ulegają uprzedzeniom i chętniej sobie "
                "pomagają. Imigranci i imigrantki często nie wiedzą jednak, gdzie szukać "
                "lokalnych inicjatyw, a dzielnice nie zawsze wiedzą, jak do nich dotrzeć. Wspólne "
                "działania w najbliższej okolicy budują zaufanie i poczucie, że Gdańsk jest "
                "naszym wspólnym miastem.</p>"
                "<h2>Co proponuje Model</h2>"
                "<ul>"
                "<li>Spotkania i wydarzenia sąsiedzkie otwarte dla wszystkich mieszkańców</li>"
                "<li>Wsparcie dla organizacji i grup tworzonych przez imigrantów i imigrantki</li>"
                "<li>Zachęcanie do udziału w pracach rad dzielnic i w budżecie obywatelskim</li>"
                "<li>Współpraca z domami kultury i klubami sąsiedzkimi przy wspólnych "
                "działaniach</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Local communities",
            "intro": (
                "Integration happens above all in the neighbourhood: on the staircase, in the "
                "courtyard, at the local club. The Model supports good relations between new and "
                "long-standing residents of each district."
            ),
            "body": (
                "<h2>Why it matters</h2>"
                "<p>People who know each other are less prone to prejudice and more willing to "
                "help one another. Yet immigrants often do not know where to find local "
                "initiatives, and districts do not always know how to reach them. Working "
                "together close to home builds trust and a sense that Gdańsk is a city we "
                "share.</p>"
                "<h2>What the Model proposes</h2>"
                "<ul>"
                "<li>Neighbourhood meetings and events open to all residents</li>"
                "<li>Support for organisations and groups set up by immigrants</li>"
                "<li>Encouraging people to take part in district councils and the participatory "
                "budget</li>"
                "<li>Cooperation with community centres and neighbourhood clubs on joint "
                "activities</li>"
                "</ul>"
            ),
        },
        "uk": {
            "title": "Місцеві громади",
            "intro": (
                "Інтеграція відбувається насамперед по сусідству: у під’їзді, на подвір’ї, у "
                "районному клубі. Модель підтримує добрі стосунки між новими та давніми "
                "мешканцями районів."
            ),
            "body": (
                "<h2>Чому це важливо</h2>"
                "<p>Люди, які знають одне одного, рідше піддаються упередженням і охочіше "
                "допомагають одне одному. Проте іммігранти та іммігрантки часто не знають, де "
                "шукати місцеві ініціативи, а районні громади не завжди знають, як їх залучити. "
                "Спільні справи поруч із домом зміцнюють довіру й відчуття, що Гданськ — наше "
                "спільне місто.</p>"
                "<h2>Що пропонує Модель</h2>"
                "<ul>"
                "<li>Сусідські зустрічі та заходи, відкриті для всіх мешканців</li>"
                "<li>Підтримка організацій і груп, створених іммігрантами та іммігрантками</li>"
                "<li>Заохочення до участі в роботі рад районів і в громадському бюджеті</li>"
                "<li>Співпраця з будинками культури та сусідськими клубами у спільних справах</li>"
                "</ul>"
            ),
        },
        "ru": {
            "title": "Местные сообщества",
            "intro": (
                "Интеграция происходит прежде всего по соседству: в подъезде, во дворе, в "
                "районном клубе. Модель поддерживает добрые отношения между новыми и давними "
                "жителями районов."
            ),
            "body": (
                "<h2>Почему это важно</h2>"
                "<p>Люди, которые знают друг друга, реже поддаются предубеждениям и охотнее "
                "помогают друг другу. Однако иммигранты и иммигрантки часто не знают, где искать "
                "местные инициативы, а районы не всегда знают, как их привлечь. Совместные дела "
                "рядом с домом укрепляют доверие и ощущение, что Гданьск — наш общий город.</p>"
                "<h2>Что предлагает Модель</h2>"
                "<ul>"
                "<li>Соседские встречи и мероприятия, открытые для всех жителей</li>"
                "<li>Поддержка организаций и групп, созданных иммигрантами и иммигрантками</li>"
                "<li>Поощрение участия в работе советов районов и в гражданском бюджете</li>"
                "<li>Сотрудничество с домами культуры и соседскими клубами в совместных делах</li>"
                "</ul>"
            ),
        },
    },
    "culture": {
        "pl": {
            "title": "Kultura",
            "intro": (
                "Kultura pozwala się poznać bez barier i pokazuje, że różnorodność wzbogaca "
                "miasto. Celem Modelu jest, by życie kulturalne Gdańska było otwarte dla "
                "wszystkich i współtworzone także przez imigrantów."
            ),
            "body": (
                "<h2>Dlaczego to ważne</h2>"
                "<p>Wspólne wydarzenia, sztuka i czytanie zbliżają ludzi bardziej niż wiele "
                "oficjalnych programów. Bariera językowa i brak informacji sprawiają jednak, że "
                "imigranci rzadziej korzystają z oferty miejskich instytucji kultury. Ich własny "
                "dorobek kulturowy bywa też mało widoczny w życiu miasta.</p>"
                "<h2>Co proponuje Model</h2>"
                "<ul>"
                "<li>Informacja o wydarzeniach kulturalnych w kilku językach</li>"
                "<li>Wsparcie wspólnych projektów artystów i mieszkańców różnego pochodzenia</li>"
                "<li>Zbiory i zajęcia w różnych językach w bibliotekach</li>"
                "<li>Obecność kultur społeczności imigranckich w miejskich wydarzeniach i "
                "świętach</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Culture",
            "intro": (
                "Culture lets people get to know each other without barriers and shows that "
                "diversity enriches the city. The Model aims for the cultural life of Gdańsk to "
                "be open to everyone and shaped by immigrants too."
            ),
            "body": (
                "<h2>Why it matters</h2>"
                "<p>Shared events, art and reading bring people closer than many official "
                "programmes. Yet language barriers and a lack of information mean that immigrants "
                "make less use of what the city’s cultural institutions offer. Their own cultural "
                "heritage is also often barely visible in the life of the city.</p>"
                "<h2>What the Model proposes</h2>"
                "<ul>"
                "<li>Information about cultural events in several languages</li>"
                "<li>Support for joint projects by artists and residents of different "
                "backgrounds</li>"
                "<li>Collections and activities in different languages in libraries</li>"
                "<li>A place for the cultures of immigrant communities in city events and "
                "celebrations</li>"
                "</ul>"
            ),
        },
        "uk": {
            "title": "Культура",
            "intro": (
                "Культура дає змогу пізнати одне одного без бар’єрів і показує, що різноманіття "
                "збагачує місто. Модель прагне, щоб культурне життя Гданська було відкритим для "
                "всіх і щоб його творили також іммігранти."
            ),
            "body": (
                "<h2>Чому це важливо</h2>"
                "<p>Спільні події, мистецтво й читання зближують людей більше, ніж чимало "
                "офіційних програм. Проте через мовний бар’єр і брак інформації іммігранти рідше "
                "відвідують міські заклади культури. Їхня власна культурна спадщина також часто "
                "малопомітна в житті міста.</p>"
                "<h2>Що пропонує Модель</h2>"
                "<ul>"
                "<li>Інформація про культурні події кількома мовами</li>"
                "<li>Підтримка спільних проєктів митців і мешканців різного походження</li>"
                "<li>Книжкові фонди та заняття різними мовами в бібліотеках</li>"
                "<li>Присутність культур іммігрантських спільнот у міських заходах і святах</li>"
                "</ul>"
            ),
        },
        "ru": {
            "title": "Культура",
            "intro": (
                "Культура позволяет узнать друг друга без барьеров и показывает, что разнообразие "
                "обогащает город. Модель стремится к тому, чтобы культурная жизнь Гданьска была "
                "открыта для всех и чтобы её создавали в том числе иммигранты."
            ),
            "body": (
                "<h2>Почему это важно</h2>"
                "<p>Совместные мероприятия, искусство и чтение сближают людей больше, чем многие "
                "официальные программы. Однако из-за языкового барьера и нехватки информации "
                "иммигранты реже посещают городские учреждения культуры. Их собственное "
                "культурное наследие также часто остаётся малозаметным в жизни города.</p>"
                "<h2>Что предлагает Модель</h2>"
                "<ul>"
                "<li>Информация о культурных событиях на нескольких языках</li>"
                "<li>Поддержка совместных проектов художников и жителей разного происхождения</li>"
                "<li>Книжные фонды и занятия на разных языках в библиотеках</li>"
                "<li>Присутствие культур иммигрантских сообществ в городских мероприятиях и "
                "праздниках</li>"
                "</ul>"
            ),
        },
    },
    "violence-discrimination": {
        "pl": {
            "title": "Przemoc i dyskryminacja",
            "intro": (
                "Każdy mieszkaniec i każda mieszkanka Gdańska ma prawo czuć się bezpiecznie. "
                "Model przewiduje reagowanie na przemoc i dyskryminację oraz wsparcie dla osób, "
                "które ich doświadczyły."
            ),
            "body": (
                "<h2>Dlaczego to ważne</h2>"
                "<p>Osoby z doświadczeniem migracji mogą spotykać się z wrogością, przemocą lub "
                "nierównym traktowaniem, na przykład w urzędzie, w pracy czy przy wynajmie "
                "mieszkania. Często nie wiedzą, gdzie to zgłosić, albo obawiają się, że "
                "zgłoszenie niczego nie zmieni. Brak reakcji osłabia zaufanie do instytucji i do "
                "całej wspólnoty miasta.</p>"
                "<h2>Co proponuje Model</h2>"
                "<ul>"
                "<li>Prosty sposób zgłaszania przemocy i dyskryminacji, także w innych językach "
                "niż polski</li>"
                "<li>Pomoc prawna i psychologiczna dla osób pokrzywdzonych</li>"
                "<li>Szkolenia antydyskryminacyjne dla pracowników urzędów i służb miejskich</li>"
                "<li>Monitorowanie przypadków przemocy motywowanej uprzedzeniami i współpraca z "
                "policją</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Violence and discrimination",
            "intro": (
                "Everyone who lives in Gdańsk has the right to feel safe. The Model provides for "
                "responding to violence and discrimination and for supporting those who have "
                "experienced them."
            ),
            "body": (
                "<h2>Why it matters</h2>"
                "<p>People with a migration background may face hostility, violence or unequal "
                "treatment, for example at a public office, at work or when renting a flat. They "
                "often do not know where to report it, or fear that reporting will change "
                "nothing. When there is no response, trust in institutions and in the city "
                "community as a whole is weakened.</p>"
                "<h2>What the Model proposes</h2>"
                "<ul>"
                "<li>A simple way to report violence and discrimination, also in languages other "
                "than Polish</li>"
                "<li>Legal and psychological support for those affected</li>"
                "<li>Anti-discrimination training for staff of public offices and city "
                "services</li>"
                "<li>Monitoring of hate-motivated incidents and cooperation with the police</li>"
                "</ul>"
            ),
        },
        "uk": {
            "title": "Насильство та дискримінація",
            "intro": (
                "Кожен мешканець і кожна мешканка Гданська має право почуватися в безпеці. Модель "
                "передбачає реагування на насильство й дискримінацію та підтримку людей, які їх "
                "зазнали."
            ),
            "body": (
                "<h2>Чому це важливо</h2>"
                "<p>Люди з досвідом міграції можуть стикатися з ворожістю, насильством або "
                "нерівним ставленням, наприклад в установі, на роботі чи під час оренди житла. "
                "Часто вони не знають, куди про це повідомити, або побоюються, що скарга нічого "
                "не змінить. Відсутність реакції підриває довіру до установ і до всієї міської "
                "спільноти.</p>"
                "<h2>Що пропонує Модель</h2>"
                "<ul>"
                "<li>Простий спосіб повідомити про насильство й дискримінацію, також іншими "
                "мовами, крім польської</li>"
                "<li>Юридична та психологічна допомога постраждалим</li>"
                "<li>Антидискримінаційні тренінги для працівників установ і міських служб</li>"
                "<li>Моніторинг випадків насильства на ґрунті упереджень і співпраця з "
                "поліцією</li>"
                "</ul>"
            ),
        },
        "ru": {
            "title": "Насилие и дискриминация",
            "intro": (
                "Каждый житель и каждая жительница Гданьска имеет право чувствовать себя в "
                "безопасности. Модель предусматривает реагирование на насилие и дискриминацию и "
                "поддержку тех, кто с ними столкнулся."
            ),
            "body": (
                "<h2>Почему это важно</h2>"
                "<p>Люди с опытом миграции могут сталкиваться с враждебностью, насилием или "
                "неравным отношением, например в учреждении, на работе или при аренде жилья. "
                "Часто они не знают, куда об этом сообщить, или опасаются, что жалоба ничего не "
                "изменит. Отсутствие реакции подрывает доверие к учреждениям и ко всему "
                "городскому сообществу.</p>"
                "<h2>Что предлагает Модель</h2>"
                "<ul>"
                "<li>Простой способ сообщить о насилии и дискриминации, в том числе на других "
                "языках, кроме польского</li>"
                "<li>Юридическая и психологическая помощь пострадавшим</li>"
                "<li>Антидискриминационные тренинги для сотрудников учреждений и городских "
                "служб</li>"
                "<li>Мониторинг случаев насилия на почве предубеждений и сотрудничество с "
                "полицией</li>"
                "</ul>"
            ),
        },
    },
    "health": {
        "pl": {
            "title": "Zdrowie",
            "intro": (
                "Zdrowie to jedna z pierwszych spraw, z którymi muszą sobie poradzić nowi "
                "mieszkańcy. Celem Modelu jest, by każdy wiedział, jak korzystać z opieki "
                "zdrowotnej, i mógł porozumieć się z lekarzem."
            ),
            "body": (
                "<h2>Dlaczego to ważne</h2>"
                "<p>System ochrony zdrowia w Polsce bywa trudny do zrozumienia nawet dla osób, "
                "które mieszkają tu od urodzenia. Imigranci i imigrantki nie zawsze wiedzą, czy i "
                "na jakich zasadach są ubezpieczeni, a bariera językowa utrudnia rozmowę z "
                "personelem medycznym. Osoby po trudnych przeżyciach, w tym uchodźcy, potrzebują "
                "też wsparcia psychologicznego.</p>"
                "<h2>Co proponuje Model</h2>"
                "<ul>"
                "<li>Przystępne informacje w kilku językach o tym, jak działa opieka "
                "zdrowotna</li>"
                "<li>Wsparcie tłumaczy i materiały w różnych językach dla przychodni i "
                "szpitali</li>"
                "<li>Szkolenia personelu medycznego z komunikacji międzykulturowej</li>"
                "<li>Dostęp do pomocy psychologicznej, także w sytuacjach kryzysowych</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Health",
            "intro": (
                "Health is one of the first things newcomers have to deal with. The Model aims "
                "for everyone to know how to use health care and to be able to talk to their "
                "doctor."
            ),
            "body": (
                "<h2>Why it matters</h2>"
                "<p>The health care system in Poland can be hard to understand even for people "
                "who have lived here all their lives. Immigrants do not always know whether, and "
                "on what terms, they are insured, and the language barrier makes it harder to "
                "talk to medical staff. People who have been through difficult experiences, "
                "including refugees, also need psychological support.</p>"
                "<h2>What the Model proposes</h2>"
                "<ul>"
                "<li>Clear information in several languages on how health care works</li>"
                "<li>Interpreting support and multilingual materials for clinics and "
                "hospitals</li>"
                "<li>Intercultural communication training for medical staff</li>"
                "<li>Access to psychological support, including in crisis situations</li>"
                "</ul>"
            ),
        },
        "uk": {
            "title": "Здоров’я",
            "intro": (
                "Здоров’я — одне з перших питань, які доводиться вирішувати новим мешканцям. "
                "Модель прагне, щоб кожен знав, як користуватися медичною допомогою, і міг "
                "порозумітися з лікарем."
            ),
            "body": (
                "<h2>Чому це важливо</h2>"
                "<p>Систему охорони здоров’я в Польщі буває важко зрозуміти навіть тим, хто живе "
                "тут від народження. Іммігранти та іммігрантки не завжди знають, чи застраховані "
                "вони і на яких умовах, а мовний бар’єр ускладнює розмову з медичним персоналом. "
                "Люди, які пережили важкі події, зокрема біженці, потребують також психологічної "
                "підтримки.</p>"
                "<h2>Що пропонує Модель</h2>"
                "<ul>"
                "<li>Зрозуміла інформація кількома мовами про те, як працює медична допомога</li>"
                "<li>Підтримка перекладачів і матеріали різними мовами для поліклінік і "
                "лікарень</li>"
                "<li>Навчання медичного персоналу міжкультурної комунікації</li>"
                "<li>Доступ до психологічної допомоги, зокрема в кризових ситуаціях</li>"
                "</ul>"
            ),
        },
        "ru": {
            "title": "Здоровье",
            "intro": (
                "Здоровье — один из первых вопросов, которые приходится решать новым жителям. "
                "Модель стремится к тому, чтобы каждый знал, как пользоваться медицинской "
                "помощью, и мог объясниться с врачом."
            ),
            "body": (
                "<h2>Почему это важно</h2>"
                "<p>Систему здравоохранения в Польше бывает трудно понять даже тем, кто живёт "
                "здесь с рождения. Иммигранты и иммигрантки не всегда знают, застрахованы ли они "
                "и на каких условиях, а языковой барьер затрудняет разговор с медицинским "
                "персоналом. Людям, пережившим тяжёлые события, в том числе беженцам, нужна также "
                "психологическая поддержка.</p>"
                "<h2>Что предлагает Модель</h2>"
                "<ul>"
                "<li>Понятная информация на нескольких языках о том, как устроена медицинская "
                "помощь</li>"
                "<li>Поддержка переводчиков и материалы на разных языках для поликлиник и "
                "больниц</li>"
                "<li>Обучение медицинского персонала межкультурной коммуникации</li>"
                "<li>Доступ к психологической помощи, в том числе в кризисных ситуациях</li>"
                "</ul>"
            ),
        },
    },
    "work": {
        "pl": {
            "title": "Praca",
            "intro": (
                "Dla wielu imigrantów i imigrantek praca jest głównym powodem przyjazdu do "
                "Gdańska. Model wspiera uczciwe zatrudnienie i rozwój zawodowy na równych "
                "zasadach."
            ),
            "body": (
                "<h2>Dlaczego to ważne</h2>"
                "<p>Osoby, które nie znają języka ani przepisów, łatwiej padają ofiarą "
                "nieuczciwych pośredników i pracodawców. Zdarza się też, że imigranci pracują "
                "poniżej swoich kwalifikacji, bo nie wiedzą, jak je potwierdzić. Uczciwe warunki "
                "pracy leżą w interesie wszystkich: pracowników, firm i całego miasta.</p>"
                "<h2>Co proponuje Model</h2>"
                "<ul>"
                "<li>Informacja w kilku językach o legalnym zatrudnieniu, umowach i prawach "
                "pracowniczych</li>"
                "<li>Doradztwo zawodowe i pomoc w potwierdzaniu kwalifikacji</li>"
                "<li>Współpraca z pracodawcami i upowszechnianie dobrych praktyk</li>"
                "<li>Wsparcie dla osób, które chcą założyć własną firmę</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Work",
            "intro": (
                "For many immigrants, work is the main reason for coming to Gdańsk. The Model "
                "supports fair employment and career development on equal terms."
            ),
            "body": (
                "<h2>Why it matters</h2>"
                "<p>People who do not know the language or the rules fall victim more easily to "
                "dishonest agents and employers. Immigrants also sometimes work below their "
                "qualifications because they do not know how to have them recognised. Fair "
                "working conditions are in everyone’s interest: workers, businesses and the whole "
                "city.</p>"
                "<h2>What the Model proposes</h2>"
                "<ul>"
                "<li>Information in several languages on legal employment, contracts and workers’ "
                "rights</li>"
                "<li>Career guidance and help with the recognition of qualifications</li>"
                "<li>Cooperation with employers and sharing of good practice</li>"
                "<li>Support for people who want to start their own business</li>"
                "</ul>"
            ),
        },
        "uk": {
            "title": "Праця",
            "intro": (
                "Для багатьох іммігрантів та іммігранток робота — головна причина приїзду до "
                "Гданська. Модель підтримує чесне працевлаштування та професійний розвиток на "
                "рівних умовах."
            ),
            "body": (
                "<h2>Чому це важливо</h2>"
                "<p>Люди, які не знають мови чи правил, легше стають жертвами недобросовісних "
                "посередників і роботодавців. Трапляється також, що іммігранти працюють нижче "
                "своєї кваліфікації, бо не знають, як її підтвердити. Чесні умови праці "
                "відповідають інтересам усіх: працівників, підприємств і всього міста.</p>"
                "<h2>Що пропонує Модель</h2>"
                "<ul>"
                "<li>Інформація кількома мовами про легальне працевлаштування, договори та "
                "трудові права</li>"
                "<li>Професійне консультування й допомога у визнанні кваліфікацій</li>"
                "<li>Співпраця з роботодавцями та поширення добрих практик</li>"
                "<li>Підтримка для тих, хто хоче відкрити власну справу</li>"
                "</ul>"
            ),
        },
        "ru": {
            "title": "Работа",
            "intro": (
                "Для многих иммигрантов и иммигранток работа — главная причина приезда в Гданьск. "
                "Модель поддерживает честное трудоустройство и профессиональное развитие на "
                "равных условиях."
            ),
            "body": (
                "<h2>Почему это важно</h2>"
                "<p>Люди, не знающие языка или правил, легче становятся жертвами недобросовестных "
                "посредников и работодателей. Бывает и так, что иммигранты работают ниже своей "
                "квалификации, потому что не знают, как её подтвердить. Честные условия труда "
                "отвечают интересам всех: работников, предприятий и всего города.</p>"
                "<h2>Что предлагает Модель</h2>"
                "<ul>"
                "<li>Информация на нескольких языках о легальном трудоустройстве, договорах и "
                "трудовых правах</li>"
                "<li>Профессиональное консультирование и помощь в признании квалификаций</li>"
                "<li>Сотрудничество с работодателями и распространение лучших практик</li>"
                "<li>Поддержка тех, кто хочет открыть собственное дело</li>"
                "</ul>"
            ),
        },
    },
    "social-welfare": {
        "pl": {
            "title": "Pomoc społeczna",
            "intro": (
                "Każdy może znaleźć się w trudnej sytuacji życiowej. Model dba o to, by imigranci "
                "i imigrantki wiedzieli, na jaką pomoc mogą liczyć, a pracownicy socjalni byli "
                "przygotowani do pracy z nimi."
            ),
            "body": (
                "<h2>Dlaczego to ważne</h2>"
                "<p>Prawo do świadczeń często zależy od statusu pobytowego, a przepisy bywają "
                "skomplikowane zarówno dla osób szukających pomocy, jak i dla pracowników pomocy "
                "społecznej. Bariera językowa i kulturowa utrudnia rozpoznanie potrzeb, zwłaszcza "
                "w sytuacjach kryzysowych. Dobra współpraca instytucji i organizacji pozwala "
                "pomóc szybciej i skuteczniej.</p>"
                "<h2>Co proponuje Model</h2>"
                "<ul>"
                "<li>Szkolenia dla pracowników pomocy społecznej z przepisów dotyczących "
                "cudzoziemców i z komunikacji międzykulturowej</li>"
                "<li>Jasna informacja o świadczeniach i zasadach ich przyznawania</li>"
                "<li>Zespoły interdyscyplinarne do pracy z rodzinami w złożonych sytuacjach</li>"
                "<li>Współpraca z organizacjami pozarządowymi w udzielaniu wsparcia</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Social welfare",
            "intro": (
                "Anyone can find themselves in a difficult situation. The Model makes sure that "
                "immigrants know what help they can count on and that social workers are prepared "
                "to work with them."
            ),
            "body": (
                "<h2>Why it matters</h2>"
                "<p>Entitlement to benefits often depends on residence status, and the rules can "
                "be complicated both for people seeking help and for social welfare staff. "
                "Language and cultural barriers make it harder to recognise needs, especially in "
                "a crisis. Good cooperation between institutions and organisations makes it "
                "possible to help faster and more effectively.</p>"
                "<h2>What the Model proposes</h2>"
                "<ul>"
                "<li>Training for social welfare staff on the law concerning foreigners and on "
                "intercultural communication</li>"
                "<li>Clear information about benefits and how they are granted</li>"
                "<li>Interdisciplinary teams working with families in complex situations</li>"
                "<li>Cooperation with non-governmental organisations in providing support</li>"
                "</ul>"
            ),
        },
        "uk": {
            "title": "Соціальна допомога",
            "intro": (
                "Кожен може опинитися в складній життєвій ситуації. Модель дбає про те, щоб "
                "іммігранти та іммігрантки знали, на яку допомогу можуть розраховувати, а "
                "соціальні працівники були готові працювати з ними."
            ),
            "body": (
                "<h2>Чому це важливо</h2>"
                "<p>Право на виплати часто залежить від статусу перебування, а правила бувають "
                "складними як для тих, хто шукає допомоги, так і для працівників соціальних "
                "служб. Мовний і культурний бар’єр ускладнює розпізнавання потреб, особливо в "
                "кризових ситуаціях. Добра співпраця установ і організацій дає змогу допомогти "
                "швидше й ефективніше.</p>"
                "<h2>Що пропонує Модель</h2>"
                "<ul>"
                "<li>Навчання для працівників соціальних служб щодо законодавства про іноземців і "
                "міжкультурної комунікації</li>"
                "<li>Зрозуміла інформація про виплати та правила їх надання</li>"
                "<li>Міждисциплінарні команди для роботи з родинами у складних ситуаціях</li>"
                "<li>Співпраця з громадськими організаціями в наданні підтримки</li>"
                "</ul>"
            ),
        },
        "ru": {
            "title": "Социальная помощь",
            "intro": (
                "Каждый может оказаться в трудной жизненной ситуации. Модель заботится о том, "
                "чтобы иммигранты и иммигрантки знали, на какую помощь могут рассчитывать, а "
                "социальные работники были готовы работать с ними."
            ),
            "body": (
                "<h2>Почему это важно</h2>"
                "<p>Право на пособия часто зависит от статуса пребывания, а правила бывают "
                "сложными как для тех, кто ищет помощи, так и для сотрудников социальных служб. "
                "Языковой и культурный барьер затрудняет понимание потребностей, особенно в "
                "кризисных ситуациях. Хорошее сотрудничество учреждений и организаций позволяет "
                "помочь быстрее и эффективнее.</p>"
                "<h2>Что предлагает Модель</h2>"
                "<ul>"
                "<li>Обучение сотрудников социальных служб законодательству об иностранцах и "
                "межкультурной коммуникации</li>"
                "<li>Понятная информация о пособиях и правилах их предоставления</li>"
                "<li>Междисциплинарные команды для работы с семьями в сложных ситуациях</li>"
                "<li>Сотрудничество с общественными организациями в оказании поддержки</li>"
                "</ul>"
            ),
        },
    },
    "housing": {
        "pl": {
            "title": "Mieszkalnictwo",
            "intro": (
                "Bezpieczne mieszkanie to podstawa, by zacząć nowe życie w mieście. Model wspiera "
                "uczciwy dostęp do najmu i pomoc mieszkaniową dla osób w trudnej sytuacji."
            ),
            "body": (
                "<h2>Dlaczego to ważne</h2>"
                "<p>Osoby z zagranicy często wynajmują mieszkania przez pośredników, nie znając "
                "swoich praw ani lokalnych zasad. Zdarza się, że spotykają się z odmową najmu ze "
                "względu na pochodzenie albo z niejasnymi umowami. Dobre warunki mieszkaniowe "
                "wpływają na zdrowie, naukę dzieci i relacje z sąsiadami.</p>"
                "<h2>Co proponuje Model</h2>"
                "<ul>"
                "<li>Informacja w kilku językach o prawach i obowiązkach najemców</li>"
                "<li>Przeciwdziałanie dyskryminacji na rynku najmu</li>"
                "<li>Zasady wsparcia mieszkaniowego dla osób w trudnej sytuacji, w tym "
                "uchodźców</li>"
                "<li>Współpraca z zarządcami budynków i wspólnotami mieszkaniowymi</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Housing",
            "intro": (
                "A safe home is the basis for starting a new life in the city. The Model supports "
                "fair access to rented housing and housing assistance for people in difficulty."
            ),
            "body": (
                "<h2>Why it matters</h2>"
                "<p>People from abroad often rent through agents without knowing their rights or "
                "local rules. Some are refused a tenancy because of their origin or are given "
                "unclear contracts. Good housing conditions affect health, children’s education "
                "and relations with neighbours.</p>"
                "<h2>What the Model proposes</h2>"
                "<ul>"
                "<li>Information in several languages on tenants’ rights and obligations</li>"
                "<li>Tackling discrimination in the rental market</li>"
                "<li>Rules for housing support for people in difficulty, including refugees</li>"
                "<li>Cooperation with building managers and housing associations</li>"
                "</ul>"
            ),
        },
        "uk": {
            "title": "Житло",
            "intro": (
                "Безпечне житло — основа для того, щоб почати нове життя в місті. Модель "
                "підтримує чесний доступ до оренди та житлову допомогу для людей у складній "
                "ситуації."
            ),
            "body": (
                "<h2>Чому це важливо</h2>"
                "<p>Люди з-за кордону часто винаймають житло через посередників, не знаючи своїх "
                "прав і місцевих правил. Трапляється, що їм відмовляють в оренді через походження "
                "або пропонують незрозумілі договори. Добрі житлові умови впливають на здоров’я, "
                "навчання дітей і стосунки із сусідами.</p>"
                "<h2>Що пропонує Модель</h2>"
                "<ul>"
                "<li>Інформація кількома мовами про права та обов’язки орендарів</li>"
                "<li>Протидія дискримінації на ринку оренди</li>"
                "<li>Правила житлової підтримки для людей у складній ситуації, зокрема "
                "біженців</li>"
                "<li>Співпраця з управителями будинків і об’єднаннями співвласників "
                "багатоквартирних будинків</li>"
                "</ul>"
            ),
        },
        "ru": {
            "title": "Жильё",
            "intro": (
                "Безопасное жильё — основа для того, чтобы начать новую жизнь в городе. Модель "
                "поддерживает честный доступ к аренде и жилищную помощь для людей в трудной "
                "ситуации."
            ),
            "body": (
                "<h2>Почему это важно</h2>"
                "<p>Люди из-за рубежа часто снимают жильё через посредников, не зная своих прав и "
                "местных правил. Бывает, что им отказывают в аренде из-за происхождения или "
                "предлагают непонятные договоры. Хорошие жилищные условия влияют на здоровье, "
                "учёбу детей и отношения с соседями.</p>"
                "<h2>Что предлагает Модель</h2>"
                "<ul>"
                "<li>Информация на нескольких языках о правах и обязанностях арендаторов</li>"
                "<li>Противодействие дискриминации на рынке аренды</li>"
                "<li>Правила жилищной поддержки для людей в трудной ситуации, в том числе "
                "беженцев</li>"
                "<li>Сотрудничество с управляющими компаниями и товариществами собственников "
                "жилья</li>"
                "</ul>"
            ),
        },
    },
}


NEWS = [
    {
        "slug": "platform-launch",
        "date": "2026-09-15",
        "pl": {
            "title": "Ruszyła platforma Rady Imigrantów i Imigrantek",
            "intro": (
                "Nowa strona pozwala śledzić prace Rady i brać udział w konsultacjach w czterech "
                "językach."
            ),
            "body": (
                "<p>Od dziś mieszkańcy i mieszkanki Gdańska mogą korzystać z platformy, na której "
                "w jednym miejscu znajdą informacje o Modelu Integracji Imigrantów, o pracach "
                "Rady Imigrantów i Imigrantek oraz o trwających konsultacjach. Treści są dostępne "
                "po polsku, angielsku, ukraińsku i rosyjsku.</p>"
                "<p>Zachęcamy do założenia konta, komentowania projektów i zgłaszania własnych "
                "propozycji. Po zakończeniu każdej konsultacji opublikujemy raport z jej wynikami "
                "oraz informację o tym, jak miasto odniosło się do zgłoszonych uwag. Platforma "
                "działa w wersji demonstracyjnej, dlatego chętnie przyjmiemy uwagi dotyczące jej "
                "działania.</p>"
            ),
        },
        "en": {
            "title": "Immigrants’ Council platform launched",
            "intro": (
                "A new website lets you follow the Council’s work and take part in consultations "
                "in four languages."
            ),
            "body": (
                "<p>From today, residents of Gdańsk can use a platform that brings together "
                "information about the Immigrant Integration Model, the work of the Immigrants’ "
                "Council and current consultations. Content is available in Polish, English, "
                "Ukrainian and Russian.</p>"
                "<p>We encourage you to create an account, comment on proposals and put forward "
                "your own ideas. After each consultation we will publish a report on its results "
                "and on how the City has responded to the comments received. The platform is a "
                "demonstration version, so we welcome your feedback on how it works.</p>"
            ),
        },
    },
    {
        "slug": "council-call-for-candidates",
        "date": "2026-10-05",
        "pl": {
            "title": "Nabór kandydatów i kandydatek do Rady Imigrantów i Imigrantek",
            "intro": (
                "Osoby z doświadczeniem migracji, które mieszkają w Gdańsku, mogą zgłaszać swoje "
                "kandydatury do Rady nowej kadencji."
            ),
            "body": (
                "<p>Rada Imigrantów i Imigrantek doradza miastu w sprawach integracji i opiniuje "
                "działania podejmowane w ramach Modelu Integracji Imigrantów. Zapraszamy osoby, "
                "które mieszkają w Gdańsku, mają doświadczenie migracji i chcą społecznie działać "
                "na rzecz swojej społeczności oraz całego miasta.</p>"
                "<p>Zgłoszenie można złożyć przez formularz na platformie. Warto dołączyć do "
                "niego krótki opis dotychczasowej działalności oraz rekomendację instytucji lub "
                "organizacji, z którą kandydat lub kandydatka współpracuje. Szczegółowe zasady "
                "naboru określa regulamin opublikowany na platformie.</p>"
            ),
        },
        "en": {
            "title": "Call for candidates to the Immigrants’ Council",
            "intro": (
                "People with a migration background who live in Gdańsk can apply to join the "
                "Council for its new term."
            ),
            "body": (
                "<p>The Immigrants’ Council advises the City on integration and gives its opinion "
                "on activities carried out under the Immigrant Integration Model. We invite "
                "people who live in Gdańsk, have experience of migration and wish to volunteer "
                "for their community and for the city as a whole.</p>"
                "<p>Applications can be submitted through the form on the platform. It is a good "
                "idea to include a short description of your activities so far and a "
                "recommendation from an institution or organisation you work with. The detailed "
                "rules are set out in the regulations published on the platform.</p>"
            ),
        },
    },
    {
        "slug": "consultation-information-centre",
        "date": "2026-11-10",
        "pl": {
            "title": "Zapowiedź konsultacji: centrum informacji i wsparcia dla imigrantów",
            "intro": (
                "Wkrótce rozpoczniemy konsultacje w sprawie tego, jak powinno działać miejskie "
                "centrum informacji i wsparcia dla imigrantów i imigrantek."
            ),
            "body": (
                "<p>Centrum informacji i wsparcia to jedno z zadań przewidzianych w Modelu "
                "Integracji Imigrantów. Chcemy, by było miejscem, w którym każdy uzyska rzetelną "
                "informację i pomoc w zrozumiałym dla siebie języku. Zanim zapadną decyzje o jego "
                "kształcie, pytamy o zdanie mieszkańców i mieszkanki.</p>"
                "<p>W konsultacji zapytamy między innymi o godziny otwarcia, języki, w jakich "
                "powinno działać centrum, oraz o sprawy, w których najczęściej potrzebna jest "
                "pomoc. Uwagi będzie można zgłaszać na platformie oraz podczas spotkań w "
                "dzielnicach. Po zakończeniu konsultacji opublikujemy raport z jej wynikami.</p>"
            ),
        },
        "en": {
            "title": "Upcoming consultation: information and support centre for immigrants",
            "intro": (
                "We will soon open a consultation on how the City’s information and support "
                "centre for immigrants should work."
            ),
            "body": (
                "<p>An information and support centre is one of the tasks set out in the "
                "Immigrant Integration Model. We want it to be a place where everyone can get "
                "reliable information and help in a language they understand. Before any "
                "decisions are made about its shape, we are asking residents for their views.</p>"
                "<p>The consultation will ask, among other things, about opening hours, the "
                "languages the centre should work in, and the matters on which people most often "
                "need help. Comments can be submitted on the platform and at meetings in the "
                "districts. When the consultation closes, we will publish a report on its "
                "results.</p>"
            ),
        },
    },
]


ACCESSIBILITY = {
    "pl": {
        "title": "Deklaracja dostępności",
        "intro": (
            "Miasto Gdańsk zobowiązuje się zapewnić dostępność tej strony internetowej zgodnie z "
            "ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i "
            "aplikacji mobilnych podmiotów publicznych."
        ),
        "compliance": (
            "<p>Strona internetowa jest w pełni zgodna z ustawą z dnia 4 kwietnia 2019 r. o "
            "dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych "
            "oraz z wytycznymi WCAG 2.1 na poziomie AA.</p>"
            "<p><em>Informacja przykładowa, przygotowana na potrzeby wersji demonstracyjnej "
            "serwisu.</em></p>"
        ),
        "preparation": (
            "<p>Deklarację sporządzono dnia 2026-11-26 na podstawie samooceny przeprowadzonej "
            "przez podmiot publiczny.</p>"
            "<p>Deklarację ostatnio poddano przeglądowi i aktualizacji dnia 2026-11-26.</p>"
        ),
        "feedback": (
            "<p>Jeśli zauważysz problem z dostępnością tej strony, skontaktuj się z nami. Osobą "
            "kontaktową jest koordynator ds. dostępności, e-mail: dostepnosc@example.org, "
            "telefon: +48 58 000 00 00. Tą samą drogą można złożyć wniosek o udostępnienie "
            "informacji niedostępnej oraz żądanie zapewnienia dostępności.</p>"
            "<p>Każdy ma prawo zażądać zapewnienia dostępności cyfrowej strony internetowej lub "
            "jej elementu. Można też zażądać udostępnienia informacji w alternatywny sposób, na "
            "przykład przez odczytanie niedostępnego dokumentu lub opisanie zawartości filmu bez "
            "audiodeskrypcji. Żądanie powinno zawierać:</p>"
            "<ul>"
            "<li>dane osoby zgłaszającej żądanie,</li>"
            "<li>wskazanie strony internetowej lub jej elementu, którego dotyczy żądanie,</li>"
            "<li>sposób kontaktu, a jeśli potrzebna jest informacja w alternatywnej formie — "
            "także dogodny sposób jej przekazania.</li>"
            "</ul>"
            "<p>Żądanie realizujemy niezwłocznie, nie później niż w ciągu 7 dni od dnia jego "
            "złożenia. Jeśli dotrzymanie tego terminu nie jest możliwe, niezwłocznie informujemy, "
            "kiedy żądanie zostanie zrealizowane; termin ten nie może być dłuższy niż 2 miesiące "
            "od dnia złożenia żądania. Jeśli zapewnienie dostępności nie jest możliwe, "
            "proponujemy alternatywny sposób dostępu do informacji.</p>"
            "<p>W przypadku odmowy realizacji żądania lub alternatywnego sposobu dostępu do "
            "informacji można złożyć skargę.</p>"
        ),
        "enforcement": (
            "<p>Jeśli Urząd Miejski w Gdańsku odmówi zapewnienia dostępności lub alternatywnego "
            "sposobu dostępu do informacji, osoba, która wystąpiła z żądaniem, może złożyć skargę "
            "do urzędu jako podmiotu publicznego. Skargę można złożyć tymi samymi drogami co "
            "żądanie: pocztą elektroniczną, telefonicznie, listownie lub osobiście.</p>"
            "<p>Po wyczerpaniu tej procedury można złożyć wniosek do Rzecznika Praw "
            "Obywatelskich.</p>"
        ),
        "architecture": (
            "<p>Do budynku urzędu prowadzi wejście bez schodów, dostępne dla osób poruszających "
            "się na wózku. Na wszystkie kondygnacje można dostać się windą.</p>"
            "<p>W punkcie obsługi przy wejściu działa pętla indukcyjna. Do budynku można wejść z "
            "psem asystującym. Na życzenie zapewniamy tłumacza lub tłumaczkę polskiego języka "
            "migowego — prosimy o zgłoszenie tej potrzeby z wyprzedzeniem, najlepiej co najmniej "
            "3 dni robocze przed wizytą.</p>"
            "<p><em>Informacja przykładowa, przygotowana na potrzeby wersji demonstracyjnej "
            "serwisu.</em></p>"
        ),
    },
    "en": {
        "title": "Accessibility statement",
        "intro": (
            "The City of Gdańsk is committed to making this website accessible in accordance with "
            "the Act of 4 April 2019 on the digital accessibility of websites and mobile "
            "applications of public bodies."
        ),
        "compliance": (
            "<p>This website is fully compliant with the Act of 4 April 2019 on the digital "
            "accessibility of websites and mobile applications of public bodies and with the Web "
            "Content Accessibility Guidelines (WCAG) 2.1 at level AA.</p>"
            "<p><em>Sample information prepared for the demonstration version of the "
            "site.</em></p>"
        ),
        "preparation": (
            "<p>This statement was prepared on 2026-11-26 on the basis of a self-assessment "
            "carried out by the public body.</p>"
            "<p>The statement was last reviewed and updated on 2026-11-26.</p>"
        ),
        "feedback": (
            "<p>If you notice an accessibility problem on this website, please contact us. The "
            "contact person is the accessibility coordinator, e-mail: dostepnosc@example.org, "
            "telephone: +48 58 000 00 00. In the same way you can ask for information that is not "
            "accessible to be made available and request that accessibility be ensured.</p>"
            "<p>Everyone has the right to request that a website or any part of it be made "
            "digitally accessible. You may also ask for information to be provided in an "
            "alternative way, for example by reading out a document that is not accessible or by "
            "describing a video that has no audio description. A request should include:</p>"
            "<ul>"
            "<li>the details of the person making the request,</li>"
            "<li>the web page or element of the website concerned,</li>"
            "<li>how to contact you and, if you need information in an alternative form, how you "
            "would like to receive it.</li>"
            "</ul>"
            "<p>We deal with requests without delay and no later than 7 days from the date they "
            "are made. If we cannot meet this deadline, we will tell you without delay when the "
            "request will be dealt with; this may not be later than 2 months from the date of the "
            "request. If accessibility cannot be ensured, we will offer an alternative way of "
            "accessing the information.</p>"
            "<p>If we refuse the request or an alternative way of accessing the information, you "
            "may lodge a complaint.</p>"
        ),
        "enforcement": (
            "<p>If Gdańsk City Hall refuses to ensure accessibility or to provide an alternative "
            "way of accessing information, the person who made the request may lodge a complaint "
            "with the City Hall as the public body. The complaint can be made in the same ways as "
            "the request: by e-mail, by telephone, by post or in person.</p>"
            "<p>Once this procedure has been exhausted, an application may be made to the "
            "Ombudsman (Rzecznik Praw Obywatelskich).</p>"
        ),
        "architecture": (
            "<p>The City Hall building has a step-free entrance suitable for wheelchair users. "
            "All floors can be reached by lift.</p>"
            "<p>An induction loop is available at the reception desk by the entrance. Assistance "
            "dogs are welcome. A Polish Sign Language interpreter is available on request; please "
            "let us know in advance, preferably at least 3 working days before your visit.</p>"
            "<p><em>Sample information prepared for the demonstration version of the "
            "site.</em></p>"
        ),
    },
    "uk": {
        "title": "Заява про доступність",
        "intro": (
            "Місто Гданськ зобов’язується забезпечити доступність цього вебсайту відповідно до "
            "закону від 4 квітня 2019 року про цифрову доступність вебсайтів і мобільних "
            "застосунків публічних органів."
        ),
        "compliance": (
            "<p>Цей вебсайт повністю відповідає закону від 4 квітня 2019 року про цифрову "
            "доступність вебсайтів і мобільних застосунків публічних органів, а також Настановам "
            "з доступності вебконтенту (WCAG) 2.1 на рівні AA.</p>"
            "<p><em>Інформацію наведено як приклад для демонстраційної версії сайту.</em></p>"
        ),
        "preparation": (
            "<p>Заяву складено 2026-11-26 на підставі самооцінки, проведеної публічним "
            "органом.</p>"
            "<p>Востаннє заяву переглянуто й оновлено 2026-11-26.</p>"
        ),
        "feedback": (
            "<p>Якщо ви помітите проблему з доступністю цього сайту, зв’яжіться з нами. Контактна "
            "особа — координатор з питань доступності, e-mail: dostepnosc@example.org, телефон: "
            "+48 58 000 00 00. Так само можна подати запит на надання недоступної інформації, а "
            "також вимогу забезпечити доступність.</p>"
            "<p>Кожен має право вимагати забезпечення цифрової доступності вебсайту або його "
            "елемента. Можна також вимагати надання інформації в альтернативний спосіб, наприклад "
            "шляхом зачитування недоступного документа або опису змісту відео без "
            "аудіодескрипції. Вимога повинна містити:</p>"
            "<ul>"
            "<li>дані особи, яка подає вимогу,</li>"
            "<li>зазначення вебсторінки або елемента сайту, якого стосується вимога,</li>"
            "<li>спосіб зв’язку, а якщо потрібна інформація в альтернативній формі, — також "
            "зручний спосіб її передання.</li>"
            "</ul>"
            "<p>Ми виконуємо вимогу невідкладно, не пізніше ніж протягом 7 днів від дня її "
            "подання. Якщо дотримати цього строку неможливо, ми невідкладно повідомляємо, коли "
            "вимогу буде виконано; цей строк не може перевищувати 2 місяців від дня подання "
            "вимоги. Якщо забезпечити доступність неможливо, ми пропонуємо альтернативний спосіб "
            "доступу до інформації.</p>"
            "<p>У разі відмови виконати вимогу або надати альтернативний спосіб доступу до "
            "інформації можна подати скаргу.</p>"
        ),
        "enforcement": (
            "<p>Якщо мерія Гданська (Urząd Miejski w Gdańsku) відмовить у забезпеченні "
            "доступності або альтернативного способу доступу до інформації, особа, яка подала "
            "вимогу, може подати скаргу до мерії як публічного органу. Скаргу можна подати тими "
            "самими способами, що й вимогу: електронною поштою, телефоном, листом або "
            "особисто.</p>"
            "<p>Після вичерпання цієї процедури можна звернутися із заявою до Уповноваженого з "
            "прав людини (Rzecznik Praw Obywatelskich).</p>"
        ),
        "architecture": (
            "<p>До будівлі мерії веде вхід без сходів, доступний для людей, які пересуваються на "
            "кріслі колісному. На всі поверхи можна піднятися ліфтом.</p>"
            "<p>У пункті обслуговування біля входу працює індукційна петля. До будівлі можна "
            "увійти із собакою-асистентом. На прохання ми забезпечуємо перекладача або "
            "перекладачку польської жестової мови — просимо повідомити про цю потребу "
            "заздалегідь, бажано щонайменше за 3 робочі дні до візиту.</p>"
            "<p><em>Інформацію наведено як приклад для демонстраційної версії сайту.</em></p>"
        ),
    },
    "ru": {
        "title": "Заявление о доступности",
        "intro": (
            "Город Гданьск обязуется обеспечить доступность этого сайта в соответствии с законом "
            "от 4 апреля 2019 года о цифровой доступности сайтов и мобильных приложений публичных "
            "органов."
        ),
        "compliance": (
            "<p>Этот сайт полностью соответствует закону от 4 апреля 2019 года о цифровой "
            "доступности сайтов и мобильных приложений публичных органов, а также Руководству по "
            "обеспечению доступности веб-контента (WCAG) 2.1 на уровне AA.</p>"
            "<p><em>Информация приведена в качестве примера для демонстрационной версии "
            "сайта.</em></p>"
        ),
        "preparation": (
            "<p>Заявление составлено 2026-11-26 на основе самооценки, проведённой публичным "
            "органом.</p>"
            "<p>Последний раз заявление было пересмотрено и обновлено 2026-11-26.</p>"
        ),
        "feedback": (
            "<p>Если вы заметите проблему с доступностью этого сайта, свяжитесь с нами. "
            "Контактное лицо — координатор по вопросам доступности, e-mail: "
            "dostepnosc@example.org, телефон: +48 58 000 00 00. Тем же способом можно подать "
            "запрос на предоставление недоступной информации, а также требование обеспечить "
            "доступность.</p>"
            "<p>Каждый имеет право потребовать обеспечить цифровую доступность сайта или его "
            "элемента. Можно также потребовать предоставить информацию альтернативным способом, "
            "например зачитать недоступный документ или описать содержание видео без "
            "аудиодескрипции. Требование должно содержать:</p>"
            "<ul>"
            "<li>данные лица, подающего требование,</li>"
            "<li>указание веб-страницы или элемента сайта, которого касается требование,</li>"
            "<li>способ связи, а если нужна информация в альтернативной форме, — также удобный "
            "способ её передачи.</li>"
            "</ul>"
            "<p>Мы выполняем требование безотлагательно, не позднее 7 дней со дня его подачи. "
            "Если соблюсти этот срок невозможно, мы безотлагательно сообщаем, когда требование "
            "будет выполнено; этот срок не может превышать 2 месяцев со дня подачи требования. "
            "Если обеспечить доступность невозможно, мы предлагаем альтернативный способ доступа "
            "к информации.</p>"
            "<p>В случае отказа выполнить требование или предоставить альтернативный способ "
            "доступа к информации можно подать жалобу.</p>"
        ),
        "enforcement": (
            "<p>Если мэрия Гданьска (Urząd Miejski w Gdańsku) откажет в обеспечении доступности "
            "или альтернативного способа доступа к информации, лицо, подавшее требование, может "
            "подать жалобу в мэрию как публичный орган. Жалобу можно подать теми же способами, "
            "что и требование: по электронной почте, по телефону, письмом или лично.</p>"
            "<p>После исчерпания этой процедуры можно обратиться с заявлением к Уполномоченному "
            "по правам человека (Rzecznik Praw Obywatelskich).</p>"
        ),
        "architecture": (
            "<p>В здание мэрии ведёт вход без ступенек, доступный для людей на кресле-коляске. На "
            "все этажи можно подняться на лифте.</p>"
            "<p>В пункте обслуживания у входа работает индукционная петля. В здание можно войти с "
            "собакой-помощником. По запросу мы обеспечиваем переводчика или переводчицу польского "
            "жестового языка — просим сообщить об этой потребности заранее, желательно не менее "
            "чем за 3 рабочих дня до визита.</p>"
            "<p><em>Информация приведена в качестве примера для демонстрационной версии "
            "сайта.</em></p>"
        ),
    },
}


CONTACT = {
    "pl": {
        "title": "Kontakt",
        "intro": (
            "Napisz lub zadzwoń, jeśli masz pytanie do Rady Imigrantów i Imigrantek, potrzebujesz "
            "informacji o konsultacjach albo chcesz przekazać uwagi dotyczące platformy."
        ),
        "address": "Urząd Miejski w Gdańsku\nul. Nowe Ogrody 8/12\n80-803 Gdańsk",
        "email": "rada@example.org",
        "phone": "+48 58 000 00 00",
        "hours": "poniedziałek–piątek, 8:00–16:00",
        "body": (
            "<p>Sprawy związane z pracą Rady Imigrantów i Imigrantek — posiedzenia, wnioski, "
            "zaproszenia do współpracy — prosimy kierować do sekretarza Rady na podany adres "
            "e-mail albo listownie, z dopiskiem „Rada Imigrantów i Imigrantek”. Pod tym samym "
            "adresem i numerem telefonu udzielamy informacji o centrum informacji i wsparcia dla "
            "imigrantów: gdzie się znajduje, kiedy jest otwarte i w jakich sprawach pomaga.</p>"
            "<p>Można do nas pisać po polsku, angielsku, ukraińsku lub rosyjsku. Odpowiadamy w "
            "języku, w którym otrzymaliśmy wiadomość, zwykle w ciągu kilku dni roboczych.</p>"
        ),
    },
    "en": {
        "title": "Contact",
        "intro": (
            "Write or call us if you have a question for the Immigrants’ Council, need "
            "information about consultations or would like to comment on the platform."
        ),
        "address": "Urząd Miejski w Gdańsku\nul. Nowe Ogrody 8/12\n80-803 Gdańsk",
        "email": "rada@example.org",
        "phone": "+48 58 000 00 00",
        "hours": "Monday–Friday, 8:00–16:00",
        "body": (
            "<p>Matters concerning the work of the Immigrants’ Council — meetings, motions, "
            "invitations to cooperate — should be sent to the Council’s secretary at the e-mail "
            "address above or by post, marked “Rada Imigrantów i Imigrantek”. At the same address "
            "and telephone number we can tell you about the information and support centre for "
            "immigrants: where it is, when it is open and what it can help with.</p>"
            "<p>You may write to us in Polish, English, Ukrainian or Russian. We reply in the "
            "language you wrote in, usually within a few working days.</p>"
        ),
    },
    "uk": {
        "title": "Контакти",
        "intro": (
            "Напишіть або зателефонуйте, якщо маєте запитання до Ради іммігрантів та іммігранток, "
            "потребуєте інформації про консультації або хочете поділитися зауваженнями щодо "
            "платформи."
        ),
        "address": "Urząd Miejski w Gdańsku\nul. Nowe Ogrody 8/12\n80-803 Gdańsk",
        "email": "rada@example.org",
        "phone": "+48 58 000 00 00",
        "hours": "понеділок–п’ятниця, 8:00–16:00",
        "body": (
            "<p>Питання, пов’язані з роботою Ради іммігрантів та іммігранток, — засідання, "
            "пропозиції, запрошення до співпраці — просимо надсилати секретареві Ради на "
            "зазначену адресу електронної пошти або поштою з позначкою «Rada Imigrantów i "
            "Imigrantek». За цією ж адресою та номером телефону ми надаємо інформацію про центр "
            "інформації та підтримки для іммігрантів: де він розташований, коли відкритий і з "
            "якими питаннями допомагає.</p>"
            "<p>Нам можна писати польською, англійською, українською або російською мовою. Ми "
            "відповідаємо тією мовою, якою отримали повідомлення, зазвичай протягом кількох "
            "робочих днів.</p>"
        ),
    },
    "ru": {
        "title": "Контакты",
        "intro": (
            "Напишите или позвоните, если у вас есть вопрос к Совету иммигрантов и иммигранток, "
            "нужна информация о консультациях или вы хотите оставить замечания о платформе."
        ),
        "address": "Urząd Miejski w Gdańsku\nul. Nowe Ogrody 8/12\n80-803 Gdańsk",
        "email": "rada@example.org",
        "phone": "+48 58 000 00 00",
        "hours": "понедельник–пятница, 8:00–16:00",
        "body": (
            "<p>Вопросы, связанные с работой Совета иммигрантов и иммигранток, — заседания, "
            "предложения, приглашения к сотрудничеству — просим направлять секретарю Совета на "
            "указанный адрес электронной почты или письмом с пометкой «Rada Imigrantów i "
            "Imigrantek». По этому же адресу и номеру телефона мы сообщаем, где находится центр "
            "информации и поддержки для иммигрантов, когда он открыт и с какими вопросами "
            "помогает.</p>"
            "<p>Нам можно писать на польском, английском, украинском или русском языке. Мы "
            "отвечаем на том языке, на котором получили сообщение, обычно в течение нескольких "
            "рабочих дней.</p>"
        ),
    },
}
