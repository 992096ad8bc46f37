"""Choosing the next question: red-flag screening first, then the most informative one.

Screening questions come first (some only once their context is present, e.g. medicines
and medical history once cramps come at night or at rest), then the opening questions a
clinician starts with. After that, each unasked finding is scored by the expected reduction in uncertainty
(entropy, in bits) about the causes plus the uncertainty it resolves about the triage
level. Only questions whose answer could change the top cause or the level are worth
asking; when none could, the interview is done.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from crampcoach.knowledge import KnowledgeBase
from crampcoach.reasoning.inference import Posterior, answer_effects
from crampcoach.reasoning.network import Array, Network
from crampcoach.triage import raised_levels

# Bits of triage-level uncertainty count for this much against bits about the causes.
TRIAGE_WEIGHT = 0.5


@dataclass(frozen=True)
class Choice:
    finding: str
    screening: bool


def _entropy(p: Array) -> Array:
    p = np.clip(p, 1e-12, 1 - 1e-12)
    result: Array = -(p * np.log2(p) + (1 - p) * np.log2(1 - p))
    return result


def _askable(kb: KnowledgeBase, fid: str, sex: str | None, age: int | None) -> bool:
    finding = kb.findings[fid]
    if finding.asked_below_age is not None and age is not None and age >= finding.asked_below_age:
        return False
    return not finding.asked_when_sex or sex is None or sex in finding.asked_when_sex


def choose_question(
    kb: KnowledgeBase,
    net: Network,
    answers: Mapping[str, bool | None],
    posterior: Posterior,
    level: str,
    sex: str | None = None,
    age: int | None = None,
) -> Choice | None:
    if level == "urgent":
        return None  # nothing to add: the person needs care today
    present = {f for f, v in answers.items() if v is True}
    unasked = [f for f in kb.findings if f not in answers and _askable(kb, f, sex, age)]

    screens = []
    for fid in unasked:
        screen = kb.findings[fid].screen
        if screen and (not screen.when_any or present & set(screen.when_any)):
            screens.append((screen.order, fid))
    if screens:
        return Choice(finding=min(screens)[1], screening=True)
    openings = [(kb.findings[f].opening, f) for f in unasked if kb.findings[f].opening is not None]
    if openings:
        return Choice(finding=min(openings)[1], screening=False)
    if not unasked:
        return None

    idx = net.finding_index
    present_idx = [idx[f] for f in present]
    absent_idx = [idx[f] for f, v in answers.items() if v is False]
    candidates = [idx[f] for f in unasked]
    effects = answer_effects(net, present_idx, absent_idx, candidates, posterior)

    top = int(np.argmax(posterior.marginals))
    now = _entropy(posterior.marginals).sum()
    after = (effects.p_yes * _entropy(effects.if_yes).sum(axis=1)
             + (1 - effects.p_yes) * _entropy(effects.if_no).sum(axis=1))
    gain = now - after

    # Rank every question by what it tells; stop only when no answer could change anything.
    raises_level = raised_levels(kb, present)
    top_if_yes = np.argmax(effects.if_yes, axis=1)
    top_if_no = np.argmax(effects.if_no, axis=1)
    moves_top = ((top_if_yes != top) & (effects.p_yes > 1e-9)) | (top_if_no != top)
    moves_level = np.array([fid in raises_level for fid in unasked])
    score = gain + TRIAGE_WEIGHT * moves_level * _entropy(effects.p_yes)
    if not (moves_top | moves_level).any():
        return None
    return Choice(finding=unasked[int(np.argmax(score))], screening=False)
