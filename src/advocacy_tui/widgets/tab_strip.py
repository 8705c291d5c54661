"""Tab labels over an underline that marks the open tab, drawn as one widget.

Textual's Tabs is seven widgets with animated underlines; on the roster and the
calendar it cost more start-up time than everything else in the tab row's place. This
strip looks the same, is switched with the screen's own key (t or l) or a click, and
posts ``Activated`` whenever the open tab changes.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style as VisualStyle
from textual.widget import Widget


class TabStrip(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"tab-strip--active", "tab-strip--hover", "tab-strip--bar",
                         "tab-strip--bar-active"}
    DEFAULT_CSS = """
    TabStrip {
        height: 2;
        color: $foreground 50%;
        .tab-strip--active { color: $foreground; }
        .tab-strip--hover { color: $foreground; }
        .tab-strip--bar { color: $foreground 10%; }
        .tab-strip--bar-active { color: $block-cursor-background; }
    }
    """

    active: reactive[str] = reactive("", init=False)

    class Activated(Message):
        """The open tab changed (by a key, a click or code)."""

        def __init__(self, strip: TabStrip, tab: str) -> None:
            super().__init__()
            self.strip = strip
            self.tab = tab

        @property
        def control(self) -> TabStrip:
            return self.strip

    def __init__(self, *tabs: tuple[str, str], id: str | None = None) -> None:
        """``tabs`` are (id, label) pairs; the first is open."""
        super().__init__(id=id)
        self.tabs = list(tabs)
        self.set_reactive(TabStrip.active, tabs[0][0])
        self._hover: str | None = None

    def watch_active(self, tab: str) -> None:
        self.post_message(self.Activated(self, tab))

    def _spans(self) -> list[tuple[int, int, str, str]]:
        spans, x = [], 0
        for tab, label in self.tabs:
            text = f" {label} "
            spans.append((x, x + cell_len(text), tab, text))
            x += cell_len(text)
        return spans

    def render(self) -> Content:
        width = self.size.width
        labels: list[str | tuple[str, VisualStyle]] = []
        bar: list[tuple[str, VisualStyle]] = []
        bar_style = self.get_visual_style("tab-strip--bar")
        end = 0
        for start, end, tab, text in self._spans():
            if tab == self.active:
                labels.append((text, self.get_visual_style("tab-strip--active")))
                bar.append(("━" * (end - start), self.get_visual_style("tab-strip--bar-active")))
            elif tab == self._hover:
                labels.append((text, self.get_visual_style("tab-strip--hover")))
                bar.append(("━" * (end - start), bar_style))
            else:
                labels.append(text)
                bar.append(("━" * (end - start), bar_style))
        bar.append(("━" * max(0, width - end), bar_style))
        return Content.assemble(*labels, "\n", *bar)

    def _tab_at(self, x: int) -> str | None:
        for start, end, tab, _text in self._spans():
            if start <= x < end:
                return tab
        return None

    def on_click(self, event: events.Click) -> None:
        tab = self._tab_at(event.x)
        if tab is not None:
            self.active = tab

    def on_mouse_move(self, event: events.MouseMove) -> None:
        tab = self._tab_at(event.x)
        if tab != self._hover:
            self._hover = tab
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
