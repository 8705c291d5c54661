"""The lower layers never load Textual or Rich: proven in a clean interpreter.

Every module of domain/, data/ and commands/ (the CLI's import, export and report
commands among them) is checked, plus config, paths and the CLI itself.
"""

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "advocacy_tui"


def _modules() -> list[str]:
    found = ["advocacy_tui.config", "advocacy_tui.paths", "advocacy_tui.i18n", "advocacy_tui.cli"]
    for layer in ("domain", "data", "commands"):
        for info in pkgutil.iter_modules([str(PACKAGE / layer)]):
            found.append(f"advocacy_tui.{layer}.{info.name}")
    return found


def test_every_layer_is_checked():
    assert {"advocacy_tui.data.store", "advocacy_tui.domain.ambassadors"} <= set(_modules())


@pytest.mark.parametrize("module", _modules())
def test_module_loads_without_textual_or_rich(module):
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
