"""Authors' names for lists, without a query per item.

Everything public shows ``comment.author_name`` / ``proposal.author_name``
(:func:`consultations.models.shown_name` says which name that is), never
``author.public_name`` directly.  A list loads its authors' pseudonyms first:
querysets through :func:`with_pseudonyms` (a subquery), objects already loaded
through :func:`attach_pseudonyms` (one query for all).
"""

from django.db.models import OuterRef, Subquery

from .models import ConsultationPseudonym


def _pseudonyms():
    return ConsultationPseudonym.objects.all()


def with_pseudonyms(queryset):
    """``queryset`` of comments or proposals, each with its author's pseudonym."""
    return queryset.annotate(
        author_pseudonym=Subquery(
            _pseudonyms()
            .filter(user_id=OuterRef("author_id"), consultation_key=OuterRef("consultation_key"))
            .values("name")[:1]
        )
    )


def attach_pseudonyms(items):
    """Give loaded comments or proposals their authors' pseudonyms, in one query."""
    items = [item for item in items if item is not None]
    if not items:
        return
    found = {
        (user_id, key): name
        for user_id, key, name in _pseudonyms()
        .filter(
            user_id__in={item.author_id for item in items},
            consultation_key__in={item.consultation_key for item in items},
        )
        .values_list("user_id", "consultation_key", "name")
    }
    for item in items:
        item.author_pseudonym = found.get((item.author_id, item.consultation_key))
