"""Who may do what in the information centre: one function per rule."""

from django.utils.translation import gettext as _


def can_answer_questions(user):
    return bool(user and user.is_active and user.has_perm("support.answer_question"))


def why_cannot_answer(user):
    if not can_answer_questions(user):
        return _("Only officials of the information centre answer questions.")
    return None


def can_see_reports(user):
    """Case workers only: the permission is given to that group alone."""
    return bool(user and user.is_active and user.has_perm("support.view_report"))
