"""The one place that knows the name shown next to a comment or a proposal.

Everything public — pages, the API and its downloads, feeds, outcome pages —
asks :func:`shown_name` (through ``comment.author_name`` and
``proposal.author_name``), never ``author.public_name`` directly.  The name is:

- the placeholder's name when the author is a placeholder account (a former
  participant, or a resident whose words a facilitator entered), which never
  reveals who the person was;
- otherwise the author's public name.
"""


def shown_name(item):
    return item.author.public_name
