"""The one place that knows the name shown next to a comment or a proposal.

Everything public — pages, the API and its downloads, outcome pages, officials'
exports — shows ``comment.author_name`` / ``proposal.author_name``, which ask
:func:`shown_name`, never ``author.public_name`` directly.  The name is:

- the placeholder's name when the author is a placeholder account (a former
  participant, or a resident whose words a facilitator entered), which never
  reveals who the person was;
- else the author's pseudonym in that consultation, if they chose one;
- else the author's public name.

Lists load the pseudonyms without a query per item: querysets through
:func:`with_pseudonyms` (a subquery), objects already loaded through
:func:`attach_pseudonyms` (one query for all).
"""

from django.db.models import OuterRef, Subquery

_MISSING = object()


def _pseudonyms():
    from .models import ConsultationPseudonym

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


def shown_name(item):
    author = item.author
    if author.placeholder:
        return author.public_name
    pseudonym = getattr(item, "author_pseudonym", _MISSING)
    if pseudonym is _MISSING:
        pseudonym = (
            _pseudonyms()
            .filter(user_id=item.author_id, consultation_key=item.consultation_key)
            .values_list("name", flat=True)
            .first()
        )
    return pseudonym or author.public_name
