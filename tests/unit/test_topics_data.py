"""Topics in the store: people's topics, formats and languages, one shared list of topics."""

from __future__ import annotations

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.migrations import SCHEMA_VERSION
from advocacy_tui.data.topics import TopicRepo
from advocacy_tui.domain.ambassadors import build_ambassador


def person(name: str, **fields: str):
    return build_ambassador({"name": name, **fields})


def test_a_person_keeps_topics_formats_and_languages(store):
    repo = AmbassadorRepo(store)
    key = repo.add(person("Anna", topics="employer branding, Java; rekrutacja", formats="video, text",
                          languages="pl, en"))
    anna = repo.get(key)
    assert anna.topics == ("employer branding", "Java", "rekrutacja")
    assert anna.formats == ("text", "video") and anna.languages == ("pl", "en")
    assert store.conn.execute("SELECT formats, languages FROM ambassadors").fetchone() == ("text, video", "pl, en")
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_one_topic_whatever_the_spelling_and_the_first_spelling_stays(store):
    repo = AmbassadorRepo(store)
    repo.add(person("Anna", topics="Employer Branding, Łódź"))
    bob = repo.add(person("Bob", topics="employer branding, ŁÓDŹ, Java"))
    assert store.conn.execute("SELECT count(*) FROM topics").fetchone()[0] == 3
    assert repo.get(bob).topics == ("Employer Branding", "Łódź", "Java")
    assert TopicRepo(store).names() == ["Employer Branding", "Łódź", "Java"]  # the most used first


def test_changing_and_removing_topics_drops_the_unused_ones(store):
    repo = AmbassadorRepo(store)
    key = repo.add(person("Anna", topics="Java, Python"))
    other = repo.add(person("Bob", topics="Python"))
    anna = repo.get(key)
    repo.update(build_ambassador({"name": "Anna", "topics": "Go, python"}, id=key), expected=anna)
    assert repo.get(key).topics == ("Go", "Python")
    assert sorted(TopicRepo(store).names()) == ["Go", "Python"]
    repo.delete(other)
    repo.delete(key)
    assert TopicRepo(store).names() == []


def test_forget_takes_their_topics_and_a_topic_named_after_them(store):
    from advocacy_tui.data.forget import forget

    repo = AmbassadorRepo(store)
    repo.add(person("Anna Nowak", email="anna@firma.pl", topics="Java, only Anna's hobby, Anna Nowak talks",
                    formats="video", languages="pl"))
    bob = repo.add(person("Bob Kowal", email="bob@firma.pl", topics="Java, Anna Nowak talks"))
    forget(store, "anna@firma.pl", wait_seconds=0)
    assert store.conn.execute("SELECT count(*) FROM person_topics").fetchone()[0] == 2
    assert repo.get(bob).topics == ("Java", "[removed] talks")
    assert store.conn.execute("SELECT key FROM topics ORDER BY key").fetchall() == [("[removed] talks",), ("java",)]


def test_import_reads_topics_formats_and_languages_in_polish_headers(store, tmp_path):
    from advocacy_tui.data.csv_io import import_file

    path = tmp_path / "people.csv"
    path.write_text("imię i nazwisko;e-mail;tematy;formaty;języki\n"
                    "Anna;anna@firma.pl;employer branding, Java, java;Tekst, wideo;polski, en\n",
                    encoding="utf-8")
    plan, summary = import_file(store, path)
    assert summary is not None and summary.added == 1, plan.problems
    anna = AmbassadorRepo(store).by_email("anna@firma.pl")
    assert (anna.topics, anna.formats, anna.languages) == (("employer branding", "Java"), ("text", "video"),
                                                           ("pl", "en"))


def test_an_unknown_language_refuses_the_whole_import(store, tmp_path):
    from advocacy_tui.data.csv_io import import_file

    path = tmp_path / "people.csv"
    path.write_text("name,email,languages\nAnna,anna@firma.pl,pl\nBob,bob@firma.pl,klingon\n", encoding="utf-8")
    plan, summary = import_file(store, path)
    assert summary is None and "klingon" in str(plan.problems[0]) and AmbassadorRepo(store).total() == 0


def test_export_and_import_again_round_trip_with_topics(store, tmp_path):
    from advocacy_tui.data.csv_io import export_to_file, import_file, read_table

    repo = AmbassadorRepo(store)
    repo.add(person("Anna", email="anna@firma.pl", topics="employer branding, Łódź", formats="video",
                    languages="pl, en"))
    repo.add(person("Bob", email="bob@firma.pl"))
    for fmt, headers in (("csv", "en"), ("csv", "pl"), ("xlsx", "pl"), ("xlsx", "en")):
        path = tmp_path / f"people-{headers}.{fmt}"
        export_to_file(store, "ambassadors", fmt, path, headers=headers)
        header = read_table(path).header
        assert ("tematy" if headers == "pl" else "topics") in header
        plan, summary = import_file(store, path)
        assert summary is not None and (summary.added, summary.updated, summary.unchanged) == (0, 0, 2), fmt
    # into an empty program: the same people with the same topics
    from advocacy_tui.data.store import Store

    with Store.open(tmp_path / "other.db", clock=store.clock) as other:
        _, summary = import_file(other, tmp_path / "people-pl.xlsx")
        assert summary is not None and summary.added == 2
        anna = AmbassadorRepo(other).by_email("anna@firma.pl")
        assert (anna.topics, anna.formats, anna.languages) == (("employer branding", "Łódź"), ("video",), ("pl", "en"))
