"""When cramps keep coming for weeks despite the plan, assess the case again and raise triage.

The rule is data (knowledge/escalation.yaml): at least `weeks_with_cramps` of the latest
`window_weeks` ISO weeks since the plan started had a cramp. When it holds, the stored case
is assessed again with the rule's finding (`persists_despite_self_care`) answered yes, and
the triage level comes from the red-flag rules of the knowledge base, as for any case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from crampcoach import plain_words
from crampcoach.case import Case
from crampcoach.knowledge.schema import Level
from crampcoach.progress.knowledge import ProgressKnowledge, load_progress_knowledge
from crampcoach.store.weekly import IsoWeek
from crampcoach.triage import RANK


class Escalation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    since: dt.date                 # the day the plan started
    window: list[str]              # the ISO weeks looked at, oldest first
    cramp_weeks: list[str]         # those of them with a cramp
    needed: int
    persists: bool                 # the rule holds: cramps keep coming despite the plan
    finding: str
    rule: str
    level_before: Level            # triage of the stored case as it is
    level_after: Level             # triage once the finding is answered yes (when it persists)
    raised: bool
    says: str | None
    action: str                    # what to do at the level now in force
    reasons: list[str]             # what the knowledge base says about the finding
    sources: list[str]


def window_weeks(since: dt.date, as_of: dt.date, size: int) -> list[IsoWeek]:
    """The latest `size` ISO weeks up to `as_of`, none before the week of `since`."""
    if since > as_of:
        return []
    weeks = [IsoWeek.of(as_of)]
    first = IsoWeek.of(since)
    while len(weeks) < size:
        earlier = IsoWeek.of(weeks[0].monday - dt.timedelta(days=7))
        if earlier < first:
            break
        weeks.insert(0, earlier)
    return weeks


def check_escalation(cramp_days: Iterable[dt.date], since: dt.date, as_of: dt.date,
                     case: Case | None = None,
                     knowledge: ProgressKnowledge | None = None) -> Escalation:
    """Apply the rule to the days cramps came on; assess `case` again when it holds.

    `case` is the stored case (None: an empty one). Cramps before `since` do not count.
    """
    from crampcoach.reasoning import assess  # the network is loaded only when needed

    rule = (knowledge or load_progress_knowledge()).escalation
    window = window_weeks(since, as_of, rule.window_weeks)
    looked_at = set(window)
    hit = sorted({IsoWeek.of(d) for d in cramp_days if since <= d <= as_of} & looked_at)
    persists = len(hit) >= rule.weeks_with_cramps
    case = case or Case()
    before = assess(case)
    after = assess(case.with_answer(rule.finding, True)) if persists else before
    reasons = [r for r in after.triage.reasons if r.finding == rule.finding] if persists else []
    says = None
    if persists:
        says = " ".join(rule.says.format(weeks=len(hit), window=len(window),
                                         since=plain_words.day(since)).split())
    return Escalation(
        since=since, window=[str(w) for w in window], cramp_weeks=[str(w) for w in hit],
        needed=rule.weeks_with_cramps, persists=persists, finding=rule.finding,
        rule=" ".join(rule.text.split()), level_before=before.triage.level,
        level_after=after.triage.level,
        raised=RANK[after.triage.level] > RANK[before.triage.level],
        says=says, action=after.triage.action,
        reasons=[r.says for r in reasons],
        sources=sorted({s for r in reasons for s in r.sources} | {c.seed for c in rule.sources}
                       if persists else set()),
    )
