"""The names of Rada's moderation workflow and its task, in the admin's language.

A workflow's and a task's name is one database row for every language, and
Wagtail shows it in sixty places (the status panel, the history, the submit
button: "Wyślij do Moderators approval").  Rada's default workflow and task,
made by Wagtail's first migration, carry a known English name; when such a
row is loaded, its ``name`` is translated into the language active then -- the
language of the person looking, since rows are loaded per request -- so every
screen shows it in that language.  Saving keeps the stored key: a name that is
still the translation of a key is written back as the key."""

from django.apps import apps
from django.db.models.signals import post_init, pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, Workflow

NAMES = {
    "Moderators approval": _("Moderators approval"),
}


def key_of(name):
    """The stored name behind ``name``, which may be its translation."""
    return next((key for key, label in NAMES.items() if name in (key, str(label))), name)


def translate_name(sender, instance, **kwargs):
    name = instance.__dict__.get("name")
    if name in NAMES:
        instance.name = str(NAMES[name])


def keep_the_key(sender, instance, **kwargs):
    instance.name = key_of(instance.name)


def connect():
    """For the workflow and every kind of task (approval by a group is a task's subclass)."""
    models = [Workflow, *(model for model in apps.get_models() if issubclass(model, Task))]
    for model in models:
        post_init.connect(translate_name, sender=model, dispatch_uid=f"rada-translate-{model.__name__}")
        pre_save.connect(keep_the_key, sender=model, dispatch_uid=f"rada-keep-{model.__name__}")
