from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """makemessages without msgmerge's fuzzy matching: a new string starts
    untranslated instead of borrowing a wrong translation from a similar one."""

    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
