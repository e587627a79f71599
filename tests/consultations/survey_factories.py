"""Consultations with a survey: one question of each kind, with ids fixed so tests can name them."""

from tests.consultations.factories import make_consultation

HOURS, LANGUAGES, SCALE, TEXT = "q-hours", "q-languages", "q-scale", "q-text"
MORNING, EVENING, SATURDAY = "o-morning", "o-evening", "o-saturday"
PL, UK, EN, RU = "o-pl", "o-uk", "o-en", "o-ru"


def _options(pairs):
    return [{"type": "item", "value": label, "id": option_id} for option_id, label in pairs]


def survey_blocks(*, hours=("Rano", "Wieczorem", "W soboty"), question="Kiedy centrum ma być otwarte?", min_choices=1):
    return [
        {
            "type": "single_choice",
            "id": HOURS,
            "value": {
                "text": question,
                "hint": "",
                "required": True,
                "options": _options(zip((MORNING, EVENING, SATURDAY), hours, strict=True)),
            },
        },
        {
            "type": "multiple_choice",
            "id": LANGUAGES,
            "value": {
                "text": "W jakich językach?",
                "hint": "Wybierz od jednego do dwóch.",
                "required": False,
                "options": _options([(PL, "polski"), (UK, "ukraiński"), (EN, "angielski"), (RU, "rosyjski")]),
                "min_choices": min_choices,
                "max_choices": 2,
            },
        },
        {
            "type": "scale",
            "id": SCALE,
            "value": {
                "text": "Jak ważne jest centrum?",
                "hint": "",
                "required": False,
                "minimum": 1,
                "maximum": 5,
                "minimum_label": "wcale",
                "maximum_label": "bardzo",
            },
        },
        {
            "type": "short_text",
            "id": TEXT,
            "value": {"text": "Co jeszcze?", "hint": "", "required": False, "max_length": 50},
        },
    ]


def make_survey_consultation(**fields):
    fields.setdefault("survey", survey_blocks())
    return make_consultation(**fields)


def good_answers(**overrides):
    return {HOURS: MORNING, LANGUAGES: [PL, UK], SCALE: "4", TEXT: "Więcej dyżurów.", **overrides}
