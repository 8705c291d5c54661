"""One module per top-level section; forms and dialogs live in screens/modals/."""
