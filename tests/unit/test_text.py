from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui.domain.text import fold, printable


def test_fold_removes_diacritics_including_polish_l():
    assert fold("Łukasz Żółć") == "lukasz zolc"
    assert fold("ZAŻÓŁĆ") == "zazolc"


def test_printable_neutralises_terminal_controls():
    assert printable("a\x1b[31mred\x07") == "a\ufffd[31mred\ufffd"
    assert printable("two\nlines") == "two lines"
    assert printable("two\nlines", single_line=False) == "two\nlines"
    assert printable("[b]x[/b]") == "[b]x[/b]"


@given(st.text())
def test_printable_never_leaves_control_characters(value):
    shown = printable(value)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in shown)
