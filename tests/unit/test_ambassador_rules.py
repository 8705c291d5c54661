import pytest

from advocacy_tui.domain.ambassadors import (
    ValidationError,
    build_ambassador,
    check_email,
    check_linkedin,
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
