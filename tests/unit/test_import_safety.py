"""Import never corrupts what is there: encodings decided with evidence, sane matching,
clear messages for broken quotes, huge cells and line breaks in addresses (issue 12 §5)."""

from __future__ import annotations

import csv

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from advocacy_tui.data.csv_io import ImportFileError, decode, import_file, parse_table, plan_import
from advocacy_tui.data.store import Store


def names(store: Store) -> list[str]:
    return [row[0] for row in store.db.conn.execute("SELECT name FROM ambassadors ORDER BY id")]


# -- encodings ------------------------------------------------------------------------


def test_utf8_file_with_one_windows_1250_byte_is_refused_naming_the_line(store, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("name,email\nJózef Wąs,jw@x.pl\n".encode())
    import_file(store, path)
    path.write_bytes("name,email,department\nJózef Wąs,jw@x.pl,IT\n".encode()
                     + b"Anna,a@x.pl,Sprzeda\xbf\n")
    with pytest.raises(ImportFileError) as caught:
        import_file(store, path)
    message = str(caught.value).lower()
    assert "line 3" in message and "utf-8" in message and "windows-1250" in message
    assert names(store) == ["Józef Wąs"]


@pytest.mark.parametrize("text", [
    "Imię i nazwisko;Dział\nŁucja Ńówka;PÓŁNOC\nŻaneta Ćma;Śląsk\n",
    "name;department\nJAN GÓŁKA;MĘŻCZYŹNI\nAnna Łąka;Północ\n",  # ÓŁ and ĘŻ are also valid UTF-8 pairs
])
def test_real_windows_1250_files_import(store, tmp_path, text):
    path = tmp_path / "pl.csv"
    path.write_bytes(text.encode("cp1250"))
    plan, summary = import_file(store, path)
    assert plan.encoding == "Windows-1250", plan.problems
    expected = [line.split(";")[0] for line in text.splitlines()[1:]]
    assert names(store) == expected


def test_windows_1250_capitals_that_are_also_valid_utf8_are_refused_not_read_as_cyrillic(store, tmp_path):
    path = tmp_path / "caps.csv"
    path.write_bytes("name;department\nJAN KOWALSKI;PÓŁNOC\n".encode("cp1250"))
    with pytest.raises(ImportFileError) as caught:
        import_file(store, path)
    message = str(caught.value)
    assert "Line 2" in message and "PÓŁNOC" in message and "CSV UTF-8" in message
    assert names(store) == []
    # Saved again as UTF-8 (what the message asks), the same file imports.
    path.write_bytes("name;department\nJAN KOWALSKI;PÓŁNOC\n".encode())
    assert import_file(store, path)[1].added == 1


def test_real_utf8_cyrillic_and_ipa_still_import(store, tmp_path):
    path = tmp_path / "u.csv"
    path.write_text("name,notes\nОлена Петренко,\nAnna,ʌ\n", encoding="utf-8")
    assert import_file(store, path)[1].added == 2


def test_utf8_bom_and_mixed_after_bom(tmp_path):
    assert decode("\ufeffname\nŁukasz\n".encode())[1] == "UTF-8 with BOM"
    with pytest.raises(ImportFileError, match="line 3"):
        decode("\ufeffname\nŁukasz\n".encode() + b"\xa3ucja\n")


def test_utf16_from_excel_is_read(store, tmp_path):
    path = tmp_path / "u.txt"
    path.write_bytes("name\temail\r\nŁucja Wąs\tl@x.pl\r\n".encode("utf-16"))
    plan, _ = import_file(store, path)
    assert plan.encoding.startswith("UTF-16") and names(store) == ["Łucja Wąs"]


POLISH = "aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄBCĆDEĘFGHIJKLŁMNŃOÓPRSŚTUWYZŹŻ .-'"
polish_text = st.text(alphabet=POLISH, min_size=1, max_size=20)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(polish_text, min_size=1, max_size=8), bom=st.booleans())
def test_any_utf8_text_decodes_exactly(lines, bom):
    text = "\n".join(lines) + "\n"
    data = ("\ufeff" if bom else "").encode() + text.encode()
    assert decode(data)[0] == text


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(polish_text, min_size=1, max_size=8))
def test_windows_1250_text_is_read_exactly_or_refused_never_garbled(lines):
    text = "\n".join(lines) + "\n"
    data = text.encode("cp1250")
    try:
        data.decode("utf-8")
        assume(False)  # bytes that are valid UTF-8 are read as UTF-8 (a documented limit)
    except UnicodeDecodeError:
        pass
    try:
        result = decode(data)
    except ImportFileError as error:  # random letters may look like a mix; refusing is safe
        assert "line" in str(error)
        return
    assert result[0] == text


WORDS = ["Łódź", "ŁÓDŹ", "Północ", "PÓŁNOC", "GÓŁKA", "Gółka", "MĘŻCZYŹNI", "Śląsk", "ŚLĄSK",
         "Żółć", "ŻÓŁĆ", "gęś", "część", "CZĘŚĆ", "węższy", "Ńówka", "Źdźbło", "ŹDŹBŁO", "Ćma",
         "ĆMA", "Józef", "JÓZEF", "Wąs", "WĄS", "Sprzedaż", "SPRZEDAŻ", "Kraków", "KRAKÓW",
         "Gdańsk", "GDAŃSK", "Anna", "Nowak", ";", ",", "-", " "]


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
                      min_size=1, max_size=8))
def test_real_polish_text_in_windows_1250_is_always_read_exactly(lines):
    text = "\n".join(lines) + "\n"
    data = text.encode("cp1250")
    try:
        data.decode("utf-8")
        assume(False)  # bytes that are valid UTF-8 are read as UTF-8 (a documented limit)
    except UnicodeDecodeError:
        pass
    assert decode(data) == (text, "Windows-1250")


@settings(max_examples=200, deadline=None)
@given(utf8=st.lists(polish_text, min_size=1, max_size=6), cp=polish_text, where=st.integers(0, 6))
def test_a_file_mixing_both_is_refused_at_the_first_line_they_disagree(utf8, cp, where):
    assume(any(not ch.isascii() for ch in "".join(utf8)))
    assume(any(not ch.isascii() for ch in cp))
    odd = cp.encode("cp1250")
    try:
        odd.decode("utf-8")
        assume(False)
    except UnicodeDecodeError:
        pass
    where = min(where, len(utf8))
    chunks = [line.encode() for line in utf8]
    chunks.insert(where, odd)
    with pytest.raises(ImportFileError, match="line") as caught:
        decode(b"\n".join(chunks) + b"\n")
    assert "neither" not in str(caught.value)


def test_an_update_never_turns_stored_names_into_mojibake(store, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("name,email\nJózef Wąs,jw@x.pl\n", encoding="utf-8")
    import_file(store, path)
    # A file garbled by another program: UTF-8 read as Windows-1250 and saved again.
    path.write_text("name,email\nJózef Wąs,jw@x.pl\n".encode().decode("cp1250"), encoding="utf-8")
    plan, summary = import_file(store, path)
    assert summary is None and names(store) == ["Józef Wąs"]
    assert plan.problems and plan.problems[0].row == 2
    assert "Józef Wąs" in plan.problems[0].message


@pytest.mark.parametrize("codec", ["cp1250", "cp1252", "latin-1"])
def test_any_stored_name_garbled_on_the_way_is_refused(store, tmp_path, codec):
    path = tmp_path / "a.csv"
    path.write_text("name,email,department\nHans Müller,hm@x.pl,Öl & Gas\n", encoding="utf-8")
    import_file(store, path)
    garbled = "name,email,department\nHans Müller,hm@x.pl,Öl & Gas\n".encode().decode(codec)
    path.write_text(garbled, encoding="utf-8")
    plan, summary = import_file(store, path)
    assert summary is None and names(store) == ["Hans Müller"]
    assert {p.row for p in plan.problems} == {2} and len(plan.problems) == 2


def test_a_correct_spelling_may_replace_a_garbled_one(store, tmp_path):
    path = tmp_path / "a.csv"
    store.db.conn.execute(
        "INSERT INTO ambassadors (name, email, sort_key, search_text, created_at, updated_at) "
        "VALUES ('JĂłzef WÄ…s', 'jw@x.pl', '', '', 'x', 'x')")
    path.write_text("name,email\nJózef Wąs,jw@x.pl\n", encoding="utf-8")
    plan, summary = import_file(store, path)
    assert summary is not None and summary.updated == 1 and names(store) == ["Józef Wąs"]


# -- matching -------------------------------------------------------------------------


def test_namesakes_without_email_are_a_row_problem_not_a_new_person(store, tmp_path):
    for _ in range(2):
        store.db.conn.execute(
            "INSERT INTO ambassadors (name, sort_key, search_text, created_at, updated_at) "
            "VALUES ('Jan Kowalski', 'jan kowalski', 'jan kowalski', 'x', 'x')")
    path = tmp_path / "one.csv"
    path.write_text("name,department\nJan Kowalski,IT\n")
    for _ in range(2):
        plan, summary = import_file(store, path)
        assert summary is None and not plan.add and not plan.update
        assert [p.row for p in plan.problems] == [2]
        assert "2 people" in plan.problems[0].message
    assert names(store) == ["Jan Kowalski", "Jan Kowalski"]


def test_importing_the_same_file_twice_changes_nothing(store, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("name,email,department,linkedin,joined\n"
                    "Anna,,IT,linkedin.com/in/anna,1.2.2024\n"
                    "Ben,BEN@x.pl,HR,,\n"
                    "Józef Wąs,,Sprzedaż,,\n", encoding="utf-8")
    first = import_file(store, path)[1]
    assert (first.added, first.updated) == (3, 0)
    before = store.db.conn.execute("SELECT * FROM ambassadors ORDER BY id").fetchall()
    second = import_file(store, path)[1]
    assert (second.added, second.updated, second.unchanged) == (0, 0, 3)
    assert store.db.conn.execute("SELECT * FROM ambassadors ORDER BY id").fetchall() == before


# -- quotes, huge cells, line breaks ----------------------------------------------------


def test_unbalanced_quote_in_the_header_is_named_and_linear(tmp_path):
    for rows in (1_000, 200_000):
        data = b'"name,email\n' + b"Anna,a@x.pl\n" * rows
        with pytest.raises(ImportFileError) as caught:
            parse_table(data)
        message = str(caught.value).lower()
        assert "quote" in message and "line 1" in message and "never closed" in message


def test_unbalanced_quote_in_a_data_row_is_named(store):
    data = b'name,notes\nAnna,ok\nBen,"oops\nCarl,x\nDora,y\n'
    with pytest.raises(ImportFileError) as caught:
        plan_import(store, parse_table(data))
    message = str(caught.value).lower()
    assert "row 3" in message and "notes" in message and "never closed" in message


def test_unbalanced_quote_in_a_big_file_is_named_not_a_field_limit_crash(store):
    data = b'name,notes\nAnna,ok\nBen,"oops\n' + b"Carl,x\n" * 30_000
    with pytest.raises(ImportFileError) as caught:
        plan_import(store, parse_table(data))
    message = str(caught.value).lower()
    assert "row 3" in message and "notes" in message and "quote" in message


def test_a_stray_quote_closed_rows_later_does_not_swallow_them_silently(store):
    data = (b'name,email,notes\nAnna,a@x.pl,ok\nBen,b@x.pl,"oops\n'
            + b"".join(b"P%d,p%d@x.pl,x\n" % (n, n) for n in range(10)) + b'Zed,z@x.pl,"fine"\n')
    with pytest.raises(ImportFileError) as caught:
        plan_import(store, parse_table(data))
    message = str(caught.value).lower()
    assert "row 3" in message and "notes" in message and "line 3" in message and "quote" in message


@pytest.mark.parametrize("notes", ["Lista:\n- jeden, dwa\n- trzy, cztery\n",
                                   "Adres:\nul. Długa 1, 00-001 Warszawa, Polska\ntel. 1, 2\n"])
def test_real_multi_line_notes_with_commas_are_kept(store, notes):
    for header in ("name,notes", "name,email,notes"):
        extra = ",a@x.pl" if "email" in header else ""
        data = f'{header}\nAnna{extra},"{notes}"\nBen{extra.replace("a@", "b@")},x\n'.encode()
        plan = plan_import(store, parse_table(data))
        assert plan.ok and plan.add[0][-1] == notes


def test_a_real_multi_line_note_is_kept(store):
    data = b'name,email,notes\nAnna,a@x.pl,"Lista:\n- jeden, dwa\n- trzy\n"\n'
    plan = plan_import(store, parse_table(data))
    assert plan.ok and plan.add[0][-1] == "Lista:\n- jeden, dwa\n- trzy\n"


def test_a_cell_over_the_csv_limit_names_row_and_column(store):
    big = "x" * (csv.field_size_limit() + 10)
    data = f'name,notes\nAnna,ok\nBen,"{big}"\n'.encode()
    with pytest.raises(ImportFileError) as caught:
        plan_import(store, parse_table(data))
    message = str(caught.value).lower()
    assert "row 3" in message and "notes" in message and "131,072" in message


def test_a_line_break_in_a_linkedin_address_is_a_row_problem(store):
    data = b'name,linkedin\nAnna,"https://www.linkedin.com/in/anna\r\nx"\n'
    plan = plan_import(store, parse_table(data))
    assert [p.row for p in plan.problems] == [2]
    assert "linkedin" in plan.problems[0].message and "line break" in plan.problems[0].message


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["Jan Kowalski", "jan  kowalski", "Anna Wąs",
                                                 "Józef", "Jo\u0301zef", "Ola"]),
                               st.sampled_from(["", "a@x.pl", "A@X.pl", "b@x.pl"]),
                               st.sampled_from(["", "IT", "HR"])), max_size=8),
       stored=st.lists(st.sampled_from(["Jan Kowalski", "Ola", "Józef"]), max_size=3))
def test_any_file_imported_twice_changes_nothing_the_second_time(tmp_path_factory, rows, stored):
    folder = tmp_path_factory.mktemp("twice")
    path = folder / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "email", "department"])
        writer.writerows(rows)
    with Store.open(folder / "p.db") as store:
        for name in stored:
            store.db.conn.execute(
                "INSERT INTO ambassadors (name, sort_key, search_text, created_at, updated_at) "
                "VALUES (?, '', '', 'x', 'x')", (name,))
        import_file(store, path, skip_invalid=True)
        before = store.db.conn.execute("SELECT * FROM ambassadors ORDER BY id").fetchall()
        plan, _summary = import_file(store, path, skip_invalid=True)
        assert (len(plan.add), len(plan.update)) == (0, 0)
        assert store.db.conn.execute("SELECT * FROM ambassadors ORDER BY id").fetchall() == before
