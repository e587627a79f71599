"""Demo consultations and resident comments for the Rada platform, loaded by the demo seeding
command.

This is demonstration content. The consultations, their contact units and the comments are
invented; they are not official texts of the City of Gdańsk and no comment was written by a
real person. Contact e-mails are placeholders (example.org).

Dates are given in days relative to the day the demo is loaded (``opens_in_days`` and
``closes_in_days``; a negative number is in the past). Comment authors and raters are the
usernames of the demo accounts. Rich-text values are HTML using only <p>, <ul>, <ol>, <li>,
<strong> and <em>; other values are plain text, and comments may contain line breaks.
"""


CONSULTATION_INDEX = {
    "pl": {
        "title": "Konsultacje społeczne",
        "intro": (
            "Tu znajdziesz konsultacje społeczne prowadzone przez miasto i możesz wyrazić swoją "
            "opinię, zanim zapadną decyzje."
        ),
    },
    "en": {
        "title": "Public consultations",
        "intro": (
            "Here you can find the City’s public consultations and share your views before "
            "decisions are made."
        ),
    },
    "uk": {
        "title": "Громадські консультації",
        "intro": (
            "Тут можна знайти громадські консультації міста й висловити свою думку, поки рішення "
            "ще не ухвалено."
        ),
    },
    "ru": {
        "title": "Общественные консультации",
        "intro": (
            "Здесь можно найти общественные консультации города и высказать своё мнение до того, "
            "как будут приняты решения."
        ),
    },
}


CONSULTATIONS = [
    {
        "slug": "jezyk-polski-dla-dzieci-w-szkolach",
        "areas": ["education"],
        "opens_in_days": -10,
        "closes_in_days": 20,
        "allow_proposals": True,
        "contact_name": "Referat ds. edukacji włączającej (demo)",
        "contact_email": "edukacja.demo@example.org",
        "pl": {
            "title": (
                "Nauka języka polskiego dla dzieci z doświadczeniem migracji w szkołach "
                "podstawowych"
            ),
            "intro": (
                "Miasto chce ustalić jasne zasady dodatkowych lekcji języka polskiego w gdańskich "
                "szkołach podstawowych. Pytamy uczniów, rodziców i nauczycieli, co działa, a co "
                "trzeba zmienić."
            ),
            "summary": (
                "<p>Konsultujemy projekt zasad, według których szkoły podstawowe będą organizować "
                "dodatkowe lekcje języka polskiego dla dzieci, które dopiero uczą się tego "
                "języka. Chcemy ustalić, kiedy odbywają się zajęcia, ile ich jest i jak szkoła "
                "wspiera rodziców.</p>"
                "<p>Możesz skomentować cały projekt albo wybraną część, a także zgłosić własną "
                "propozycję. Wszystkie uwagi zostaną omówione w raporcie z konsultacji.</p>"
            ),
            "sections": [
                {
                    "title": "Plan zajęć",
                    "body": (
                        "<p>Proponujemy, aby dodatkowe lekcje języka polskiego odbywały się w "
                        "czasie zajęć szkolnych lub bezpośrednio po nich, a nie późnym "
                        "popołudniem. Każda szkoła ustalałaby plan razem z rodzicami na początku "
                        "każdego semestru.</p>"
                        "<p>Pytamy: w jakich godzinach dziecko może uczestniczyć w zajęciach bez "
                        "opuszczania innych lekcji?</p>"
                    ),
                },
                {
                    "title": "Dodatkowe lekcje i grupy",
                    "body": (
                        "<p>Dzieci byłyby dzielone na małe grupy według poziomu znajomości "
                        "języka, a nie według wieku. Po każdym semestrze nauczyciel sprawdzałby "
                        "postępy i wspólnie z rodzicami decydował o dalszych zajęciach.</p>"
                        "<p>Rozważamy również <strong>zajęcia wakacyjne</strong> dla dzieci, "
                        "które przyjechały w trakcie roku szkolnego.</p>"
                    ),
                },
                {
                    "title": "Wsparcie dla rodziców",
                    "body": (
                        "<p>Rodzice powinni rozumieć, jak działa szkoła i jak mogą pomóc dziecku. "
                        "Proponujemy:</p>"
                        "<ul><li>spotkania informacyjne z tłumaczeniem na początku roku "
                        "szkolnego;</li>"
                        "<li>najważniejsze informacje szkoły w kilku językach;</li>"
                        "<li>stały dzień konsultacji z nauczycielem lub asystentem "
                        "międzykulturowym.</li></ul>"
                    ),
                },
            ],
        },
        "en": {
            "title": "Polish lessons for children with a migration background in primary schools",
            "intro": (
                "The City wants to set clear rules for extra Polish lessons in Gdańsk primary "
                "schools. We are asking pupils, parents and teachers what works and what should "
                "change."
            ),
            "summary": (
                "<p>We are consulting on draft rules under which primary schools will organise "
                "extra Polish lessons for children who are still learning the language. We want "
                "to decide when the classes take place, how many there are and how schools "
                "support parents.</p>"
                "<p>You can comment on the whole draft or on one part of it, and you can submit "
                "your own proposal. All comments will be discussed in the consultation report.</p>"
            ),
            "sections": [
                {
                    "title": "Class schedule",
                    "body": (
                        "<p>We propose that extra Polish lessons take place during the school day "
                        "or directly after it, not late in the afternoon. Each school would agree "
                        "the schedule with parents at the start of every term.</p>"
                        "<p>Our question: at what times can your child attend the classes without "
                        "missing other lessons?</p>"
                    ),
                },
                {
                    "title": "Extra lessons and groups",
                    "body": (
                        "<p>Children would be taught in small groups according to their level of "
                        "Polish, not their age. After each term the teacher would review their "
                        "progress and decide on further classes together with the parents.</p>"
                        "<p>We are also considering <strong>summer classes</strong> for children "
                        "who arrive during the school year.</p>"
                    ),
                },
                {
                    "title": "Support for parents",
                    "body": (
                        "<p>Parents should understand how the school works and how they can help "
                        "their child. We propose:</p>"
                        "<ul><li>information meetings with interpretation at the start of the "
                        "school year;</li>"
                        "<li>the school’s key information in several languages;</li>"
                        "<li>a regular consultation day with a teacher or an intercultural "
                        "assistant.</li></ul>"
                    ),
                },
            ],
        },
        "uk": {
            "title": "Уроки польської мови для дітей з досвідом міграції в початкових школах",
            "intro": (
                "Місто хоче встановити чіткі правила додаткових уроків польської мови в "
                "початкових школах Гданська. Ми запитуємо учнів, батьків і вчителів, що працює "
                "добре, а що варто змінити."
            ),
            "summary": (
                "<p>Ми консультуємо проєкт правил, за якими початкові школи організовуватимуть "
                "додаткові уроки польської для дітей, які ще вивчають цю мову. Хочемо вирішити, "
                "коли проходять заняття, скільки їх буде і як школа підтримує батьків.</p>"
                "<p>Ви можете прокоментувати весь проєкт або окрему його частину, а також подати "
                "власну пропозицію. Усі коментарі буде розглянуто у звіті з консультацій.</p>"
            ),
            "sections": [
                {
                    "title": "Розклад занять",
                    "body": (
                        "<p>Ми пропонуємо, щоб додаткові уроки польської відбувалися під час "
                        "навчального дня або одразу після нього, а не пізно по обіді. Кожна школа "
                        "погоджувала б розклад із батьками на початку кожного семестру.</p>"
                        "<p>Наше запитання: у який час ваша дитина може відвідувати заняття, не "
                        "пропускаючи інших уроків?</p>"
                    ),
                },
                {
                    "title": "Додаткові уроки та групи",
                    "body": (
                        "<p>Дітей розподіляли б на невеликі групи за рівнем знання польської, а "
                        "не за віком. Після кожного семестру вчитель оцінював би успіхи й разом "
                        "із батьками вирішував би, чи потрібні подальші заняття.</p>"
                        "<p>Ми також розглядаємо <strong>літні заняття</strong> для дітей, які "
                        "приїхали протягом навчального року.</p>"
                    ),
                },
                {
                    "title": "Підтримка батьків",
                    "body": (
                        "<p>Батьки мають розуміти, як працює школа і як вони можуть допомогти "
                        "дитині. Ми пропонуємо:</p>"
                        "<ul><li>інформаційні зустрічі з перекладом на початку навчального "
                        "року;</li>"
                        "<li>найважливішу інформацію школи кількома мовами;</li>"
                        "<li>постійний день консультацій з учителем або міжкультурним "
                        "асистентом.</li></ul>"
                    ),
                },
            ],
        },
        "ru": {
            "title": "Уроки польского языка для детей с опытом миграции в начальных школах",
            "intro": (
                "Город хочет установить понятные правила дополнительных уроков польского языка в "
                "начальных школах Гданьска. Мы спрашиваем учеников, родителей и учителей, что "
                "работает хорошо, а что стоит изменить."
            ),
            "summary": (
                "<p>Мы проводим консультации по проекту правил, по которым начальные школы будут "
                "организовывать дополнительные уроки польского для детей, которые ещё изучают "
                "этот язык. Мы хотим решить, когда проходят занятия, сколько их будет и как школа "
                "поддерживает родителей.</p>"
                "<p>Вы можете прокомментировать весь проект или отдельную его часть, а также "
                "подать собственное предложение. Все комментарии будут рассмотрены в отчёте о "
                "консультациях.</p>"
            ),
            "sections": [
                {
                    "title": "Расписание занятий",
                    "body": (
                        "<p>Мы предлагаем, чтобы дополнительные уроки польского проходили во "
                        "время учебного дня или сразу после него, а не поздно после обеда. Каждая "
                        "школа согласовывала бы расписание с родителями в начале каждого "
                        "семестра.</p>"
                        "<p>Наш вопрос: в какое время ваш ребёнок может посещать занятия, не "
                        "пропуская других уроков?</p>"
                    ),
                },
                {
                    "title": "Дополнительные уроки и группы",
                    "body": (
                        "<p>Детей распределяли бы на небольшие группы по уровню знания польского, "
                        "а не по возрасту. После каждого семестра учитель оценивал бы успехи и "
                        "вместе с родителями решал бы, нужны ли дальнейшие занятия.</p>"
                        "<p>Мы также рассматриваем <strong>летние занятия</strong> для детей, "
                        "которые приехали в течение учебного года.</p>"
                    ),
                },
                {
                    "title": "Поддержка родителей",
                    "body": (
                        "<p>Родители должны понимать, как устроена школа и как они могут помочь "
                        "ребёнку. Мы предлагаем:</p>"
                        "<ul><li>информационные встречи с переводом в начале учебного года;</li>"
                        "<li>самую важную информацию школы на нескольких языках;</li>"
                        "<li>постоянный день консультаций с учителем или межкультурным "
                        "ассистентом.</li></ul>"
                    ),
                },
            ],
        },
        "comments": [
            {
                "author": "resident1",
                "language": "uk",
                "text": (
                    "Мій син у третьому класі. Зараз додаткова польська в нього о пів на "
                    "четверту, після шести уроків, і він уже нічого не сприймає. Краще ставити ці "
                    "заняття зранку, замість одного з уроків, поки він не наздожене клас."
                ),
                "section": 0,
                "replies": [
                    {
                        "author": "member3",
                        "language": "uk",
                        "text": (
                            "Підтримую. У школі моєї доньки пробували ставити польську першим "
                            "уроком — діти були набагато уважніші."
                        ),
                    },
                ],
                "up": ["member3", "chair", "member8"],
                "down": ["resident3"],
            },
            {
                "author": "resident2",
                "language": "en",
                "text": (
                    "Grouping by level rather than age makes sense. But please keep the groups "
                    "really small. Last year my daughter was in a mixed group with children from "
                    "three different classes and she hardly said a word in Polish for months."
                ),
                "section": 1,
                "replies": [],
                "up": ["member7", "member9", "resident1"],
                "down": [],
            },
            {
                "author": "member8",
                "language": "ru",
                "text": (
                    "Спасибо за идею встреч для родителей. Практический вопрос: переводчик будет "
                    "только на собрании в сентябре или на всех родительских собраниях в течение "
                    "года? Многие родители работают посменно и в сентябре прийти просто не смогут."
                ),
                "section": 2,
                "replies": [
                    {
                        "author": "resident3",
                        "language": "pl",
                        "text": (
                            "U nas w szkole jest asystentka międzykulturowa, ale tylko dwa razy w "
                            "tygodniu. Też uważam, że to za mało, zwłaszcza przed wywiadówkami."
                        ),
                    },
                ],
                "up": ["resident1", "member1", "chair"],
                "down": [],
            },
            {
                "author": "resident3",
                "language": "pl",
                "text": (
                    "Nie jestem przekonana, czy zajęcia w czasie lekcji to dobry pomysł. Dziecko, "
                    "które wychodzi z matematyki na polski, potem ma zaległości z matematyki. "
                    "Może lepiej zostawić zajęcia po lekcjach, ale krótsze i częstsze?"
                ),
                "section": None,
                "replies": [
                    {
                        "author": "member9",
                        "language": "en",
                        "text": (
                            "Fair point. Maybe the time could come from art or music rather than "
                            "maths? It would help if the rules said which lessons may be used."
                        ),
                    },
                ],
                "up": ["secretary", "member6"],
                "down": ["member3"],
            },
            {
                "author": "member1",
                "language": "ru",
                "text": (
                    "Летние занятия — очень нужная вещь. Предлагаю открыть их и для детей, "
                    "которые приехали больше года назад, но всё ещё с трудом читают по-польски. "
                    "За лето без языка многое забывается."
                ),
                "section": 1,
                "replies": [],
                "up": ["member8", "resident2"],
                "down": [],
            },
            {
                "author": "member7",
                "language": "en",
                "text": (
                    "Our parents' group at the neighbourhood centre put together a short list of "
                    "school words (timetable, sick note, parents' evening and so on) in several "
                    "languages. It is here: https://example.org/plan — schools are welcome to use "
                    "it or adapt it."
                ),
                "section": None,
                "replies": [
                    {
                        "author": "chair",
                        "language": "uk",
                        "text": (
                            "Дякую, корисний список. Було б добре, якби школи роздавали його "
                            "батькам разом із розкладом на початку року."
                        ),
                    },
                ],
                "up": ["member9", "resident2", "chair"],
                "down": [],
            },
        ],
    },
    {
        "slug": "punkt-informacyjny-dla-migrantow",
        "areas": ["local-communities", "social-welfare"],
        "opens_in_days": -3,
        "closes_in_days": 30,
        "allow_proposals": True,
        "contact_name": "Referat ds. integracji (demo)",
        "contact_email": "integracja.demo@example.org",
        "pl": {
            "title": "Punkt informacji i wsparcia dla migrantów — jak ma działać?",
            "intro": (
                "Miasto przygotowuje nowe zasady działania punktu informacji i wsparcia dla "
                "cudzoziemców. Pytamy, kiedy punkt powinien być otwarty, w jakich językach "
                "pomagać i jakimi kanałami."
            ),
            "summary": (
                "<p>Punkt pomaga w sprawach codziennych: meldunek, pobyt, praca, szkoła, zdrowie "
                "i pomoc społeczna. Chcemy zdecydować, kiedy będzie otwarty, w jakich językach "
                "będzie udzielał porad i jak będzie można uzyskać pomoc bez wychodzenia z "
                "domu.</p>"
                "<p>Prosimy o komentarze do trzech części projektu oraz o własne propozycje. Na "
                "podstawie konsultacji miasto przygotuje regulamin punktu.</p>"
            ),
            "sections": [
                {
                    "title": "Godziny otwarcia",
                    "body": (
                        "<p>Proponujemy, aby punkt był otwarty w dni robocze, w tym dwa razy w "
                        "tygodniu do godziny 19:00, oraz w jedną sobotę w miesiącu. Dzięki temu z "
                        "porad mogłyby korzystać osoby pracujące na zmiany.</p>"
                        "<p>Część wizyt można by umawiać z wyprzedzeniem, a część przyjmować bez "
                        "zapisów.</p>"
                    ),
                },
                {
                    "title": "Języki",
                    "body": (
                        "<p>Porady byłyby udzielane po polsku, ukraińsku, rosyjsku i angielsku. W "
                        "innych językach punkt korzystałby z miejskiej bazy tłumaczy i tłumaczek, "
                        "po wcześniejszym umówieniu wizyty.</p>"
                        "<p>Chcemy wiedzieć, których języków brakuje najbardziej i w jakich "
                        "sprawach.</p>"
                    ),
                },
                {
                    "title": "Pomoc telefoniczna i online",
                    "body": (
                        "<p>Oprócz wizyt na miejscu proponujemy:</p>"
                        "<ul><li>infolinię w godzinach pracy punktu;</li>"
                        "<li>formularz kontaktowy z odpowiedzią w ciągu kilku dni roboczych;</li>"
                        "<li>krótkie konsultacje wideo po wcześniejszym zapisaniu się.</li></ul>"
                        "<p>Dane osobowe przekazane punktowi będą wykorzystywane wyłącznie do "
                        "udzielenia pomocy.</p>"
                    ),
                },
            ],
        },
        "en": {
            "title": "Information and support centre for migrants — how should it work?",
            "intro": (
                "The City is preparing new rules for its information and support centre for "
                "foreigners. We are asking when the centre should be open, in which languages it "
                "should help and through which channels."
            ),
            "summary": (
                "<p>The centre helps with everyday matters: registering an address (meldunek), "
                "residence, work, school, health and social welfare. We want to decide when it "
                "will be open, in which languages it will give advice and how people can get help "
                "without leaving home.</p>"
                "<p>Please comment on the three parts of the draft and send your own proposals. "
                "Based on the consultation, the City will prepare the centre’s rules.</p>"
            ),
            "sections": [
                {
                    "title": "Opening hours",
                    "body": (
                        "<p>We propose that the centre is open on working days, until 7 p.m. "
                        "twice a week, and on one Saturday a month. This would allow people who "
                        "work shifts to use its advice.</p>"
                        "<p>Some visits could be booked in advance, and others would not need an "
                        "appointment.</p>"
                    ),
                },
                {
                    "title": "Languages",
                    "body": (
                        "<p>Advice would be given in Polish, Ukrainian, Russian and English. For "
                        "other languages the centre would use the City’s database of "
                        "interpreters, with the visit booked in advance.</p>"
                        "<p>We would like to know which languages are missing most and for which "
                        "matters.</p>"
                    ),
                },
                {
                    "title": "Phone and online help",
                    "body": (
                        "<p>Besides visits in person, we propose:</p>"
                        "<ul><li>a helpline during the centre’s opening hours;</li>"
                        "<li>a contact form with an answer within a few working days;</li>"
                        "<li>short video consultations booked in advance.</li></ul>"
                        "<p>Personal data given to the centre will be used only to provide "
                        "help.</p>"
                    ),
                },
            ],
        },
        "uk": {
            "title": "Пункт інформації та підтримки для мігрантів — як він має працювати?",
            "intro": (
                "Місто готує нові правила роботи пункту інформації та підтримки для іноземців. Ми "
                "запитуємо, коли пункт має бути відкритий, якими мовами допомагати і якими "
                "каналами."
            ),
            "summary": (
                "<p>Пункт допомагає в повсякденних справах: реєстрація місця проживання "
                "(meldunek), перебування, робота, школа, здоров’я і соціальна допомога. Ми хочемо "
                "вирішити, коли він буде відкритий, якими мовами надаватиме консультації і як "
                "можна буде отримати допомогу, не виходячи з дому.</p>"
                "<p>Просимо прокоментувати три частини проєкту та надіслати власні пропозиції. За "
                "результатами консультацій місто підготує регламент роботи пункту.</p>"
            ),
            "sections": [
                {
                    "title": "Години роботи",
                    "body": (
                        "<p>Ми пропонуємо, щоб пункт працював у робочі дні, двічі на тиждень — до "
                        "19:00, а також в одну суботу на місяць. Так консультаціями могли б "
                        "користуватися люди, які працюють позмінно.</p>"
                        "<p>Частину візитів можна було б записувати заздалегідь, а частину "
                        "приймати без запису.</p>"
                    ),
                },
                {
                    "title": "Мови",
                    "body": (
                        "<p>Консультації надавалися б польською, українською, російською та "
                        "англійською мовами. Для інших мов пункт користувався б міською базою "
                        "перекладачів і перекладачок за попереднім записом на візит.</p>"
                        "<p>Ми хочемо знати, яких мов бракує найбільше і в яких справах.</p>"
                    ),
                },
                {
                    "title": "Допомога телефоном та онлайн",
                    "body": (
                        "<p>Крім особистих візитів, ми пропонуємо:</p>"
                        "<ul><li>гарячу лінію в години роботи пункту;</li>"
                        "<li>контактну форму з відповіддю протягом кількох робочих днів;</li>"
                        "<li>короткі відеоконсультації за попереднім записом.</li></ul>"
                        "<p>Персональні дані, передані пункту, використовуватимуться лише для "
                        "надання допомоги.</p>"
                    ),
                },
            ],
        },
        "ru": {
            "title": "Пункт информации и поддержки для мигрантов — как он должен работать?",
            "intro": (
                "Город готовит новые правила работы пункта информации и поддержки для "
                "иностранцев. Мы спрашиваем, когда пункт должен быть открыт, на каких языках "
                "помогать и какими способами."
            ),
            "summary": (
                "<p>Пункт помогает в повседневных делах: регистрация по месту жительства "
                "(meldunek), пребывание, работа, школа, здоровье и социальная помощь. Мы хотим "
                "решить, когда он будет открыт, на каких языках будет консультировать и как можно "
                "будет получить помощь, не выходя из дома.</p>"
                "<p>Просим прокомментировать три части проекта и прислать собственные "
                "предложения. По итогам консультаций город подготовит регламент работы пункта.</p>"
            ),
            "sections": [
                {
                    "title": "Часы работы",
                    "body": (
                        "<p>Мы предлагаем, чтобы пункт работал в рабочие дни, дважды в неделю — "
                        "до 19:00, а также в одну субботу в месяц. Так консультациями могли бы "
                        "пользоваться люди, работающие посменно.</p>"
                        "<p>Часть визитов можно было бы записывать заранее, а часть принимать без "
                        "записи.</p>"
                    ),
                },
                {
                    "title": "Языки",
                    "body": (
                        "<p>Консультации предоставлялись бы на польском, украинском, русском и "
                        "английском языках. Для других языков пункт пользовался бы городской "
                        "базой переводчиков и переводчиц по предварительной записи на визит.</p>"
                        "<p>Мы хотим узнать, каких языков не хватает больше всего и в каких "
                        "делах.</p>"
                    ),
                },
                {
                    "title": "Помощь по телефону и онлайн",
                    "body": (
                        "<p>Помимо личных визитов мы предлагаем:</p>"
                        "<ul><li>горячую линию в часы работы пункта;</li>"
                        "<li>контактную форму с ответом в течение нескольких рабочих дней;</li>"
                        "<li>короткие видеоконсультации по предварительной записи.</li></ul>"
                        "<p>Персональные данные, переданные пункту, будут использоваться только "
                        "для оказания помощи.</p>"
                    ),
                },
            ],
        },
        "comments": [
            {
                "author": "member5",
                "language": "ru",
                "text": (
                    "Одна суббота в месяц — это мало. Многие работают на складах и в порту с "
                    "понедельника по пятницу и до 19:00 тоже не успевают. Может быть, каждую "
                    "субботу, но короче, например с 9 до 13?"
                ),
                "section": 0,
                "replies": [
                    {
                        "author": "secretary",
                        "language": "pl",
                        "text": (
                            "Rozumiem tę potrzebę, ale każda sobota to dodatkowe dyżury dla "
                            "niewielkiego zespołu. Może na początek dwie soboty w miesiącu i "
                            "ocena po pół roku?"
                        ),
                    },
                    {
                        "author": "member5",
                        "language": "ru",
                        "text": (
                            "Для начала — согласен. Главное, чтобы через полгода действительно "
                            "посмотрели, сколько людей приходит по субботам."
                        ),
                    },
                ],
                "up": ["member1", "resident2", "member8"],
                "down": [],
            },
            {
                "author": "resident1",
                "language": "uk",
                "text": (
                    "Дуже важливо, щоб консультант пояснював не лише рідною мовою, а й простими "
                    "словами. Навіть українською офіційні листи іноді незрозумілі."
                ),
                "section": 1,
                "replies": [],
                "up": ["chair", "member3", "member8"],
                "down": [],
            },
            {
                "author": "member9",
                "language": "en",
                "text": (
                    "Please don't forget smaller communities. I know families who speak Japanese, "
                    "Vietnamese or Georgian and depend on friends to translate letters from "
                    "offices. Even one day a month with interpreters for other languages would "
                    "help a lot."
                ),
                "section": 1,
                "replies": [],
                "up": ["member5", "member7", "member2"],
                "down": [],
            },
            {
                "author": "resident3",
                "language": "pl",
                "text": (
                    "Czy infolinia będzie bezpłatna? I czy przez formularz będzie można wysłać "
                    "zdjęcie pisma z urzędu, żeby ktoś pomógł je zrozumieć?"
                ),
                "section": 2,
                "replies": [
                    {
                        "author": "chair",
                        "language": "uk",
                        "text": (
                            "Гарне питання. Я б додала, що фото документів треба видаляти, щойно "
                            "справу закрито, і це варто прямо записати в регламенті."
                        ),
                    },
                ],
                "up": ["resident1", "member6"],
                "down": [],
            },
            {
                "author": "member2",
                "language": "en",
                "text": (
                    "I would put more effort into the phone line than into video calls. Many "
                    "older people don't have a good connection or don't know the apps, but "
                    "everyone can make a phone call."
                ),
                "section": 2,
                "replies": [
                    {
                        "author": "member9",
                        "language": "en",
                        "text": (
                            "I see the point, but for people who are deaf or hard of hearing a "
                            "video call with a sign language interpreter, or a chat, works better "
                            "than the phone. Could we have both?"
                        ),
                    },
                ],
                "up": ["member8", "resident1"],
                "down": ["member9"],
            },
            {
                "author": "member8",
                "language": "ru",
                "text": (
                    "Несколько предложений:\n1) писать через мессенджер, а не только через форму "
                    "на сайте;\n2) напоминание о визите по SMS;\n3) список документов, которые "
                    "нужно принести, на сайте на всех языках."
                ),
                "section": None,
                "replies": [],
                "up": ["resident1", "member1", "resident3"],
                "down": [],
            },
            {
                "author": "member6",
                "language": "pl",
                "text": (
                    "Warto pomyśleć o dyżurach poza siedzibą punktu, np. raz w tygodniu w domu "
                    "sąsiedzkim na Przymorzu albo na Oruni. Nie każdy ma czas i pieniądze na "
                    "dojazd do centrum."
                ),
                "section": None,
                "replies": [],
                "up": ["secretary", "member4"],
                "down": [],
            },
        ],
    },
    {
        "slug": "wsparcie-najmu-dla-nowych-mieszkancow",
        "areas": ["housing"],
        "opens_in_days": 14,
        "closes_in_days": 45,
        "allow_proposals": False,
        "contact_name": "Referat ds. mieszkalnictwa (demo)",
        "contact_email": "mieszkania.demo@example.org",
        "pl": {
            "title": "Program wsparcia najmu dla nowych mieszkańców — zasady",
            "intro": (
                "Miasto przygotowuje program, który ma pomóc osobom niedawno przybyłym do Gdańska "
                "w wynajęciu pierwszego mieszkania. Konsultacje rozpoczną się wkrótce; projekt "
                "zasad można przeczytać już teraz."
            ),
            "summary": (
                "<p>Program ma pomagać osobom, które niedawno zamieszkały w Gdańsku, w pierwszych "
                "trudnościach na rynku najmu: zebraniu kaucji, zrozumieniu umowy i znalezieniu "
                "rzetelnego wynajmującego. Konsultacje dotyczą tego, kto może skorzystać z "
                "programu, jakie wsparcie otrzyma i jak złożyć wniosek.</p>"
                "<p>Gdy konsultacje się rozpoczną, będzie można komentować każdą część projektu. "
                "Projekt jest wstępny i może się jeszcze zmienić.</p>"
            ),
            "sections": [
                {
                    "title": "Kto może skorzystać",
                    "body": (
                        "<p>Z programu mogłyby skorzystać osoby, które mieszkają w Gdańsku krócej "
                        "niż trzy lata, przebywają w Polsce legalnie i mają dochód pozwalający "
                        "opłacać czynsz, ale nie mają oszczędności na kaucję.</p>"
                        "<p>Pierwszeństwo miałyby rodziny z dziećmi oraz osoby, które muszą "
                        "opuścić mieszkanie tymczasowe.</p>"
                    ),
                },
                {
                    "title": "Rodzaje wsparcia",
                    "body": (
                        "<p>Projekt przewiduje:</p>"
                        "<ul><li>nieoprocentowaną pożyczkę na kaucję, spłacaną w ratach;</li>"
                        "<li>bezpłatne sprawdzenie umowy najmu przed jej podpisaniem;</li>"
                        "<li>pomoc w kontakcie z wynajmującym w razie sporu;</li>"
                        "<li>krótkie szkolenie o prawach i obowiązkach najemcy.</li></ul>"
                    ),
                },
                {
                    "title": "Jak złożyć wniosek",
                    "body": (
                        "<p>Wniosek można by złożyć online lub w punkcie informacji i wsparcia "
                        "dla migrantów, w jednym z czterech języków. Decyzja zapadałaby w ciągu "
                        "miesiąca.</p>"
                        "<p>Wnioskodawca otrzymałby pisemne uzasadnienie decyzji i mógłby "
                        "poprosić o jej ponowne rozpatrzenie.</p>"
                    ),
                },
            ],
        },
        "en": {
            "title": "Rental support programme for newcomers — rules",
            "intro": (
                "The City is preparing a programme to help people who have recently come to "
                "Gdańsk rent their first flat. The consultation will start soon; the draft rules "
                "can already be read."
            ),
            "summary": (
                "<p>The programme is meant to help people who have recently settled in Gdańsk "
                "with the first difficulties on the rental market: raising a deposit, "
                "understanding the contract and finding a reliable landlord. The consultation is "
                "about who can use the programme, what support they will receive and how to "
                "apply.</p>"
                "<p>Once the consultation opens, you will be able to comment on each part of the "
                "draft. The draft is preliminary and may still change.</p>"
            ),
            "sections": [
                {
                    "title": "Who can take part",
                    "body": (
                        "<p>The programme could be used by people who have lived in Gdańsk for "
                        "less than three years, are legally resident in Poland and have an income "
                        "that allows them to pay rent, but have no savings for a deposit.</p>"
                        "<p>Priority would be given to families with children and to people who "
                        "have to leave temporary accommodation.</p>"
                    ),
                },
                {
                    "title": "Types of support",
                    "body": (
                        "<p>The draft provides for:</p>"
                        "<ul><li>an interest-free loan for the deposit, repaid in "
                        "instalments;</li>"
                        "<li>a free check of the rental contract before it is signed;</li>"
                        "<li>help in contacts with the landlord in case of a dispute;</li>"
                        "<li>a short training on tenants’ rights and duties.</li></ul>"
                    ),
                },
                {
                    "title": "How to apply",
                    "body": (
                        "<p>Applications could be made online or at the information and support "
                        "centre for migrants, in any of four languages. A decision would be made "
                        "within a month.</p>"
                        "<p>Applicants would receive written reasons for the decision and could "
                        "ask for it to be reconsidered.</p>"
                    ),
                },
            ],
        },
        "uk": {
            "title": "Програма підтримки оренди для новоприбулих — правила",
            "intro": (
                "Місто готує програму, яка має допомогти людям, що нещодавно приїхали до "
                "Гданська, орендувати перше житло. Консультації розпочнуться незабаром; проєкт "
                "правил можна прочитати вже зараз."
            ),
            "summary": (
                "<p>Програма має допомагати людям, які нещодавно оселилися в Гданську, подолати "
                "перші труднощі на ринку оренди: зібрати заставу, зрозуміти договір і знайти "
                "надійного орендодавця. Консультації стосуються того, хто може скористатися "
                "програмою, яку підтримку отримає і як подати заяву.</p>"
                "<p>Коли консультації розпочнуться, можна буде коментувати кожну частину проєкту. "
                "Проєкт попередній і ще може змінитися.</p>"
            ),
            "sections": [
                {
                    "title": "Хто може скористатися",
                    "body": (
                        "<p>Програмою могли б скористатися люди, які живуть у Гданську менше "
                        "трьох років, перебувають у Польщі легально і мають дохід, що дозволяє "
                        "сплачувати орендну плату, але не мають заощаджень на заставу.</p>"
                        "<p>Першочергове право мали б сім’ї з дітьми та люди, які мусять залишити "
                        "тимчасове житло.</p>"
                    ),
                },
                {
                    "title": "Види підтримки",
                    "body": (
                        "<p>Проєкт передбачає:</p>"
                        "<ul><li>безвідсоткову позику на заставу з поверненням частинами;</li>"
                        "<li>безкоштовну перевірку договору оренди перед його підписанням;</li>"
                        "<li>допомогу в контактах з орендодавцем у разі спору;</li>"
                        "<li>коротке навчання про права та обов’язки орендаря.</li></ul>"
                    ),
                },
                {
                    "title": "Як подати заяву",
                    "body": (
                        "<p>Заяву можна було б подати онлайн або в пункті інформації та підтримки "
                        "для мігрантів однією з чотирьох мов. Рішення ухвалювали б протягом "
                        "місяця.</p>"
                        "<p>Заявник отримав би письмове обґрунтування рішення і міг би попросити "
                        "переглянути його.</p>"
                    ),
                },
            ],
        },
        "ru": {
            "title": "Программа поддержки аренды для новоприбывших — правила",
            "intro": (
                "Город готовит программу, которая должна помочь людям, недавно приехавшим в "
                "Гданьск, снять первое жильё. Консультации начнутся в ближайшее время; проект "
                "правил можно прочитать уже сейчас."
            ),
            "summary": (
                "<p>Программа должна помогать людям, которые недавно поселились в Гданьске, "
                "справиться с первыми трудностями на рынке аренды: собрать залог, разобраться в "
                "договоре и найти надёжного арендодателя. Консультации касаются того, кто может "
                "воспользоваться программой, какую поддержку получит и как подать заявление.</p>"
                "<p>Когда консультации начнутся, можно будет комментировать каждую часть проекта. "
                "Проект предварительный и ещё может измениться.</p>"
            ),
            "sections": [
                {
                    "title": "Кто может участвовать",
                    "body": (
                        "<p>Программой могли бы воспользоваться люди, которые живут в Гданьске "
                        "меньше трёх лет, находятся в Польше легально и имеют доход, позволяющий "
                        "платить за аренду, но не имеют сбережений на залог.</p>"
                        "<p>Преимущество получили бы семьи с детьми и люди, которым нужно "
                        "покинуть временное жильё.</p>"
                    ),
                },
                {
                    "title": "Виды поддержки",
                    "body": (
                        "<p>Проект предусматривает:</p>"
                        "<ul><li>беспроцентный заём на залог с возвратом по частям;</li>"
                        "<li>бесплатную проверку договора аренды перед его подписанием;</li>"
                        "<li>помощь в контактах с арендодателем в случае спора;</li>"
                        "<li>короткое обучение о правах и обязанностях арендатора.</li></ul>"
                    ),
                },
                {
                    "title": "Как подать заявление",
                    "body": (
                        "<p>Заявление можно было бы подать онлайн или в пункте информации и "
                        "поддержки для мигрантов на одном из четырёх языков. Решение принималось "
                        "бы в течение месяца.</p>"
                        "<p>Заявитель получил бы письменное обоснование решения и мог бы "
                        "попросить пересмотреть его.</p>"
                    ),
                },
            ],
        },
        "comments": [],
    },
    {
        "slug": "festiwal-sasiedzki-wielu-kultur",
        "areas": ["culture", "local-communities"],
        "opens_in_days": -60,
        "closes_in_days": -20,
        "allow_proposals": False,
        "contact_name": "Referat ds. kultury i dzielnic (demo)",
        "contact_email": "kultura.demo@example.org",
        "pl": {
            "title": "Program Sąsiedzkiego Festiwalu Wielu Kultur",
            "intro": (
                "Zapytaliśmy mieszkańców i mieszkanki, jak powinien wyglądać tegoroczny festiwal "
                "sąsiedzki, który łączy kultury obecne w Gdańsku. Konsultacje są zakończone, a "
                "uwagi są teraz analizowane."
            ),
            "summary": (
                "<p>Festiwal ma być świętem całej dzielnicy: z muzyką, kuchnią, warsztatami i "
                "spotkaniami, przygotowanym wspólnie przez sąsiadów różnego pochodzenia. W "
                "konsultacjach pytaliśmy o miejsce i termin, o program oraz o to, jak ułatwić "
                "udział wszystkim.</p>"
                "<p>Konsultacje zostały zakończone. Miasto opublikuje raport z odpowiedziami na "
                "zgłoszone uwagi.</p>"
            ),
            "sections": [
                {
                    "title": "Miejsce i termin",
                    "body": (
                        "<p>Proponujemy, aby festiwal odbył się w jedną z sobót na początku "
                        "września, w parku i w pobliskim domu sąsiedzkim, tak aby w razie deszczu "
                        "część wydarzeń można było przenieść pod dach.</p>"
                    ),
                },
                {
                    "title": "Program",
                    "body": (
                        "<p>W programie planujemy:</p>"
                        "<ul><li>scenę dla zespołów i chórów z różnych społeczności;</li>"
                        "<li>stoiska z jedzeniem prowadzone przez mieszkańców i mieszkanki;</li>"
                        "<li>warsztaty dla dzieci: taniec, rękodzieło i gry z różnych krajów;</li>"
                        "<li>rozmowy o historii migracji w Gdańsku.</li></ul>"
                    ),
                },
                {
                    "title": "Dostępność i udział",
                    "body": (
                        "<p>Chcemy, aby festiwal był otwarty dla wszystkich: wstęp wolny, "
                        "informacje w czterech językach, strefa wyciszenia dla dzieci i dorosłych "
                        "oraz trasa dostępna dla osób poruszających się na wózkach.</p>"
                        "<p>Organizacje i grupy sąsiedzkie mogą zgłaszać własne wydarzenia do "
                        "programu.</p>"
                    ),
                },
            ],
        },
        "en": {
            "title": "Programme of the Multicultural Neighbourhood Festival",
            "intro": (
                "We asked residents what this year’s neighbourhood festival, which brings "
                "together the cultures present in Gdańsk, should look like. The consultation has "
                "closed and the comments are now being analysed."
            ),
            "summary": (
                "<p>The festival is meant to be a celebration for the whole district, with music, "
                "food, workshops and meetings, prepared together by neighbours of different "
                "backgrounds. In the consultation we asked about the place and date, the "
                "programme and how to make it easier for everyone to take part.</p>"
                "<p>The consultation has closed. The City will publish a report with answers to "
                "the comments received.</p>"
            ),
            "sections": [
                {
                    "title": "Place and date",
                    "body": (
                        "<p>We propose that the festival takes place on a Saturday in early "
                        "September, in the park and the nearby neighbourhood centre, so that some "
                        "events can move indoors if it rains.</p>"
                    ),
                },
                {
                    "title": "Programme",
                    "body": (
                        "<p>The programme is planned to include:</p>"
                        "<ul><li>a stage for bands and choirs from different communities;</li>"
                        "<li>food stalls run by residents;</li>"
                        "<li>workshops for children: dance, crafts and games from different "
                        "countries;</li>"
                        "<li>conversations about the history of migration in Gdańsk.</li></ul>"
                    ),
                },
                {
                    "title": "Accessibility and taking part",
                    "body": (
                        "<p>We want the festival to be open to everyone: free entry, information "
                        "in four languages, a quiet area for children and adults, and a route "
                        "accessible to wheelchair users.</p>"
                        "<p>Organisations and neighbourhood groups can propose their own events "
                        "for the programme.</p>"
                    ),
                },
            ],
        },
        "uk": {
            "title": "Програма сусідського фестивалю багатьох культур",
            "intro": (
                "Ми запитали мешканців і мешканок, яким має бути цьогорічний сусідський "
                "фестиваль, що об’єднує культури, присутні в Гданську. Консультації завершено, "
                "зараз коментарі аналізуються."
            ),
            "summary": (
                "<p>Фестиваль має стати святом усього району — з музикою, кухнею, майстер-класами "
                "та зустрічами, які сусіди різного походження готують разом. Під час консультацій "
                "ми запитували про місце і дату, програму та про те, як полегшити участь для "
                "всіх.</p>"
                "<p>Консультації завершено. Місто опублікує звіт із відповідями на подані "
                "коментарі.</p>"
            ),
            "sections": [
                {
                    "title": "Місце і дата",
                    "body": (
                        "<p>Ми пропонуємо провести фестиваль в одну із субот на початку вересня в "
                        "парку та в розташованому поруч сусідському центрі, щоб у разі дощу "
                        "частину подій можна було перенести під дах.</p>"
                    ),
                },
                {
                    "title": "Програма",
                    "body": (
                        "<p>У програмі ми плануємо:</p>"
                        "<ul><li>сцену для гуртів і хорів з різних громад;</li>"
                        "<li>стенди з їжею, які ведуть мешканці та мешканки;</li>"
                        "<li>майстер-класи для дітей: танці, рукоділля та ігри з різних "
                        "країн;</li>"
                        "<li>розмови про історію міграції в Гданську.</li></ul>"
                    ),
                },
                {
                    "title": "Доступність та участь",
                    "body": (
                        "<p>Ми хочемо, щоб фестиваль був відкритий для всіх: вільний вхід, "
                        "інформація чотирма мовами, тиха зона для дітей і дорослих та маршрут, "
                        "доступний для людей на візках.</p>"
                        "<p>Організації та сусідські групи можуть пропонувати власні події до "
                        "програми.</p>"
                    ),
                },
            ],
        },
        "ru": {
            "title": "Программа соседского фестиваля многих культур",
            "intro": (
                "Мы спросили жителей и жительниц, каким должен быть соседский фестиваль этого "
                "года, объединяющий культуры, представленные в Гданьске. Консультации завершены, "
                "сейчас комментарии анализируются."
            ),
            "summary": (
                "<p>Фестиваль должен стать праздником всего района — с музыкой, кухней, "
                "мастер-классами и встречами, которые соседи разного происхождения готовят "
                "вместе. В ходе консультаций мы спрашивали о месте и дате, о программе и о том, "
                "как облегчить участие для всех.</p>"
                "<p>Консультации завершены. Город опубликует отчёт с ответами на поступившие "
                "комментарии.</p>"
            ),
            "sections": [
                {
                    "title": "Место и дата",
                    "body": (
                        "<p>Мы предлагаем провести фестиваль в одну из суббот в начале сентября в "
                        "парке и в соседском центре неподалёку, чтобы в случае дождя часть "
                        "мероприятий можно было перенести под крышу.</p>"
                    ),
                },
                {
                    "title": "Программа",
                    "body": (
                        "<p>В программе мы планируем:</p>"
                        "<ul><li>сцену для групп и хоров из разных сообществ;</li>"
                        "<li>стенды с едой, которые ведут жители и жительницы;</li>"
                        "<li>мастер-классы для детей: танцы, рукоделие и игры из разных "
                        "стран;</li>"
                        "<li>беседы об истории миграции в Гданьске.</li></ul>"
                    ),
                },
                {
                    "title": "Доступность и участие",
                    "body": (
                        "<p>Мы хотим, чтобы фестиваль был открыт для всех: свободный вход, "
                        "информация на четырёх языках, тихая зона для детей и взрослых и маршрут, "
                        "доступный для людей на колясках.</p>"
                        "<p>Организации и соседские группы могут предлагать собственные "
                        "мероприятия в программу.</p>"
                    ),
                },
            ],
        },
        "comments": [
            {
                "author": "member4",
                "language": "pl",
                "text": (
                    "Wrzesień to dobry termin, ale pierwsza sobota często wypada tuż po początku "
                    "roku szkolnego i rodzice mają wtedy dużo spraw. Może druga sobota września?"
                ),
                "section": 0,
                "replies": [
                    {
                        "author": "resident2",
                        "language": "en",
                        "text": (
                            "Agreed, the second Saturday would be easier for families with "
                            "children."
                        ),
                    },
                ],
                "up": ["resident3", "secretary", "resident2"],
                "down": [],
            },
            {
                "author": "member3",
                "language": "uk",
                "text": (
                    "Пропоную додати спільне готування: кілька громад готують одну страву разом, "
                    "а не кожна на своєму стенді. Саме так люди по-справжньому знайомляться."
                ),
                "section": 1,
                "replies": [],
                "up": ["chair", "member4", "resident1"],
                "down": [],
            },
            {
                "author": "member1",
                "language": "ru",
                "text": (
                    "Важно заранее и понятным языком объяснить санитарные правила для стендов с "
                    "едой. Иначе в последний момент может выясниться, что семья не может угощать "
                    "гостей тем, что приготовила."
                ),
                "section": 2,
                "replies": [],
                "up": ["member8", "member5"],
                "down": [],
            },
            {
                "author": "resident2",
                "language": "en",
                "text": (
                    "Lovely idea overall. One concern: a stage with loud music right next to the "
                    "quiet area won't work. Please put them at opposite ends of the park."
                ),
                "section": None,
                "replies": [],
                "up": ["member9", "resident3"],
                "down": [],
            },
        ],
    },
    {
        "slug": "informacja-zdrowotna-dla-nowych-mieszkancow",
        "areas": ["health"],
        "opens_in_days": -40,
        "closes_in_days": -5,
        "allow_proposals": False,
        "contact_name": "Referat ds. zdrowia (demo)",
        "contact_email": "zdrowie.demo@example.org",
        "pl": {
            "title": "Informacja o opiece zdrowotnej dla nowych mieszkańców",
            "intro": "Pytaliśmy, jakie informacje o opiece zdrowotnej są potrzebne osobom, które niedawno zamieszkały w Gdańsku.",
            "summary": "<p>Miasto przygotowuje poradnik o tym, jak zapisać się do lekarza, gdzie szukać pomocy w nocy i jak porozumieć się w przychodni. Konsultacje są zamknięte; trwa analiza uwag.</p>",
            "sections": [
                {"title": "Zapisy do lekarza", "body": "<p>Jak wybrać przychodnię i lekarza rodzinnego oraz jakie dokumenty są potrzebne.</p>"},
                {"title": "Pomoc w nocy i w święta", "body": "<p>Gdzie szukać pomocy, gdy przychodnia jest zamknięta.</p>"},
                {"title": "Język w przychodni", "body": "<p>Jak porozumieć się z lekarzem, gdy nie mówi się jeszcze dobrze po polsku.</p>"},
            ],
        },
        "en": {
            "title": "Health care information for new residents",
            "intro": "We asked what information about health care people who have recently moved to Gdańsk need.",
            "summary": "<p>The City is preparing a guide on registering with a doctor, finding help at night and making yourself understood at the clinic. The consultation is closed; the comments are being analysed.</p>",
            "sections": [
                {"title": "Registering with a doctor", "body": "<p>How to choose a clinic and a family doctor, and which documents you need.</p>"},
                {"title": "Help at night and on holidays", "body": "<p>Where to find help when the clinic is closed.</p>"},
                {"title": "Language at the clinic", "body": "<p>How to talk to a doctor before you speak Polish well.</p>"},
            ],
        },
        "uk": {
            "title": "Інформація про медичну допомогу для нових мешканців",
            "intro": "Ми запитували, яка інформація про медичну допомогу потрібна людям, які нещодавно оселилися в Гданську.",
            "summary": "<p>Місто готує порадник про те, як записатися до лікаря, де шукати допомоги вночі і як порозумітися в поліклініці. Консультації закрито; триває аналіз коментарів.</p>",
            "sections": [
                {"title": "Запис до лікаря", "body": "<p>Як вибрати поліклініку і сімейного лікаря та які документи потрібні.</p>"},
                {"title": "Допомога вночі та у святкові дні", "body": "<p>Де шукати допомоги, коли поліклініка зачинена.</p>"},
                {"title": "Мова в поліклініці", "body": "<p>Як порозумітися з лікарем, поки ви ще не володієте польською добре.</p>"},
            ],
        },
        "ru": {
            "title": "Информация о медицинской помощи для новых жителей",
            "intro": "Мы спрашивали, какая информация о медицинской помощи нужна людям, которые недавно поселились в Гданьске.",
            "summary": "<p>Город готовит справочник о том, как записаться к врачу, где искать помощь ночью и как объясниться в поликлинике. Консультации закрыты; идет анализ комментариев.</p>",
            "sections": [
                {"title": "Запись к врачу", "body": "<p>Как выбрать поликлинику и семейного врача и какие документы нужны.</p>"},
                {"title": "Помощь ночью и в праздники", "body": "<p>Где искать помощь, когда поликлиника закрыта.</p>"},
                {"title": "Язык в поликлинике", "body": "<p>Как объясниться с врачом, пока вы еще плохо говорите по-польски.</p>"},
            ],
        },
        "comments": [
            {
                "author": "resident2",
                "language": "pl",
                "text": "Najtrudniej jest znaleźć informację, czy przychodnia przyjmuje osoby bez numeru PESEL.",
                "section": 0,
                "replies": [],
                "up": ["member1", "member2"],
                "down": [],
            },
            {
                "author": "member3",
                "language": "uk",
                "text": "Добре було б мати список аптек, які працюють уночі, з адресами.",
                "section": 1,
                "replies": [],
                "up": ["resident1"],
                "down": [],
            },
        ],
    },
]
