"""Dataclasses and pure rules. No I/O, no textual, no rich."""
