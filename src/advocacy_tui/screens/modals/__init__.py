"""Forms and dialogs: ModalScreen[T] that dismiss() a value."""
