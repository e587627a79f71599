"""Charts drawn on the server as accessible SVG: no JavaScript, no library.

Each chart is an ``<svg role="img">`` labelled by its own ``<title>`` and
``<desc>``; the page puts a generated text summary and the data table beside
it (``templates/opendata/statistics/includes/chart.html``).  Values hidden by
the small-count rule are drawn as a marked range from 0 to 5 and labelled
"<5", and withheld ones as a hollow marker on the axis: never as a bar.

The drawing is 360 units wide, so that on a 360-pixel phone one unit is one
pixel and the 14-unit labels are read at about 12 pixels inside the page's margins;
wider screens scale it up only until a label is as large as the page's text
(``.chart__svg`` in ``statistics.css`` stops at 360/14 em).
Series are told apart by line pattern and marker shape as well as colour, and
every colour has at least 4.5:1 contrast on white.
"""

import math
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .stats import SMALL_COUNT_LIMIT, Withheld, is_suppressed

WIDTH = 360
FONT = 14
INK = "#1b1f23"
MUTED = "#4a5560"
GRID = "#d8dde2"
# (colour, stroke-dasharray, marker): each at least 4.5:1 on white.
SERIES_STYLES = [("#0b4f6c", "", "circle"), ("#9c3d10", "6 3", "square"), ("#1f6b3a", "2 3", "triangle")]


@dataclass
class Chart:
    """A drawn chart and what goes beside it."""

    id: str
    title: str
    description: str
    summary: str
    svg: str
    legend: list = field(default_factory=list)


def _hatch(chart_id, colour):
    return format_html(
        '<pattern id="{}-small" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="{}" stroke-width="2"/>'
        "</pattern>",
        chart_id,
        colour,
    )


def _svg(chart_id, title, description, height, body, defs=""):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart__svg" viewBox="0 0 {w} {h}" '
        'width="{w}" height="{h}" aria-labelledby="{id}-title {id}-desc" font-family="inherit" font-size="{font}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "<defs>{defs}</defs>{body}</svg>",
        w=WIDTH,
        h=height,
        id=chart_id,
        font=FONT,
        title=title,
        desc=description,
        defs=defs,
        body=body,
    )


def nice_step(value, steps=4):
    """A round step (1, 2 or 5 × 10ⁿ, at least 1) such that ``steps`` of them reach ``value``."""
    rough = max(value, SMALL_COUNT_LIMIT) / steps
    power = 10 ** max(0, math.floor(math.log10(rough)))
    for factor in (1, 2, 5, 10):
        if rough <= factor * power:
            return factor * power
    return 10 * power


def nice_maximum(value, steps=4):
    """The end of an axis reaching ``value`` (and at least 5) in ``steps`` round steps."""
    return steps * nice_step(value, steps)


def bar_chart(*, chart_id, title, description, summary, rows, colour=SERIES_STYLES[0][0]):
    """Horizontal bars, one per ``(label, value)`` in ``rows``; a label above
    each bar and its value at its end.  ``value`` may be "fewer than 5"."""
    numbers = [value for _label, value in rows if not is_suppressed(value)]
    top = nice_maximum(max(numbers, default=0))
    left, right = 4, 56
    span = WIDTH - left - right
    row_height = 44
    parts = []
    for index, (label, value) in enumerate(rows):
        y = index * row_height
        parts.append(format_html('<text x="{}" y="{}" fill="{}">{}</text>', left, y + 16, INK, label))
        if isinstance(value, Withheld):
            # A marker on the axis, not a bar: any length would say something about the value.
            parts.append(_withheld_marker(left + 6, y + 30, colour))
            length = 12
            text = str(value)
        elif is_suppressed(value):
            # A range from 0 to 5 drawn as a whisker with a hollow marker in it: never a
            # bar, so it cannot be read as a count, nor be longer than a real bar of 5.
            length = span * SMALL_COUNT_LIMIT / top
            parts.append(_range_marker(chart_id, left, y + 30, length, colour))
            text = f"<{SMALL_COUNT_LIMIT}"
        else:
            length = span * value / top
            if value:
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="16" fill="{}"/>', left, y + 22, round(length, 1), colour
                    )
                )
            text = str(value)
        parts.append(
            format_html('<text x="{}" y="{}" fill="{}">{}</text>', round(left + length + 6, 1), y + 35, INK, text)
        )
    height = max(len(rows), 1) * row_height + 4
    body = format_html(
        '<line x1="{x}" y1="0" x2="{x}" y2="{h}" stroke="{c}"/>{bars}',
        x=left,
        h=height - 4,
        c=MUTED,
        bars=mark_safe("".join(parts)),  # noqa: S308 - every part was built with format_html
    )
    svg = _svg(chart_id, title, description, height, body, defs=_hatch(chart_id, colour))
    legend = []
    if any(is_suppressed(value) and not isinstance(value, Withheld) for _label, value in rows):
        legend.append((_small_key(), _("hatched range: fewer than 5")))
    if any(isinstance(value, Withheld) for _label, value in rows):
        legend.append(
            (
                mark_safe('<span class="chart__withheld-key" aria-hidden="true"></span>'),
                _("hollow diamond: withheld so that a small count cannot be worked out"),
            )
        )
    return Chart(id=chart_id, title=title, description=description, summary=summary, svg=svg, legend=legend)


def _small_key():
    return mark_safe('<span class="chart__small-key" aria-hidden="true"></span>')


def _withheld_marker(x, y, colour):
    """A hollow diamond with a dashed outline: "a value is here, not shown"."""
    points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
    return format_html(
        '<polygon class="chart__withheld" points="{}" fill="#ffffff" stroke="{}" stroke-width="1.5" '
        'stroke-dasharray="2 2"/>',
        points,
        colour,
    )


def _range_marker(chart_id, x, y, length, colour):
    """From 0 to 5: a thin hatched band between two ticks, with a hollow
    circle in its middle, as the line chart marks a hidden value."""
    end = round(x + length, 1)
    return format_html(
        '<g class="chart__range"><rect x="{x}" y="{top}" width="{w}" height="6" fill="url(#{id}-small)"/>'
        '<line x1="{x}" y1="{t1}" x2="{x}" y2="{t2}" stroke="{c}" stroke-width="1.5"/>'
        '<line x1="{end}" y1="{t1}" x2="{end}" y2="{t2}" stroke="{c}" stroke-width="1.5"/>'
        '<circle cx="{mid}" cy="{y}" r="4" fill="#ffffff" stroke="{c}" stroke-width="1.5"/></g>',
        x=x,
        top=y - 3,
        w=round(length, 1),
        id=chart_id,
        t1=y - 7,
        t2=y + 7,
        end=end,
        mid=round(x + length / 2, 1),
        y=y,
        c=colour,
    )


def _marker(shape, x, y, colour, hollow=False):
    fill = "#ffffff" if hollow else colour
    if shape == "square":
        return format_html(
            '<rect x="{}" y="{}" width="8" height="8" fill="{}" stroke="{}" stroke-width="1.5"/>',
            round(x - 4, 1),
            round(y - 4, 1),
            fill,
            colour,
        )
    if shape == "triangle":
        points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}"
        return format_html('<polygon points="{}" fill="{}" stroke="{}" stroke-width="1.5"/>', points, fill, colour)
    return format_html(
        '<circle cx="{}" cy="{}" r="4" fill="{}" stroke="{}" stroke-width="1.5"/>',
        round(x, 1),
        round(y, 1),
        fill,
        colour,
    )


def legend_sample(index):
    """A small SVG of series ``index``'s line and marker, for the legend beside the chart."""
    colour, dash, shape = SERIES_STYLES[index % len(SERIES_STYLES)]
    return format_html(
        '<svg class="chart__key" viewBox="0 0 32 12" width="32" height="12" aria-hidden="true" focusable="false">'
        '<line x1="0" y1="6" x2="32" y2="6" stroke="{}" stroke-width="2" stroke-dasharray="{}"/>{}</svg>',
        colour,
        dash or "none",
        _marker(shape, 16, 6, colour),
    )


def line_chart(*, chart_id, title, description, summary, labels, series):
    """Lines over time: ``labels`` along the bottom (months), ``series`` a list
    of ``(name, values)``.  A value hidden by the small-count rule is a hollow
    marker in the hatched band from 0 to 5, and the line breaks there."""
    height = 230
    left, right, top_pad, bottom = 42, 10, 10, 40
    plot_w, plot_h = WIDTH - left - right, height - top_pad - bottom
    numbers = [value for _name, values in series for value in values if not is_suppressed(value)]
    top = nice_maximum(max(numbers, default=0))
    count = max(len(labels), 1)

    def x_of(index):
        return left + (plot_w * (index + 0.5) / count)

    def y_of(value):
        return top_pad + plot_h - plot_h * value / top

    parts = []
    for tick in range(5):
        value = top * tick // 4
        y = y_of(value)
        label = str(value)
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>',
                left,
                round(y, 1),
                WIDTH - right,
                round(y, 1),
                GRID,
            )
        )
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>', left - 4, round(y + 4, 1), INK, label
            )
        )
    any_small = any(is_suppressed(value) for _name, values in series for value in values)
    if any_small:
        band_top = y_of(SMALL_COUNT_LIMIT)
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="url(#{}-small)" opacity="0.5"/>',
                left,
                round(band_top, 1),
                plot_w,
                round(y_of(0) - band_top, 1),
                chart_id,
            )
        )
    every = max(1, math.ceil(count / 6))
    for index, label in enumerate(labels):
        if index % every == 0 or index == count - 1 and count <= 6:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                    round(x_of(index), 1),
                    height - bottom + 18,
                    INK,
                    label,
                )
            )
    for number, (_name, values) in enumerate(series):
        colour, dash, shape = SERIES_STYLES[number % len(SERIES_STYLES)]
        segment = []
        segments = [segment]
        for index, value in enumerate(values):
            if is_suppressed(value):
                segment = []
                segments.append(segment)
            else:
                segment.append(f"{x_of(index):.1f},{y_of(value):.1f}")
        for points in segments:
            if len(points) > 1:
                parts.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="2" stroke-dasharray="{}"/>',
                        " ".join(points),
                        colour,
                        dash or "none",
                    )
                )
        for index, value in enumerate(values):
            if isinstance(value, Withheld):
                continue  # no marker: its height would say something about the value
            small = is_suppressed(value)
            y = y_of(SMALL_COUNT_LIMIT / 2) if small else y_of(value)
            parts.append(_marker(shape, x_of(index), y, colour, hollow=small))
    parts.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>',
            left,
            round(y_of(0), 1),
            WIDTH - right,
            round(y_of(0), 1),
            MUTED,
        )
    )
    body = mark_safe("".join(parts))  # noqa: S308 - every part was built with format_html
    svg = _svg(chart_id, title, description, height, body, defs=_hatch(chart_id, MUTED))
    legend = [(legend_sample(number), name) for number, (name, _values) in enumerate(series)]
    if any_small:
        legend.append((_small_key(), _("hatched: fewer than 5")))
    return Chart(id=chart_id, title=title, description=description, summary=summary, svg=svg, legend=legend)


def share_summary(*, rows, total, most, all_small, nothing):
    """A sentence about the largest of ``rows`` (``(label, value)``): ``most``
    with ``%(label)s`` and ``%(percent)s``; ``all_small`` when every value is
    hidden; ``nothing`` when there is nothing to count."""
    shown = [(label, value) for label, value in rows if not is_suppressed(value) and value]
    if not total:
        return nothing
    if not shown:
        return all_small
    label, value = max(shown, key=lambda row: row[1])
    return most % {"label": label, "percent": f"{round(100 * value / total)}%"}
