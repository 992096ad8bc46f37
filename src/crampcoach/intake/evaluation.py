"""How well the free-text reader recovers labelled findings from a description alone.

Each case gives a person's own `text` and the `findings` they answered explicitly. The
reader sees only the text; its findings are compared with the answered ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict

from crampcoach.errors import InputError
from crampcoach.intake.lexicon import load_lexicon
from crampcoach.intake.reader import Reading, read_findings


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Counts(Out):
    """Reads compared with labels (see `evaluate_reader` for the definitions)."""

    labelled: int
    correct: int
    wrong: int
    uncertain: int
    missed: int
    unlabelled_reads: int
    precision: float | None
    recall: float | None


class FindingScore(Counts):
    """Counts for one finding over all cases."""

    finding: str


class NegationError(Out):
    """A red-flag finding the case denies but the reader took as present."""

    case: str
    finding: str
    words: list[str]


class CaseScore(Out):
    case: str
    correct: list[str]
    wrong: list[str]
    missed: list[str]
    unlabelled: dict[str, bool | None]


class ReaderReport(Counts):
    cases: int
    red_flag_negation_errors: list[NegationError]
    # Warning signs a case states as present, and how many of them were read as present.
    red_flags_stated: int
    red_flags_stated_read: int
    # Warning signs read with the opposite value to the case's, either way.
    red_flags_wrong: int
    per_finding: dict[str, FindingScore]
    per_case: list[CaseScore]


def _ratio(top: int, bottom: int) -> float | None:
    return round(top / bottom, 4) if bottom else None


def _case_parts(index: int, item: dict[str, Any]) -> tuple[str, str, dict[str, bool | None]]:
    """(id, text, findings) from a labelled line ({"id", "case": {...}}) or a bare case."""
    case = item.get("case", item)
    ident = str(item.get("id", f"#{index + 1}"))
    if not isinstance(case, dict):
        raise InputError(f"cases[{index}].case", "must be an object")
    text = case.get("text")
    findings = case.get("findings", {})
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"cases[{index}].text", "a case needs a non-empty text to read")
    if not isinstance(findings, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, bool)) for k, v in findings.items()
    ):
        raise InputError(f"cases[{index}].findings", "must map finding ids to true, false or null")
    return ident, text, findings


def evaluate_reader(
    cases: list[dict[str, Any]], reader: Callable[[str], Reading] = read_findings,
) -> ReaderReport:
    """Score the reader on each case's `text` against the case's explicit `findings`.

    Only findings a case answers with true or false are labelled. For each labelled finding:
    - correct: the reader gave the same true/false value;
    - wrong: the reader gave the opposite value (an error);
    - uncertain: the reader found it mentioned but gave null (hedged or contradictory);
    - missed: the reader gave nothing for it.
    A finding the reader gave true/false that the case does not label is an unlabelled read:
    it cannot be judged, so it is counted but enters neither metric.

    precision = correct / (correct + wrong): of the labelled findings read with a value, the
    share read right. recall = correct / labelled: the share of labelled findings read right.
    Both are computed per finding and pooled over all findings and cases (micro-averaged).

    A red-flag negation error is a red-flag finding the case labels false that the reader
    read as true: the text denies it and the reader took it as present.
    """
    lex = load_lexicon()
    counts: dict[str, dict[str, int]] = {}
    errors: list[NegationError] = []
    per_case: list[CaseScore] = []
    red_stated = red_stated_read = red_wrong = 0

    def bump(finding: str, key: str) -> None:
        row = counts.setdefault(finding, dict.fromkeys(
            ("labelled", "correct", "wrong", "uncertain", "missed", "unlabelled_reads"), 0))
        row[key] += 1

    for index, item in enumerate(cases):
        ident, text, gold = _case_parts(index, item)
        reading = reader(text)
        read = reading.findings
        score: dict[str, list[str]] = {"correct": [], "wrong": [], "missed": []}
        for finding, expected in gold.items():
            if expected is None:
                continue
            bump(finding, "labelled")
            got = read.get(finding, "absent")
            if finding in lex.red_flags:
                red_stated += expected is True
                red_stated_read += expected is True and got is True
                red_wrong += got is (not expected)
            if got == "absent":
                bump(finding, "missed")
                score["missed"].append(finding)
            elif got is None:
                bump(finding, "uncertain")
                score["missed"].append(finding)
            elif got == expected:
                bump(finding, "correct")
                score["correct"].append(finding)
            else:
                bump(finding, "wrong")
                score["wrong"].append(finding)
                if finding in lex.red_flags and expected is False:
                    words = [s.text for s in reading.spans if s.finding == finding]
                    errors.append(NegationError(case=ident, finding=finding, words=words))
        unlabelled = {f: v for f, v in read.items() if f not in gold and v is not None}
        for finding in unlabelled:
            bump(finding, "unlabelled_reads")
        per_case.append(CaseScore(case=ident, unlabelled=unlabelled, **score))

    per_finding = {
        f: FindingScore(
            finding=f, **row,
            precision=_ratio(row["correct"], row["correct"] + row["wrong"]),
            recall=_ratio(row["correct"], row["labelled"]),
        )
        for f, row in sorted(counts.items())
    }
    total = {k: sum(row[k] for row in counts.values()) for k in (
        "labelled", "correct", "wrong", "uncertain", "missed", "unlabelled_reads")}
    return ReaderReport(
        cases=len(cases), **total,
        precision=_ratio(total["correct"], total["correct"] + total["wrong"]),
        recall=_ratio(total["correct"], total["labelled"]),
        red_flag_negation_errors=errors,
        red_flags_stated=red_stated,
        red_flags_stated_read=red_stated_read,
        red_flags_wrong=red_wrong,
        per_finding=per_finding,
        per_case=per_case,
    )
