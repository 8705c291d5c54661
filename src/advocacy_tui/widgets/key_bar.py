"""The screen's keys on the bottom line, drawn as one widget.

Textual's Footer builds a widget per key and rebuilds them all whenever the bindings
change (every focus change), restyling each one: on a screen with a dozen keys that was
a large part of the app's start-up. This bar shows the same keys, in the same theme
colours, as a single line that is redrawn, not rebuilt. Clicking a key presses it;
hovering shows the key's tooltip.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

from advocacy_tui.i18n import _

KEPT_RIGHT = {"help"}  # F1 stays visible on every screen, however narrow


class Shown(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


_ORDERS: dict[type, tuple[dict[str | None, int], int]] = {}


def _declared_order(cls: type) -> tuple[dict[str | None, int], int]:
    """Each binding id's place in a class's BINDINGS (and its bases'), and how many there are;
    worked out once per class."""
    if cls in _ORDERS:
        return _ORDERS[cls]
    declared = [getattr(b, "id", None) for klass in cls.__mro__ for b in vars(klass).get("BINDINGS", ())]
    places: dict[str | None, int] = {}
    for place, binding_id in enumerate(declared):
        places.setdefault(binding_id, place)
    _ORDERS[cls] = places, len(declared)
    return _ORDERS[cls]


def _declared_at(node: object, binding: object) -> int:
    """Where a binding stands in its class's BINDINGS (by id, which a keymap keeps)."""
    places, count = _declared_order(type(node))
    return places.get(getattr(binding, "id", None), count)


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, Shown]] = []
        self._hover: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def shown(self) -> tuple[list[Shown], list[Shown]]:
        """The keys to show, one per action as Footer does: the screen's keys on the left;
        help and the command palette on the right, where a narrow terminal never hides them."""
        app = self.app
        active = self.screen.active_bindings
        left: list[Shown] = []
        right: list[Shown] = []
        actions: set[str] = set()
        # In the order the bindings are declared, not by key: a key remapped in [keymap]
        # keeps its place in the bar instead of moving to the end, where it may not fit.
        nodes: dict[int, int] = {}
        for _key, active_binding in active.items():
            if active_binding.node is not app:  # the app's own keys come last
                nodes.setdefault(id(active_binding.node), len(nodes))
        ordered = sorted(active.items(), key=lambda item: (
            nodes.get(id(item[1].node), len(nodes)), _declared_at(item[1].node, item[1].binding)))
        for key, (_node, binding, enabled, tooltip) in ordered:
            palette = app.ENABLE_COMMAND_PALETTE and key == app.COMMAND_PALETTE_BINDING
            if not (binding.show or palette) or binding.action in actions:
                continue
            actions.add(binding.action)
            # descriptions are English source text (N_), shown in the language in use
            # (never _("") : gettext answers the empty string with the catalogue's header)
            description = _(binding.description) if binding.description else ""
            tip = tooltip or binding.tooltip
            item = Shown(binding.key, app.get_key_display(binding), description,
                         enabled, _(tip) if tip else description)
            (right if palette or binding.action in KEPT_RIGHT else left).append(item)
        return left, right

    def _piece(self, item: Shown) -> Content:
        piece = Content.assemble(
            (f" {item.display} ", self.get_visual_style("key-bar--key")),
            (f"{item.description} " if item.description else "",
             self.get_visual_style("key-bar--description")),
        )
        if item.key == self._hover:
            piece = piece.stylize(self.get_visual_style("key-bar--hover", partial=True))
        if not item.enabled:
            piece = piece.stylize("dim")
        return piece

    def render(self) -> Content:
        left, right = self.shown()
        width = self.size.width
        right_pieces = [Content.assemble("│", self._piece(item)) for item in right]
        right_width = sum(piece.cell_length for piece in right_pieces)
        pieces: list[Content] = []
        spans: list[tuple[int, int, Shown]] = []
        x = 0
        for item in left:
            piece = self._piece(item)
            if x + piece.cell_length > width - right_width:
                break  # whole keys only; F1 lists them all
            pieces.append(piece)
            spans.append((x, x + piece.cell_length, item))
            x += piece.cell_length
        pieces.append(Content(" " * max(0, width - x - right_width)))
        x = max(x, width - right_width)
        for item, piece in zip(right, right_pieces, strict=True):
            spans.append((x + 1, x + piece.cell_length, item))
            pieces.append(piece)
            x += piece.cell_length
        self._spans = spans
        return Content.assemble(*pieces)

    def _item_at(self, x: int) -> Shown | None:
        for start, end, item in self._spans:
            if start <= x < end:
                return item
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self._item_at(event.x)
        key = item.key if item else None
        if key != self._hover:
            self._hover = key
            self.tooltip = item.tooltip if item else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()
