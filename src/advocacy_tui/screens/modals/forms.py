"""Pieces every form shares: a validator over a domain rule and a labelled field row."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.suggester import Suggester
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from advocacy_tui.domain.topics import complete_last
from advocacy_tui.i18n import _


class Rule(Validator):
    """A Textual validator around a domain check that returns a sentence or None."""

    def __init__(self, check: Callable[[str], str | None]) -> None:
        super().__init__()
        self.check = check

    def validate(self, value: str) -> ValidationResult:
        message = self.check(value)
        return self.failure(message) if message else self.success()


LABEL_WIDTH, LABEL_WIDTH_MOST = 14, 22


class Field(Vertical):
    """A label, the input widget, and a line that explains what is wrong (hidden when fine)."""

    DEFAULT_CSS = """
    Field { height: auto; }
    Field > Horizontal { height: auto; }
    Field .field-label { width: 14; padding-right: 1; color: $text-muted; }
    Field .field-problem { display: none; color: $text-error; padding-left: 14; }
    Field.-invalid .field-problem { display: block; }
    Field .form-ticks { height: auto; width: 1fr; }
    Field .form-ticks > Checkbox { margin-right: 2; }
    """

    def __init__(self, label: str, widget: Widget, *, name: str) -> None:
        super().__init__(id=f"field-{name}")
        self.label = label
        self.widget = widget
        self.field_name = name

    def on_mount(self) -> None:
        """The labels of a form line up at the width of its longest (Polish ones run longer)."""
        siblings = self.parent.query_children(Field) if self.parent else [self]
        width = max(LABEL_WIDTH, min(LABEL_WIDTH_MOST, 2 + max(cell_len(f.label) for f in siblings)))
        if width != LABEL_WIDTH:
            self.query_one(".field-label").styles.width = width
            self.query_one(".field-problem").styles.padding = (0, 0, 0, width)

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(self.label, classes="field-label", markup=False)
            yield self.widget
        yield Static("", classes="field-problem", markup=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Explain what is wrong as the user types (the event goes on to the form)."""
        if event.input is self.widget:
            result = event.validation_result
            self.show_problem(result.failure_descriptions[0] if result and not result.is_valid else None)

    def show_problem(self, message: str | None) -> None:
        problem = self.query_one(".field-problem", Static)
        problem.update("✗ " + message if message else "")
        self.set_class(bool(message), "-invalid")


class FormSelect(Select, inherit_bindings=False):
    """A Select in a form whose hint says "Enter saves": Enter saves the form, Space or an
    arrow opens the list."""

    BINDINGS = [
        Binding("down,space,up", "show_overlay", "Show menu", show=False),
        Binding("enter", "save_form", "Save", show=False),
    ]

    def action_save_form(self) -> None:
        save = getattr(self.screen, "action_save", None) or getattr(self.screen, "action_apply", None)
        if save is not None:
            save()


class AskBeforeDiscard:
    """Mixin for form screens: Esc on a form with changes asks before throwing them away.

    What the fields hold when the form opens is remembered; ``action_cancel`` compares."""

    def on_mount(self) -> None:
        self._opened_with = self.form_state()

    def form_state(self) -> tuple:
        screen: Widget = self  # type: ignore[assignment]
        values: list[object] = []
        for widget in screen.query("Input, TextArea, Select, Checkbox"):
            if isinstance(widget, TextArea):
                values.append(widget.text)
            else:
                values.append(getattr(widget, "value", None))
        return tuple(values)

    def action_cancel(self) -> None:
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        screen = self  # a ModalScreen
        if self.form_state() == getattr(self, "_opened_with", None):
            screen.dismiss(None)  # type: ignore[attr-defined]
            return

        def answered(throw_away: bool | None) -> None:
            if throw_away:
                screen.dismiss(None)  # type: ignore[attr-defined]

        screen.app.push_screen(  # type: ignore[attr-defined]
            ConfirmDialog(_("Throw away your changes?"),
                          _("You have typed into this form. Esc again or n goes back to it; "
                            "y closes it without saving."), confirm_label=_("Throw away")),
            answered)


class TickBox(Checkbox):
    """A checkbox whose box is empty when off and ticked when on (a compact Checkbox draws
    an "X" either way, which reads as ticked)."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name
        return "✓" if self.value else " "


class TopicSuggester(Suggester):
    """Completes the last topic of the list being typed from the topics already in use
    (→ or End takes the completion)."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(case_sensitive=True)
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        return complete_last(value, self.known)
