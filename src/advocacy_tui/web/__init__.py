"""The app in a web browser: textual-serve behind a guard (token, Host, Origin, limits)."""
