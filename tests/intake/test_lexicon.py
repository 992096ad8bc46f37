"""The intake lexicon and rules: checked on load, with every problem named by file:line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from crampcoach.intake.lexicon import INTAKE_DIR, load_lexicon, load_lexicon_from
from crampcoach.intake.prefilter import matches_at
from crampcoach.intake.reader import normalise, read_with
from crampcoach.knowledge import KnowledgeError, load_knowledge

FINDINGS = {fid: fid in load_knowledge().red_flag_findings() for fid in load_knowledge().findings}
NEGATIVE_LOOKAROUND = re.compile(r"\(\?<?!(?:[^()]|\([^()]*\))*\)")
NEGATION_WORD = re.compile(r"\b(?:no|not|never|none|nothing|without)\b|n''?t\b")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "intake"
    shutil.copytree(INTAKE_DIR, target)
    return target


def test_packaged_lexicon_loads_and_covers_most_findings() -> None:
    lex = load_lexicon()
    covered = {cue.finding for cue in lex.cues}
    assert covered <= set(FINDINGS)
    assert len(covered) >= len(FINDINGS) - 2


def test_red_flags_are_the_findings_that_alone_make_triage_urgent() -> None:
    assert load_lexicon().red_flags == {
        "saddle_numbness", "bladder_or_bowel_change", "calf_or_thigh_swollen_warm_red",
        "dark_urine_after_exercise", "progressive_leg_weakness", "cramp_lasts_over_10_min",
        "breathless_or_chest_pain", "cannot_walk",
    }


def test_open_cues_hold_no_negation_of_their_own() -> None:
    """A cue whose words deny something must say so (polarity: fixed), or negation flips it.

    Words inside a negative lookaround ("(?<!nothing )") are words the cue refuses to
    match, not words it holds.
    """
    offenders = [
        (cue.finding, cue.cue.pattern) for cue in load_lexicon().cues
        if cue.cue.polarity == "open"
        and NEGATION_WORD.search(NEGATIVE_LOOKAROUND.sub("", cue.cue.pattern))
    ]
    assert offenders == []


def test_an_unknown_finding_id_is_reported_with_its_line(copy: Path) -> None:
    path = copy / "lexicon.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  bruising:\n", "  bruisng:\n", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_lexicon_from(copy, FINDINGS)
    problem = next(p for p in caught.value.problems if "bruisng" in p.message)
    assert problem.file.endswith("lexicon.yaml")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1].strip() == "bruisng:"


def test_every_problem_is_collected_before_raising(copy: Path) -> None:
    path = copy / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("{CRAMP}", "{CRAMPS}", 1).replace("bruis(?:e|es", "bruis(?:e|es(", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_lexicon_from(copy, FINDINGS)
    messages = " | ".join(p.message for p in caught.value.problems)
    assert "unknown macro CRAMPS" in messages
    assert "bad pattern" in messages


def test_an_unknown_key_in_a_cue_is_an_error(copy: Path) -> None:
    path = copy / "lexicon.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      covers: [numbness_or_tingling]", "      cover: [numbness_or_tingling]", 1),
        encoding="utf-8")
    with pytest.raises(KnowledgeError, match="cover"):
        load_lexicon_from(copy, FINDINGS)


def test_an_implication_may_not_make_a_red_flag_present(copy: Path) -> None:
    path = copy / "rules.yaml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "  - {when: popping_sensation, is: true, then: cannot_walk, gives: true}\n"),
        encoding="utf-8")
    with pytest.raises(KnowledgeError, match="red flag 'cannot_walk'"):
        load_lexicon_from(copy, FINDINGS)


def test_an_implication_setting_readings_aside_names_both_what_and_after_what(copy: Path) -> None:
    path = copy / "rules.yaml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "  - {when: trigger_hinge_or_leg_curl, is: true, then: cramp_during_exercise,"
        " gives: true, not_inside: cramp_after_exercise}\n"), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not_inside and said_after are given together"):
        load_lexicon_from(copy, FINDINGS)


def test_a_topic_naming_an_unknown_macro_is_reported(copy: Path) -> None:
    path = copy / "rules.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  topic: CRAMP\n", "  topic: CRAMPS\n", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="unknown macro 'CRAMPS'"):
        load_lexicon_from(copy, FINDINGS)


def test_a_pseudo_negation_naming_an_unknown_macro_is_reported_at_its_line(copy: Path) -> None:
    path = copy / "rules.yaml"
    text = path.read_text(encoding="utf-8")
    assert '    - "{URINE_NOT_PASSED}"\n' in text
    path.write_text(text.replace('    - "{URINE_NOT_PASSED}"\n', '    - "{URINE_NOT_PASSD}"\n', 1),
                    encoding="utf-8")
    line = text[:text.index('    - "{URINE_NOT_PASSED}"')].count("\n") + 1
    with pytest.raises(KnowledgeError, match=rf"rules.yaml:{line}\b.*unknown macro URINE_NOT_PASSD"):
        load_lexicon_from(copy, FINDINGS)


def test_a_measure_needs_its_number_group(copy: Path) -> None:
    path = copy / "lexicon.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "(?P<num>\\d+(?:\\.\\d+)?) ?(?:%|percent|per cent) (?:more",
        "(?:\\d+(?:\\.\\d+)?) ?(?:%|percent|per cent) (?:more", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="measure needs group"):
        load_lexicon_from(copy, FINDINGS)


def test_a_changed_copy_changes_what_is_read(copy: Path) -> None:
    """The words are data: adding one to a copy of the lexicon teaches the reader."""
    text = "My hamstrings twang when I bowl."
    assert "popping_sensation" not in read_with(text, load_lexicon()).findings
    path = copy / "lexicon.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  popping_sensation:\n", "  popping_sensation:\n    - pattern: 'twang'\n", 1),
        encoding="utf-8")
    assert read_with(text, load_lexicon_from(copy, FINDINGS)).findings["popping_sensation"]


def test_an_unknown_existential_finding_is_reported_at_its_line(copy: Path) -> None:
    path = copy / "rules.yaml"
    text = path.read_text(encoding="utf-8")
    assert "existential:\n  - cramp_during_exercise\n" in text
    path.write_text(text.replace("  - cramp_during_exercise\n", "  - cramp_during_excercise\n"),
                    encoding="utf-8")
    line = text[:text.index("  - cramp_during_exercise\n")].count("\n") + 1
    with pytest.raises(KnowledgeError,
                       match=rf"rules.yaml:{line}\b.*unknown finding id 'cramp_during_excercise'"):
        load_lexicon_from(copy, FINDINGS)


def test_an_unknown_finding_of_the_writers_own_conditions_is_reported(copy: Path) -> None:
    path = copy / "rules.yaml"
    text = path.read_text(encoding="utf-8")
    assert "writer_own_findings: [neurological_condition," in text
    path.write_text(text.replace("writer_own_findings: [neurological_condition,",
                                 "writer_own_findings: [neurological_condtion,"), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"rules.yaml:\d+\b.*unknown finding id 'neurological_condtion'"):
        load_lexicon_from(copy, FINDINGS)


def test_cues_tried_only_where_their_openings_start_find_what_a_full_scan_finds() -> None:
    """The reader tries a cue only where one of its openings starts (a cue opening with a
    macro, where the macro's do); over varied descriptions that must give exactly the
    matches of scanning every character."""
    lexicon = load_lexicon()
    opened = [cue for cue in lexicon.cues if cue.regex.pattern in lexicon.opening_set_of]
    assert len(opened) > 0.99 * len(lexicon.cues)
    texts = [normalise(t) for t in (
        "My hamstrings cramp in the last 10 minutes of football, and the cramp won't let go for "
        "ages. Cramping again later that night; it cramped for 20 minutes.",
        "Both hammies seize during sprints. It's been cramping on and off, cramps every session.",
        "Glute bridges make my hamstrings cramp; I can't feel my glutes. Stretching hasn't helped.",
        "No cramps at night. Cramp, cramp, cramp: cramped at the start, cramping by the end.",
    )]
    matched = 0
    for text in texts:
        places = lexicon.opening_finder.places_in(text)
        for cue in opened:
            starts = places.of(lexicon.opening_set_of[cue.regex.pattern])
            scanned = [m.span() for m in cue.regex.finditer(text)]
            assert [m.span() for m in matches_at(cue.regex, text, starts)] == scanned, \
                cue.cue.pattern[:60]
            matched += len(scanned)
    assert matched >= 5  # the texts do exercise the cues


def test_every_pattern_can_be_compiled_ahead_in_a_background_thread() -> None:
    """While a person types, the interview compiles the lexicon's patterns in a thread, so the
    first description reads at once; what it reads is the same."""
    import threading

    from crampcoach.intake.lexicon import compile_patterns
    from crampcoach.intake.reader import prepare_reader

    text = "My hamstrings cramp at the end of long runs and I barely drink anything."
    before = read_with(text, load_lexicon()).findings
    worker = threading.Thread(target=prepare_reader)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    lex = load_lexicon()
    assert all(cue.regex._compiled is not None for cue in lex.cues)
    assert all(g._compiled is not None for concept in lex.concepts for g in concept.groups)
    assert compile_patterns(lex) > len(lex.cues)
    assert read_with(text, lex).findings == before


# A pattern of the rules other than a cue's, broken three ways: each is reported at its line.
# (written, broken into, lines from the written text's first line to the pattern, message)
BROKEN_RULE_PATTERNS = [
    ('  refers_back: "', '  refers_back: "(', 0, "bad pattern"),
    ('  fears:\n    - "', '  fears:\n    - "{NO_SUCH_MACRO}', 1, "unknown macro"),
    ("  writer_own: >-\n", "  writer_own: >-\n    (\n", 0, "bad pattern"),
]


@pytest.mark.parametrize(("written", "broken", "down", "message"), BROKEN_RULE_PATTERNS,
                         ids=["refers_back", "fears", "writer_own"])
def test_a_broken_pattern_of_the_rules_is_reported_at_its_line(
        copy: Path, written: str, broken: str, down: int, message: str) -> None:
    path = copy / "rules.yaml"
    text = path.read_text(encoding="utf-8")
    assert written in text
    line = text[:text.index(written)].count("\n") + 1 + down
    path.write_text(text.replace(written, broken, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"rules.yaml:{line}\b.*{message}"):
        load_lexicon_from(copy, FINDINGS)


# Lookbehinds that are meant to end a longer word: any statin ("atorvastatin started").
SUFFIX_LOOKBEHINDS = {"statin ", "statins "}


def test_a_negative_lookbehind_naming_a_word_starts_at_a_word_start() -> None:
    # `(?<!till )tea` is also true after "still", and `(?<!at )` after "that" or "flat": a
    # word named in a lookbehind is written `(?<!\btill )`, unless it is meant as a suffix.
    import yaml

    def strings(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, dict):
            return [s for value in node.values() for s in strings(value)]
        if isinstance(node, list):
            return [s for value in node for s in strings(value)]
        return []

    loose = sorted({
        (path.name, found.group(1))
        for path in INTAKE_DIR.glob("*.yaml")
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        for found in re.finditer(r"\(\?<!([a-z'][^)]*)\)", text)
        if found.group(1) not in SUFFIX_LOOKBEHINDS
    })
    assert loose == []
