"""The plan knowledge loads, covers the vocabulary and the seeds, and reports every error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from crampcoach.knowledge import KnowledgeError, load_knowledge
from crampcoach.knowledge.citations import citations_by_seed
from crampcoach.knowledge.loader import KNOWLEDGE_DIR
from crampcoach.plan import load_plan_knowledge, load_plan_knowledge_from
from crampcoach.plan.loader import citation_entries

PK = load_plan_knowledge()
KB = load_knowledge()


def test_every_vocabulary_exercise_has_a_file(vocabulary: dict[str, Any]) -> None:
    assert set(vocabulary["exercises"]) <= set(PK.exercises)
    added = set(PK.exercises) - set(vocabulary["exercises"])
    assert all(PK.exercises[e].added for e in added)


def test_exercises_the_causes_recommend_answer_those_causes() -> None:
    for cid, cause in KB.causes.items():
        for eid in cause.what_helps:
            assert eid in PK.exercises, f"cause {cid} recommends unknown exercise {eid}"
            assert cid in PK.exercises[eid].answers, f"{eid} does not say how it helps {cid}"


def test_every_figure_an_exercise_names_can_be_drawn() -> None:
    from crampcoach.export.figures import POSES

    assert {e.figure for e in PK.exercises.values()} <= set(POSES)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


# Actionable claims of seeds 000-003 that the plan knowledge must carry, by their words.
SEED_CLAIMS = {
    "000": [
        "Regress to bodyweight glute bridges and focus on",
        "you want all hip motion and no lumbar motion",
        "make sure you utilize hip-dominant strategies",
        "share the loading between the knee joint and hip joint",
        "mind-muscle connection",
        "side lying clams, side lying abductions",
        "x-band walks", "quadruped hip extensions", "and bird dogs",
        "keep the lumbar spine in neutral and move solely at the hips",
        "Once you feel your glutes working very well with bodyweight bilateral glute bridges",
        "shoulder-elevated bodyweight glute bridges (hip thrusts)",
        "barbell glute bridges", "single leg glute bridges", "single leg hip thrusts",
        "Right before you work on glute activation, I want you to stretch your hip flexors",
        "so the glutes might do more of the work",
        "keep your feet flat and push through your forefeet",
        "give yourself a couple of months to work your way into barbell hip thrusts",
        "you can stop doing so much glute-activation prior to your workouts",
        "You want around 33% going to each",
        "Strong glutes spare the spine and the knees",
    ],
    "001": [
        "Focus on initiating the movement with the glutes, not the hamstrings",
        "Squeeze the glutes as hard as possible at the top of the movement",
        "the hamstrings should only assist after the glutes are already engaged",
        "Allowing the hamstrings to dominate the drive into hip extension",
        "Not mentally cueing glute activation before the lift begins",
        "these factors only become relevant at such extreme levels of depletion",
        "Hamstring curl machines are criticized as non-functional",
    ],
    "002": [
        "Rest the hamstring muscle and stop doing anything that",
        "Ice the muscle immediately and continue to do so for the first 48 hours",
        "Compress the muscle using an elastic bandage to reduce the swelling",
        "Elevate the leg to reduce the swelling",
        "Your doctor may prescribe an anti-inflammatory to keep the swelling down",
        "Drink an isotonic drink that increases potassium, sodium, carbs and fluids",
        "holding the knee in the straightened position for longer than in the bent position",
        "Progress slowly to sustained static hamstring stretches",
        "Self-massage or roll the hamstring muscle",
        "More intensive stretching, self-massage and rolling of your hamstring muscle",
        "Stretch the hip flexors so that the hamstring is not working so hard",
        "Strengthen your gluteal group to prevent the hamstrings from being over used",
        "Stay hydrated.", "Stretch or foam roll your hamstrings to increase flexibility",
        "Warm up your hamstring muscles before intense exercise",
        "10% increase in intensity per week", "Strengthen your hamstrings.",
        "It is essential that a PT evaluate and treat the muscle",
        "Many trainers and healthcare professionals recommend coconut water",
    ],
    "003": [
        "avoid forcefully stretching the muscle during a cramp",
        "Let the muscle run its course",
        "Gently stretch the muscle to help alleviate the stiffness over time",
        "Hold each stretch 30 seconds at least without bouncing or jerking",
        "standing hamstring stretch", "the seated forward bend",
        "drink an adequate amount of water before, during, and after physical activity",
        "electrolyte-rich beverages such as sports drinks or coconut water",
        "bananas, oranges, spinach, almonds, and low-fat dairy products",
        "Include dynamic stretches, light cardiovascular exercises, and mobility drills",
        "Gradually increase intensity to avoid overexertion",
        "Gently massaging the affected area",
        "Apply heat for 10-15 minutes at a time, ensuring it is not too hot to avoid burns",
        "Allow sufficient time for the muscles to heal between intense workouts",
        "Gradually reintroduce activities and listen to your body",
        "Developing a daily routine to stretch",
        "Cold muscles are more prone to injury and cramping",
        "A balanced diet rich in fruits, vegetables, and lean proteins",
        "consider lightly using a Theragun massager",
        "you may want to rule out a muscle tear by going to your doctor",
    ],
}


@pytest.mark.parametrize("seed", sorted(SEED_CLAIMS))
def test_the_actionable_claims_of_each_seed_are_cited(seed: str, seeds: dict[str, str]) -> None:
    cited = {norm(e.locator) for e in citations_by_seed(KB, citation_entries(PK)).get(seed, [])}
    text = norm(seeds[seed])
    for claim in SEED_CLAIMS[seed]:
        assert norm(claim) in text, f"not in seed {seed}: {claim}"
        assert any(norm(claim) in loc or loc in norm(claim) for loc in cited), claim


# -- errors ---------------------------------------------------------------------------

@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_copy_of_the_packaged_plan_knowledge_loads(broken_copy: Path) -> None:
    loaded = load_plan_knowledge_from(broken_copy, KB)
    assert loaded.exercises == PK.exercises


def test_every_error_is_reported_with_file_and_line(broken_copy: Path) -> None:
    replace(broken_copy / "exercises" / "bird_dog.yaml", "family: glute_activation",
            "family: glute_activaton")
    replace(broken_copy / "exercises" / "side_lying_clam.yaml", "kind: activation",
            "kind: activation\ncolour: red")
    replace(broken_copy / "advice" / "hydration.yaml", "answers: [dehydration, heat_humidity]",
            "answers: [dehydration, heat_humidty]")
    replace(broken_copy / "ladder.yaml", "exercise: barbell_hip_thrust\n    weeks: 3",
            "exercise: barbel_hip_thrust\n    weeks: 3")
    with pytest.raises(KnowledgeError) as caught:
        load_plan_knowledge_from(broken_copy, KB)
    report = str(caught.value)
    lines = report.splitlines()
    assert len(lines) >= 4
    assert re.search(r"exercises/bird_dog\.yaml:\d+: unknown family 'glute_activaton'", report)
    assert re.search(r"exercises/side_lying_clam\.yaml:5: colour: Extra inputs", report)
    assert re.search(r"advice/hydration\.yaml:\d+: unknown cause id 'heat_humidty'", report)
    assert re.search(r"ladder\.yaml:\d+: unknown exercise id 'barbel_hip_thrust'", report)


def test_a_file_named_unlike_its_id_is_an_error(broken_copy: Path) -> None:
    (broken_copy / "exercises" / "bird_dog.yaml").rename(broken_copy / "exercises" / "birddog.yaml")
    with pytest.raises(KnowledgeError, match=r"birddog\.yaml:1: id 'bird_dog' does not match"):
        load_plan_knowledge_from(broken_copy)


def test_a_dose_without_reps_or_hold_is_an_error(broken_copy: Path) -> None:
    replace(broken_copy / "exercises" / "glute_bridge.yaml",
            "dose: {sets: 3, reps: 10, rest_s: 60, reps_step: 1, top_reps: 15}",
            "dose: {sets: 3, rest_s: 60}")
    with pytest.raises(KnowledgeError, match=r"glute_bridge\.yaml:\d+: dose: .*reps or hold_s"):
        load_plan_knowledge_from(broken_copy)


def test_ladder_steps_must_be_numbered_in_order(broken_copy: Path) -> None:
    replace(broken_copy / "ladder.yaml", "  - step: 2\n", "  - step: 7\n")
    with pytest.raises(KnowledgeError, match=r"ladder\.yaml:\d+: steps must be numbered 1\.\.6"):
        load_plan_knowledge_from(broken_copy)


def test_yaml_syntax_errors_name_the_line(broken_copy: Path) -> None:
    path = broken_copy / "phases.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  bad: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"phases\.yaml:\d+: YAML syntax"):
        load_plan_knowledge_from(broken_copy)


def test_modules_and_habits_are_checked_against_families_habits_and_causes(
        broken_copy: Path) -> None:
    replace(broken_copy / "modules.yaml", "      - [conditioning]\n", "      - [conditioing]\n")
    replace(broken_copy / "modules.yaml", "habits: [drink_to_thirst, sweat_rate_check]",
            "habits: [drink_to_thirst, sweat_rate_chek]")
    replace(broken_copy / "modules.yaml", "  heat_humidity:\n", "  heat_humidty:\n")
    replace(broken_copy / "habits" / "sodium_for_salty_sweaters.yaml",
            "only_if: [heavy_sweating,", "only_if: [heavy_sweatin,")
    with pytest.raises(KnowledgeError) as caught:
        load_plan_knowledge_from(broken_copy, KB)
    report = str(caught.value)
    assert re.search(r"modules\.yaml:\d+: unknown family id 'conditioing'", report)
    assert re.search(r"modules\.yaml:\d+: unknown habit id 'sweat_rate_chek'", report)
    assert re.search(r"modules\.yaml:\d+: unknown cause id 'heat_humidty'", report)
    assert re.search(r"habits/sodium_for_salty_sweaters\.yaml:\d+: unknown finding id 'heavy_sweatin'",
                     report)


def test_every_cause_a_self_care_plan_can_lead_with_has_a_module() -> None:
    red_flags = {"deep_vein_thrombosis", "cauda_equina_syndrome", "rhabdomyolysis"}
    assert set(KB.causes) - red_flags <= set(PK.modules.modules)
