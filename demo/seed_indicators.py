"""Demo evaluation indicators: a few per thematic area, computed from the demo
data or entered by hand with a source, so that the statistics pages of the
areas show progress against targets.  Runs again without changing anything."""

from opendata.models import Indicator, Measure

YEAR = 2026

# (area, names in pl/en/uk/ru, target, measure, parameters, value by hand and its source)
INDICATORS = [
    (
        "education",
        (
            "Konsultacje przeprowadzone",
            "Consultations held",
            "Проведені консультації",
            "Проведённые консультации",
        ),
        2,
        Measure.CONSULTATIONS_HELD,
        {},
    ),
    (
        "education",
        (
            "Komentarze mieszkańców piszących po ukraińsku",
            "Comments from residents writing in Ukrainian",
            "Коментарі мешканців, які пишуть українською",
            "Комментарии жителей, пишущих по-украински",
        ),
        40,
        Measure.COMMENTS,
        {"language": "uk"},
    ),
    (
        "education",
        (
            "Dzieci na dodatkowych lekcjach polskiego",
            "Children in extra Polish lessons",
            "Діти на додаткових уроках польської",
            "Дети на дополнительных уроках польского",
        ),
        300,
        "",
        {"manual_value": 214, "manual_source": "Wydział Rozwoju Społecznego, sprawozdanie z 30 czerwca 2026"},
    ),
    (
        "local-communities",
        (
            "Propozycje przyjęte",
            "Proposals accepted",
            "Прийняті пропозиції",
            "Принятые предложения",
        ),
        3,
        Measure.PROPOSALS_ANSWERED,
        {"answer": "accepted"},
    ),
    (
        "local-communities",
        (
            "Osoby biorące udział",
            "People taking part",
            "Люди, які беруть участь",
            "Люди, принимающие участие",
        ),
        50,
        Measure.PARTICIPANTS,
        {},
    ),
    (
        "social-welfare",
        (
            "Posiedzenia Rady",
            "Council meetings held",
            "Засідання Ради",
            "Заседания Совета",
        ),
        6,
        Measure.COUNCIL_MEETINGS,
        {},
    ),
    (
        "social-welfare",
        (
            "Wyniki konsultacji opublikowane",
            "Consultation outcomes published",
            "Опубліковані результати консультацій",
            "Опубликованные результаты консультаций",
        ),
        2,
        Measure.OUTCOMES_PUBLISHED,
        {},
    ),
]

AREAS = ["culture", "violence-discrimination", "health", "work", "housing"]
PER_AREA = [
    (
        (
            "Wnioski Rady w tym obszarze",
            "Council motions in this area",
            "Внески Ради в цій сфері",
            "Предложения Совета в этой сфере",
        ),
        2,
        Measure.MOTIONS_SUBMITTED,
        {},
    ),
    (
        ("Konsultacje przeprowadzone", "Consultations held", "Проведені консультації", "Проведённые консультации"),
        1,
        Measure.CONSULTATIONS_HELD,
        {},
    ),
]


def _all():
    yield from INDICATORS
    for area in AREAS:
        for names, target, measure, parameters in PER_AREA:
            yield area, names, target, measure, parameters


def seed_indicators(seeder):
    for position, (area, names, target, measure, parameters) in enumerate(_all()):
        if Indicator.objects.filter(area=area, name_pl=names[0]).exists():
            continue
        name_fields = dict(zip(("name_pl", "name_en", "name_uk", "name_ru"), names, strict=True))
        Indicator.objects.create(
            area=area, target=target, year=YEAR, measure=measure, sort_order=position, **name_fields, **parameters
        )
        seeder.log(f"indicator {area}: {names[1]}")
