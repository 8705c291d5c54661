"""Files as HR systems export them: one test per layout, built from each system's documented
columns (BambooHR, Personio, Workday, SAP SuccessFactors, Microsoft Entra ID, Google
Workspace, LinkedIn), plus status words, columns that only look like a status, the user's
own column map and dates whose day/month order the file has to tell."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy_tui.data.csv_io import ImportFileError, import_file, plan_import, read_table


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def people(store) -> list[tuple]:
    return store.db.conn.execute(
        "SELECT name, email, department, status, linkedin, joined FROM ambassadors ORDER BY id"
    ).fetchall()


def problems(plan) -> list[str]:
    return [str(p) for p in plan.problems]


def test_bamboohr_employee_report(store, tmp_path):
    text = ("Employee #,First Name,Last Name,Preferred Name,Work Email,Department,Division,"
            "Job Title,Hire Date,Status,Employment Status\n"
            "1,Anna,Nowak,,anna@firma.pl,Sales,EMEA,Rep,03/25/2022,Active,Full-Time\n"
            "2,Jan,Kowalski,Janek,jan@firma.pl,IT,EMEA,Dev,11/04/2019,Inactive,Terminated\n")
    plan, summary = import_file(store, write(tmp_path / "bamboo.csv", text))
    assert summary is not None, problems(plan)
    assert people(store) == [
        ("Anna Nowak", "anna@firma.pl", "Sales", "active", "", "2022-03-25"),
        ("Jan Kowalski", "jan@firma.pl", "IT", "left", "", "2019-11-04"),
    ]


def test_personio_export(store, tmp_path):
    text = ("ID;First name;Last name;Email;Status;Department;Team;Position;Hire date;Office\n"
            "11;Ewa;Lis;ewa@firma.pl;active;Marketing;Brand;Lead;2021-06-01;Warszawa\n"
            "12;Piotr;Wrona;piotr@firma.pl;inactive;IT;Core;Dev;2020-01-15;Kraków\n"
            "13;Ola;Sowa;ola@firma.pl;leave;HR;People;Partner;2019-09-09;Gdańsk\n"
            "14;Adam;Kruk;adam@firma.pl;onboarding;IT;Core;Dev;2026-11-01;Kraków\n")
    plan, summary = import_file(store, write(tmp_path / "personio.csv", text))
    assert summary is not None, problems(plan)
    assert [(p[0], p[2], p[3]) for p in people(store)] == [
        ("Ewa Lis", "Marketing", "active"), ("Piotr Wrona", "IT", "left"),
        ("Ola Sowa", "HR", "paused"), ("Adam Kruk", "IT", "onboarding"),
    ]


def test_workday_worker_report(store, tmp_path):
    text = ("Worker,Employee ID,Primary Work Email,Supervisory Organization,Business Title,"
            "Hire Date,Location\n"
            "Maria Zając,100200,maria@firma.pl,Finance (Maria Zając),Analyst,2018-02-01,Warsaw\n")
    plan, summary = import_file(store, write(tmp_path / "workday.csv", text))
    assert summary is not None, problems(plan)
    assert people(store) == [("Maria Zając", "maria@firma.pl", "Finance (Maria Zając)", "candidate",
                              "", "2018-02-01")]


def test_sap_successfactors_with_a_second_row_of_labels(store, tmp_path):
    text = ("STATUS,USERID,USERNAME,FIRSTNAME,LASTNAME,MI,GENDER,EMAIL,MANAGER,HR,DEPARTMENT,"
            "JOBCODE,DIVISION,LOCATION,TIMEZONE,HIREDATE,EMPID,TITLE,CITY,STATE,COUNTRY\n"
            "Status,User ID,Username,First Name,Last Name,Middle Name,Gender,Email,Manager,"
            "Human Resource,Department,Job Code,Division,Location,Time Zone,Hire Date,Employee Id,"
            "Title,City,State,Country\n"
            "active,u1,anowak,Anna,Nowak,,F,anna@firma.pl,u9,u8,Sales,J1,EMEA,WAW,Europe/Warsaw,"
            "2021-04-01,E1,Rep,Warszawa,Mazowieckie,PL\n"
            "inactive,u2,jkowal,Jan,Kowalski,,M,jan@firma.pl,u9,u8,IT,J2,EMEA,KRK,Europe/Warsaw,"
            "2019-10-01,E2,Dev,Kraków,Małopolskie,PL\n")
    plan, summary = import_file(store, write(tmp_path / "sf.csv", text))
    assert summary is not None, problems(plan)
    assert plan.rows == 2
    assert [(p[0], p[3]) for p in people(store)] == [("Anna Nowak", "active"), ("Jan Kowalski", "left")]


ENTRA = ("userPrincipalName,displayName,surname,mail,givenName,objectId,userType,jobTitle,"
         "department,accountEnabled,usageLocation,streetAddress,state,country,officeLocation,city,"
         "postalCode,telephoneNumber,mobile,alternateEmailAddress,ageGroup,companyName,"
         "creationType,directorySynced,invitationState,identityIssuer,createdDateTime\n"
         "anna@firma.pl,Anna Nowak,Nowak,Anna.Nowak@firma.pl,Anna,0001,Member,Rep,Sales,True,PL,"
         "Prosta 1,mazowieckie,Polska,WAW,Warszawa,00-001,,,,,Firma,,True,,firma.pl,2020-01-01\n"
         "jan@firma.pl,Jan Kowalski,Kowalski,,Jan,0002,Member,Dev,IT,False,PL,"
         "Długa 2,małopolskie,Polska,KRK,Kraków,30-001,,,,,Firma,,True,,firma.pl,2020-01-01\n")


def test_microsoft_entra_download_users(store, tmp_path):
    plan, summary = import_file(store, write(tmp_path / "entra.csv", ENTRA))
    assert summary is not None, problems(plan)
    # state is the province, never a status; accountEnabled=False means they left;
    # an empty mail falls back to the userPrincipalName
    assert people(store) == [
        ("Anna Nowak", "Anna.Nowak@firma.pl", "Sales", "candidate", "", None),
        ("Jan Kowalski", "jan@firma.pl", "IT", "left", "", None),
    ]
    assert "state" in plan.ignored


def test_google_workspace_bracketed_headers(store, tmp_path):
    text = ("First Name [Required],Last Name [Required],Email Address [Required],"
            "Password [Required],Org Unit Path [Required],Status [READ ONLY],"
            "Last Sign In [READ ONLY],Employee ID,Department\n"
            "Anna,Nowak,anna@firma.pl,****,/,Active,2026-11-01T10:00:00Z,1,Sales\n"
            "Jan,Kowalski,jan@firma.pl,****,/,Suspended,Never logged in,2,IT\n")
    plan, summary = import_file(store, write(tmp_path / "google.csv", text))
    assert summary is not None, problems(plan)
    assert [(p[0], p[1], p[3]) for p in people(store)] == [
        ("Anna Nowak", "anna@firma.pl", "active"), ("Jan Kowalski", "jan@firma.pl", "paused")]


def test_linkedin_connections_with_notes_preamble(store, tmp_path):
    text = ('Notes:\n'
            '"When exporting your connection data, you may notice that some of the email '
            'addresses are missing. You will only see email addresses for connections who have '
            'allowed their connections to see or download their email address using this '
            'setting https://www.linkedin.com/psettings/privacy/email. You can learn more here '
            'https://www.linkedin.com/help/linkedin/answer/261"\n'
            '\n'
            'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
            'Anna,Nowak,https://www.linkedin.com/in/anna-nowak,,Firma,Rep,12 Jan 2024\n'
            'Jan,Kowalski,https://www.linkedin.com/in/jkowalski,jan@firma.pl,Firma,Dev,01 Feb 2023\n')
    plan, summary = import_file(store, write(tmp_path / "Connections.csv", text))
    assert summary is not None, problems(plan)
    assert [(p[0], p[1], p[4]) for p in people(store)] == [
        ("Anna Nowak", None, "https://www.linkedin.com/in/anna-nowak"),
        ("Jan Kowalski", "jan@firma.pl", "https://www.linkedin.com/in/jkowalski")]


def test_polish_hr_export(store, tmp_path):
    text = ("Imię;Nazwisko;Adres e-mail;Dział;Data zatrudnienia;Status zatrudnienia\n"
            "Anna;Nowak;anna@firma.pl;Sprzedaż;01.02.2020;aktywny\n"
            "Jan;Kowalski;jan@firma.pl;IT;15.03.2018;zwolniony\n"
            "Ola;Sowa;ola@firma.pl;HR;10.10.2019;urlop\n"
            "Ewa;Lis;ewa@firma.pl;HR;11.11.2017;nieaktywna\n")
    plan, summary = import_file(store, write(tmp_path / "kadry.csv", text, "cp1250"))
    assert summary is not None, problems(plan)
    assert [(p[0], p[3], p[5]) for p in people(store)] == [
        ("Anna Nowak", "active", "2020-02-01"), ("Jan Kowalski", "left", "2018-03-15"),
        ("Ola Sowa", "paused", "2019-10-10"), ("Ewa Lis", "left", "2017-11-11")]


@pytest.mark.parametrize(("word", "status"), [
    ("inactive", "left"), ("Terminated", "left"), ("leave", "paused"), ("On leave", "paused"),
    ("nieaktywny", "left"), ("urlop", "paused"), ("zwolniony", "left"), ("zwolniona", "left"),
    ("suspended", "paused"), ("na urlopie", "paused"), ("zawieszony", "paused"),
])
def test_status_words_of_hr_systems(word, status):
    from advocacy_tui.data.csv_io import status_word

    assert status_word(word) == status


def test_a_column_that_only_may_be_a_status_is_not_used(store, tmp_path):
    path = write(tmp_path / "s.csv", "name,State\nAnna,mazowieckie\nJan,active\n")
    plan, summary = import_file(store, path)
    assert summary is not None, problems(plan)
    assert "State" in plan.ignored and any("“mazowieckie”" in n for n in plan.notices)
    assert [p[3] for p in people(store)] == ["candidate", "candidate"]


def test_a_column_named_status_is_taken_and_odd_words_are_row_problems(store, tmp_path):
    plan, summary = import_file(store, write(tmp_path / "s.csv", "name,status\nAnna,mazowieckie\n"))
    assert summary is None and any(t.startswith("row 2: status:") for t in problems(plan))
    plan = plan_import(store, read_table(tmp_path / "s.csv"), column_map={"status": "ignore"})
    assert plan.ok and plan.add[0][4] == "candidate"


def test_column_map_from_the_user(store, tmp_path):
    path = write(tmp_path / "m.csv", "Kto,Skrzynka,Stan\nAnna,anna@firma.pl,aktywna\n")
    with pytest.raises(ImportFileError, match="no name column"):
        plan_import(store, read_table(path))
    plan = plan_import(store, read_table(path),
                       column_map={"Kto": "name", "skrzynka": "email", "Stan": "ignore"})
    assert plan.ok, problems(plan)
    assert plan.add[0][:2] == ("Anna", "anna@firma.pl") and plan.add[0][4] == "candidate"


def test_column_map_in_polish_words(store, tmp_path):
    from advocacy_tui import i18n

    path = write(tmp_path / "m.csv", "Kto,Skrzynka,Stan\nAnna,anna@firma.pl,aktywna\n")
    i18n.set_language("pl")
    try:
        plan = plan_import(store, read_table(path),
                           column_map={"Kto": "Imię i nazwisko", "skrzynka": "e-mail", "Stan": "pomiń"})
        assert plan.ok, problems(plan)
        assert plan.add[0][:2] == ("Anna", "anna@firma.pl")
        with pytest.raises(ImportFileError, match="pomiń") as refused:
            plan_import(store, read_table(path), column_map={"Kto": "rozmiar buta"})
        assert "ignore" not in str(refused.value)
    finally:
        i18n.set_language("en")


def test_column_map_names_an_unknown_field(store, tmp_path):
    path = write(tmp_path / "m.csv", "name\nAnna\n")
    with pytest.raises(ImportFileError, match="shoe size"):
        plan_import(store, read_table(path), column_map={"name": "shoe size"})
    with pytest.raises(ImportFileError, match="“nope”"):
        plan_import(store, read_table(path), column_map={"nope": "email"})


# -- dates -------------------------------------------------------------------------------


def test_month_first_file_told_by_one_value(store, tmp_path):
    path = write(tmp_path / "d.csv", "name,Hire Date\nAnna,03/04/2022\nJan,12/25/2021\n")
    plan, summary = import_file(store, path)
    assert summary is not None, problems(plan)
    assert [p[5] for p in people(store)] == ["2022-03-04", "2021-12-25"]


def test_day_first_file_told_by_one_value(store, tmp_path):
    path = write(tmp_path / "d.csv", "name,joined\nAnna,03/04/2022\nJan,25/12/2021\n")
    plan, summary = import_file(store, path)
    assert summary is not None, problems(plan)
    assert [p[5] for p in people(store)] == ["2022-04-03", "2021-12-25"]


def test_a_file_that_cannot_tell_is_refused_with_its_rows(store, tmp_path):
    path = write(tmp_path / "d.csv", "name,joined\nAnna,03/04/2022\nJan,05/05/2021\nOla,2020-01-02\n"
                 "Ewa,01/02/2020\n")
    plan, summary = import_file(store, path)
    assert summary is None and people(store) == []
    text = problems(plan)
    assert any(t.startswith("row 2:") and "03/04/2022" in t and "--dates" in t for t in text)
    assert any(t.startswith("row 5:") for t in text)
    assert not any(t.startswith(("row 3:", "row 4:")) for t in text)  # 05/05 and ISO are clear
    plan = plan_import(store, read_table(path), date_order="mdy")
    assert plan.ok and [v[6] for v in plan.add] == ["2022-03-04", "2021-05-05", "2020-01-02", "2020-01-02"]
    plan = plan_import(store, read_table(path), date_order="dmy")
    assert plan.ok and plan.add[0][6] == "2022-04-03"


def test_a_file_mixing_orders_is_refused(store, tmp_path):
    path = write(tmp_path / "d.csv", "name,joined\nAnna,25/04/2022\nJan,04/25/2021\n")
    plan, summary = import_file(store, path)
    assert summary is None
    assert any("row 3" in t for t in problems(plan))


def test_dotted_polish_dates_stay_day_first(store, tmp_path):
    path = write(tmp_path / "d.csv", "name,joined\nAnna,03.04.2022\n")
    plan, summary = import_file(store, path)
    assert summary is not None and people(store)[0][5] == "2022-04-03"


def test_a_data_row_that_looks_like_a_header_never_hides_the_rows_above(store, tmp_path):
    # the first row is the header (no name column), whatever a later row holds
    path = write(tmp_path / "h.csv", "email,dept\nanna@firma.pl,IT\nName,Email\n")
    with pytest.raises(ImportFileError, match="no name column"):
        plan_import(store, read_table(path))


def test_skipped_lines_are_said(store, tmp_path):
    path = write(tmp_path / "n.csv", "Notes:\n\"some text, with a comma\"\n\nname,email\nAnna,a@firma.pl\n")
    plan = plan_import(store, read_table(path))
    assert plan.ok and plan.rows == 1 and any("before the header" in n for n in plan.notices)
    assert plan.preview[0][0] == 5  # the row number as a spreadsheet shows it


def test_the_preview_of_a_bad_row_shows_the_date_as_typed(store, tmp_path):
    path = write(tmp_path / "d.csv", "name,joined\nAnna,31.02.2025\nJan,03/04/2022\nOla,25/12/2021\n")
    plan = plan_import(store, read_table(path))
    assert [row["joined"] for _number, row in plan.preview[:2]] == ["31.02.2025", "2022-04-03"]
    plan = plan_import(store, read_table(write(tmp_path / "e.csv", "name,joined\nJan,03/04/2022\n")))
    assert plan.preview[0][1]["joined"] == "03/04/2022"
