"""The plan as Markdown: the handout's content without the styling."""

from __future__ import annotations

from crampcoach import plain_words
from crampcoach.export.handout import (
    GRADE_WORDS,
    WHEN_WORDS,
    Handout,
    amount_text,
    dose_text,
    handout,
    idle_week_words,
    phase_name,
    volume_line,
)
from crampcoach.plan.models import Plan


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def _triage_md(h: Handout) -> list[str]:
    plan = h.plan
    out = [f"> **{h.level_title}.** {plan.action}"]
    if plan.see_a_professional:
        pro = plan.see_a_professional
        out += [">", f"> **Who to see:** {pro.who}, {pro.when}.", ">", f"> **Why:** {pro.why}"]
    if plan.what_to_do_now:
        out += [">", "> **What to do now:**", *(f"> {i}. {s}" for i, s in
                                                  enumerate(plan.what_to_do_now, 1))]
    if plan.restrictions:
        out += ["", "**Leave out for now:**", *(f"- {r.says}" for r in plan.restrictions)]
    return out


def _weeks_md(h: Handout) -> list[str]:
    out = ["## Week by week", ""]
    for block in h.grid:
        out.append("| Exercise | " + " | ".join(f"Wk {w} ({phase_name(p)}, {n}×)" for w, p, n in block.weeks) + " |")
        out.append("|---|" + "---|" * len(block.weeks))
        out += [f"| {_md_cell(r.name)} | " + " | ".join(c or "–" for c in r.cells) + " |"
                for r in block.rows]
        out.append("")
    for week in h.plan.weeks:
        days = ", ".join(
            f"day {s.plan_day}" + (f" ({s.date:%a %d %b})" if s.date else "") for s in week.sessions)
        idle = idle_week_words(h.plan)
        minutes = f", about {week.minutes} min in all" if week.sessions else ""
        out.append(f"- Week {week.week}, {phase_name(week.phase)}: {days or idle}{minutes}")
    return out


def _recovery_md(h: Handout) -> list[str]:
    """Acute care of a strained muscle, first in the handout since it comes first."""
    r = h.plan.recovery
    if r is None:
        return []
    out = ["## The first days and getting back to running", ""]
    out += [f"- {step}" for step in r.first_days]
    out += ["", r.stretch_after, "", "**Run again only when:**", ""]
    out += [f"- [ ] {check}" for check in r.return_to_run]
    return [*out, "", r.no_loading, "", f"**See {r.refer_who}:** {r.refer_says}", ""]


def _care_md(h: Handout) -> list[str]:
    """The daily routine, the volume schedule, habits and guidance."""
    plan, out = h.plan, []
    if plan.routine:
        start = f", from day {plan.routine.start_day}" if plan.routine.start_day > 1 else ""
        out += ["## Your daily routine", "",
                f"About {plan.routine.minutes} minutes every day{start}, training days or not "
                f"(for {h.cause_name(plan.routine.why).lower()}).", ""]
        out += [f"- **{i.name}:** {dose_text(i)}" for i in plan.routine.items]
        out.append("")
    if plan.volume:
        v = plan.volume
        out += ["## Your weekly training volume", "",
                *([v.from_record, ""] if v.from_record else []), v.says, "", v.replaces, "",
                f"Now {amount_text(v.current)} {v.unit} a week; last good week "
                f"{amount_text(v.tolerated)}; target {amount_text(v.target)}.", "",
                "| Week | Volume |", "|---|---|"]
        out += [f"| {w.week} | {_md_cell(volume_line(w))} |" for w in v.weeks]
        out.append("")
    elif plan.volume_needed:
        out += ["*Give your current weekly training (km, minutes, sessions or sets) to get a "
                "week-by-week volume schedule.*", ""]
    if plan.habits:
        out += ["## Habits", ""]
        for habit in plan.habits:
            out += [f"### {habit.title}", "",
                    f"*{WHEN_WORDS[habit.when]}, for {h.cause_name(habit.why).lower()}.*", "",
                    habit.text, "", f"**Target:** {habit.target}", "",
                    f"*Evidence: {GRADE_WORDS[habit.evidence.grade]}.* {habit.evidence.basis}"
                    + (f" Sources: {plain_words.short_sources(habit.sources)}." if habit.sources else ""), ""]
    for g in plan.guidance:
        out += [f"## {g.name}", "", f"**Who to see:** {g.see}.", ""]
        out += [f"- Avoid: {a}" for a in g.avoid]
        out.append("")
    return out


def _cards_md(h: Handout) -> list[str]:
    out = ["## The exercises"]
    for card in h.cards:
        first = card.first
        out += ["", f"### {card.name}", "",
                f"**{card.dose}**" + (" · gently" if first.intensity == "gentle" else ""), "",
                f"*For {card.why_name.lower()}:* {first.reason}", "", card.summary, ""]
        out += [f"{i}. {step}" for i, step in enumerate(card.how, 1)]
        out += ["", "Cues:", *(f"- {c}" for c in first.cues)]
        if first.mistakes:
            out += ["", "Common mistakes:", *(f"- {m}" for m in first.mistakes)]
        extra = [card.progression, first.load_note or ""]
        out += ["", *(e for e in extra if e)] if any(extra) else []
        out += ["", f"Sources: {plain_words.short_sources(first.sources)}."]
    return out


def _ladder_md(h: Handout) -> list[str]:
    ladder = h.plan.ladder
    if ladder is None:
        return []
    out = ["## The glute ladder", "", ladder.start_says, ""]
    for rung in reversed(ladder.rungs):
        when = rung.when()
        out.append(f"{rung.step}. {rung.name} — {when}")
    out += ["", f"- **Moving up:** {ladder.move_up}", f"- **Moving down:** {ladder.move_down}",
            f"- **Pace:** {ladder.pace}",
            f"- **Load:** {ladder.load}", f"- **Timeline:** {ladder.timeline}"]
    return out


def _advice_md(h: Handout) -> list[str]:
    out: list[str] = []
    if h.advice:
        out += ["## Advice"]
        for a in h.advice:
            out += ["", f"### {a.title}", "", a.text, "",
                    f"*Evidence: {GRADE_WORDS[a.evidence.grade]}.* {a.evidence.basis}"
                    + (f" Sources: {plain_words.short_sources(a.sources)}." if a.sources else "")]
            if a.disagreement:
                d = a.disagreement
                out += ["", f"> **The sources disagree** (for: {plain_words.short_sources(d.sources_for)}; "
                        f"against: {plain_words.short_sources(d.sources_against)}). {d.note}"]
    if h.safety_advice:
        out += ["", "## Safety notes", ""]
        out += [f"- **{a.title}.** {a.text}" for a in h.safety_advice]
    return out


def render_markdown(plan: Plan) -> str:
    h = handout(plan)
    out = ["# Your hamstring cramp plan", ""]
    meta = [f"{len(plan.weeks)} weeks", f"starting phase: {phase_name(plan.phase)}"]
    if plan.start:
        meta.insert(0, f"starts {plan.start:%A %d %B %Y}")
    out += [" · ".join(meta), "", *_triage_md(h), "", *_recovery_md(h)]
    if plan.weeks:
        out += ["## Why these exercises", "", plan.phase_says, ""]
        out += [f"- **{c.name}** ({plain_words.percent(c.probability)} likely)" for c in plan.likely_causes()]
        if unclear := plan.causes_unclear():
            out += [unclear]
        out += ["", *_weeks_md(h), "", *_cards_md(h), ""]
    out += [*_care_md(h), *_ladder_md(h), "", *_advice_md(h), "", "## Sources", ""]
    out += [f"- {label}" for _, label in h.seeds]
    out += ["", "---", "", f"*{plan.disclaimer}*", ""]
    return "\n".join(out)
