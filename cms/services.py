"""Building the site's page tree in code: its languages, the home page, pages
under it and their translations.  Officials do all this in the Wagtail admin;
the demo and the tests do it here, the same way wagtail-localize does.

Each function looks for what it would make first, so calling it again changes
nothing; like ``get_or_create``, it returns what is there and whether it made it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from core.areas import ThematicArea
from core.errors import RuleBroken
from core.language import LANGUAGE_CODES

from .models import HomePage, ModelTask, Organisation, TaskNote, TaskStatus


def locales_ensure():
    """{code: Locale} for every site language; the others are kept in step
    with the default language's tree (new pages appear there as aliases)."""
    source = Locale.get_default()
    result = {source.language_code: source}
    for code in LANGUAGE_CODES:
        if code != source.language_code:
            locale, _made = Locale.objects.get_or_create(language_code=code)
            LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
            result[code] = locale
    return result


def home_ensure(**fields):
    """The home page of the default language, the root of the site."""
    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    # Wagtail's own "Welcome" placeholder takes the slug we want; it holds nothing.
    root.get_children().filter(content_type__app_label="wagtailcore", content_type__model="page").delete()
    home = HomePage(
        locale=locale, slug="home", show_in_menus=False, **{"title": "Rada", "hero_title": "Rada", **fields}
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.update_or_create(
        hostname="localhost", port=80, defaults={"root_page": home, "is_default_site": True, "site_name": "Rada"}
    )
    return home, True


def page_add(parent, model, slug, **fields):
    """A published page ``slug`` of type ``model`` under ``parent``, in its language."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, locale_id=parent.locale_id, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def tree_synchronise():
    """Every page of the default language appears in the others, as an alias
    showing the original until it is translated.  Returns how many were added."""
    locales = locales_ensure()
    source = locales.pop(settings.LANGUAGE_CODE)
    index = PageIndex.from_database().sort_by_tree_position()
    added = 0
    for locale in locales.values():
        before = Page.objects.filter(locale=locale).count()
        synchronize_tree(source, locale, page_index=index)
        added += Page.objects.filter(locale=locale).count() - before
    return added


def page_translate(page, locale, **fields):
    """``page`` in ``locale``, with ``fields`` in that language, published,
    unless a translation exists.  An alias made by synchronisation becomes a
    real translation, as it does when an editor translates it."""
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing.specific, False
    if existing is not None:
        # The action saves a revision, which Wagtail allows only on the page's own class.
        ConvertAliasPageAction(existing.specific).execute(skip_permission_checks=True)
        translation = existing.specific_class.objects.get(pk=existing.pk)
    else:
        translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation, True


# --- the Model's tasks -------------------------------------------------------------------------
#
# Officials keep tasks in the admin (*Model → Tasks*), whose form checks the
# same rules through the model's ``clean``; the demo and the tests make them here.


def _checked(record):
    """``record`` saved after its model's checks, or RuleBroken with their first message."""
    try:
        record.full_clean()
    except ValidationError as invalid:
        messages = [message for field_messages in invalid.message_dict.values() for message in field_messages]
        raise RuleBroken(messages[0]) from None
    record.save()
    return record


def organisation_ensure(*, slug, kind, **names):
    """The city unit or partner organisation ``slug`` (``names``: ``name_pl``…)."""
    existing = Organisation.objects.filter(slug=slug).first()
    if existing is not None:
        return existing, False
    return _checked(Organisation(slug=slug, kind=kind, **names)), True


@transaction.atomic
def task_ensure(*, slug, lead, areas=(), partners=(), indicators=(), consultations=(), resolutions=(), **fields):
    """The task ``slug`` of the Model; ``areas`` are area codes, the links are rows."""
    existing = ModelTask.objects.filter(slug=slug).first()
    if existing is not None:
        return existing, False
    task = _checked(ModelTask(slug=slug, lead=lead, **fields))
    task.areas.set(ThematicArea.objects.filter(code__in=areas))
    task.partners.set(partners)
    task.indicators.set(indicators)
    task.consultations.set(consultations)
    task.resolutions.set(resolutions)
    return task, True


# Which status a task may move to from which, and the date the move sets.
TASK_MOVES = {
    TaskStatus.PLANNED: {TaskStatus.IN_PROGRESS: "starts_on", TaskStatus.DROPPED: "ended_on"},
    TaskStatus.IN_PROGRESS: {TaskStatus.DONE: "ended_on", TaskStatus.DROPPED: "ended_on"},
    TaskStatus.DONE: {},
    TaskStatus.DROPPED: {},
}


@transaction.atomic
def task_status_set(*, task, status, on, today):
    """Move ``task`` to ``status`` from day ``on``: a planned task starts or is
    dropped, a task in progress is done or dropped; an ended task stays ended."""
    task = ModelTask.objects.select_for_update().get(pk=task.pk)
    if status not in TASK_MOVES[task.status]:
        raise RuleBroken(
            _("A task that is “%(current)s” cannot become “%(new)s”.")
            % {"current": TaskStatus(task.status).label, "new": TaskStatus(status).label}
        )
    if on > today:
        raise RuleBroken(_("A task's status changes on a day that has come, not in the future."))
    setattr(task, TASK_MOVES[task.status][status], on)
    task.status = status
    return _checked(task)


def task_note_add(*, task, written_on, today, **texts):
    """A dated progress note on ``task`` (``texts``: ``text_pl``, required, and the
    other languages).  A note tells what has happened, so it is not dated ahead;
    the same note twice (day and Polish text) is kept once."""
    if written_on > today:
        raise RuleBroken(_("A progress note tells what has happened: date it today or earlier."))
    existing = task.notes.filter(written_on=written_on, text_pl=texts.get("text_pl", "")).first()
    if existing is not None:
        return existing, False
    return _checked(TaskNote(task=task, written_on=written_on, **texts)), True
