"""The plan as plain text for a terminal: triage first, then each session in order."""

from __future__ import annotations

import textwrap

from crampcoach import plain_words
from crampcoach.export.handout import (
    GRADE_WORDS,
    SESSION_WARMUP_WHY,
    WHEN_WORDS,
    Handout,
    amount_text,
    dose_text,
    handout,
    idle_week_words,
    item_purpose,
    phase_name,
    volume_line,
)
from crampcoach.plan.models import Plan


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, width=78, initial_indent=indent,
                         subsequent_indent=indent + "  ") or [indent]


def _care_text(h: Handout) -> list[str]:
    """Acute care, the daily routine, the volume schedule, habits and guidance."""
    plan, out = h.plan, []
    if plan.recovery:
        r = plan.recovery
        out += ["", f"FIRST {r.rice_hours} HOURS AND BACK TO RUNNING"]
        out += [line for step in r.first_days for line in _wrap(f"- {step}", "  ")]
        out += _wrap(r.stretch_after, "  ")
        out += ["  Run again only when:"]
        out += [line for check in r.return_to_run for line in _wrap(f"- {check}", "    ")]
        out += _wrap(r.no_loading, "  ") + _wrap(r.refer_says, "  ")
    if plan.routine:
        start = f" from day {plan.routine.start_day}" if plan.routine.start_day > 1 else ""
        out += ["", *_wrap(f"DAILY ROUTINE: about {plan.routine.minutes} min every day{start}, "
                           f"training days or not, for {h.cause_name(plan.routine.why).lower()}")]
        out += [line for i in plan.routine.items
                for line in _wrap(f"- {i.name}: {dose_text(i)}", "  ")]
    if plan.volume:
        v = plan.volume
        out += ["", f"WEEKLY VOLUME: from {amount_text(v.current)} {v.unit} now back to "
                    f"{amount_text(v.weeks[0].volume)}, then up to {amount_text(v.target)}"]
        out += _wrap(v.from_record, "  ") if v.from_record else []
        out += _wrap(v.says, "  ") + _wrap(v.replaces, "  ")
        out += [f"  Week {w.week}: {volume_line(w)}" for w in v.weeks]
    elif plan.volume_needed:
        out += ["", *_wrap("Give your current weekly training (km, minutes, sessions or sets) "
                           "to get a week-by-week volume schedule.")]
    if plan.habits:
        out += ["", "HABITS"]
        for habit in plan.habits:
            out += _wrap(f"- {habit.title} ({WHEN_WORDS[habit.when].lower()}, for "
                         f"{h.cause_name(habit.why).lower()}): {habit.text} Target: {habit.target} "
                         f"({GRADE_WORDS[habit.evidence.grade]})", "  ")
    for g in plan.guidance:
        out += ["", f"{g.name.upper()}: see {g.see}"]
        out += [line for a in g.avoid for line in _wrap(f"- Avoid: {a}", "  ")]
    return out


def _for(purpose: str) -> str:
    """ "Weak glutes" -> "For weak glutes"; a session's own warm-up reads as it is."""
    if purpose == SESSION_WARMUP_WHY:
        return purpose
    return f"For {purpose[0].lower()}{purpose[1:]}"


def render_text(plan: Plan) -> str:
    """A compact plain-text plan for the terminal: triage, then each session."""
    h = handout(plan)
    cause_names = {c.id: c.name for c in plan.causes}
    likely = {c.id for c in plan.likely_causes()}
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
        out += [f"  - {c.name} ({plain_words.percent(c.probability)})" for c in plan.likely_causes()]
        if unclear := plan.causes_unclear():
            out += _wrap(unclear, "  ")
    out += _care_text(h)
    volumes = {w.week: w for w in plan.volume.weeks} if plan.volume else {}
    if plan.weeks and not plan.sessions():
        doctor = plan.triage in ("see_doctor", "urgent")
        first = "No training sessions for now: see the doctor first." if doctor else "No training sessions."
        rest = " The daily routine and habits above are the plan." if plan.routine or plan.habits else ""
        out += ["", *_wrap(first + rest)]
    for week in plan.weeks:
        if not week.sessions and week.week not in volumes:
            continue
        out += ["", f"WEEK {week.week} ({phase_name(week.phase)}): {week.focus}"]
        if not week.sessions:
            idle = idle_week_words(plan)
            out.append(f"  {idle[0].upper()}{idle[1:]}.")
        if week.sessions:
            out.append(f"  About {week.minutes} min of sessions this week")
        if week.week in volumes:
            out.append(f"  Weekly volume: {volume_line(volumes[week.week])}")
        for s in week.sessions:
            when = f" {s.date:%a %d %b}" if s.date else ""
            out.append(f"  Day {s.plan_day}{when}, about {s.minutes} min")
            previous = None
            for item in s.items:
                gentle = ", gently" if item.intensity == "gentle" else ""
                # The cause is named once for a run of items that serve it, not on every line.
                purpose = item_purpose(item, cause_names, likely, s.phase)
                if purpose != previous:
                    out += _wrap(f"{_for(purpose)}:", "    ")
                    previous = purpose
                out += _wrap(f"- {item.name}: {dose_text(item)}{gentle}", "      ")
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
