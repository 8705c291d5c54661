"""HTML reports printed by Chromium (``--print-to-pdf``) come out on A4 pages."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from advocacy_tui.data.readiness import ReadinessRepo, builtin_bank
from advocacy_tui.data.reports import program_report, readiness_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

A4_POINTS = (595, 842)  # 210 x 297 mm


def print_to_pdf(html: str, tmp_path, name: str) -> bytes:
    source, pdf = tmp_path / f"{name}.html", tmp_path / f"{name}.pdf"
    source.write_text(html, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}",
                    source.as_uri()], check=True, capture_output=True, timeout=120)
    return pdf.read_bytes()


def page_sizes(pdf: bytes) -> set[tuple[int, int]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return {(round(float(w)), round(float(h))) for w, h in boxes}


def test_every_report_prints_on_a4(demo_store, tmp_path):
    run = ReadinessRepo(demo_store).latest_finished()
    reports = {"program": program_report(demo_store, "html"),
               "readiness": readiness_report(demo_store, run, builtin_bank("readiness", "en"), "html")}
    for name, html in reports.items():
        sizes = page_sizes(print_to_pdf(html, tmp_path, name))
        assert sizes == {A4_POINTS}, (name, sizes)
