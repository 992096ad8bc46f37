"""The three waterfalls of seed 000: where the work of a bridge is felt, as shares of effort.

Each bridge or hip thrust scored low back / glutes / hamstrings 0-10 adds its scores to its
week; a week's shares are its sums over their total. The first weeks with scores are
compared with the latest ones by the largest distance of any share from an even third,
and knowledge/waterfalls.yaml turns the result into a plain-language verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from crampcoach import plain_words
from crampcoach.progress.entries import FeltScores, SessionDone
from crampcoach.progress.knowledge import (
    PARTS,
    Part,
    ProgressKnowledge,
    Status,
    WaterfallsFile,
    load_progress_knowledge,
)
from crampcoach.store.weekly import IsoWeek

EVEN = 1.0 / len(PARTS)


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Shares(Out):
    """Fractions of the felt work, summing to 1."""

    low_back: float
    glutes: float
    hamstrings: float

    def of(self, part: Part) -> float:
        value: float = getattr(self, part)
        return value

    def gap(self) -> float:
        """The largest distance of any share from an even third."""
        return max(abs(self.of(p) - EVEN) for p in PARTS)

    def lead(self) -> Part:
        return max(PARTS, key=self.of)


@dataclass
class FeltSums:
    """Felt scores added up over scored bridge items."""

    low_back: int = 0
    glutes: int = 0
    hamstrings: int = 0
    items: int = 0

    def add(self, felt: FeltScores) -> None:
        self.low_back += felt.low_back
        self.glutes += felt.glutes
        self.hamstrings += felt.hamstrings
        self.items += 1

    def merge(self, other: FeltSums) -> None:
        self.low_back += other.low_back
        self.glutes += other.glutes
        self.hamstrings += other.hamstrings
        self.items += other.items

    def shares(self) -> Shares | None:
        total = self.low_back + self.glutes + self.hamstrings
        if total == 0:
            return None  # nothing felt anywhere: no split to speak of
        return Shares(low_back=round(self.low_back / total, 4), glutes=round(self.glutes / total, 4),
                      hamstrings=round(self.hamstrings / total, 4))


class WaterfallVerdict(Out):
    status: Status
    says: str
    advice: str | None
    now: Shares | None
    before: Shares | None
    gap_now: float | None          # largest distance from a third, as a fraction
    gap_before: float | None
    first_weeks: list[str]
    latest_weeks: list[str]
    target: float = round(EVEN, 4)


def weekly_sums(sessions: Iterable[SessionDone],
                knowledge: ProgressKnowledge | None = None) -> list[tuple[IsoWeek, FeltSums]]:
    """The felt sums of the bridge items per ISO week, weeks with scores only, oldest first."""
    bridges = (knowledge or load_progress_knowledge()).bridge_exercises
    weeks: dict[IsoWeek, FeltSums] = {}
    for logged in sessions:
        for item in logged.items:
            if item.felt is not None and item.exercise in bridges:
                weeks.setdefault(IsoWeek.of(logged.date), FeltSums()).add(item.felt)
    return sorted(weeks.items())


def _listed(names: Sequence[str]) -> str:
    """Names as a person lists them: "a", "a and b", "a, b and c"."""
    shown = [name[:1].lower() + name[1:] for name in names]
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def _words(shares: Shares, rules: WaterfallsFile) -> str:
    return ", ".join(f"{rules.parts[p].name} {shares.of(p):.0%}" for p in PARTS)


def _span(weeks: Sequence[IsoWeek]) -> str:
    """The weeks compared, as people say them ("the week of 16 Nov 2026")."""
    first, last = plain_words.day(weeks[0].monday), plain_words.day(weeks[-1].monday)
    return f"the week of {first}" if first == last else f"the weeks of {first} to {last}"


def waterfall_verdict(weeks: Sequence[tuple[IsoWeek, FeltSums]],
                      knowledge: ProgressKnowledge | None = None, *,
                      others: Sequence[str] = (), bridges_planned: bool = True) -> WaterfallVerdict:
    """Compare the first weeks with scores with the latest ones and say what it means.

    Without bridge scores the verdict says why: scores given only for other exercises
    (`others`, their names) are kept but not split, and a plan with no bridges
    (`bridges_planned` false) has no split to follow.
    """
    rules = (knowledge or load_progress_knowledge()).waterfalls
    scored = [(week, sums) for week, sums in weeks if sums.shares() is not None]
    if not scored:
        empty: Status = ("other_scores" if others
                         else "no_scores" if bridges_planned else "not_in_plan")
        says = rules.verdicts[empty].format(others=_listed(others))
        return WaterfallVerdict(status=empty, says=" ".join(says.split()), advice=None,
                                now=None, before=None, gap_now=None, gap_before=None,
                                first_weeks=[], latest_weeks=[])
    # With few weeks the two periods shrink so that they never overlap.
    size = min(rules.compare_weeks, len(scored) // 2)
    latest = scored[-size:] if size else scored
    now = _pooled(latest)
    before = _pooled(scored[:size]) if size else None
    gap_now = now.gap()
    gap_before = before.gap() if before is not None else None
    status: Status
    if gap_now <= rules.even_within:
        status = "even"
    elif before is None or gap_before is None:
        status = "one_period"
    elif gap_before - gap_now >= rules.steady_within:
        status = "toward"
    elif gap_now - gap_before >= rules.steady_within:
        status = "away"
    elif max(abs(now.of(p) - before.of(p)) for p in PARTS) >= rules.steady_within:
        status = "shifted"  # the work moved between parts but is no nearer an even third
    else:
        status = "steady"
    first_weeks = [w for w, _ in scored[:size]]
    latest_weeks = [w for w, _ in latest]
    lead = now.lead()
    says = rules.verdicts[status].format(
        now=_words(now, rules), before=_words(before, rules) if before else "",
        lead=rules.parts[lead].name, lead_share=f"{now.of(lead):.0%}",
        first=_span(first_weeks) if first_weeks else "", latest=_span(latest_weeks),
        gap_now=f"{gap_now * 100:.0f}", gap_before=f"{gap_before * 100:.0f}" if gap_before is not None else "",
    )
    return WaterfallVerdict(
        status=status, says=" ".join(says.split()),
        advice=None if status == "even" else " ".join(rules.lead_advice[lead].text.split()),
        now=now, before=before, gap_now=round(gap_now, 4),
        gap_before=None if gap_before is None else round(gap_before, 4),
        first_weeks=[str(w) for w in first_weeks], latest_weeks=[str(w) for w in latest_weeks],
    )


def _pooled(weeks: Sequence[tuple[IsoWeek, FeltSums]]) -> Shares:
    total = FeltSums()
    for _, sums in weeks:
        total.merge(sums)
    shares = total.shares()
    assert shares is not None  # only weeks with scores are pooled
    return shares


def shares_over_time(sessions: Iterable[SessionDone],
                     knowledge: ProgressKnowledge | None = None) -> list[tuple[IsoWeek, Shares]]:
    """Each scored week's shares, oldest first."""
    found = []
    for week, sums in weekly_sums(sessions, knowledge):
        shares = sums.shares()
        if shares is not None:
            found.append((week, shares))
    return found
