"""How an assessment looks in the terminal (Rich). Presentation only: no reasoning here."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from crampcoach import plain_words
from crampcoach.knowledge import load_knowledge
from crampcoach.reading import ANSWER_SAID
from crampcoach.reasoning.assessment import Assessment, CauseResult

LEVEL_STYLE = {
    "self_care": "bold white on green",
    "see_physio": "bold black on yellow",
    "see_doctor": "bold white on dark_orange3",
    "urgent": "bold white on red",
}
SHOWN_CAUSES = 5
# The strongest answers behind each cause; the rest are in `--format json` and `explain`.
SHOWN_REASONS = 3


def bar(probability: float, width: int = 20) -> str:
    filled = round(probability * width)
    return "█" * filled + "░" * (width - filled)


def triage_banner(assessment: Assessment) -> Panel:
    kb = load_knowledge()
    triage = assessment.triage
    level = kb.triage_levels[triage.level]
    body = Text()
    body.append(f"{level.name.upper()}\n", style="bold")
    body.append(triage.action + "\n")
    # One line per concern: the most urgent reason for each suspected cause (they come most
    # urgent first); milder rules for the same concern would only repeat it.
    concerns: set[str] = set()
    for reason in triage.reasons:
        if reason.suspected in concerns:
            continue
        concerns.add(reason.suspected)
        body.append(f"• {reason.says}\n")
    if triage.unchecked:
        body.append("\nNot yet checked, so this level is provisional:\n", style="bold")
        for fid in triage.unchecked:
            body.append(f"  ? {kb.findings[fid].question}\n")
    return Panel(body, style=LEVEL_STYLE[triage.level], title="Triage", title_align="left")


def leading_causes_table(causes: list[CauseResult], limit: int = SHOWN_CAUSES,
                         reasons: bool = True) -> Table:
    kb = load_knowledge()
    table = Table(show_header=True, header_style="bold", expand=False, box=None)
    table.add_column("Likely cause")
    table.add_column("Probability")
    if reasons:
        table.add_column("Because you said")
        table.add_column("Sources / evidence")
    for cause in causes[:limit]:
        row = [cause.name, f"{bar(cause.probability)} {plain_words.percent(cause.probability):>4}"]
        if cause.warning:  # a warning sign points here: the reason, not the bar, matters
            row[1] = "warning sign"
        if reasons:
            said = []
            # What speaks for a cause comes before what speaks against it.
            for b in sorted(cause.because, key=lambda b: b.weight <= 0)[:SHOWN_REASONS]:
                arrow = "↑" if b.weight > 0 else "↓"
                answer = "yes" if b.answer else "no"
                said.append(f"{arrow} {kb.findings[b.finding].question} — {answer}")
            sources = plain_words.short_sources(cause.sources) or "screening rule"
            row += ["\n".join(said) or "—", f"{sources}\n({plain_words.grade(cause.evidence)})"]
        table.add_row(*row)
    return table


def render_assessment(console: Console, assessment: Assessment) -> None:
    console.print(triage_banner(assessment))
    unexplained = assessment.unexplained
    if unexplained is not None and unexplained.leading:
        console.print(Panel(Text(unexplained.says), title="Nothing here fits", title_align="left"))
    for cause in assessment.causes:
        if cause.warning:
            console.print(f"[bold]{cause.name}[/bold] is the concern: {cause.warning}")
    shown = assessment.shown_causes()
    if shown:
        console.print(leading_causes_table(shown))
    if assessment.understood:
        kb = load_knowledge()
        console.print("\n[bold]Understood from your words[/bold]")
        for line in assessment.understood_lines():
            answer = ANSWER_SAID[line.answer] + (" (corrected by you)" if line.corrected else "")
            quoted = ", ".join(f"“{w}”" for w in line.words)
            console.print(f"  {kb.findings[line.finding].question} [bold]{answer}[/bold]"
                          + (f"  [dim]{quoted}[/dim]" if quoted else ""))
    if assessment.disagreements:
        parts = []
        for d in assessment.disagreements:
            parts.append(Text.assemble(
                (f"{d.title} ", "bold"),
                f"For {plain_words.short_sources(d.sources_for)}; against "
                f"{plain_words.short_sources(d.sources_against)} ({plain_words.grade(d.evidence)}). ",
                d.note,
            ))
        console.print(Panel(Group(*parts), title="Where the sources disagree", title_align="left"))
    question = assessment.next_question
    if question and question.also:
        first = question.checklist[0].text if question.checklist else question.text
        console.print(f"\n[bold]Most useful next step:[/bold] a list of {len(question.also) + 1} "
                      f"questions, starting with: {first}")
    elif question:
        console.print(f"\n[bold]Most useful next question:[/bold] {question.text}")
    console.print(f"\n[dim]{assessment.disclaimer}[/dim]")
