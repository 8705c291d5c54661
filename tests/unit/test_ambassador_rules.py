import re
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui.domain.ambassadors import (
    ValidationError,
    build_ambassador,
    check_email,
    check_linkedin,
    normalise_linkedin,
)


def test_builds_a_valid_ambassador_keeping_text_as_typed():
    a = build_ambassador({"name": " [b]Zażółć[/b] ", "email": " Anna@Firma.PL ", "role": "Manager",
                          "joined": "01.02.2026", "notes": "line1\nline2"})
    assert a.name == "[b]Zażółć[/b]"
    assert a.email == "Anna@Firma.PL"
    assert a.role == "manager"
    assert a.joined.isoformat() == "2026-02-01"
    assert a.notes == "line1\nline2"


def test_lists_every_problem_by_field():
    with pytest.raises(ValidationError) as error:
        build_ambassador({"name": "", "email": "nope", "role": "boss", "linkedin": "example.com",
                          "joined": "31.02.2026"})
    assert set(error.value.problems) == {"name", "email", "role", "linkedin", "joined"}
    assert "required" in error.value.problems["name"]


@pytest.mark.parametrize("value", ["a@b.pl", "first.last+tag@sub.company.com", ""])
def test_good_emails(value):
    assert check_email(value) is None


@pytest.mark.parametrize("value", ["a@b", "a b@c.pl", "@c.pl", "a@@c.pl"])
def test_bad_emails(value):
    assert check_email(value)


@pytest.mark.parametrize(
    "value",
    ["https://www.linkedin.com/in/anna-kowalska", "linkedin.com/in/anna", "http://pl.linkedin.com/in/x/"],
)
def test_linkedin_profiles(value):
    assert check_linkedin(value) is None


@pytest.mark.parametrize(
    "value",
    ["https://evil.com/in/x", "https://linkedin.com.evil.com/in/x", "https://www.linkedin.com/company/x",
     "javascript:alert(1)"],
)
def test_not_linkedin_profiles(value):
    assert check_linkedin(value)


PROFILE_LIKE = st.builds(
    "".join,
    st.tuples(st.sampled_from(["", "http://", "https://", "HTTPS://", "ftp://", "https:/"]),
              st.sampled_from(["", "www.", "pl.", "WWW.", "x.y.", "evil"]),
              st.sampled_from(["linkedin.com", "LinkedIn.com", "linkedin.co", "linkedin.com.evil.pl"]),
              st.sampled_from(["/in/", "/pub/", "/company/", "/in", "/IN/"]),
              st.text(alphabet="abcAZ09%_.~-/?#@: ąż", max_size=12),
              st.sampled_from(["", "/", "//"])))


@given(PROFILE_LIKE)
def test_an_accepted_linkedin_address_is_a_profile_on_linkedin(value):
    """Whatever the check lets through is stored as an http(s) address of a profile on a
    linkedin.com host: the quick path for usual addresses accepts nothing the full one would not."""
    if check_linkedin(value) is not None:
        return
    parts = urlsplit(normalise_linkedin(value))
    host = (parts.hostname or "").lower()
    assert parts.scheme.lower() in ("http", "https")
    assert host == "linkedin.com" or host.endswith(".linkedin.com")
    assert re.match(r"^/(in|pub)/[^/]+/?$", parts.path)


def test_usual_and_unusual_profile_addresses():
    for good in ("https://www.linkedin.com/in/anna-nowak", "linkedin.com/in/anna", "pl.linkedin.com/in/a/",
                 "HTTPS://WWW.LINKEDIN.COM/in/anna", "https://www.linkedin.com/in/anna%C5%BC"):
        assert check_linkedin(good) is None, good
    for bad in ("https://www.linkedin.com/in/", "https://linkedin.com.evil.pl/in/a", "https://www.linkedin.com/in/a/b",
                "ftp://linkedin.com/in/a", "https://www.linkedin.com/company/x"):
        assert check_linkedin(bad) is not None, bad
