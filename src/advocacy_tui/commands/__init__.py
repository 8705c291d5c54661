"""CLI subcommands, one module per feature. Each module registers its commands on
the groups of ``advocacy_tui.cli``; ``cli.py`` imports them at the end.

These modules must not import Textual at module level: import, export and report
stay fast and scriptable.
"""
