from advocacy_tui.themes import load_themes


def test_bundled_themes_load():
    themes, problems = load_themes(None)
    names = {theme.name for theme in themes}
    assert {"advocacy-dark", "advocacy-light", "advocacy-contrast"} <= names
    assert problems == []


def test_user_theme_files_are_added_and_bad_ones_reported(tmp_path):
    (tmp_path / "mine.toml").write_text('name = "mine"\nprimary = "#112233"\ndark = false\n')
    (tmp_path / "broken.toml").write_text('name = "broken"\nprimary = "not a colour"\n')
    (tmp_path / "junk.toml").write_text("[[[")
    themes, problems = load_themes(tmp_path)
    assert "mine" in {theme.name for theme in themes}
    assert {problem.path.name for problem in problems} == {"broken.toml", "junk.toml"}
