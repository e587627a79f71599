"""Who may do what in the translators' base: one function per rule, used by the
views, the services and the templates alike."""

from django.utils.translation import gettext as _

from consultations.permissions import may_take_part

from .models import Translator


def translator_of(user):
    """The user's registration in the translators' base, or None (cached on the user)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_rada_translator"):
        user._rada_translator = Translator.objects.filter(user=user).prefetch_related("pairs").first()
    return user._rada_translator


def why_cannot_register(user):
    """None when ``user`` may register (or update their registration) as a translator."""
    if not user.is_authenticated:
        return _("Log in to register as a translator.")
    if not may_take_part(user):
        return _("Confirm your e-mail address to register as a translator.")
    return None


def is_approved_translator(user):
    translator = translator_of(user)
    return translator is not None and translator.is_approved


def can_translate_pair(user, source, target):
    """Whether ``user`` is an approved translator holding the pair ``source`` → ``target``."""
    translator = translator_of(user)
    if translator is None or not translator.is_approved:
        return False
    return any(pair.source == source and pair.target == target for pair in translator.pairs.all())


def can_manage_translators(user):
    return user.is_authenticated and user.has_perm("translators.change_translator")


def can_request_interpreters(user):
    """Officials of city units ask for interpreters and assign translators."""
    return user.is_authenticated and user.has_perm("translators.assign_interpreter")


def is_assigned_translator(user, interpreting):
    """Whether ``interpreting`` is offered to (or taken by) ``user``."""
    translator = translator_of(user)
    return translator is not None and interpreting.translator_id == translator.pk


def languages_of(translator):
    """Every language ``translator`` works in: both sides of their pairs and
    their other languages (codes such as "ka", "pjm")."""
    languages = set(translator.other_language_list())
    for pair in translator.pairs.all():
        languages.update((pair.source, pair.target))
    return languages


def why_cannot_interpret(translator, interpreting):
    """None when ``translator`` may be assigned to ``interpreting`` (time aside); else why."""
    if not translator.is_approved:
        return _("Only approved translators can be assigned.")
    if not {interpreting.source_language, interpreting.target_language} <= languages_of(translator):
        return _("This translator does not work in both languages.")
    if interpreting.needs_sworn and not translator.is_sworn:
        return _("This request needs a sworn translator.")
    return None
