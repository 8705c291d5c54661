"""Reports as files: a readiness run, and the state of the program, in Markdown or HTML.

HTML is one self-contained page (inline CSS, prints well). Every text that came
from a user or a file is escaped: in HTML with ``html.escape``, in Markdown with
``md_escape`` so that it cannot add links, headings, tables or raw HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from advocacy_tui.data.files import write_private
from advocacy_tui.data.files_written import REPORT, record_file_written
from advocacy_tui.data.goals import GoalRepo
from advocacy_tui.data.readiness import ReadinessRepo, Run
from advocacy_tui.data.settings import SettingsRepo
from advocacy_tui.data.store import Store
from advocacy_tui.data.tasks import TaskRepo
from advocacy_tui.data.today import TodayRepo
from advocacy_tui.domain.ambassadors import ROLE_LABELS, ROLES, STATUS_LABELS, STATUSES
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.goals import (
    STATE_WORDS,
    Metric,
    change_text,
    month_of,
    period_label,
    read_goal,
    review_due,
    reviews,
    value_text,
)
from advocacy_tui.domain.onboarding import STEP_LABELS, STEPS
from advocacy_tui.domain.readiness import Bank
from advocacy_tui.domain.readiness_texts import (
    answer_label,
    flag_line,
    reason_text,
    recheck_text,
    score_word,
    standing_label,
    verdict_label,
    words,
)
from advocacy_tui.domain.tasks import format_minutes, week_start
from advocacy_tui.domain.text import printable
from advocacy_tui.domain.today import MIX_DAYS, since
from advocacy_tui.formatting import format_number, format_percent, month_label
from advocacy_tui.i18n import _, current_language, ngettext

FORMATS = ("md", "html")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def md_escape(text: str | None) -> str:
    """User text as inert Markdown on one line: no markup, links, headings or HTML."""
    value = printable(text or "")
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    value = re.sub(r"^(\d+)([.)])", r"\1\\\2", value)
    value = re.sub(r"^([-+=])", r"\\\1", value)
    return value


def h(text: str | None) -> str:
    return html.escape(printable(text or ""), quote=True)


# -- a small document model, written out as Markdown or HTML ----------------------------


@dataclass
class Doc:
    title: str
    subtitle: str
    language: str = "en"

    def __post_init__(self) -> None:
        self.blocks: list[tuple] = []

    def heading(self, text: str) -> None:
        self.blocks.append(("h2", text))

    def para(self, text: str, *, strong: bool = False) -> None:
        self.blocks.append(("p", text, strong))

    def items(self, items: Sequence[str], *, ordered: bool = False) -> None:
        self.blocks.append(("list", list(items), ordered))

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.blocks.append(("table", list(header), [list(row) for row in rows]))

    def bars(self, header: Sequence[str], rows: Sequence[tuple[str, int | None, str]]) -> None:
        """Scores 0-100 with a bar: text blocks in Markdown, a drawn bar in HTML."""
        self.blocks.append(("bars", list(header), list(rows)))

    def charts(self, charts: Sequence[tuple[str, str]]) -> None:
        """Pictures for the HTML page only: (caption, SVG markup) each. The markup is trusted
        (made by a plotting library that escapes its texts); the caption is escaped here.
        Markdown leaves them out: its tables say the same."""
        self.blocks.append(("charts", list(charts)))

    def markdown(self) -> str:
        out = [f"# {md_escape(self.title)}", "", md_escape(self.subtitle), ""]
        for block in self.blocks:
            if block[0] == "h2":
                out += [f"## {md_escape(block[1])}", ""]
            elif block[0] == "p":
                text = md_escape(block[1])
                out += [f"**{text}**" if block[2] else text, ""]
            elif block[0] == "list":
                for number, item in enumerate(block[1], start=1):
                    out.append(f"{number}. {md_escape(item)}" if block[2] else f"- {md_escape(item)}")
                out.append("")
            elif block[0] == "bars":
                header = block[1]
                out.append("| " + " | ".join(md_escape(c) for c in header) + " |")
                out.append("|---|---|---:|---|")
                for title, score, word in block[2]:
                    filled = round((score or 0) / 10)
                    bar = "█" * filled + "░" * (10 - filled)
                    out.append(f"| {md_escape(title)} | {bar} | {'–' if score is None else score} | "
                               f"{md_escape(word)} |")
                out.append("")
            elif block[0] == "charts":
                continue
            elif block[0] == "table":
                header, rows = block[1], block[2]
                out.append("| " + " | ".join(md_escape(c) for c in header) + " |")
                out.append("|" + "|".join("---" for _ in header) + "|")
                for row in rows:
                    out.append("| " + " | ".join(md_escape(c) for c in row) + " |")
                out.append("")
        return "\n".join(out).rstrip("\n") + "\n"

    def text(self) -> str:
        """Plain text, as a chat message or an email without formatting: headings underlined,
        lists with dashes, tables as lines; user text only made printable."""
        def line(text: str) -> str:
            return " ".join(printable(text).split())

        out = [line(self.title), "=" * min(len(line(self.title)), 60), line(self.subtitle), ""]
        for block in self.blocks:
            if block[0] == "h2":
                out += [line(block[1]), "-" * min(len(line(block[1])), 60)]
            elif block[0] == "p":
                out += [line(block[1]), ""]
            elif block[0] == "list":
                out += [(f"{number}. " if block[2] else "- ") + line(item)
                        for number, item in enumerate(block[1], start=1)] + [""]
            elif block[0] == "table":
                out += [" · ".join(line(c) for c in row) for row in block[2]] + [""]
            elif block[0] == "bars":
                out += [f"{line(title)}: {'–' if score is None else score} ({line(word)})"
                        for title, score, word in block[2]] + [""]
        return "\n".join(out).rstrip("\n") + "\n"

    def html(self, page_size: str = "A4") -> str:
        if page_size not in PAGE_SIZES:
            raise ValueError(f"unknown page size {page_size!r}")
        body = [f"<h1>{h(self.title)}</h1>", f'<p class="sub">{h(self.subtitle)}</p>']
        for block in self.blocks:
            if block[0] == "h2":
                body.append(f"<h2>{h(block[1])}</h2>")
            elif block[0] == "p":
                text = h(block[1])
                body.append(f'<p class="strong">{text}</p>' if block[2] else f"<p>{text}</p>")
            elif block[0] == "list":
                tag = "ol" if block[2] else "ul"
                body.append(f"<{tag}>" + "".join(f"<li>{h(item)}</li>" for item in block[1]) + f"</{tag}>")
            elif block[0] == "bars":
                head = "".join(f"<th>{h(c)}</th>" for c in block[1])
                rows = "".join(
                    f'<tr><td>{h(title)}</td><td class="bar"><span style="width: {score or 0}%"></span></td>'
                    f'<td class="num">{"–" if score is None else score}</td><td>{h(word)}</td></tr>'
                    for title, score, word in block[2]
                )
                body.append(f'<table class="bars"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
            elif block[0] == "table":
                head = "".join(f"<th>{h(c)}</th>" for c in block[1])
                rows = "".join("<tr>" + "".join(f"<td>{h(c)}</td>" for c in row) + "</tr>" for row in block[2])
                body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
            elif block[0] == "charts":
                body.append('<div class="charts">' + "".join(
                    f'<figure class="chart" role="img" aria-label="{h(caption)}">{svg}'
                    f"<figcaption>{h(caption)}</figcaption></figure>" for caption, svg in block[1]) + "</div>")
        css = CSS + (CHART_CSS if any(block[0] == "charts" for block in self.blocks) else "")
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{h(self.language)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{h(self.title)}</title>\n<style>\n{css}{print_css(page_size)}</style>\n</head>\n<body>\n<main>\n"
            + "\n".join(body)
            + "\n</main>\n</body>\n</html>\n"
        )

    def render(self, fmt: str, page_size: str = "A4") -> str:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        return self.markdown() if fmt == "md" else self.html(page_size)


CSS = """\
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430;
       background: #fff; margin: 0; line-height: 1.45; }
main { max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin-top: 1.8rem; border-bottom: 2px solid #d6dbe3; padding-bottom: 0.2rem; }
.sub { color: #5b6575; margin-top: 0; }
.strong { font-weight: 600; font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e3e7ee; vertical-align: top; }
th { background: #f2f4f8; }
li { margin: 0.2rem 0; }
td.bar { width: 40%; }
td.bar span { display: block; height: 0.8rem; background: #3b6fb6; border-radius: 2px;
              -webkit-print-color-adjust: exact; print-color-adjust: exact; }
td.num { text-align: right; width: 3rem; }
@media print {
  body { font-size: 10.5pt; }
  main { margin: 0; max-width: none; padding: 0; }
  h2 { break-after: avoid-page; break-inside: avoid; }
  h2 + table, h2 + ul, h2 + ol, h2 + p { break-before: avoid-page; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; }
  th { background: none; }
}
"""

#: added to a page that has charts
CHART_CSS = """\
.charts { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0.8rem 0; }
figure.chart { flex: 1 1 18rem; max-width: 25rem; margin: 0; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 0.9rem; color: #5b6575; text-align: center; margin-top: 0.2rem; }
"""

#: the paper sizes a report can print on (the ``page_size`` setting); CSS names them so
PAGE_SIZES = ("A4", "A5", "A3", "letter", "legal")


def print_css(page_size: str) -> str:
    """The printed page: its size (A4 unless configured) and margins."""
    return f"@page {{ size: {page_size}; margin: 16mm 14mm; }}\n"


def report_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".md":
        return "md"
    if suffix in (".html", ".htm"):
        return "html"
    raise ValueError(_("{name}: the file name must end in .md or .html").format(name=path.name))


# -- readiness report --------------------------------------------------------------------


def _day(stamp: str | None) -> str:
    return format_date(date.fromisoformat(stamp[:10])) if stamp else ""


def readiness_doc(store: Store, run: Run, bank: Bank) -> Doc:
    """The report of a run, in the run's language (its bank's), whatever the app speaks."""
    lang = bank.language
    tr = words(lang)
    repo = ReadinessRepo(store)
    result = repo.result(run, bank)
    answers = repo.answers(run.id)
    parts = [tr.gettext("Question bank: {title}").format(title=bank.title),
             tr.gettext("Started: {day}").format(day=_day(run.started_at))]
    if run.finished_at:
        parts.append(tr.gettext("Finished: {day}").format(day=_day(run.finished_at)))
    if run.workshop:
        parts.append(tr.gettext("Workshop run"))
    title = tr.gettext("Readiness report: {title}").format(title=run.title or bank.title)
    doc = Doc(title, " · ".join(parts), lang)
    doc.heading(tr.gettext("Verdict"))
    doc.para(verdict_label(lang, result.verdict), strong=True)
    doc.para(reason_text(lang, result))
    doc.para(tr.ngettext("{answered} of {total} question answered", "{answered} of {total} questions answered",
                         result.total).format(answered=result.answered, total=result.total))
    doc.heading(tr.gettext("Areas"))
    rows = [(s.section.title, s.score, standing_label(lang, result, s.section.id)) for s in result.sections]
    if result.overall is not None:
        rows.append((tr.gettext("Overall"), result.overall, score_word(lang, result.overall)))
    doc.bars([tr.gettext("Area"), "", tr.gettext("Score"), ""], rows)
    doc.heading(tr.gettext("Red flags"))
    if result.flags:
        doc.items([flag_line(lang, flag) for flag in result.flags])
    else:
        doc.para(tr.gettext("No red flags."))
    doc.heading(tr.gettext("The three most important next steps"))
    if result.steps:
        doc.items([step.text for step in result.steps], ordered=True)
    else:
        doc.para(tr.gettext("Nothing urgent: keep the program warm."))
    doc.heading(tr.gettext("When to check again"))
    doc.para(recheck_text(lang, result.recheck))
    doc.heading(tr.gettext("Every answer"))
    table = []
    for number, question in enumerate(bank.questions, start=1):
        answer = answers.get(question.id)
        label = answer_label(lang, question, answer.value if answer else None, bool(answer and answer.skipped))
        if answer and answer.votes:
            label += " (" + ", ".join(f"{answer_label(lang, question, k)}: {v}"
                                      for k, v in sorted(answer.votes.items())) + ")"
        table.append([str(number), bank.section(question.section).title, question.text, label,
                      answer.note if answer else ""])
    doc.table(["#", tr.gettext("Area"), "?", tr.gettext("Answer"), tr.gettext("Note")], table)
    return doc


def readiness_report(store: Store, run: Run, bank: Bank, fmt: str, page_size: str = "A4") -> str:
    return readiness_doc(store, run, bank).render(fmt, page_size)


def write_readiness_report(store: Store, run: Run, bank: Bank, path: Path) -> Path:
    text = readiness_report(store, run, bank, report_format(path))
    written = write_private(path, text.encode("utf-8"))
    record_file_written(store, written, REPORT)
    return written


# -- program report ------------------------------------------------------------------------

ROLE_ORDER = ROLES
STATUS_ORDER = STATUSES


def _count_by(store: Store, column: str, order: Sequence[str]) -> list[tuple[str, int]]:
    rows = dict(store.db.conn.execute(f"SELECT {column}, count(*) FROM ambassadors GROUP BY {column}").fetchall())
    return [(key, rows.get(key, 0)) for key in order if rows.get(key, 0)] + \
        [(key, count) for key, count in sorted(rows.items()) if key not in order]


def _label(labels: Mapping[str, str], key: str) -> str:
    return _(labels[key]) if key in labels else key


def goals_section(doc: Doc, store: Store, *, html_charts: bool = True) -> None:
    """What the board reads first: each goal from its baseline to its target, where it stands
    (the same reading as ``goals list`` and Today), and whether a review is due. Figures for
    the program as a whole, never per person."""
    repo = GoalRepo(store)
    today = store.clock.today()
    doc.heading(_("Goals"))
    goals = repo.goals()
    if not goals:
        doc.para(_("No goals yet. Add them with “advocacy-tui goals add METRIC --baseline ... "
                   "--baseline-date ... --target ... --target-date ...”, or in the app: key 6, Goals."))
        return
    rows: list[list[str]] = []
    charts: list[tuple[str, str]] = []
    for number, goal in enumerate(goals, start=1):
        metric = repo.metric(goal.metric) or Metric(goal.metric, goal.metric, builtin=False)
        series = repo.series(metric, month_of(goal.baseline_on))
        reading = read_goal(goal, series, today)
        name = goal.title or metric.title()
        if reading.latest is None:
            latest, trend = "–", _(STATE_WORDS[reading.state])
        else:
            period, value = reading.latest
            latest = _("{value} ({month})").format(
                value=value_text(value, metric.unit), month=period_label(period, wide=True))
            trend = _("{change}: {state}").format(change=change_text(value, goal.baseline, metric.unit),
                                                 state=_(STATE_WORDS[reading.state]))
        rows.append([name,
                     _("{value} ({day})").format(value=value_text(goal.baseline, metric.unit),
                                                 day=format_date(goal.baseline_on)),
                     latest,
                     _("{value} by {day}").format(value=value_text(goal.target, metric.unit),
                                                  day=format_date(goal.target_on)),
                     trend])
        if html_charts:
            from advocacy_tui.data.goal_charts import goal_chart_svg

            charts.append((name, goal_chart_svg(goal, metric, series, f"goal-{number}")))
    if rows:
        doc.table([_("Goal"), _("Baseline"), _("Latest value"), _("Target"), _("Trend")], rows)
    if charts:
        doc.charts(charts)
    launch = repo.launch_date()
    if launch is None:
        doc.para(_("No launch day is set, so the 6- and 9-month reviews have no dates yet: set it "
                   "with “advocacy-tui goals launch DAY”."))
        return
    six, nine = reviews(launch)
    doc.para(_("Launched on {day}; reviews after 6 months ({six}) and 9 months ({nine}).").format(
        day=format_date(launch), six=format_date(six), nine=format_date(nine)))
    due = review_due(launch, today)
    if due is None:
        doc.para(_("No review is due yet."))
    else:
        doc.para(_("The {months}-month review is due (since {day}).").format(
            months=due[0], day=format_date(due[1])), strong=True)


def groups_section(doc: Doc, store: Store) -> None:
    """The counted outcomes per group for the last full month: totals of each group (the
    same counts as the goals' counted metrics), never a figure per person; a group of fewer
    than three people is named without figures."""
    from advocacy_tui.data.groups import group_outcomes, month_span, outcome_cells, outcome_header

    today = store.clock.today()
    last_month = month_of(today.replace(day=1) - timedelta(days=1))
    first, last = month_span(last_month, today)
    rows = group_outcomes(store, first, last)
    if not rows:
        return
    doc.heading(_("Outcomes by group, {month}").format(month=month_label(first, wide=True)))
    doc.para(_("Each group's own totals: members who published, posts a week, the share of "
               "personal posts, and the LinkedIn figures of their posts. A person may be in several "
               "groups, so the groups do not add up to the program. No group is ranked."))
    doc.table(outcome_header(), [outcome_cells(row) for row in rows])


def funnel_section(doc: Doc, store: Store) -> None:
    """The recruitment funnel as the roster's r shows it: counts only, nobody ranked."""
    from advocacy_tui.data.funnel import funnel
    from advocacy_tui.domain.funnel import STAGES

    result = funnel(store)
    doc.heading(_("Recruitment funnel"))
    header = [_("Stage"), _("People")]
    if result.employees:
        header.append(_("Share of employees"))
    rows = []
    for stage in STAGES:
        row = [_label(STATUS_LABELS, stage), format_number(result.count(stage))]
        if result.employees:
            row.append(format_percent(result.count(stage) / result.employees))
        rows.append(row)
    doc.table(header, rows)
    doc.para(" ".join(part for part in (result.share_words(), result.usual_words()) if part))
    doc.para(result.recommended_words())
    if result.waves:
        doc.table([_("Invited on"), _("Invited"), _("Active now")],
                  [[format_date(wave.day), format_number(wave.invited), format_number(wave.active_now)]
                   for wave in result.waves])
        if result.older_waves:
            doc.para(ngettext("And {n} earlier invitation wave.", "And {n} earlier invitation waves.",
                              result.older_waves).format(n=format_number(result.older_waves)))
    else:
        doc.para(_("No invitations recorded yet."))


def program_doc(store: Store, voice_labels: dict[str, str] | None = None, *,
                html_charts: bool = True) -> Doc:
    """The program as the app shows it: the same functions and labels as Today and the roster."""
    today = store.clock.today()
    settings = SettingsRepo(store)
    name = settings.program_name
    day = format_date(today)
    subtitle = (_("{program}: the state of the program on {day}.").format(program=name, day=day) if name
                else _("The state of the program on {day}.").format(day=day))
    doc = Doc(_("Program report"), subtitle, current_language())
    goals_section(doc, store, html_charts=html_charts)
    conn = store.db.conn
    total = conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0]
    doc.heading(_("Roster"))
    if total:
        doc.para(ngettext("{n} person in the roster.", "{n} people in the roster.", total).format(n=total))
        doc.table([_("Role"), _("People")], [[_label(ROLE_LABELS, role), str(count)]
                                              for role, count in _count_by(store, "role", ROLE_ORDER)])
        doc.table([_("Status"), _("People")],
                  [[_label(STATUS_LABELS, status), str(count)]
                   for status, count in _count_by(store, "status", STATUS_ORDER)])
    else:
        doc.para(_("Nobody is in the roster yet."))

    doc.heading(_("Onboarding"))
    onboarding = conn.execute("SELECT count(*) FROM ambassadors WHERE status IN ('onboarding', 'active')").fetchone()[0]
    if onboarding:
        done = dict(conn.execute(
            "SELECT s.step, count(*) FROM onboarding_steps s JOIN ambassadors a ON a.id = s.ambassador_id "
            "WHERE a.status IN ('onboarding', 'active') GROUP BY s.step").fetchall())
        complete = conn.execute(
            "SELECT count(*) FROM (SELECT s.ambassador_id FROM onboarding_steps s JOIN ambassadors a "
            "ON a.id = s.ambassador_id WHERE a.status IN ('onboarding', 'active') "
            "GROUP BY s.ambassador_id HAVING count(*) >= ?)", (len(STEPS),)).fetchone()[0]
        doc.para(_("{complete} of {n} people onboarding or active have finished every step.").format(
            complete=complete, n=onboarding))
        doc.table([_("Step"), _("Done"), _("Share")],
                  [[_label(STEP_LABELS, step), _("{done} of {n}").format(done=done.get(step, 0), n=onboarding),
                    format_percent(done.get(step, 0) / onboarding)]
                   for step in STEPS])
    else:
        doc.para(_("Nobody is onboarding or active yet."))

    funnel_section(doc, store)

    # the same count as Today's content mix: published posts of the last 30 days
    doc.heading(_("Content mix, last 30 days"))
    mix = TodayRepo(store).content_mix()
    labels = voice_labels or {}
    if mix.total:
        doc.para(ngettext("{n} published in the last 30 days ({first} – {last}).",
                          "{n} published in the last 30 days ({first} – {last}).", mix.total).format(
            n=mix.total, first=format_date(since(today, MIX_DAYS)), last=day))
        ordered = sorted(mix.counts.items(), key=lambda item: (-item[1], item[0]))
        doc.table([_("Voice"), _("Posts"), _("Share")],
                  [[labels.get(voice, voice), str(count), format_percent(count / mix.total)]
                   for voice, count in ordered])
    else:
        doc.para(_("No posts were published in the last 30 days."))

    # what the LinkedIn analytics imports gave, per voice of the post: never per person
    from advocacy_tui.data.post_figures import totals_by_voice

    by_voice = totals_by_voice(store)
    if by_voice:
        doc.heading(_("LinkedIn figures by voice"))
        doc.para(_("From the LinkedIn analytics exports imported so far; a post not found in the "
                   "calendar has no voice."))
        shown = lambda value: format_number(value) if value is not None else "–"  # noqa: E731
        doc.table([_("Voice"), _("Posts"), _("Impressions"), _("Engagements")],
                  [[labels.get(voice, voice) if voice else _("not in the calendar"), format_number(t.posts),
                    shown(t.impressions), shown(t.engagements)] for voice, t in by_voice.items()])

    groups_section(doc, store)

    # the same load as Today's: the week's tasks with their repeats, against the same hours
    monday = week_start(today)
    sunday = monday + timedelta(days=6)
    doc.heading(_("This week's load ({first} – {last})").format(first=format_date(monday),
                                                                 last=format_date(sunday)))
    load = TaskRepo(store).load(monday)
    if load.capacity > 0:
        doc.para(load.words() + ".")
        doc.para(_("Over the owner's hours a week (Program settings).") if load.is_over
                 else _("Within the owner's hours a week (Program settings)."))
    else:
        doc.para(_("{planned} planned; the owner's hours a week are not set.").format(
            planned=format_minutes(load.planned)))
        answered = ReadinessRepo(store).latest_owner_hours()
        if answered is not None:
            doc.para(_("The last readiness check said {hours} hours a week.").format(hours=format_number(answered)))

    doc.heading(_("Readiness"))
    run = ReadinessRepo(store).latest_finished()
    if run:
        doc.para(_("Latest check: “{title}” on {day}, verdict: {verdict}.").format(
            title=run.title, day=_day(run.finished_at), verdict=verdict_label(current_language(), run.verdict)))
    else:
        doc.para(_("No readiness check has been finished yet."))
    return doc


def program_report(store: Store, fmt: str, voice_labels: dict[str, str] | None = None,
                   page_size: str = "A4") -> str:
    return program_doc(store, voice_labels, html_charts=fmt == "html").render(fmt, page_size)
