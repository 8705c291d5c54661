"""advocacy-tui: run an employee-advocacy program from the terminal."""

__version__ = "0.1.0"
