"""Issue 20: the program report opens with the goals (what the board reads first), in the
program's language, with a chart per goal in HTML that loads nothing and escapes its texts."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date

from advocacy_tui.data.goals import GoalRepo
from advocacy_tui.data.reports import program_report
from advocacy_tui.domain.goals import Goal

HOSTILE = '<script>alert(1)</script> | *big* & "so" [x](y)'


def section(text: str, start: str, end: str) -> str:
    assert start in text, text[:400]
    return text.split(start, 1)[1].split(end, 1)[0]


def test_demo_report_opens_with_its_goals_in_markdown(demo_store):
    text = program_report(demo_store, "md")
    lines = text.splitlines()
    assert lines[4] == "## Goals"  # right after the title and the subtitle
    goals = section(text, "## Goals\n", "## Roster")
    assert goals == (
        "\n| Goal | Baseline | Latest value | Target | Trend |\n"
        "|---|---|---|---|---|\n"
        "| Reach of ambassadors' posts | 4,200 (01.03.2026) | 6,010 (October 2026) | 6,300 by 01.02.2027 "
        "| \\+43%: on track |\n"
        "| Candidates who mention our people's posts | 3 (01.03.2026) | 5 (October 2026) | 12 by 01.04.2027 "
        "| \\+67%: behind |\n"
        "\nLaunched on 01.04.2026; reviews after 6 months (01.10.2026) and 9 months (01.01.2027).\n"
        "\n**The 6-month review is due (since 01.10.2026).**\n\n"
    )
    assert "<svg" not in text  # Markdown keeps the table only


def test_polish_report_has_its_goals_in_polish(polish_store):
    text = program_report(polish_store, "md")
    assert text.splitlines()[4] == "## Cele"
    goals = section(text, "## Cele\n", "## Ambasadorzy")
    assert "| Cel | Punkt wyjścia | Ostatnia wartość | Wartość docelowa | Trend |" in goals
    assert ("| Zasięg postów ambasadorów | 4\u00a0200 (01.03.2026) | 6\u00a0010 (październik 2026) | "
            "6\u00a0300 do 01.02.2027 | \\+43\u00a0%: zgodnie z planem |") in goals
    assert "Start programu: 01.04.2026; przeglądy po 6 miesiącach (01.10.2026)" in goals
    assert "**Czas na przegląd po 6 miesiącach (od 01.10.2026).**" in goals
    for english in ("Baseline", "Target", "behind", "on track", "review"):
        assert english not in goals, english


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, flags=re.S)


def urls(text: str) -> set[str]:
    return set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'<>)]*", text))


def test_html_report_draws_each_goal_and_loads_nothing(demo_store):
    html = program_report(demo_store, "html")
    goals = section(html, "<h2>Goals</h2>", "<h2>Roster</h2>")
    charts = svgs(goals)
    assert len(charts) == len(GoalRepo(demo_store).goals()) == 2
    assert len(svgs(html)) == 2
    assert "<table>" in goals and goals.index("<table>") < goals.index("<svg")
    # printable offline: no script, no web font, no address but the SVG namespace
    assert urls(html) == {"http://www.w3.org/2000/svg"}, urls(html)
    for loading in ("<script", "@import", "url(", "<link", "href=", "<!--"):
        assert loading not in html, loading
    # each chart has the goal's values, its baseline and its target, and the months in words
    first = charts[0]
    assert "<title>Reach of ambassadors&#x27;" in first or "<title>Reach of ambassadors' posts</title>" in first
    for word in (">Value<", ">Baseline<", ">Target<", ">Mar 2026<", ">Jan 2027<"):
        assert word in first, word
    assert program_report(demo_store, "html") == html  # the same report twice is the same file


def test_polish_html_chart_speaks_polish(polish_store):
    charts = svgs(program_report(polish_store, "html"))
    assert len(charts) == 2
    for word in (">Wartość<", ">Punkt wyjścia<", ">Cel<", ">mar 2026<", ">sty 2027<"):
        assert word in charts[0], word
    assert ">6\u00a0000<" in charts[0] and ">6,000<" not in charts[0]  # the axis written the Polish way


def test_hostile_goal_title_and_metric_name_stay_text(demo_store):
    repo = GoalRepo(demo_store)
    first = repo.goals()[0]
    repo.update(replace(first, title=HOSTILE))
    own = repo.add_metric("<b>Leads</b> | *hot*")
    repo.add(Goal(None, own.key, "", 1, date(2026, 3, 1), 10, date(2026, 12, 1)))
    html = program_report(demo_store, "html")
    assert "<script>" not in html and "<b>" not in html
    charts = svgs(html)
    assert len(charts) == 3
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in charts[0]  # the chart's title, escaped by its writer
    assert "&lt;b&gt;Leads&lt;/b&gt;" in charts[2]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | *big* &amp; " in html  # the table and the caption
    markdown = program_report(demo_store, "md")
    assert "| &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*big\\* &amp; \"so\" \\[x\\](y) |" in markdown
    assert "| &lt;b&gt;Leads&lt;/b&gt; \\| \\*hot\\* | 1 (01.03.2026) | – | 10 by 01.12.2026 | no values yet |" \
        in markdown


def test_without_goals_one_sentence_says_how_to_add_them(store):
    for fmt in ("md", "html"):
        text = program_report(store, fmt)
        assert "No goals yet. Add them with “advocacy-tui goals add METRIC" in text
        assert "key 6, Goals" in text
        assert "<svg" not in text and "review" not in text


def test_review_sentence_follows_the_launch_day(demo_store):
    repo = GoalRepo(demo_store)
    repo.set_launch_date(None)
    text = program_report(demo_store, "md")
    assert "No launch day is set, so the 6- and 9-month reviews have no dates yet" in text
    repo.set_launch_date(date(2026, 9, 1))
    text = program_report(demo_store, "md")
    assert "Launched on 01.09.2026; reviews after 6 months (01.03.2027) and 9 months (01.06.2027)." in text
    assert "No review is due yet." in text
    repo.set_launch_date(date(2026, 1, 15))
    assert "**The 9-month review is due (since 15.10.2026).**" in program_report(demo_store, "md")


def test_goals_section_names_nobody(demo_store):
    names = [name for (name,) in demo_store.db.conn.execute("SELECT name FROM ambassadors")]
    goals = section(program_report(demo_store, "html"), "<h2>Goals</h2>", "<h2>Roster</h2>")
    assert names and not [name for name in names if name in goals]


def test_report_modules_do_not_load_the_plotting_library():
    check = ("import json, sys; import advocacy_tui.data.reports, advocacy_tui.commands.readiness; "
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'pygal')))")
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []


def test_chart_lines_differ_in_black_and_white(demo_store):
    chart = svgs(program_report(demo_store, "html"))[0]
    # the baseline dotted, the target dashed, the values solid: in the lines and in the legend
    assert ".series.serie-1{stroke-width:2;stroke-dasharray:2,4}" in chart
    assert ".series.serie-2{stroke-width:2;stroke-dasharray:9,5}" in chart
    legend = chart.split('class="legends"', 1)[1]
    assert legend.count("stroke-dasharray:2,4") == 1 and legend.count("stroke-dasharray:9,5") == 1
    assert "<rect" not in legend  # colour boxes alone would look alike in grey


def test_the_linkedin_figures_are_summed_by_voice_never_by_person(demo_store):
    conn = demo_store.db.conn
    post, author = conn.execute("SELECT id, author_id FROM posts WHERE voice = 'personal' "
                                "AND author_id IS NOT NULL LIMIT 1").fetchone()
    name = conn.execute("SELECT name FROM ambassadors WHERE id = ?", (author,)).fetchone()[0]
    for url, post_id, impressions in (("u1", post, 4300), ("u2", None, 700)):
        conn.execute("INSERT INTO post_analytics (post_url, post_id, ambassador_id, source, published_on, "
                     "impressions, engagements, imported_at) VALUES (?, ?, ?, 'member', '2026-10-02', ?, 20, 'x')",
                     (url, post_id, author, impressions))
    text = program_report(demo_store, "md")
    figures = section(text, "## LinkedIn figures by voice\n", "## This week")
    assert "| personal | 1 | 4,300 | 20 |" in figures
    assert "| not in the calendar | 1 | 700 | 20 |" in figures
    assert name not in figures


def test_a_weekly_value_is_named_by_its_week_and_drawn_in_its_month(demo_store):
    from advocacy_tui.data.goal_charts import month_values
    from advocacy_tui.data.goals import Outcome

    repo = GoalRepo(demo_store)
    repo.add_outcome(Outcome("reach", "2026-W47", 6150, source="LinkedIn export"))
    goals = section(program_report(demo_store, "md"), "## Goals\n", "## Roster")
    assert "| Reach of ambassadors' posts | 4,200 (01.03.2026) | 6,150 (week 47, 2026) |" in goals
    assert "<svg" in program_report(demo_store, "html")
    # a month's own value wins over its weeks; a month with weeks only shows its latest week
    assert month_values([("2026-W39", 5), ("2026-09", 50), ("2026-W44", 7), ("2026-W45", 8)]) == {
        "2026-09": 50, "2026-10": 7, "2026-11": 8}
