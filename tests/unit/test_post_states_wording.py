"""A post is its author's own: no state of a post reads as an approval step."""

from __future__ import annotations

import re

import pytest

from advocacy_tui.domain.posts import OWN_POST_NOTE, STATE_MEANINGS, STATES

APPROVAL = re.compile(r"approv|accept|sign[- ]?off|review|confirm|authori[sz]", re.I)


def test_every_state_says_what_it_means():
    assert set(STATE_MEANINGS) == set(STATES)


@pytest.mark.parametrize("state", STATES)
def test_no_state_reads_as_an_approval_step(state):
    assert not APPROVAL.search(STATE_MEANINGS[state]), STATE_MEANINGS[state]


def test_ready_means_ready_for_its_author_and_the_owners_text_is_a_suggestion():
    assert "author" in STATE_MEANINGS["ready"]
    assert "suggestion" in OWN_POST_NOTE and "author" in OWN_POST_NOTE
    assert not APPROVAL.search(OWN_POST_NOTE)
