"""The lower layers never load Textual or Rich: proven in a clean interpreter.

Every module of domain/, data/ and commands/ (the CLI's import, export and report
commands among them) is checked, plus config, paths and the CLI itself. One fresh
interpreter imports them one after another and, after each, lists any Textual or Rich
module that has appeared: the first module to pull one in is the one named.
"""

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "advocacy_tui"

CHECK = """
import importlib, json, sys
found = {}
for module in json.loads(sys.argv[1]):
    importlib.import_module(module)
    bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))
    if bad:
        found[module] = bad
        break
print(json.dumps(found))
"""


def _modules() -> list[str]:
    found = ["advocacy_tui.config", "advocacy_tui.paths", "advocacy_tui.i18n", "advocacy_tui.cli"]
    for layer in ("domain", "data", "commands"):
        for info in pkgutil.iter_modules([str(PACKAGE / layer)]):
            found.append(f"advocacy_tui.{layer}.{info.name}")
    return found


def _loaded_ui(modules: list[str]) -> dict[str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", CHECK, json.dumps(modules)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout)


def test_every_layer_is_checked():
    assert {"advocacy_tui.data.store", "advocacy_tui.domain.ambassadors"} <= set(_modules())


def test_no_lower_module_loads_textual_or_rich():
    assert _loaded_ui(_modules()) == {}


def test_the_check_names_a_module_that_loads_textual():
    # The check itself works: the app module does load Textual and is named.
    found = _loaded_ui(["advocacy_tui.domain.clock", "advocacy_tui.app"])
    assert list(found) == ["advocacy_tui.app"]
    assert any(name.startswith("textual") for name in found["advocacy_tui.app"])


def test_no_class_is_over_400_lines():
    """A section or pane that grows past this is split (issue 14): each part owns one thing."""
    import ast

    long = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > 400:
                long.append(f"{path.relative_to(PACKAGE)}: {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []
