from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.signals import page_published, page_unpublished

from accounts import signals as account_signals
from accounts.models import User
from accounts.services import DataSection

from . import selectors, services, surveys, threads
from .models import Comment, ConsultationPage, ConsultationPseudonym, OutcomePage, Proposal


@receiver(page_published, sender=OutcomePage, dispatch_uid="rada-outcome-published")
def on_outcome_published(sender, instance, revision=None, **kwargs):
    user = getattr(revision, "user", None)
    services.outcome_published(outcome=instance, user=user)


@receiver(page_published, sender=ConsultationPage, dispatch_uid="rada-consultation-draft-recorded")
def on_consultation_published(sender, instance, **kwargs):
    services.draft_record(page=instance)


@receiver(page_unpublished, sender=OutcomePage, dispatch_uid="rada-outcome-unpublished")
def on_outcome_unpublished(sender, instance, **kwargs):
    services.outcome_unpublished(outcome=instance)


@receiver(account_signals.anonymising, dispatch_uid="rada-consultations-anonymising")
def on_anonymising(sender, user, to, **kwargs):
    return services.contributions_hand_over(user=user, to=to)


@receiver(account_signals.deleting, dispatch_uid="rada-consultations-deleting")
def on_deleting(sender, user, to, remove, **kwargs):
    return services.contributions_hand_over(user=user, to=to, remove=remove, account_deleted=True)


@receiver(account_signals.collecting, dispatch_uid="rada-consultations-collecting")
def on_collecting(sender, user, **kwargs):
    return selectors.personal_data(user=user)


@receiver(account_signals.deleting, dispatch_uid="rada-surveys-deleting")
def on_deleting_survey_answers(sender, user, to, remove, **kwargs):
    # Counts stay: the responses stand under the stand-in account, their free texts are emptied.
    return surveys.survey_answers_hand_over(user=user, to=to)


@receiver(account_signals.collecting, dispatch_uid="rada-surveys-collecting")
def on_collecting_survey_answers(sender, user, **kwargs):
    answers, entered = surveys.survey_personal_data(user=user)
    return [
        DataSection("survey_answers", _("Your answers to consultation surveys"), answers),
        DataSection("survey_answers_entered", _("Survey answers you entered from paper forms"), entered),
    ]


# What the cached comment threads show (consultations.threads), changed outside
# the services (in the admin, by a script): the services say so themselves.
@receiver(post_save, sender=Comment, dispatch_uid="rada-threads-comment-saved")
@receiver(post_delete, sender=Comment, dispatch_uid="rada-threads-comment-deleted")
@receiver(post_save, sender=Proposal, dispatch_uid="rada-threads-proposal-saved")
@receiver(post_delete, sender=Proposal, dispatch_uid="rada-threads-proposal-deleted")
@receiver(post_save, sender=ConsultationPseudonym, dispatch_uid="rada-threads-pseudonym-saved")
@receiver(post_delete, sender=ConsultationPseudonym, dispatch_uid="rada-threads-pseudonym-deleted")
def on_contribution_changed(sender, instance, **kwargs):
    threads.changed(instance.consultation_key)


@receiver(post_save, sender=User, dispatch_uid="rada-threads-user-saved")
def on_user_saved(sender, instance, created, update_fields=None, **kwargs):
    """A name shown beside comments may have changed; a new account, or a login
    (which saves only ``last_login``), shows no name anywhere yet."""
    if created or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    threads.people_changed()
