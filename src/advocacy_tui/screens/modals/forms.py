"""Pieces every form shares: a validator over a domain rule and a labelled field row."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Static


class Rule(Validator):
    """A Textual validator around a domain check that returns a sentence or None."""

    def __init__(self, check: Callable[[str], str | None]) -> None:
        super().__init__()
        self.check = check

    def validate(self, value: str) -> ValidationResult:
        message = self.check(value)
        return self.failure(message) if message else self.success()


class Field(Vertical):
    """A label, the input widget, and a line that explains what is wrong (hidden when fine)."""

    DEFAULT_CSS = """
    Field { height: auto; }
    Field > Horizontal { height: auto; }
    Field .field-label { width: 14; padding-right: 1; color: $text-muted; }
    Field .field-problem { display: none; color: $text-error; padding-left: 14; }
    Field.-invalid .field-problem { display: block; }
    """

    def __init__(self, label: str, widget: Widget, *, name: str) -> None:
        super().__init__(id=f"field-{name}")
        self.label = label
        self.widget = widget
        self.field_name = name

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
