"""The plan as plain text for a terminal: triage first, then each session in order."""

from __future__ import annotations

import textwrap

from crampcoach import plain_words
from crampcoach.export.handout import GRADE_WORDS, dose_text, handout
from crampcoach.plan.models import Plan


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, width=78, initial_indent=indent,
                         subsequent_indent=indent + "  ") or [indent]


def render_text(plan: Plan) -> str:
    """A compact plain-text plan for the terminal: triage, then each session."""
    h = handout(plan)
    cause_names = {c.id: c.name for c in plan.causes}
    out = ["YOUR HAMSTRING CRAMP PLAN", ""]
    out += _wrap(f"{h.level_title.upper()}. {plan.action}")
    if plan.see_a_professional:
        pro = plan.see_a_professional
        out += _wrap(f"Who to see: {pro.who}, {pro.when}. Why: {pro.why}")
    for i, step in enumerate(plan.what_to_do_now, 1):
        out += _wrap(f"{i}. {step}", "  ")
    for r in plan.restrictions:
        out += _wrap(f"Leave out for now: {r.says}")
    if plan.weeks:
        out += ["", *_wrap(plan.phase_says), "Likely causes:"]
        out += [f"  - {c.name} ({c.probability:.0%})" for c in plan.likely_causes()]
    for week in plan.weeks:
        out += ["", f"WEEK {week.week} ({week.phase}): {week.focus}"]
        if not plan.sessions():
            out.append("  No training this week: see the doctor first.")
        for s in week.sessions:
            when = f" {s.date:%a %d %b}" if s.date else ""
            out.append(f"  Day {s.plan_day}{when}, about {s.minutes} min")
            for item in s.items:
                gentle = ", gently" if item.intensity == "gentle" else ""
                why = cause_names.get(item.why, item.why.replace("_", " "))
                out += _wrap(f"- {item.name}: {dose_text(item)}{gentle} [for {why.lower()}]", "    ")
    if plan.ladder:
        out += ["", "GLUTE LADDER"]
        out += [f"  {r.step}. {r.name}" + (" (not yet)" if r.blocked else "")
                for r in reversed(plan.ladder.rungs)]
        out += _wrap(plan.ladder.move_up, "  ") + _wrap(plan.ladder.move_down, "  ")
    if plan.advice:
        out += ["", "ADVICE"]
        for a in plan.advice:
            out += _wrap(f"- {a.title}: {a.text} ({GRADE_WORDS[a.evidence.grade]})", "  ")
            if a.disagreement:
                d = a.disagreement
                out += _wrap(f"Sources disagree (for: {plain_words.short_sources(d.sources_for)}; "
                             f"against: {plain_words.short_sources(d.sources_against)}): {d.note}",
                             "    ")
    out += ["", *_wrap(plan.disclaimer), ""]
    return "\n".join(out)
