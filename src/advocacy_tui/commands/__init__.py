"""CLI subcommands, one module per feature. Each module registers its commands with
``commands/common.py`` (``command``, ``group``), which also holds what they share;
``cli.py`` loads the modules when a command is first asked for and assembles them.

These modules must not import Textual at module level: import, export and report
stay fast and scriptable.
"""
