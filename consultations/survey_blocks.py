"""The questions of a consultation's survey, as StreamField blocks on the page.

A survey is a field of the consultation page, not a model of its own, so
wagtail-localize translates it with the page: each question's text, hint,
options and scale labels become segments of the page's translation, while the
kind, whether it is required and the numbers are synchronised from the
original.  Block ids (a question's, and each option's in its list) are kept by
every translation, so an answer given in Ukrainian and one given in Polish
point at the same question and option.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

QUESTION_MAX_LENGTH = 300
OPTION_MAX_LENGTH = 200
TEXT_ANSWER_LIMIT = 1000


class Kind:
    SINGLE = "single_choice"
    MULTIPLE = "multiple_choice"
    SCALE = "scale"
    TEXT = "short_text"
    ALL = (SINGLE, MULTIPLE, SCALE, TEXT)


class _QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Question"), max_length=QUESTION_MAX_LENGTH)
    hint = blocks.CharBlock(label=_("Hint"), max_length=QUESTION_MAX_LENGTH, required=False)
    required = blocks.BooleanBlock(label=_("An answer is required"), required=False, default=False)


def _options():
    return blocks.ListBlock(
        blocks.CharBlock(label=_("Option"), max_length=OPTION_MAX_LENGTH), label=_("Options"), min_num=2, max_num=20
    )


class SingleChoiceBlock(_QuestionBlock):
    options = _options()

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceBlock(_QuestionBlock):
    options = _options()
    min_choices = blocks.IntegerBlock(
        label=_("Choose at least"), min_value=0, max_value=20, default=1, help_text=_("When answered.")
    )
    max_choices = blocks.IntegerBlock(
        label=_("Choose at most"), min_value=1, max_value=20, required=False, help_text=_("Empty: no limit.")
    )

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")

    def clean(self, value):
        value = super().clean(value)
        low, high = value.get("min_choices") or 0, value.get("max_choices")
        if high is not None and high < low:
            raise blocks.StructBlockValidationError(
                {"max_choices": ValidationError(_("The most may not be fewer than the least."))}
            )
        return value


class ScaleBlock(_QuestionBlock):
    minimum = blocks.IntegerBlock(label=_("From"), min_value=0, max_value=1, default=1)
    maximum = blocks.IntegerBlock(label=_("To"), min_value=2, max_value=10, default=5)
    minimum_label = blocks.CharBlock(
        label=_("What the lowest value means"), max_length=OPTION_MAX_LENGTH, help_text=_("For example: not at all")
    )
    maximum_label = blocks.CharBlock(
        label=_("What the highest value means"), max_length=OPTION_MAX_LENGTH, help_text=_("For example: very much")
    )

    class Meta:
        icon = "order"
        label = _("Scale")


class ShortTextBlock(_QuestionBlock):
    max_length = blocks.IntegerBlock(
        label=_("Longest answer (characters)"), min_value=10, max_value=TEXT_ANSWER_LIMIT, default=300
    )

    class Meta:
        icon = "pilcrow"
        label = _("Short text")


SURVEY_BLOCKS = [
    (Kind.SINGLE, SingleChoiceBlock()),
    (Kind.MULTIPLE, MultipleChoiceBlock()),
    (Kind.SCALE, ScaleBlock()),
    (Kind.TEXT, ShortTextBlock()),
]


@dataclass
class Question:
    """One question of a survey, read from its block: what the services check
    answers against and what the pages and the API show."""

    id: str
    kind: str
    text: str
    hint: str
    required: bool
    position: int
    options: list = field(default_factory=list)  # [(option id, label)]; a scale's values as ("3", "3")
    min_choices: int = 0
    max_choices: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    minimum_label: str = ""
    maximum_label: str = ""
    max_length: int | None = None

    @property
    def field_name(self):
        return f"q-{self.id}"

    @property
    def is_choice(self):
        return self.kind in (Kind.SINGLE, Kind.MULTIPLE)

    def option_ids(self):
        return [option_id for option_id, _label in self.options]


def questions_of(page):
    """The questions of ``page``'s survey, in order (none when it has no survey)."""
    questions = []
    for position, block in enumerate(page.survey, start=1):
        value = block.value
        question = Question(
            id=block.id,
            kind=block.block_type,
            text=value["text"],
            hint=value.get("hint") or "",
            required=bool(value.get("required")),
            position=position,
        )
        if question.is_choice:
            question.options = [(child.id, child.value) for child in value["options"].bound_blocks]
        if block.block_type == Kind.MULTIPLE:
            question.min_choices = value.get("min_choices") or 0
            question.max_choices = value.get("max_choices")
        elif block.block_type == Kind.SCALE:
            question.minimum, question.maximum = value["minimum"], value["maximum"]
            question.minimum_label, question.maximum_label = value["minimum_label"], value["maximum_label"]
            question.options = [(str(n), str(n)) for n in range(question.minimum, question.maximum + 1)]
        elif block.block_type == Kind.TEXT:
            question.max_length = value.get("max_length") or TEXT_ANSWER_LIMIT
        questions.append(question)
    return questions
