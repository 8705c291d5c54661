"""Click's own words, marked here so the catalogue carries them in Polish.

Click translates these through Python's gettext (``commands.common.click_speaks`` points it
at our catalogue). They are the messages a user of ``advocacy-tui`` can meet: the help
layout and the errors of reading a command line. The function is never called; it only
marks the strings for ``pybabel extract``, exactly as click writes them.
"""

from __future__ import annotations

from advocacy_tui.i18n import N_, ngettext


def _marked() -> None:  # pragma: no cover - marks strings only
    N_("Usage:")
    N_("Options")
    N_("Commands")
    N_("Show this message and exit.")
    N_("Missing argument")
    N_("Missing option")
    N_("Missing parameter")
    N_("Missing command.")
    N_("No such command {name!r}.")
    N_("No such option {name!r}.")
    N_("Option {name!r} does not take a value.")
    N_("Invalid value for {param_hint}: {message}")
    N_("Invalid value: {message}")
    N_("Choose from:\n\t{choices}")
    N_("default: {default}")
    N_("{value!r} is not a valid {number_type}.")
    N_("{value} is not in the range {range}.")
    N_("{name} {filename!r} does not exist.")
    N_("{name} {filename!r} is a directory.")
    N_("{name} {filename!r} is a file.")
    N_("{name} {filename!r} is not readable.")
    N_("{name} {filename!r} is not writable.")
    N_("file")
    N_("directory")
    N_("path")
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1)
    ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1)
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1)
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1)


#: the placeholders of usage lines and option lists that are words, as click shows them;
#: ``commands.common.translate_help`` puts them in the language in use
METAVARS = frozenset({
    N_("[OPTIONS]"), N_("COMMAND [ARGS]..."), N_("[COMMAND] [ARGS]..."),
    N_("FILE"), N_("PATH"), N_("TARGET"), N_("SOURCE"), N_("NAME"), N_("EMAIL"), N_("TEXT"),
    N_("DIRECTORY"), N_("URL"), N_("INTEGER"), N_("INTEGER RANGE"), N_("COLUMN=FIELD"),
})
