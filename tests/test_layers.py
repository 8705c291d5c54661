"""The lower layers never load Textual or Rich: proven in a clean interpreter."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    ["advocacy_tui.domain.ambassadors", "advocacy_tui.data.store", "advocacy_tui.data.ambassadors",
     "advocacy_tui.data.demo", "advocacy_tui.config", "advocacy_tui.paths", "advocacy_tui.cli",
     "advocacy_tui.data.csv_io", "advocacy_tui.data.forget", "advocacy_tui.commands.roster"],
)
def test_module_loads_without_textual_or_rich(module):
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
