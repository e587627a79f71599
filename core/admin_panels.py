"""The Wagtail dashboard's "what waits on you" panels.

Each app adds its own panel in its ``wagtail_hooks.py`` (hook
``construct_homepage_panels``), only for people whose permissions let them act
on what it counts, and reads the counts through its own selectors.  The panel
is one small table -- what, how many, where to act -- so that an official sees
at a glance what needs them, in the admin's language."""

from dataclasses import dataclass

from wagtail.admin.ui.components import Component


@dataclass
class Row:
    label: str
    count: int | None  # None: the row is one item, not a number of them
    url: str
    action: str = ""  # the link's text when it is not the label, e.g. "Add the outcome"


class WaitingPanel(Component):
    template_name = "core/admin/waiting_panel.html"

    def __init__(self, *, name, heading, rows, order, empty, total=None):
        self.name = name
        self.heading = heading
        self.rows = rows
        self.order = order
        self.empty = empty
        self.total = sum(row.count or 0 for row in rows) if total is None else total

    def get_context_data(self, parent_context):
        return {
            "panel_id": f"rada-{self.name}",
            "heading": self.heading,
            "rows": self.rows,
            "empty": self.empty,
            "total": self.total,
        }
