"""The reference: a bare Textual app (Header, Static, Input, Footer), started like ours."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static


class Bare(App):
    TITLE = "bare"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("bare app ready")
        yield Input(placeholder="type here")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
