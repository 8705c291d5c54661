"""A goal as a small line chart for the HTML report: its values month by month, with its
baseline and its target as reference lines. A value typed for a week shows in the month
where most of its days are, when that month has no value of its own (the latest such week).

Drawn by pygal (imported only here, inside ``goal_chart_svg``, so that the CLI's other
commands never load it) as an SVG to put inline in the page. The page must print offline
and load nothing: no script (pygal's tooltips need one from a CDN), no web font, no
comment naming a web site. The three lines differ by their dashes as well as their grey
levels, so the chart reads the same printed in black and white. Every text in it (the
goal's name, the legend, the labels) is escaped by the XML writer pygal uses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from advocacy_tui.domain.goals import Goal, Metric, month_of, month_start, period_end, period_start
from advocacy_tui.formatting import format_number, month_label
from advocacy_tui.i18n import pgettext

#: the lines' colours: dark enough to print, told apart in grey by their dashes too
VALUE_COLOUR, BASELINE_COLOUR, TARGET_COLOUR = "#1f4e8c", "#6b7280", "#111111"
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
MAX_LABELS = 8  # month labels under the chart; the others are left out


def chart_months(goal: Goal, series: Sequence[tuple[str, float]]) -> list[str]:
    """Every month from the baseline's to the target's (or the latest value's, if later)."""
    from advocacy_tui.data.goals import months_between

    first = month_of(goal.baseline_on)
    last = max([month_of(goal.target_on), *(month_of(period_end(period)) for period, _value in series)])
    return months_between(first, last)


def month_values(series: Sequence[tuple[str, float]]) -> dict[str, float]:
    """A value per month: the month's own, else that of its latest week (``series`` is in
    time order: a later week replaces an earlier one)."""
    from datetime import timedelta

    values: dict[str, float] = {}
    own: set[str] = set()
    for period, value in series:
        month = month_of(period_start(period) + timedelta(days=3))  # where most of a week's days are
        if period == month:
            values[month] = value
            own.add(month)
        elif month not in own:
            values[month] = value
    return values


def month_labels(months: Sequence[str]) -> list[str]:
    """At most ``MAX_LABELS`` month names, evenly spread ("" for the others), the year with
    the first one and wherever it changes."""
    every = max(1, math.ceil(len(months) / MAX_LABELS))
    labels, year_shown = [], ""
    for index, month in enumerate(months):
        if index % every:
            labels.append("")
            continue
        labels.append(month_label(month_start(month), with_year=month[:4] != year_shown))
        year_shown = month[:4]
    return labels


#: how each line is drawn: (its width, its dashes); the legend shows the same strokes
STROKES = ((3, ""), (2, "2,4"), (2, "9,5"))


def _tag(element: Any) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _printable_svg(root: Any) -> Any:
    """What pygal adds for its web page use goes: the script holding its settings (its
    tooltips need another one, from a CDN), the comments naming its web site, the legend's
    ids (used by that script; the same in every chart of a page). The legend's colour boxes
    become samples of the lines, dashes included, so that it reads in black and white too."""
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str) or _tag(child) == "script":
                parent.remove(child)
    for group in root.iter():
        if _tag(group) != "g" or "legend" not in (group.get("class") or "").split():
            continue
        group.attrib.pop("id", None)
        for box in [child for child in group if _tag(child) == "rect"]:
            classes = (box.get("class") or "").split()
            index = next((int(name[6:]) for name in classes if name[6:].isdigit() and name.startswith("color-")), 0)
            width, dashes = STROKES[min(index, len(STROKES) - 1)]
            y = float(box.get("y") or 0) + float(box.get("height") or 0) / 2
            box.tag = "path"
            box.attrib = {"d": f"M{box.get('x')} {y:.1f} h16", "class": f"color-{index}",
                          "style": f"fill:none;stroke-width:{width}" + (f";stroke-dasharray:{dashes}" if dashes else "")}
    return root


def goal_chart_svg(goal: Goal, metric: Metric, series: Sequence[tuple[str, float]], key: str) -> str:
    """The chart as SVG markup (no XML declaration). ``key``: an id unique in the page
    (pygal scopes the chart's CSS by it)."""
    import pygal
    from pygal.style import Style

    name = goal.title or metric.title()
    months = chart_months(goal, series)
    values = month_values(series)
    style = Style(
        background="white", plot_background="white", foreground="#1d2430", foreground_strong="#1d2430",
        foreground_subtle="#5b6575", guide_stroke_color="#d6dbe3", major_guide_stroke_color="#d6dbe3",
        colors=(VALUE_COLOUR, BASELINE_COLOUR, TARGET_COLOUR), font_family=FONT,
        label_font_size=16, major_label_font_size=16, legend_font_size=14, title_font_size=16,
        opacity="1", opacity_hover="1", stroke_opacity="1", stroke_opacity_hover="1", transition="0s",
    )
    figures = [value for _month, value in series] + [goal.baseline, goal.target]
    low, high = min(figures), max(figures)
    pad = (high - low) * 0.08 or 1
    # pygal gives a series' line the width of every reactive element; the series' own wins here
    widths = "".join(f"#chart-{key} .serie-{index} .line{{stroke-width:{width}}}"
                     for index, (width, _dashes) in enumerate(STROKES))
    chart = pygal.Line(
        style=style, width=480, height=270, js=[], disable_xml_declaration=True, explicit_size=False,
        show_legend=True, legend_at_bottom=True, legend_at_bottom_columns=3,
        x_labels=month_labels(months), truncate_label=-1, truncate_legend=-1, range=(low - pad, high + pad),
        css=["file://style.css", "file://graph.css", "inline:" + widths],
        value_formatter=lambda value: format_number(value, 0 if float(value).is_integer() else 1),
        allow_interruptions=True, dots_size=4, max_scale=8, legend_box_size=16, margin=8, margin_right=28,
        spacing=8,
    )
    chart.uuid = key  # instead of a random one: the same report twice is the same file
    chart.title = None
    # the legend's words are short: three of them share a line under a chart a third of a page wide
    for index, (title, points) in enumerate(((pgettext("chart legend", "Value"), [values.get(m) for m in months]),
                                              (pgettext("chart legend", "Baseline"), [goal.baseline] * len(months)),
                                              (pgettext("chart legend", "Target"), [goal.target] * len(months)))):
        width, dashes = STROKES[index]
        chart.add(title, points, show_dots=index == 0,
                  stroke_style={"width": width, "dasharray": dashes} if dashes else {"width": width})
    chart.add_xml_filter(_printable_svg)

    def titled(root: Any) -> Any:
        for child in root:
            if _tag(child) == "title":  # the chart's name for screen readers (pygal writes "Pygal")
                child.text = name
        return root

    chart.add_xml_filter(titled)
    svg = chart.render(is_unicode=True)
    assert isinstance(svg, str)
    return svg
