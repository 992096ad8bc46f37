"""The free-text reader: everyday words, negation, hedges, numbers, sides and red flags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from crampcoach.intake import read_findings
from crampcoach.intake.evaluation import evaluate_reader
from crampcoach.intake.lexicon import load_lexicon
from crampcoach.knowledge import load_knowledge

DESCRIPTIONS = Path(__file__).with_name("descriptions.yaml")
RED_FLAGS = sorted(load_lexicon().red_flags)


def read(text: str) -> dict[str, bool | None]:
    return read_findings(text).findings


# ------------------------------------------------------------------ everyday words and slang
@pytest.mark.parametrize("text", [
    "My hammies seize up whenever I do hip thrusts.",
    "The back of my thigh locks up on glute bridges.",
    "Bridges make the backs of my legs cramp like mad.",
])
def test_slang_for_hamstrings_and_cramps_is_understood(text: str) -> None:
    assert read(text)["trigger_bridge_or_hip_thrust"] is True


def test_feeling_bridges_in_the_hamstrings_is_read() -> None:
    found = read("In bridges my hamstrings do all the work and I feel it more in my hamstrings "
                 "than my glutes.")
    assert found["feel_hamstrings_more_than_glutes"] is True


def test_being_unable_to_feel_the_glutes_is_read() -> None:
    assert read("I just can't feel my glutes at all when I squeeze.")["hard_to_feel_glutes"] is True


def test_feeling_the_glutes_work_is_read_as_absent() -> None:
    assert read("I can feel my glutes working hard.")["hard_to_feel_glutes"] is False


# ------------------------------------------------------------------ negation and its scope
def test_no_bruising_is_read_as_absent() -> None:
    assert read("No bruising at all.")["bruising"] is False


def test_didnt_feel_a_pop_is_read_as_absent() -> None:
    assert read("I didn't feel a pop when it happened.")["popping_sensation"] is False


def test_never_at_night_is_read_as_absent() -> None:
    assert read("My hamstrings cramp during football, never at night.")["cramp_at_night"] is False


def test_negation_reaches_across_or() -> None:
    found = read("No numbness or tingling anywhere.")
    assert found["numbness_or_tingling"] is False


def test_negation_stops_at_but() -> None:
    found = read("No bruising, but I felt a pop.")
    assert found["bruising"] is False
    assert found["popping_sensation"] is True


def test_a_later_clause_is_outside_the_negation() -> None:
    found = read("I don't skip my warm-up, and my hamstrings are really tight.")
    assert found["skips_warmup"] is False
    assert found["tight_hamstrings"] is True


def test_a_denied_action_stops_at_the_comma() -> None:
    found = read("I can't straighten my leg, bruise spreading down the back of my thigh.")
    assert found["bruising"] is True
    assert found["pain_walking_or_straightening"] is True
    found = read("Couldn't walk properly, calf swollen and hot.")
    assert found["calf_or_thigh_swollen_warm_red"] is True


def test_a_denial_of_having_carries_over_a_list() -> None:
    found = read("I can't feel any numbness, tingling or weakness.")
    assert found["numbness_or_tingling"] is False
    # A denial of feeling may be of something else: the warning sign is asked, not assumed.
    assert read("I can't feel it when I wipe, numb down there.")["saddle_numbness"] is None


def test_naming_rhabdomyolysis_as_a_worry_is_not_dark_urine() -> None:
    found = read("I checked my pee because of all the rhabdo horror stories and it's pale, "
                 "totally normal.")
    assert found["dark_urine_after_exercise"] is False
    assert read("Diagnosed with rhabdo after a spin class.")["dark_urine_after_exercise"] is True


def test_a_bladder_under_control_is_a_denial() -> None:
    assert read("No weakness, and my bladder's completely under control.")[
        "bladder_or_bowel_change"] is False


def test_wetting_oneself_laughing_is_a_figure_of_speech() -> None:
    assert "bladder_or_bowel_change" not in read("Nearly wet myself laughing at the ref.")


def test_urine_that_turned_dark_later_is_never_read_as_denied() -> None:
    found = read("Pee was fine after the run but the next morning it was dark brown.")
    assert found["dark_urine_after_exercise"] is not False
    assert read("I checked my pee. It was dark brown like cola.")[
        "dark_urine_after_exercise"] is True


def test_a_denial_of_something_said_in_between_never_denies_a_clot_sign() -> None:
    found = read("My left thigh feels like a cramp that never lets go and it's noticeably "
                 "bigger than the right, warm, with a red patch.")
    assert found["calf_or_thigh_swollen_warm_red"] is not False
    assert read("My calf is not at all swollen or warm.")["calf_or_thigh_swollen_warm_red"] is False
    assert read("The calf never swelled up or went red.")["calf_or_thigh_swollen_warm_red"] is False


def test_a_clinicians_finding_is_read_as_said_and_a_friends_opinion_is_asked() -> None:
    assert read("My physio says I have a massive anterior tilt.")["anterior_pelvic_tilt"] is True
    assert read("My coach reckons my glutes are asleep.")["hard_to_feel_glutes"] is None


def test_a_foot_that_slaps_down_more_each_day_is_progressive_weakness() -> None:
    found = read("Over the last week my foot slaps down when I walk and I trip over my toes.")
    assert found["progressive_leg_weakness"] is True


def test_a_cramp_that_felt_like_twenty_odd_minutes_lasts_over_ten() -> None:
    found = read("My hamstring cramped and stayed locked for what felt like twenty-odd minutes.")
    assert found["cramp_lasts_over_10_min"] is True
    assert read("Woke with my thigh locked solid and it stayed like that a good quarter of an "
                "hour.")["cramp_lasts_over_10_min"] is True


def test_the_sport_of_the_sentence_before_carries_forward_to_the_cramp() -> None:
    found = read("Squash league final on Thursday night. Match point down, my hamstring seized.")
    assert found["cramp_during_exercise"] is True
    # Only a denial of the cramp itself denies it; the night after is not during the sport.
    assert read("Squash league final on Thursday. Didn't cramp once.").get(
        "cramp_during_exercise") is not True
    assert read("Squash league final on Thursday. That night in bed my hamstring seized.").get(
        "cramp_during_exercise") is not True


@pytest.mark.parametrize(("text", "finding", "expected"), [
    ("Fluids are sorted, I get through a big bottle.", "low_fluid_intake", False),
    ("Flexibility's fine, palms flat on the floor no bother.", "tight_hamstrings", False),
    ("I always warm up properly before a game.", "skips_warmup", False),
    ("I never warm up properly.", "skips_warmup", True),
    ("Hip flexor length normal on Thomas test.", "tight_hip_flexors", False),
    ("My glutes fire fine on bridges.", "hard_to_feel_glutes", False),
    ("No lasting soreness after the cramp.", "tender_after_cramp", False),
])
def test_a_topic_said_to_be_no_concern_is_read_as_absent(
        text: str, finding: str, expected: bool) -> None:
    assert read(text).get(finding) is expected


def test_self_care_named_before_cramps_that_go_on_is_persistence() -> None:
    found = read("Six weeks of magnesium and stretching every night. Still cramping most days.")
    assert found["persists_despite_self_care"] is True


def test_a_calf_gone_fat_shiny_and_hot_is_a_clot_sign() -> None:
    found = read("Since the flight my calf felt tight, but now it's gone fat and shiny and hot.")
    assert found["calf_or_thigh_swollen_warm_red"] is True


@pytest.mark.parametrize("text", [
    "When I try to clench my glutes on a bridge nothing much happens.",
    "I can't really get my glutes to tense on hip thrusts.",
])
def test_trying_to_work_the_glutes_without_result_is_hard_to_feel_them(text: str) -> None:
    assert read(text)["hard_to_feel_glutes"] is True


def test_arriving_straight_from_the_car_is_skipping_the_warm_up() -> None:
    found = read("I go straight from the car onto the court and my hamstring grabs on the first sprint.")
    assert found["skips_warmup"] is True


@pytest.mark.parametrize("text", ["I do not really warm up.", "It was not hot at all."])
def test_words_about_the_warm_up_or_the_weather_never_deny_a_clot_sign(text: str) -> None:
    assert read(text).get("calf_or_thigh_swollen_warm_red") is None
    assert read("My calf isn't hot or swollen.")["calf_or_thigh_swollen_warm_red"] is False


def test_not_warming_up_says_nothing_of_the_heat() -> None:
    found = read("I do not really warm up.")
    assert found["skips_warmup"] is True
    assert "cramp_in_hot_conditions" not in found


@pytest.mark.parametrize("text", [
    "Five minutes from the end of extra time I dived and my hamstring locked.",
    "With two k to go my hammy cramped.",
])
def test_a_cramp_with_little_of_the_session_left_is_late(text: str) -> None:
    assert read(text)["cramp_late_in_session"] is True


@pytest.mark.parametrize(("text", "finding"), [
    ("Four and a half hours on court and my hamstring cramped.", "long_or_intense_sessions"),
    ("On rides over three hours my hamstrings cramp.", "long_or_intense_sessions"),
    ("I went from two runs a week to running every day and now my hamstrings cramp.",
     "recent_training_increase"),
    ("My hamstrings cramp every few days lately.", "frequent_cramps"),
    ("My hamstring cramped on a 300m rep.", "trigger_running_or_sprinting"),
    ("I cramp in the hamstrings at training. It comes in the last 20 minutes.",
     "cramp_late_in_session"),
])
def test_sessions_loads_and_times_said_in_plain_words_are_read(text: str, finding: str) -> None:
    assert read(text)[finding] is True


def test_a_cramp_lasting_the_best_part_of_half_an_hour_lasts_over_ten_minutes() -> None:
    found = read("I woke with a hamstring cramp that lasted the best part of 25 minutes.")
    assert found["cramp_lasts_over_10_min"] is True


def test_perianal_numbness_is_saddle_numbness_and_intact_saddle_sensation_denies_it() -> None:
    assert read("New perianal numbness since yesterday.")["saddle_numbness"] is True
    assert read("Bladder normal, saddle sensation intact.")["saddle_numbness"] is False


def test_an_operation_years_ago_is_not_recent() -> None:
    assert "recent_immobilisation_or_surgery" not in read("Lumbar discectomy in 2015. Hamstring cramps.")
    assert read("Knee surgery three weeks ago and now my calf is swollen.")[
        "recent_immobilisation_or_surgery"] is True


def test_someone_elses_job_says_nothing_of_the_writers_day() -> None:
    assert "sits_most_of_day" not in read("My yoga teacher says my hamstrings are tight.")


def test_a_time_said_to_be_no_trouble_is_denied() -> None:
    found = read("My hamstring cramps on runs in the heat. In winter I'm totally fine.")
    assert found["cramp_in_hot_conditions"] is True
    assert read("My hamstring grabs on every run. In summer I'm totally fine.")[
        "cramp_in_hot_conditions"] is False


def test_six_in_the_morning_is_not_night() -> None:
    assert "cramp_at_night" not in read("I run at 6am and my hamstring cramps.")
    assert read("A cramp woke me at 3am.")["cramp_at_night"] is True


def test_saying_an_exercise_is_fine_denies_it_as_a_trigger() -> None:
    found = read("Deadlifts are fine, but hip thrusts make my hamstrings cramp.")
    assert found["trigger_hinge_or_leg_curl"] is False
    assert found["trigger_bridge_or_hip_thrust"] is True


def test_cannot_touch_toes_means_tight_hamstrings() -> None:
    assert read("I can't even touch my toes.")["tight_hamstrings"] is True
    assert read("I can easily touch my toes.")["tight_hamstrings"] is False


def test_no_warm_up_means_skipping_it() -> None:
    assert read("I never warm up before football.")["skips_warmup"] is True
    assert read("No warm-up, I just start playing.")["skips_warmup"] is True


# ------------------------------------------------------------------ hedges
def test_maybe_a_bit_swollen_is_uncertain() -> None:
    reading = read_findings("Maybe a bit swollen at the back of the thigh.")
    assert reading.findings["swelling_back_of_thigh"] is None
    assert [s.text for s in reading.spans if s.finding == "swelling_back_of_thigh"] == ["swollen"]


def test_not_sure_is_a_hedge_not_a_denial() -> None:
    assert read("Not sure if there is a bruise yet.")["bruising"] is None


def test_a_question_asks_rather_than_tells() -> None:
    assert read("Could my tight hip flexors be the problem?")["tight_hip_flexors"] is None


def test_a_rough_number_is_not_a_hedge() -> None:
    assert read("My hamstrings cramp maybe twice a week.")["frequent_cramps"] is True


# ------------------------------------------------------------------ time, frequency, numbers
@pytest.mark.parametrize(("text", "expected"), [
    ("My hamstrings cramp most nights.", True),
    ("I get cramps twice a week.", True),
    ("The cramps come three times a week.", True),
    ("I cramp once a month or so.", False),
    ("Cramps only happen occasionally.", False),
])
def test_how_often_is_read_from_frequency_words(text: str, expected: bool) -> None:
    assert read(text)["frequent_cramps"] is expected


def test_playing_twice_a_week_is_not_cramping_twice_a_week() -> None:
    found = read("I play netball twice a week. My hamstrings cramp in the last quarter.")
    assert "frequent_cramps" not in found
    assert found["cramp_late_in_session"] is True


@pytest.mark.parametrize(("text", "expected"), [
    ("The cramp lasted 15 minutes.", True),
    ("Each cramp lasts about half an hour.", True),
    ("My cramps last a few seconds.", False),
    ("The cramp lasts 5 minutes at worst.", False),
    ("The cramp won't go away.", True),
])
def test_cramp_duration_is_read_from_numbers(text: str, expected: bool) -> None:
    assert read(text)["cramp_lasts_over_10_min"] is expected


def test_a_denied_duration_is_never_read_as_long() -> None:
    found = read("My cramps never last more than a couple of minutes.")
    assert found["cramp_lasts_over_10_min"] is False


@pytest.mark.parametrize(("text", "expected"), [
    ("I upped my mileage 30% last week.", True),
    ("Increased my weekly distance by 5% only.", False),
    ("Went from 20 km a week to 40 km of running.", True),
    ("My training volume has doubled since January.", True),
])
def test_training_increase_is_read_from_percentages_and_ratios(text: str, expected: bool) -> None:
    assert read(text)["recent_training_increase"] is expected


def test_minutes_into_a_match_are_not_a_cramp_duration() -> None:
    found = read("My hamstring cramped in the 85th minute of the match.")
    assert found["cramp_late_in_session"] is True
    assert "cramp_lasts_over_10_min" not in found


# ------------------------------------------------------------------ sides
@pytest.mark.parametrize(("text", "expected"), [
    ("It's my left leg only.", True),
    ("Always the same leg, the right one.", True),
    ("My right hamstring cramps; the other leg is fine.", True),
    ("Both legs cramp.", False),
    ("It switches sides.", False),
    ("It happens in either leg.", False),
])
def test_sides_are_read(text: str, expected: bool) -> None:
    assert read(text)["one_side_only"] is expected


# ------------------------------------------------------------------ red flags
@pytest.mark.parametrize(("text", "finding"), [
    ("No numbness around the groin.", "saddle_numbness"),
    ("My groin isn't numb at all.", "saddle_numbness"),
    ("My urine has never been dark brown.", "dark_urine_after_exercise"),
    ("My legs aren't swollen or red.", "calf_or_thigh_swollen_warm_red"),
    ("No swelling, warmth or redness in the calf.", "calf_or_thigh_swollen_warm_red"),
    ("No problems with my bladder or bowels.", "bladder_or_bowel_change"),
    ("I have not noticed my legs getting weaker.", "progressive_leg_weakness"),
    ("The cramp never lasts longer than a minute.", "cramp_lasts_over_10_min"),
    ("I'm not short of breath and have no chest pain.", "breathless_or_chest_pain"),
    ("I'm walking fine.", "cannot_walk"),
    ("There's been no dark urine after training.", "dark_urine_after_exercise"),
])
def test_a_denied_red_flag_is_never_read_as_present(text: str, finding: str) -> None:
    assert read(text).get(finding) is not True


@pytest.mark.parametrize(("text", "finding"), [
    ("I'm numb around my bottom.", "saddle_numbness"),
    ("I've lost all feeling around my backside and between my legs.", "saddle_numbness"),
    ("I can't tell when my bladder is full.", "bladder_or_bowel_change"),
    ("My calf is swollen, warm and red.", "calf_or_thigh_swollen_warm_red"),
    ("My pee is the colour of cola after the race.", "dark_urine_after_exercise"),
    ("My foot keeps slapping down when I walk.", "progressive_leg_weakness"),
    ("The cramp has lasted 20 minutes.", "cramp_lasts_over_10_min"),
    ("I'm short of breath.", "breathless_or_chest_pain"),
    ("I can't put any weight on the leg.", "cannot_walk"),
])
def test_a_stated_red_flag_is_read_as_present(text: str, finding: str) -> None:
    assert read(text)[finding] is True


@pytest.mark.parametrize("finding", RED_FLAGS)
@pytest.mark.parametrize("denial", ["I have no {}.", "There is no {} at all.", "Never any {}."])
def test_denying_a_red_flag_in_its_own_words_never_reads_it_present(
    finding: str, denial: str,
) -> None:
    words = {
        "saddle_numbness": "numbness around my groin",
        "bladder_or_bowel_change": "trouble with my bladder",
        "calf_or_thigh_swollen_warm_red": "swollen, warm, red calf",
        "dark_urine_after_exercise": "dark urine after exercise",
        "progressive_leg_weakness": "foot drop",
        "cramp_lasts_over_10_min": "cramp that won't go away",
        "breathless_or_chest_pain": "chest pain",
        "cannot_walk": "trouble walking",
    }
    assert read(denial.format(words.get(finding, finding.replace("_", " ")))).get(finding) is not True


def test_a_red_flag_is_not_read_from_a_double_negative() -> None:
    assert read("It's not that my urine is never dark.").get("dark_urine_after_exercise") is not True


def test_a_clause_that_also_denies_leaves_a_red_flag_uncertain() -> None:
    assert read("Not after training, my calf is swollen and warm.").get(
        "calf_or_thigh_swollen_warm_red") is not False


# ------------------------------------------------------------------ spans and ids
def test_spans_point_at_the_words_in_the_original_text() -> None:
    text = "I\u2019m 40.  NO BRUISING, but my hammies seize up most nights."
    reading = read_findings(text)
    assert reading.spans
    for span in reading.spans:
        assert text[span.start:span.end] == span.text
        assert span.finding in reading.findings
    assert reading.findings["bruising"] is False


def test_a_quote_from_a_rewritten_phrase_shows_whole_words() -> None:
    # "glutes toh feel hi nahi hote" is read as "I can't feel my glutes", a phrase of another
    # length: the quote shown still starts and ends on the writer's word boundaries.
    text = "Hip thrust pe hamstring cramp ho jata hai, glutes toh feel hi nahi hote."
    reading = read_findings(text)
    assert reading.findings.get("hard_to_feel_glutes") is True
    for span in reading.spans:
        assert span.start == 0 or not text[span.start - 1].isalnum(), span.text
        assert span.end == len(text) or not text[span.end].isalnum(), span.text


def test_only_finding_ids_of_the_knowledge_base_are_read() -> None:
    known = set(load_knowledge().findings)
    with_many = (
        "Keto, desk job, statins, MS, thyroid and kidney trouble, pregnant, sweat buckets, "
        "slipped disc, sciatica, tingling feet, a pop, bruising, limping, can't sit."
    )
    found = read(with_many)
    assert len(found) > 10
    assert set(found) <= known


def test_an_empty_description_reads_nothing() -> None:
    assert read_findings("").findings == {}
    assert read_findings("   ").spans == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_is_read_without_error_and_spans_stay_inside_it(text: str) -> None:
    reading = read_findings(text)
    for span in reading.spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text


_PHRASES = ["no", "not", "never", "maybe", "my", "calf", "urine", "dark", "swollen", "red",
            "numb", "groin", "bladder", "cramp", "minutes", "20", "isn't", "hasn't been",
            "warm", "and", "or", "weaker", "legs", "chest pain", "can't walk", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=12))
def test_a_red_flag_read_as_present_comes_from_a_clause_without_denial(words: list[str]) -> None:
    from crampcoach.intake.reader import clauses

    text = " ".join(words)
    reading = read_findings(text)
    lex = load_lexicon()
    parts = clauses(text, lex)
    for span in reading.spans:
        if span.finding in lex.red_flags and span.value is True:
            # The clause the reader scoped the mention in: no denial there before the mention.
            clause = next(c for c in parts if c.start <= span.start < max(c.end, c.start + 1))
            before = text[clause.start:span.start]
            assert not any(w in before.split() for w in ("no", "not", "never", "isn't")), text


# ------------------------------------------------------------------ descriptions written for tests
def _descriptions() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load(DESCRIPTIONS.read_text(encoding="utf-8"))
    return data


def test_own_descriptions_are_read_with_high_precision_and_recall() -> None:
    report = evaluate_reader(_descriptions())
    assert report.precision is not None and report.precision >= 0.95
    assert report.recall is not None and report.recall >= 0.90
    assert report.red_flag_negation_errors == []


@pytest.mark.parametrize("item", _descriptions(), ids=lambda item: str(item["id"]))
def test_no_description_has_a_finding_read_the_wrong_way(item: dict[str, Any]) -> None:
    found = read(item["text"])
    wrong = {f: (v, found[f]) for f, v in item["findings"].items()
             if v is not None and found.get(f) is (not v)}
    assert wrong == {}


# ------------------------------------------------------------------ legs giving way, drinks at night
@pytest.mark.parametrize("text", [
    "My right leg keeps giving way on me and it's getting worse.",
    "I can no longer climb stairs without my legs giving way.",
])
def test_legs_giving_way_is_read_as_progressive_weakness(text: str) -> None:
    assert read(text)["progressive_leg_weakness"] is True


def test_legs_not_giving_way_is_read_as_absent() -> None:
    assert read("I can walk fine and my legs aren't giving way.")["progressive_leg_weakness"] is False


def test_a_leg_giving_way_just_after_a_cramp_is_not_progressive_weakness() -> None:
    found = read("After the cramp my leg kept giving way for a few minutes.")
    assert "progressive_leg_weakness" not in found
    assert found["weakness_after"] is True


def test_drinking_most_nights_is_not_cramping_at_night() -> None:
    found = read("I get through two bottles of wine most nights. My hamstrings cramp on walks, "
                 "never in bed.")
    assert found["heavy_alcohol_use"] is True
    assert found["cramp_at_night"] is False
    assert "frequent_cramps" not in found


def test_the_last_minutes_of_a_match_are_not_a_cramp_duration() -> None:
    found = read("My hamstring cramps, never early on, always in the last 20 minutes of a match.")
    assert found["cramp_late_in_session"] is True
    assert found["cramp_early_in_session"] is False
    assert "cramp_lasts_over_10_min" not in found
    rough = read("Sunday league. Always the last 20 min or so, both hamstrings go tight then full "
                 "on cramp.")
    assert rough["cramp_late_in_session"] is True
    assert "cramp_lasts_over_10_min" not in rough
    assert read("The cramp lasts 20 min or so.")["cramp_lasts_over_10_min"] is True


@pytest.mark.parametrize(("text", "finding"), [
    ("I've lost all feeling down below since my back went.", "saddle_numbness"),
    ("I can't seem to wee properly since yesterday.", "bladder_or_bowel_change"),
    ("I wet myself without realising and my hamstrings keep cramping.", "bladder_or_bowel_change"),
    ("Both hammies keep cramping and I couldn't properly feel myself pee this morning.",
     "bladder_or_bowel_change"),
    ("Mum's back is agony, both hamstrings cramping, and she wet herself without knowing.",
     "bladder_or_bowel_change"),
    ("The back of my right thigh has a cramp that won't shift, going since yesterday.",
     "cramp_lasts_over_10_min"),
    # "With no warning" tells how it came; it denies nothing.
    ("I nearly wet myself this morning with no warning.", "bladder_or_bowel_change"),
    ("Lost control of my bladder without any warning yesterday.", "bladder_or_bowel_change"),
])
def test_red_flags_in_everyday_words_are_read_as_present(text: str, finding: str) -> None:
    assert read(text)[finding] is True


def test_numbness_down_below_the_knee_is_not_saddle_numbness() -> None:
    found = read("I have tingling down below my knee.")
    assert "saddle_numbness" not in found
    assert found["numbness_or_tingling"] is True


def test_cannot_walk_without_a_limp_means_walking() -> None:
    found = read("I can't walk without limping since the cramp.")
    assert found.get("cannot_walk") is not True
    assert found["pain_walking_or_straightening"] is True


def test_doubt_about_a_pop_stays_uncertain_rather_than_no() -> None:
    assert read("I don't think I felt a pop, not sure.").get("popping_sensation", "absent") is None


def test_nobody_having_seen_bruising_is_a_denial() -> None:
    assert read("Nobody has ever seen bruising on it.").get("bruising") is False


def test_gap_patterns_bridge_a_few_words() -> None:
    # "pee ... cola": the gap lets a few words stand between the two halves of a pattern.
    assert read("My pee is the colour of cola after the race.").get("dark_urine_after_exercise") is True
    assert read("I can't feel anything down there when I wipe.").get("saddle_numbness") is True


def test_cannot_stand_a_food_is_a_dislike_not_a_leg_that_fails() -> None:
    found = read("I'm a fussy eater and I can't stand milk or yoghurt.")
    assert "cannot_walk" not in found
    assert read("After the cramp I couldn't stand, let alone walk.")["cannot_walk"] is True
    assert read("I can't stand on that leg.")["cannot_walk"] is True


def test_a_working_day_on_the_feet_is_not_a_long_session() -> None:
    assert "long_or_intense_sessions" not in read(
        "I'm a teacher and on my feet all day. My hamstrings cramp at night.")
    assert read("We played tennis all day and my hamstring cramped.")[
        "long_or_intense_sessions"] is True


def test_numb_when_wiping_is_saddle_numbness_even_after_cannot_feel_properly() -> None:
    found = read("Since this morning I can't feel properly when I wipe after the toilet, "
                 "it's numb around there.")
    assert found["saddle_numbness"] is True


def test_his_or_her_saddle_words_name_the_saddle_too() -> None:
    found = read("My partner hurt his back lifting a sofa. He's numb round his backside and "
                 "between his legs and hasn't been able to pee properly since this morning.")
    assert found["saddle_numbness"] is True
    assert found["bladder_or_bowel_change"] is True


def test_a_denial_that_opens_its_own_statement_does_not_deny_the_words_before() -> None:
    assert read("Ate and drank to plan, wasn't hot.")["low_fluid_intake"] is False
    assert read("Numbness in the groin and bladder trouble, none of that.").get(
        "saddle_numbness") is not True


def test_a_leg_that_has_got_weaker_is_progressive_weakness() -> None:
    assert read("My right thigh looks thinner and that leg's got weaker on the stairs.")[
        "progressive_leg_weakness"] is True


def test_glutes_not_felt_without_a_determiner_or_said_first() -> None:
    assert read("I also cannot feel glutes squeezing at all.")["hard_to_feel_glutes"] is True
    assert read("I feel only the back of my thigh working, butt I am not feeling at all.")[
        "hard_to_feel_glutes"] is True


def test_litres_a_day_are_plenty_whatever_only_follows() -> None:
    assert read("Water I am drinking 3-4 litre daily only so that is not issue.")[
        "low_fluid_intake"] is False


def test_no_before_a_noun_denies_that_noun_only() -> None:
    found = read("Whenever I do hip thrusts off the bench, even with no bar, my hamstrings "
                 "cramp within 8-10 reps.")
    assert found["cramp_during_exercise"] is True
    assert "long_or_intense_sessions" not in found


def test_a_denial_before_a_comma_keeps_to_its_own_words() -> None:
    found = read("Hamstrings cramp going up hills. Not running more than usual, drink fine.")
    assert found["low_fluid_intake"] is False


def test_hours_of_travel_are_not_a_long_session() -> None:
    found = read("13 hour flight from Singapore two days ago and now my left calf is swollen.")
    assert "long_or_intense_sessions" not in found
    assert found["recent_immobilisation_or_surgery"] is True
    assert read("Nine hours hauling boxes up three flights of stairs, then both hamstrings "
                "cramped.")["long_or_intense_sessions"] is True


def test_a_journey_with_its_length_in_brackets_is_recent_travel() -> None:
    found = read("Flew back from Perth to London (17 hrs) on Tuesday after a cycling tour.")
    assert found["recent_immobilisation_or_surgery"] is True


@pytest.mark.parametrize("text", [
    "I flew through the first 2 hours of the race, then my hamstring cramped.",
    "Felt like I was flying for 3 hours, then both hammies cramped.",
    "The time flew by, 4 hours on the bike and a cramp at the end.",
])
def test_flying_along_in_a_race_is_not_a_journey(text: str) -> None:
    assert "recent_immobilisation_or_surgery" not in read(text)


def test_a_negation_that_states_another_finding_does_not_doubt_a_warning_sign() -> None:
    found = read("Disc trouble again. Now I can't feel the toilet paper when I wipe and both legs "
                 "feel weaker than they did yesterday.")
    assert found["saddle_numbness"] is True
    assert found["progressive_leg_weakness"] is True
    found = read("Off my feet for a fortnight with flu. Now my right thigh has a cramp that never "
                 "lets go and it's bigger than the left, warm, with a red blotch.")
    assert found["calf_or_thigh_swollen_warm_red"] is True
    # A real denial in the same clause still leaves the sign to be asked.
    assert read("Not sure, both legs feel weaker than yesterday.").get(
        "progressive_leg_weakness") is None


def test_never_after_before_a_change_dates_the_cramps_and_denies_nothing() -> None:
    found = read("Switched to a keto diet in spring. Now my hamstrings cramp on long rides. "
                 "Before keto never.")
    assert found["low_carb_diet"] is True
    assert read("Hamstrings cramp on rides. Keto never.")["low_carb_diet"] is False


def test_a_story_about_someone_else_keeps_their_verbs() -> None:
    found = read("My husband cramps in his hamstrings on hip thrusts; glutes he is not "
                 "feeling at all.")
    assert found["hard_to_feel_glutes"] is True


def test_a_quoted_word_reads_as_if_unquoted() -> None:
    found = read("She can't 'find' her glutes on bridges and her hamstrings cramp.")
    assert found["hard_to_feel_glutes"] is True
    # The words shown back are the person's own, quotes and all.
    spans = read_findings("She can't 'find' her glutes on bridges and her hamstrings cramp.").spans
    assert any("'find'" in s.text for s in spans if s.finding == "hard_to_feel_glutes")


def test_a_negation_inside_another_statement_denies_nothing_else() -> None:
    found = read("I can't feel my glutes on bridges and my hamstrings cramp.")
    assert found["trigger_bridge_or_hip_thrust"] is True
    assert found["cramp_during_exercise"] is True
    assert read("I don't do bridges, my hamstrings cramp at night.")[
        "trigger_bridge_or_hip_thrust"] is False


def test_kind_of_describes_a_warning_sign_and_does_not_doubt_it() -> None:
    found = read("Sciatica's back, pain down to my ankle, and my foot's kind of flopping; I keep "
                 "catching my toes, worse every day.")
    assert found["progressive_leg_weakness"] is True
    # A real doubt still leaves it to be asked.
    assert read("Not sure, maybe my foot is flopping a bit.").get(
        "progressive_leg_weakness") is None


def test_a_self_correction_is_not_a_denial() -> None:
    found = read("Bridges cramp my right hamstring, no actually both of them.")
    assert found.get("one_side_only") is not True


def test_a_simile_of_nothing_does_not_doubt_saddle_numbness() -> None:
    found = read("Back pain for a week and now I've gone numb round my bum and between my legs, "
                 "like sitting on nothing.")
    assert found["saddle_numbness"] is True


def test_hours_in_a_chair_are_not_a_long_session() -> None:
    found = read("I sit like ten hours a day and the front of my hips feels tight; bridges "
                 "cramp my hamstrings.")
    assert "long_or_intense_sessions" not in found
    assert read("I train three hours a day and my hamstrings cramp.")[
        "long_or_intense_sessions"] is True


def test_not_standing_up_straight_after_sitting_is_the_hip_not_a_leg_that_fails() -> None:
    found = read("Desk job, and I can't stand up straight for a sec when I get up from the chair. "
                 "Bridges make my hamstrings cramp.")
    assert "cannot_walk" not in found
    assert found["tight_hip_flexors"] is True
    assert read("After the cramp I couldn't stand up.")["cannot_walk"] is True


def test_a_run_named_in_one_sentence_sets_off_the_cramp_in_the_next() -> None:
    found = read("Jumped straight into 200m repeats. The hammy cramped on the first rep.")
    assert found["trigger_running_or_sprinting"] is True


def test_a_list_of_denials_does_not_reach_a_statement_after_a_comma() -> None:
    assert read("46, no meds, no health problems, drinking 3 litres a day.")[
        "low_fluid_intake"] is False
    assert read("I'm 33, no injuries, drink fine, but my hamstrings cramp.")[
        "low_fluid_intake"] is False
    assert read("Not unfit, run 3x a week, drink heaps. Hamstrings cramp.")[
        "low_fluid_intake"] is False
    # A list of nouns after the "no" is still denied.
    found = read("No pop, bruising or swelling after the cramp.")
    assert found["bruising"] is False
    assert found["swelling_back_of_thigh"] is False


def test_what_never_happened_elsewhere_does_not_deny_the_cramp() -> None:
    found = read("My hamstrings cramp on the way up the hill, which never happened back home.")
    assert found["cramp_during_exercise"] is True


def test_minutes_into_a_game_place_the_cramp_by_how_many() -> None:
    assert read("Five mins in, the back of my thigh goes into a knot.")[
        "cramp_early_in_session"] is True
    assert read("About 40 minutes into the game my hamstring cramped.")[
        "cramp_late_in_session"] is True


def test_answers_that_never_name_the_cramp_are_read_as_about_it() -> None:
    found = read("Yes both sides. Only on the bridges and the hip thrust machine.")
    assert found["trigger_bridge_or_hip_thrust"] is True
    assert read("Always second half, like 70th minute onwards.")["cramp_late_in_session"] is True
    # A text that names the cramp is read as before: bridges far from it set nothing off.
    assert "trigger_bridge_or_hip_thrust" not in read(
        "I do bridges twice a week. I sleep badly. Work is busy. My hamstrings cramp at night.")


def test_a_question_answered_no_is_a_denial() -> None:
    assert read("Night cramps? Nope, sleep like a log.")["cramp_at_night"] is False
    assert read("Numb down there? No, nothing like that.")["saddle_numbness"] is False
    # "No bruising" after a question opens a statement; it answers nothing.
    found = read("I squeeze my glutes and just can't find them?? No bruising after.")
    assert found.get("hard_to_feel_glutes") is not False


def test_a_correction_in_the_next_sentence_replaces_what_was_said() -> None:
    found = read("I drink plenty. Well, actually, thinking about it, I barely drink anything in "
                 "the long sessions. Hamstrings cramp.")
    assert found["low_fluid_intake"] is True


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Fingertips reach mid-shin at best when I bend over.", "tight_hamstrings", True),
    ("I can get my palms flat on the floor.", "tight_hamstrings", False),
    ("She doesn't sweat much.", "heavy_sweating", False),
    ("I go from the car straight to bowling without much of a loosen-up.", "skips_warmup", True),
    ("I reach the ground late and directly go to field, no jogging or stretching.",
     "skips_warmup", True),
    ("Same miles as before, not running more.", "recent_training_increase", False),
    ("He isn't doing any more exercise than his usual walks.", "recent_training_increase", False),
    ("58 and taking up strength training after retiring.", "new_or_returning_to_exercise", True),
    ("Got into cycling this spring.", "new_or_returning_to_exercise", True),
    ("No LBP, no P&N.", "numbness_or_tingling", False),
    ("Hamstring cramps at basketball practice, not every week.", "frequent_cramps", False),
    ("My hamstrings still cramp. Tried stretching and magnesium for 6 weeks, zero difference.",
     "persists_despite_self_care", True),
    ("A nagging ache from my lower back into the buttock and down the back of the calf.",
     "pain_radiates_below_knee", True),
    ("My hamstrings cramp when I rest in the evening.", "cramp_while_sitting_or_resting", True),
    ("In circuits class my hamstrings cramp in the back half.", "cramp_late_in_session", True),
    ("Hamstrings were perfect till mile 22, then both seized.", "one_side_only", False),
    ("My hamstring cramps on top-speed reps.", "trigger_running_or_sprinting", True),
    ("He gets hamstring cramps walking the dog.", "cramp_during_exercise", True),
    ("Went up for an intercept, landed and my hamstring cramped.", "cramp_during_exercise", True),
    ("This week the foot's started slapping and I tripped on the kerb twice, getting worse day "
     "by day.", "progressive_leg_weakness", True),
    ("Flew back from Perth last week, 20-odd hours. Now my calf is swollen.",
     "recent_immobilisation_or_surgery", True),
    ("Went to my first boot camp in ten years.", "recent_immobilisation_or_surgery", None),
    ("Went to my first boot camp in ten years.", "new_or_returning_to_exercise", True),
    ("Bilat hamstring cramp during hip thrusts.", "one_side_only", False),
    ("They do bottom lifts and both her hamstrings cramp every time.",
     "trigger_bridge_or_hip_thrust", True),
    ("A faint bluish patch has come up on the back of my thigh.", "bruising", True),
    ("Warm up is fine, 10 min bike and band work.", "skips_warmup", False),
    ("My hamstrings cramp on rides and sometimes at night.", "cramp_at_night", True),
    ("Hamstrings cramp late in matches, never early on.", "cramp_late_in_session", True),
    ("I can't feel properly when I wipe after the toilet, it's numb around there.",
     "saddle_numbness", True),
    ("My hamstrings cramp at night. I never get them during exercise.",
     "cramp_during_exercise", False),
    ("Training hasn't changed, same 250 km a week for years.", "recent_training_increase", False),
    ("Missus says my wee is dark yellow most days (not brown or anything like that).",
     "dark_urine_after_exercise", False),
    ("After the race my pee was dark brown.", "dark_urine_after_exercise", True),
    ("This morning he couldn't feel the loo roll when he wiped.", "saddle_numbness", True),
    ("I do 10 min on the bike first so it's not a warm up thing.", "skips_warmup", False),
    ("When I squeeze at the top I am not feeling anything in my buttocks.",
     "hard_to_feel_glutes", True),
    ("Glutes are fine, I feel hip thrusts right in my glutes.", "hard_to_feel_glutes", False),
    ("Trained properly for 16 weeks, no big jumps in mileage.", "recent_training_increase",
     False),
    ("She hasn't changed her exercise at all.", "recent_training_increase", False),
    ("My daughter only has a few sips of water at school.", "low_fluid_intake", True),
    ("Haven't been drinking much since because I feel sick.", "low_fluid_intake", True),
    ("Leg isn't weak, no toilet issues.", "progressive_leg_weakness", False),
    ("Pins n needles on top of the foot.", "numbness_or_tingling", True),
    ("Honestly I barely drink all day, maybe a coffee.", "low_fluid_intake", True),
    ("Hydration and food same as always. Mileage went from 40 km to 65 in two weeks.",
     "recent_training_increase", True),
    ("Cramp that came on in the car has lasted all evening and just won't go away.",
     "cramp_lasts_over_10_min", True),
    ("My glutes are sleeping on bridges, the hamstrings cramp.", "hard_to_feel_glutes", True),
    ("Hip thrusts: hamstrings cramp and my bum does nothing at all.",
     "feel_hamstrings_more_than_glutes", True),
    ("Deadlifts make my hamstrings cramp. Bridges also the same story.",
     "trigger_bridge_or_hip_thrust", True),
    ("Hamstrings cramp on sumo DL.", "trigger_hinge_or_leg_curl", True),
    ("I ride five days a week, done it for 8 years, it is not new for me.",
     "new_or_returning_to_exercise", False),
    ("Went to my first spin class in 3 yrs and both hamstrings cramped.",
     "new_or_returning_to_exercise", True),
    ("Was doing 20 km a week, now the plan has me on 45 km a week; hamstrings cramp.",
     "recent_training_increase", True),
    ("Pre-season: we went from nothing in the off-season to two sessions a day. Hamstrings "
     "cramped.", "recent_training_increase", True),
    ("The squad is doing double the gym work this month and his hamstrings cramp.",
     "recent_training_increase", True),
    ("Same sessions as always, nothing added, yet my hamstrings cramp.",
     "recent_training_increase", False),
    ("Hamstring cramped at football and again on the way home in the car.",
     "cramp_after_exercise", True),
    ("Drinks plenty but only plain water; hamstrings cramp on rides.", "low_fluid_intake", False),
    ("Drinking at every break, yet the hamstrings cramp in matches.", "low_fluid_intake", False),
    ("Hamstrings cramp in netball in the 75th min.", "cramp_late_in_session", True),
    ("Hamstrings cramp 1st qtr only, later qtrs fine.", "cramp_late_in_session", False),
    ("On long rides, after about 4 hours on the bike, my hamstrings cramp.",
     "cramp_late_in_session", True),
    ("Hamstrings cramp in the evening sessions when it's 34 and sticky.",
     "cramp_in_hot_conditions", True),
    ("Ham length fine on testing, cramps on runs.", "tight_hamstrings", False),
    ("With straight legs I can't even touch my knees and my hamstrings cramp.",
     "tight_hamstrings", True),
    ("Hamstring cramped in a game last week; still pulls when I bend down to pick things up. "
     "Walking ok.", "pain_walking_or_straightening", True),
    ("Legs as strong as ever, but my hamstrings cramp at night.", "progressive_leg_weakness",
     False),
    ("Cramps wake her at night; nothing in our sessions.", "cramp_during_exercise", False),
    ("Cramps mostly at night and sometimes sitting at my desk.",
     "cramp_while_sitting_or_resting", True),
    ("After the cramp his hamstrings were rock hard and he could barely lift his legs.",
     "weakness_after", True),
    ("My hamstring cramps and my foot is flopping, getting worse every day.", "frequent_cramps",
     None),
    ("Hamstrings cramp and I had to strain to pee this morning, never happened before.",
     "bladder_or_bowel_change", True),
    ("Beer league hockey on Sundays; my hamstring cramps on the first shift.",
     "heavy_alcohol_use", None),
    ("Ran for an hour before my hamstrings seized.", "cramp_lasts_over_10_min", None),
    ("The physio says my bum isn't switching on and my hamstrings cramp on bridges.",
     "hard_to_feel_glutes", True),
    ("Since the cramp it hurts walking down stairs.", "pain_walking_or_straightening", True),
    ("Not new to this, been riding 12 years, hamstrings cramp on climbs.",
     "new_or_returning_to_exercise", False),
    ("The coach has me doing 3 times as many overs as last month and my hamstring cramps.",
     "recent_training_increase", True),
    ("Leg strength is the same as always, but the hamstring cramps at night.",
     "progressive_leg_weakness", False),
    ("Hamstrings cramp on my long runs; drinking water is not my strong suit.",
     "low_fluid_intake", True),
    ("I'm not a big drinker, a glass of wine at the weekend.", "heavy_alcohol_use", False),
    ("Built the mileage up gradually over 16 weeks, still cramped at mile 20.",
     "recent_training_increase", False),
    ("Glutes feel fine in bridges, but my hamstrings cramp in forward folds.",
     "feel_hamstrings_more_than_glutes", False),
    ("First week back after the summer off and my hamstrings cramped in training.",
     "new_or_returning_to_exercise", True),
    ("Both hamstrings cramped going up the hill on the 14th hole.", "cramp_during_exercise",
     True),
    ("My right hamstring seized on the erg and the left joined in.", "one_side_only", False),
    ("The last 20k the hamstrings were cramping on every climb.", "cramp_late_in_session", True),
    ("Hamstrings cramp on the bike; I keep the drinking down on purpose, no toilets.",
     "low_fluid_intake", True),
    ("My thigh's thinner and it's weaker, can't get up off the sofa like I used to.",
     "progressive_leg_weakness", True),
    ("Can't get up off the low sofa like I used to, and my hamstrings cramp at night.",
     "cannot_walk", None),
    ("The club lot jog a lap first, I can't be bothered with all that; hamstring cramps early.",
     "skips_warmup", True),
    ("I don't do fruit or veg, and my hamstrings cramp on long rides.", "low_mineral_diet",
     True),
    ("Hamstrings cramp in the hour or so after workouts.", "cramp_after_exercise", True),
    ("Back at dance after the summer break and my hamstrings cramp in rehearsals.",
     "trigger_season_start", True),
    ("This morning I couldn't feel the paper when I wiped, numb down there.", "saddle_numbness",
     True),
    ("Bad back, and I nearly didn't make it to the loo, couldn't feel that I needed to go.",
     "bladder_or_bowel_change", True),
    ("Bad back flare, hamstring cramps, and both legs going weak on the stairs.",
     "progressive_leg_weakness", True),
    ("My pee stays pale, yet the hamstrings seize on afternoon patrols.", "low_fluid_intake",
     False),
    ("Not a drinker, but my hamstrings cramp in bed.", "heavy_alcohol_use", False),
    ("Tried stretching and bananas for a month, no change, hamstrings still cramp.",
     "persists_despite_self_care", True),
    ("Hamstrings cramp on the erg. I tried electrolyte tabs once, no change.",
     "persists_despite_self_care", None),
    ("Hamstrings cramp on long rides even though I drink plenty of plain water.",
     "persists_despite_self_care", None),
    ("I can barely get my fingers past my knees when I bend over; hamstrings cramp on the sofa.",
     "pain_walking_or_straightening", None),
    ("Since the cramp it's hard to bend over and sore to walk.", "pain_walking_or_straightening",
     True),
    ("The courts aren't hot and my hamstrings cramp during matches.",
     "cramp_in_hot_conditions", False),
    ("Shearing season kicked off two weeks ago and my hamstrings cramp by the last run.",
     "trigger_season_start", True),
    ("I can do the splits, yet my hamstrings cramp in class.", "tight_hamstrings", False),
    ("Strength in the leg is normal, but the hamstring cramps with a burning pain.",
     "progressive_leg_weakness", False),
    ("Drink fine, I don't touch alcohol; my hamstrings cramp at night.", "heavy_alcohol_use",
     False),
    ("Water wasn't the issue, bottles at every break; hamstrings cramped.",
     "low_fluid_intake", False),
    ("Water at every break, and my hamstrings cramp late in games.",
     "new_or_returning_to_exercise", None),
    ("I genuinely can't tell if my glutes are switching on in bridges; hamstrings cramp.",
     "hard_to_feel_glutes", True),
    ("On hip thrusts I feel the pull in the back of my thigh much more than in my hips.",
     "feel_hamstrings_more_than_glutes", True),
    ("My hamstring cramps on hip thrusts, not while running.", "trigger_running_or_sprinting",
     False),
    ("Cramps come only in the game, not after.", "cramp_after_exercise", False),
    ("Hamstrings cramp only in the summer arvo games.", "cramp_during_exercise", True),
    ("Started a statin; nothing else changed in my routine, but my hamstrings cramp.",
     "recent_training_increase", False),
    ("The GP says my kidneys are a bit down, and my hamstrings cramp at night.",
     "kidney_condition", True),
    ("Cramps in the evenings in my chair, not with exercise.", "cramp_during_exercise", False),
    ("Running is ok, no cramps there; hip thrusts make the hamstrings cramp.",
     "trigger_running_or_sprinting", False),
    ("Bridges: I squeeze the bum, but there is nothing happening, hamstrings cramp.",
     "hard_to_feel_glutes", True),
    ("I cannae feel my bottom doing a thing on the bridges and my hamstrings cramp.",
     "hard_to_feel_glutes", True),
    ("Hamstrings cramp on the bike and also in the evening on the sofa.",
     "cramp_after_exercise", True),
    ("We took her from her usual 40 km to 90 km a week and her hamstrings cramp.",
     "recent_training_increase", True),
    ("Toilet is normal and the leg is strong; the hamstring cramps with sciatica.",
     "progressive_leg_weakness", False),
    ("10 min on the bike and band walks first, so it's not the warm up. Hamstrings cramp.",
     "skips_warmup", False),
    ("Hamstrings cramped on the first working set of deadlifts.", "cramp_during_exercise", True),
    ("Hip thrusts 3x12, both hamstrings cramped and I felt zero glute.", "hard_to_feel_glutes",
     True),
    ("No time to drink a thing all day, then football, and both hamstrings cramped.",
     "low_fluid_intake", True),
    ("She feels it all in the backs of her legs and nothing in her bum on the bridges.",
     "hard_to_feel_glutes", True),
    ("He feels everything back of thigh, nothing in the hip/buttock side, when RDLs cramp him.",
     "hard_to_feel_glutes", True),
    ("Coach yells 'squeeze your bum' on hip thrusts but it's all thigh, and they cramp.",
     "feel_hamstrings_more_than_glutes", True),
    ("My son refuses to drink anything at games, and both his hamstrings cramped.",
     "low_fluid_intake", True),
    ("At comps he won't drink because of the loo. Both hamstrings cramped in the final.",
     "low_fluid_intake", True),
    ("Went from teaching 3 classes a week to 9 in one go; my hamstrings cramp in most.",
     "recent_training_increase", True),
    ("I'm 31 and 28 weeks with number two. The backs of my thighs cramp at night.",
     "pregnant", True),
    ("Now the back of my L thigh is puffy and the cramp never went.", "one_side_only", True),
    ("Sciatica on the R for 3 wks, and my hammy cramps on every walk.", "one_side_only", True),
    ("Back after 2 yrs off, signed up for Hyrox, and my hammies cramp.",
     "new_or_returning_to_exercise", True),
    ("Physio note: SLR ~55 deg bilat, posterior thigh cramps on the erg.", "tight_hamstrings",
     True),
    ("SLR 80 deg bilat, so not short. Hamstrings cramp in sprints.", "tight_hamstrings", False),
    ("Pulled heavy Monday and my back's been wrecked since; hammies keep cramping.",
     "back_pain", True),
    ("We've had her stretching every night for 2 months, water, a banana a day, no change. "
     "Her hamstrings cramp at night.", "persists_despite_self_care", True),
    ("Our Aoife is seven months gone with her second and the hamstring cramps wake her.",
     "pregnant", True),
    ("Kid skips the team warm-up and his hamstring cramped coming out of the blocks.",
     "skips_warmup", True),
    ("He is not taking water during nets, and his hamstrings cramp in the nets.",
     "low_fluid_intake", True),
])
def test_everyday_phrasings_are_read(text: str, finding: str, value: bool) -> None:
    assert read(text).get(finding) is value


def test_never_cramping_in_training_does_not_deny_cramps_in_matches() -> None:
    found = read("Both hamstrings go in the last 15 minutes of matches. Never cramp in training.")
    assert found["cramp_during_exercise"] is True


def test_how_often_someone_trains_is_not_how_often_the_cramps_come() -> None:
    found = read("New program, went from 3 days a week to 6, legs twice a week plus sprints. "
                 "Since then my hamstrings cramp during sprint work and at night.")
    assert "frequent_cramps" not in found
    assert found["recent_training_increase"] is True
    assert read("My hamstrings cramp 3 nights a week.")["frequent_cramps"] is True


def test_a_twitch_as_the_cramp_takes_hold_is_not_a_wasting_muscle() -> None:
    found = read("Fine until km 130, then both hamstrings started twitching and properly locked "
                 "on the last climb.")
    assert "muscle_wasting" not in found
    assert read("My thigh muscles twitch under the skin all day, even at rest.")[
        "muscle_wasting"] is True


@pytest.mark.parametrize("text", [
    "Did a 160 km sportive Sunday, about 5h40 in the saddle, and my hamstrings cramped.",
    "Did a 22 km hill walk with the ramblers and the back of my thigh cramped twice.",
    "She rows 90k a week on the erg now and her hamstrings cramp in the pieces.",
])
def test_a_distance_ridden_walked_or_rowed_is_not_running(text: str) -> None:
    assert "trigger_running_or_sprinting" not in read(text)


def test_walking_home_after_the_cramp_does_not_undo_the_run() -> None:
    found = read("At 8km of my 10k run both hamstrings caught cramp and I had to walk back home.")
    assert found["trigger_running_or_sprinting"] is True


def test_a_denial_is_shown_with_the_words_that_deny_it() -> None:
    spans = {s.finding: s for s in read_findings("Left hamstring cramps at night. No back pain.").spans}
    assert spans["back_pain"].value is False
    assert spans["back_pain"].text == "No back pain"
    assert spans["cramp_at_night"].text == "at night"  # a statement keeps its own words
    # A "yes" that a negation made ("don't warm up" is skipping it) shows the negation too.
    warm = {s.finding: s for s in read_findings("I don't really warm up, straight off the bus.").spans}
    assert warm["skips_warmup"].value is True
    assert warm["skips_warmup"].text == "don't really warm up"


def test_one_remedy_tried_without_change_is_not_weeks_of_self_care() -> None:
    found = read("Others on the squad use electrolyte tabs, I tried them, no change. My "
                 "hamstrings cramp near the end of long erg pieces.")
    assert "persists_despite_self_care" not in found


def test_a_step_count_is_not_a_run() -> None:
    found = read("He used to do 10k steps a day; now his hamstrings cramp at night.")
    assert "trigger_running_or_sprinting" not in found


def test_a_form_of_questions_and_answers_is_read_answer_by_answer() -> None:
    found = read("Q: how old? A: 52 / Q: when does it cramp? A: bending to pick up the ball, "
                 "sometimes just sat on the sofa / Q: bendy? A: can't get my hands past my "
                 "knees, never could / Q: drink enough? A: yes / Q: night cramps? A: no")
    assert found["tight_hamstrings"] is True  # the answer, not the question, says it
    assert found["low_fluid_intake"] is False  # "drink enough? yes"
    assert found["cramp_at_night"] is False  # "night cramps? no"
    assert found["cramp_while_sitting_or_resting"] is True


def test_a_no_to_a_question_denies_what_the_question_says() -> None:
    # "Bendy?" asks about flexibility; "no" says the hamstrings are tight.
    assert read("Bendy? No. My hamstrings cramp on long runs.")["tight_hamstrings"] is True
    assert read("Night cramps? Nope.")["cramp_at_night"] is False


def test_fields_of_a_form_are_answered_after_their_colon() -> None:
    found = read("Age: 29 / Sport: 5-a-side / Warm up: none really, straight off the bus / "
                 "When: first 10 min, first sprint / Later in the game: fine once I'm going")
    assert found["skips_warmup"] is True
    assert found["cramp_late_in_session"] is False


def test_pain_on_walking_normally_is_pain_not_normal_walking() -> None:
    found = read("A purple bruise down the back of my thigh and it kills to walk normally or "
                 "straighten my knee.")
    assert found["pain_walking_or_straightening"] is True
    assert read("Walking normally again, no pain.")["pain_walking_or_straightening"] is False


def test_both_sides_in_shorthand_are_not_one_side() -> None:
    assert "one_side_only" not in read("Cramped at 36 km in the race, L then R hamstring.")
    assert "one_side_only" not in read("Hamstring cramp around mile 22, R leg first then L.")
    assert read("Slowed over the last 5k then R hammy seized at 30k.")["one_side_only"] is True
    assert read("R hammy cramps on every run.")["one_side_only"] is True


def test_a_warning_sign_is_not_denied_by_another_findings_own_negation() -> None:
    # "won't go away" states a cramp that lasts; it does not deny the swollen calf after it.
    found = read("Since yesterday a cramp back of L thigh and calf that won't go away, L calf "
                 "swollen, warm and a bit red compared to R. No SOB, no chest pain.")
    assert found["calf_or_thigh_swollen_warm_red"] is True
    assert found["cramp_lasts_over_10_min"] is True
    assert read("My calf isn't swollen or red.")["calf_or_thigh_swollen_warm_red"] is False


def test_both_legs_weak_beside_saddle_numbness_is_weakness_not_tiredness() -> None:
    found = read("Her back's agony. She's gone numb 'down there' and can't feel the paper when "
                 "she wipes. Both legs feel weak.")
    assert found["progressive_leg_weakness"] is True
    # Tired legs after a hard run, with dark urine, are not that sign.
    assert "progressive_leg_weakness" not in read(
        "Long run in the heat, my pee was dark and my legs feel weak, hamstrings cramped.")


@pytest.mark.parametrize(("text", "finding", "value"), [
    # A contrast after a denial says the opposite of it.
    ("I never cramp at night or after training, only during sessions.",
     "cramp_during_exercise", True),
    ("I never cramp during games, only at night.", "cramp_at_night", True),
    ("I never cramp at night or after training, only during.", "cramp_during_exercise", True),
    # A cramp's length is not a point in a session; a weekly volume is not either.
    ("Last night I had a hamstring cramp that went on for about twenty minutes.",
     "cramp_late_in_session", None),
    ("I sit like ten hours a day and my hamstrings cramp on every run.",
     "cramp_late_in_session", None),
    ("Went from like fifteen k a week to thirty five and now my hamstrings cramp on every run.",
     "cramp_late_in_session", None),
    ("First sprint and my hamstring grabs. After twenty minutes of playing it's fine.",
     "cramp_late_in_session", False),
    ("It was the seventy-fifth minute and both my hamstrings went.", "cramp_late_in_session", True),
    ("Badminton in an indoor court, no AC, very humid, and my hamstring cramps.",
     "cramp_in_hot_conditions", True),
    ("He drinks a ton of water so I doubt that's it.", "low_fluid_intake", False),
    ("My husband hasn't sprinted in years. Hamstring cramped halfway through the dads race.",
     "trigger_running_or_sprinting", True),
    ("My husband hasn't sprinted in years. Hamstring cramped halfway through the dads race.",
     "new_or_returning_to_exercise", True),
    ("Did a crossfit class yesterday, first one in months, and my hamstrings cramped.",
     "new_or_returning_to_exercise", True),
    ("Same practice schedule all summer but his hamstrings cramped at practice.",
     "recent_training_increase", False),
    ("No stretching no jog nothing, and when I run the first single the hamstring cramps.",
     "trigger_running_or_sprinting", True),
    ("On hip thrusts my hamstrings just lock up, both of em.", "one_side_only", False),
    ("Hamstring cramps with single-leg bridges, L=R.", "one_side_only", False),
    ("I drive trucks, hips feel proper stiff at the front when I climb out.",
     "tight_hip_flexors", True),
    ("On the bridge his lower back tries to take over and his hamstrings cramp.",
     "feel_low_back_in_bridges", True),
    ("Me hammies cramp on hip thrusts, can't feel me glutes doing a thing.",
     "hard_to_feel_glutes", True),
    # Formal letters and club chat.
    ("In pilates bridges I feel it in the back of my legs, and my hamstring cramped.",
     "feel_low_back_in_bridges", None),
    ("I feel it ALL in the back of my legs and my lower back on the bridge.",
     "feel_low_back_in_bridges", True),
    ("It is in the first two or three lengths that my hamstring cramps; after that I can swim "
     "40 lengths without a murmur.", "cramp_after_exercise", None),
    ("5-a-side: first 10 mins I get a hamstring cramp going for a sprint, after that im fine.",
     "cramp_after_exercise", False),
    ("Bowls three afternoons a week; the back of my thigh cramps. Nights are untroubled.",
     "cramp_at_night", False),
    ("My monthly mileage has roughly trebled since July and my hamstrings cramp on rides.",
     "recent_training_increase", True),
    ("My hamstrings cramp on rides. I drink ample water.", "low_fluid_intake", False),
    ("My hamstrings cramp at squash; the weather has been anything but hot.",
     "cramp_in_hot_conditions", None),
    ("I have never cared for fruit or greens, and my hamstrings cramp at squash.",
     "low_mineral_diet", True),
    ("My hamstrings cramp in the pool. She checked my legs and they are the same length.",
     "leg_length_difference", False),
    ("Both hamstrings cramp after my walk. My water is its usual colour.",
     "dark_urine_after_exercise", False),
    ("He drinks the best part of a bottle of claret each evening; his hamstrings cramp at night.",
     "heavy_alcohol_use", True),
    ("My hamstring cramped, then a pop; the leg feels feeble on stairs.", "weakness_after", True),
    ("No exercise for 10 yrs, then a squatathon, and my hamstrings cramped.",
     "new_or_returning_to_exercise", True),
    ("My hammies cramp on every long run and sometimes in the evening after.",
     "cramp_after_exercise", True),
    ("Both hammies cramp in splits, not tight tho, i can fold flat.", "tight_hamstrings", False),
    ("Hammy keeps cramping; had a disc thing 2 yrs ago.", "disc_injury_history", True),
    ("Hammies cramp at night and sometimes just sat at the pub.",
     "cramp_while_sitting_or_resting", True),
    ("I'm on the kidney clinic's books, stage 3, and my thighs cramp at night.",
     "kidney_condition", True),
    ("In the bridge the backs of my thighs seize; I cannot feel my seat doing anything.",
     "hard_to_feel_glutes", True),
    ("I spend the better part of each day in an armchair; my hamstrings cramp.",
     "sits_most_of_day", True),
    ("In setu bandhasana the back of my thigh cramps.", "trigger_bridge_or_hip_thrust", True),
    ("My left hamstring cramped late on. I always do my gentle loosening-up beforehand.",
     "skips_warmup", False),
    ("My thighs have cramped on three separate walks in the past ten days.",
     "frequent_cramps", True),
    ("Hammy cramped in the 3rd quarter, took the trainer 5 mins to sort it.",
     "cramp_lasts_over_10_min", False),
    ("Left hammy cramped on a lunge, fine after 5 mins of stretching.",
     "cramp_lasts_over_10_min", False),
    ("Marathon: PB pace till km 36 then both hammies went rock hard.",
     "cramp_late_in_session", True),
    # Said of another: a brother's cricket in the heat; a cool season said to be no trouble.
    ("My brother plays cricket in Chennai, 38 degrees and very humid. While batting both "
     "hamstrings cramp, only in summer, winter no issue at all.", "cramp_in_hot_conditions", True),
    ("Okay dictating, patient 52, hamstrings very tight, fingertips barely past the knees. "
     "Cramps after rides.", "tight_hamstrings", True),
    ("His hamstring cramped in the first five minutes. He says warming up is for kids.",
     "skips_warmup", True),
    ("I walked 18 miles over the hills; in the final hour both hamstrings cramped.",
     "long_or_intense_sessions", True),
    # Booking forms and magazine letters.
    ("Hamstring cramps on RDLs, mostly right side but left also sometimes.", "one_side_only", False),
    ("Physio note: recurrent R>L hamstring cramp. Nil bruising.", "bruising", False),
    ("Physio note: recurrent hamstring cramp on reps, R>L.", "one_side_only", False),
    ("Ran my first marathon; about km 34 both hammies seized. Never cramped on training runs.",
     "cramp_during_exercise", True),
    ("No jog, no stretching, nothing, and on the first sprint my left hamstring cramps.",
     "trigger_running_or_sprinting", True),
    ("Only took one 500ml bottle and ran out by halfway; both hamstrings kept cramping.",
     "low_fluid_intake", True),
    ("Admits he skips any warm-up, no time. Hamstring cramp in the first 10 min of intervals.",
     "skips_warmup", True),
    ("When I do bridges I am feeling only thigh back portion, not the hip, and it cramps.",
     "feel_hamstrings_more_than_glutes", True),
    ("She cramps on single leg bridges and her lower back ends up doing the work.",
     "feel_low_back_in_bridges", True),
    ("He cramps during stretches. Warms up with the rest of us every week.", "skips_warmup", False),
    ("Hamstring cramps nearly every day. Stretching's done nothing in 2 months.",
     "persists_despite_self_care", True),
    ("First spin class and leg day in about a year; hamstrings cramped badly.",
     "new_or_returning_to_exercise", True),
    ("In Pilates bridges my hamstrings cramp while my bum barely switches on.",
     "hard_to_feel_glutes", True),
    ("He gets hamstring cramps when he stands on the pedals.", "cramp_during_exercise", True),
    ("Doubled my weekly k's in two weeks; now my hamstrings cramp on nearly every run.",
     "recent_training_increase", True),
    ("Within three weeks she's getting hamstring cramps on most rides.", "frequent_cramps", True),
    ("My hamstrings now cramp about 80 min into long runs.", "cramp_late_in_session", True),
    ("10k last week, both hamstrings cramped from 7k on.", "cramp_late_in_session", True),
    ("Zinging pain down the back of my calf with cramps, and my little toes feel fuzzy.",
     "numbness_or_tingling", True),
    ("My hamstrings cramp in bed. I haven't changed my walking at all.",
     "recent_training_increase", False),
    ("Hamstrings cramp on the sofa. No heat involved and I drink fine.",
     "cramp_in_hot_conditions", False),
    # Sports told in their own words.
    ("The backs of both thighs cramp in aqua.", "cramp_during_exercise", True),
    ("Hamstrings cramp at the catch most days.", "cramp_during_exercise", True),
    ("In the final my hamstring cramped on a heel hook.", "cramp_during_exercise", True),
    ("Hamstrings cramp on the last set. Warms up on the bike first & drinks plenty.",
     "skips_warmup", False),
    ("Hamstrings cramp during games. I am drinking water regularly.", "low_fluid_intake", False),
    ("Both hamstrings cramp in bridging. Cannot set glutes on cue.", "hard_to_feel_glutes", True),
    ("Night cramps in my thighs. Barely eats any veg.", "low_mineral_diet", True),
    ("Night cramps 4-5 nights a week. Tried stretching, magnesium, even tonic water, for months "
     "- nothing.", "persists_despite_self_care", True),
    ("Hamstrings cramp in yoga and sometimes just sat reading.",
     "cramp_while_sitting_or_resting", True),
    ("Hammy grabs when I pop up on the bigger sets, usually the first few waves, not late.",
     "cramp_late_in_session", False),
    ("On the last few problems my hammies cramp on heel hooks.", "cramp_late_in_session", True),
    ("New to derby; the backs of my thighs cramp at most practices.",
     "new_or_returning_to_exercise", True),
    ("New to derby; the backs of my thighs cramp at most practices.", "frequent_cramps", True),
    ("Hamstrings cramp in the boat. Legs measured the same length at the clinic.",
     "leg_length_difference", False),
    ("I'd forgotten my bottle and had one flat white all day; my hamstring cramped.",
     "low_fluid_intake", True),
    # English as a second language, and phone shorthand.
    ("When I make the bridge the hamstring goes in crampe, and the gluteus I almost dont feel.",
     "hard_to_feel_glutes", True),
    ("After km 30 of the trail race of 42km the hamstrings started to lock.",
     "cramp_late_in_session", True),
    ("My mother is 78, cramps every night. No water pills, no statins.",
     "takes_cramp_linked_medication", False),
    ("My mother is 78, cramps every night. No water pills, no statins.", "low_fluid_intake", None),
    ("The left hamstring cramps, with an electric pain going until the calf.",
     "pain_radiates_below_knee", True),
    ("Hamstring cramps; toes on left foot a little bit sleeping.", "numbness_or_tingling", True),
    ("My teacher says my pelvis is in retroversion; the hamstrings cramp in the jumps.",
     "posterior_pelvic_tilt", True),
    ("Crampe in the hamstring in the match. Now very tender, a violet mark behind the knee. "
     "Walking no pain.", "pain_walking_or_straightening", False),
    ("Crampe in the hamstring in the match. Now very tender, a violet mark behind the knee. "
     "Walking no pain.", "bruising", True),
    ("He drinks the whole day nearly nothing, 2 coffees; cramps in both hamstrings.",
     "low_fluid_intake", True),
    ("I never drink when I ride the bike, the bottle comes back full; in the last hour both "
     "ischio cramp.", "low_fluid_intake", True),
    ("I never drink when I ride the bike, the bottle comes back full; in the last hour both "
     "ischio cramp.", "cramp_during_exercise", True),
    ("Same km as in Milano, but here I finish totally wet and my hamstrings cramp every run.",
     "heavy_sweating", True),
    ("Yesterday the Murph, first time back after Christmas; today hamstrings cramp.",
     "new_or_returning_to_exercise", True),
    ("Hamstrings cramp and hurt, no force to get up from the chair.", "weakness_after", True),
    ("First 2 matches fine, by the 3rd his hamstring cramps up.", "cramp_late_in_session", True),
    ("On the first set my hamstring cramps, and by the third set it's fine.",
     "cramp_late_in_session", False),
    ("Hammies cramp in training and after. Drink 3L water a day.", "cramp_after_exercise", True),
    ("Fielding 40 overs in May heat, shirt soaked, both hamstrings cramped.",
     "cramp_in_hot_conditions", True),
    ("Backs of thighs cramp sitting n when squatting.", "cramp_while_sitting_or_resting", True),
    ("Since then the backs of my thighs cramp on the sofa. Not doing any sport at the mo.",
     "cramp_during_exercise", False),
    ("Forget to drink all day, maybe a coffee. Evening zumba and hamstrings cramp halfway thru.",
     "cramp_during_exercise", True),
    ("Hamstrings cramp on strides, never stretch. Always jog 10 min first.", "skips_warmup", False),
    ("Bilat ham cramps on bridging, pt reports feels it in hams not glutes.",
     "feel_hamstrings_more_than_glutes", True),
    # School helpdesk and the day after an event.
    ("Cramps come during fielding sprints. I am drinking sufficient water only.",
     "low_fluid_intake", False),
    ("Hamstrings cramp when I stretch for a ball. No water issues.", "low_fluid_intake", None),
    ("In the last game her right hamstring went into cramp. She's never had it in training.",
     "cramp_during_exercise", True),
    ("With 800m to go both my hamstrings locked; had to hobble to the line. Walking normally now.",
     "pain_walking_or_straightening", False),
    ("I did the 800m and my hamstrings cramped on the last bend, dripping with sweat in 32 degree "
     "heat. Never cramped in winter running.", "cramp_in_hot_conditions", True),
    ("We did sprints and my left hammy cramped, then the right.", "one_side_only", False),
    ("Danced a bit from 8 till 10pm, nothing wild, drank loads of water.", "low_fluid_intake", False),
    ("Hen do hike in Mallorca, 33 degrees and humid. At about 1pm on the uphill my right hamstring "
     "cramped.", "cramp_during_exercise", True),
    ("Danced for five hours at the wedding. Woke at 4am with a cramp in the back of my thigh.",
     "cramp_during_exercise", None),
    # Answers to questions not shown, and physical work.
    ("Yes bridges, cramps within 5 reps. No only in the gym, never randomly.",
     "cramp_during_exercise", True),
    ("No warm up. Yes in the first few sprints. Rest of the game was fine.",
     "cramp_during_exercise", True),
    ("Hamstrings cramp in yoga. 3) no not when im walking or jogging.",
     "trigger_running_or_sprinting", False),
    ("Only plain water, loads of it. Cramps during squash and after.", "low_fluid_intake", False),
    ("Only plain water, loads of it. Cramps during squash and after.", "cramp_after_exercise", True),
    ("Hamstrings cramp. Yes during, mainly leg day.", "cramp_during_exercise", True),
    ("Hamstrings cramp in the third set, after 2 hours plus on court.",
     "long_or_intense_sessions", True),
    ("Honestly I just jump out the car and start sprinting at training; hamstring cramps.",
     "skips_warmup", True),
    ("Yes bridges, cramps within 5 reps, and my lower back kicks in too.",
     "feel_low_back_in_bridges", True),
    ("Truckie, hips feel locked up at the front when I get out the cab; hammies cramp.",
     "tight_hip_flexors", True),
    ("Hamstrings cramp when I lean into the van. Hips feel fine.", "tight_hip_flexors", False),
    ("He cramps in both hammies in sprint drills most sessions.", "frequent_cramps", True),
    ("28 weeks with no.2 and the backs of my thighs cramp at night.", "pregnant", True),
    ("Cramps in the backs of both thighs in bed. Not doing a thing different on the farm.",
     "recent_training_increase", False),
    ("She basically drinks nothing all weekend; cramped in both hamstrings during the match.",
     "low_fluid_intake", True),
    # Australian slang and clinicians' notes.
    ("I'm on the piss most nights, a slab every couple of days; my thighs cramp in bed.",
     "heavy_alcohol_use", True),
    ("Midwife note: 31F, 26/40. Woken 3-4 nights a week by cramps in the back of her thighs.",
     "pregnant", True),
    ("Hamstrings cramp when sprinting. Reaches only mid-shin with knees straight.",
     "tight_hamstrings", True),
    ("Salty sweater; fruit and veg aren't really my thing. Hammies cramp on the hill reps.",
     "low_mineral_diet", True),
    ("Did bugger all over summer, now 4 sessions a week; hammys cramping on the sprints.",
     "new_or_returning_to_exercise", True),
    ("Played all four quarters in the midfield; last ten minutes both hammies went.",
     "long_or_intense_sessions", True),
    ("She won't drink anything before or during netball. By the third quarter her hammies cramp.",
     "cramp_during_exercise", True),
    ("Wrecked a disc at L5 years ago; my left hammy cramps on runs.", "disc_injury_history", True),
    ("Newly joined a gym; hamstrings cramp on hip thrusts and he feels them far more than his "
     "backside.", "feel_hamstrings_more_than_glutes", True),
    ("First week back on the board after the off season, and both hammies lock up.",
     "new_or_returning_to_exercise", True),
    ("I drive buses so I'm sat down the whole shift; my right hammy cramps on bridges.",
     "sits_most_of_day", True),
    ("Hamstring cramps in both legs during and after nets.", "cramp_during_exercise", True),
    ("'Cramp' in back of R thigh and calf for 2 days, constant, not easing with stretching.",
     "cramp_lasts_over_10_min", True),
])
def test_spoken_contrasted_and_secondhand_phrasings_are_read(
        text: str, finding: str, value: bool | None) -> None:
    assert read(text).get(finding) is value


@pytest.mark.parametrize(("text", "sign"), [
    # Urine not passed is the sign itself: the negation must not turn it round.
    ("Low back pain, much worse. 'Can't feel the paper when I wipe', hasn't passed urine since "
     "last night despite trying.", "bladder_or_bowel_change"),
    ("Back pain, the legs are weak, and I did not feel when I was peeing; around the anus is numb.",
     "bladder_or_bowel_change"),
    ("I nearly wet myself this morning, didn't feel it coming, and it's numb down there.",
     "bladder_or_bowel_change"),
    ("Since yesterday a cramp in the back of my thigh that just won't go, calf swollen and hot.",
     "cramp_lasts_over_10_min"),
])
def test_warning_signs_said_in_passing_are_read(text: str, sign: str) -> None:
    assert read(text)[sign] is True


@pytest.mark.parametrize(("text", "sign"), [
    # Glute work: a bottom that does nothing is not a numb saddle.
    ("Every time we do the bum lifts the backs of my thighs seize up. I honestly can't feel my "
     "bottom doing a thing.", "saddle_numbness"),
    # A twitch as the cramp takes hold is no wasting muscle.
    ("Around 40 km both hamstrings started twitching, then locked on the final section.",
     "muscle_wasting"),
    # A surfer's pop-up is no pop in the muscle.
    ("Hammy cramped on the paddle back out and again on a pop-up.", "popping_sensation"),
    # Carried off in the grip of a cramp is the cramp, not a leg that cannot walk.
    ("Both hammys went in about the 105th min, like rocks, basically had to be carried off. Fine "
     "before that.", "cannot_walk"),
    # A cause wondered about is no condition said.
    ("My cousin got kidney stone from sweating, so can cramps mean kidney problem?",
     "kidney_condition"),
    # Training every night is no cramp at night.
    ("Hamstrings cramp in the last drills every night, then both locked up again in the car.",
     "cramp_at_night"),
])
def test_words_from_sport_and_asides_are_not_read_as_warning_signs(text: str, sign: str) -> None:
    assert read(text).get(sign) is not True


def test_a_cauda_equina_note_from_the_emergency_department_reads_every_sign() -> None:
    found = read("ED triage 45M: long hx low back pain, much worse 2 days. Cramping and pain down "
                 "both legs. 'Can't feel the paper when I wipe', hasn't passed urine since last "
                 "night despite trying. Both legs heavy and weak.")
    assert found["saddle_numbness"] is True
    assert found["bladder_or_bowel_change"] is True
    assert found["progressive_leg_weakness"] is True


@pytest.mark.parametrize(("text", "sign"), [
    ("Since the marathon my pee hasn't been normal, it's dark brown.",
     "dark_urine_after_exercise"),
    ("I'm not peeing normally, it's like cola after the squats.", "dark_urine_after_exercise"),
    ("My calf is swollen and hot, the cramp has not let go since yesterday.",
     "cramp_lasts_over_10_min"),
    ("Cramp in my thigh that hasn't stopped for 20 minutes.", "cramp_lasts_over_10_min"),
    ("Back is wrecked and I have not been to the toilet for a pee since last night, even though "
     "I need to.", "bladder_or_bowel_change"),
    ("Can't stop wetting myself since the back went.", "bladder_or_bowel_change"),
    ("I can no longer feel the toilet paper when I wipe.", "saddle_numbness"),
    ("My leg won't hold me up any more, getting worse each day, bad back.",
     "progressive_leg_weakness"),
    # Two denials that say the sign is there.
    ("Flew back Sunday. Looking tonight I wouldn't say it isn't a bit puffy and warm compared to "
     "the left, bit pinkish too.", "calf_or_thigh_swollen_warm_red"),
    ("Back's been bad for a week. Weird one but can't say it's not gone numb down below when I "
     "wipe.", "saddle_numbness"),
    # Spelt as it sounds.
    ("Bad back and since yesterday down below between my legs feels num, and i couldnt feel "
     "myself do a we this morning.", "saddle_numbness"),
    ("Bad back and since yesterday down below between my legs feels num, and i couldnt feel "
     "myself do a we this morning.", "bladder_or_bowel_change"),
    ("First crossfit class yesterday, today my legs are rock hard and my we has come out dark "
     "brown like coke.", "dark_urine_after_exercise"),
    # A guess about the cause after the sign does not doubt it.
    ("Wee this morning looked like flat cola, assume I just didn't drink enough?",
     "dark_urine_after_exercise"),
    # A foot that has started to slap is a leg getting weaker.
    ("Sciatica again, and now my foot's started slapping when I walk, tripped on the kerb twice.",
     "progressive_leg_weakness"),
    # "Don't feel the paper" is the numbness itself, and it lets the bladder be read beside it.
    ("This morning I notice I dont feel the toilet paper when I clean, numb there between legs, "
     "and is difficult to start the pee.", "saddle_numbness"),
    ("This morning I notice I dont feel the toilet paper when I clean, numb there between legs, "
     "and is difficult to start the pee.", "bladder_or_bowel_change"),
])
def test_warning_signs_said_with_a_negation_of_their_own_are_read_as_present(
        text: str, sign: str) -> None:
    assert read(text)[sign] is True


def test_urine_said_to_be_normal_is_still_a_denial() -> None:
    found = read("My pee is normal, not dark.")
    assert found["dark_urine_after_exercise"] is False


def test_being_stopped_for_a_minute_by_the_cramp_is_not_being_unable_to_walk() -> None:
    found = read("Both hamstrings cramped at the end of the session, I couldn't walk for a minute.")
    assert "cannot_walk" not in found


def test_being_unable_to_walk_after_the_cramp_stays_a_warning_sign() -> None:
    found = read("I couldn't walk for a minute and now I still can't put weight on it.")
    assert found["cannot_walk"] is True
    assert read("Since the cramp yesterday I couldn't walk for days.")["cannot_walk"] is True


def test_not_feeling_the_glutes_in_bridges_is_never_a_numb_saddle() -> None:
    found = read("I don't feel my bum at all in bridges, it's all hamstrings.")
    assert "saddle_numbness" not in found
    assert found["hard_to_feel_glutes"] is True


def test_a_denial_of_cramps_in_another_kind_of_outing_leaves_the_cramp_during_exercise() -> None:
    found = read("Our U16 girls played a 2pm game. Tayla's left hammy went mid-game. "
                 "She never cramps at our winter trainings.")
    assert found["cramp_during_exercise"] is True


def test_the_match_clock_places_a_cramp_late() -> None:
    found = read("He always cramps in the hamstrings around minute 75-80 of the match, never "
                 "in the first half.")
    assert found["cramp_late_in_session"] is True
    assert "cramp_late_in_session" not in read("On my ride I cramped around minute 70.")


def test_a_weekly_amount_then_a_jump_is_a_training_increase() -> None:
    found = read("I was running 20 km per week and for the half marathon I jump to 40 in two "
                 "weeks.")
    assert found["recent_training_increase"] is True
    unchanged = read("I did the training, didn't up my mileage or anything crazy, no big jumps.")
    assert unchanged["recent_training_increase"] is False


def test_a_denial_of_something_named_after_never_denies_the_part_before_it() -> None:
    found = read("My hammies cramp near the end of rehearsal, always the second half never the "
                 "start.")
    assert found["cramp_late_in_session"] is True
    assert read("Second half never.")["cramp_late_in_session"] is False


def test_a_cramp_in_a_named_sport_is_during_exercise_unless_the_sentence_denies_it() -> None:
    assert read("My hammies cramp in badminton.")["cramp_during_exercise"] is True
    found = read("Cramps mid-set on hip thrusts. No cramping at all in sprint sessions so far.")
    assert found["cramp_during_exercise"] is True


def test_hours_in_a_plane_seat_are_immobility() -> None:
    found = read("Got back from Sydney last Tuesday, 24 hrs in economy, barely moved. Now my calf "
                 "is puffy and warm.")
    assert found["recent_immobilisation_or_surgery"] is True


def test_pulling_pints_for_a_living_is_not_heavy_drinking() -> None:
    found = read("Did basically nothing all summer except pulling pints, then training 4 nights a "
                 "week.")
    assert "heavy_alcohol_use" not in found
    assert read("Bartender, and I drink most nights, 6-8 pints.")["heavy_alcohol_use"] is True


def test_aching_hip_fronts_on_standing_are_not_pain_on_walking() -> None:
    found = read("My hip flexors are very tight and the front of my hips ache when I stand up.")
    assert "pain_walking_or_straightening" not in found
    assert read("It aches when he climbs the stairs.")["pain_walking_or_straightening"] is True


def test_a_side_named_at_the_start_of_a_sentence_is_one_side() -> None:
    found = read("Slipped disc in 2019. Right hamstring cramps on and off with it.")
    assert found["one_side_only"] is True
    assert read("Both hamstrings cramp. Right one worse.")["one_side_only"] is False


def test_unchanged_training_said_beside_the_activity_is_no_increase() -> None:
    found = read("Been doing aqua aerobics 3x a week for years, same as always, and the cramps "
                 "started with the statin.")
    assert found["recent_training_increase"] is False
    assert read("Same workouts, same coach, only the heat is new.")["recent_training_increase"] \
        is False


@pytest.mark.parametrize("text", [
    "When the teacher makes the raise of the hips, both her back thighs take cramp.",
    "When I lift the pelvis lying on the floor the hamstrings burn and then cramp.",
])
def test_a_bridge_told_without_its_name_sets_the_cramp_off(text: str) -> None:
    assert read(text)["trigger_bridge_or_hip_thrust"] is True


def test_a_break_within_a_session_is_no_return_after_a_break() -> None:
    assert "new_or_returning_to_exercise" not in read(
        "Tea dances every Sunday, usually three hours with one break.")
    assert read("Back at netball after a long break.")["new_or_returning_to_exercise"] is True


def test_a_reach_to_the_knees_with_straight_legs_is_short_hamstrings() -> None:
    found = read("Stiff as a gate - toe touch? I'm lucky to get past my knees.")
    assert found["tight_hamstrings"] is True


def test_a_drinking_habit_reported_by_someone_else_is_said() -> None:
    found = read("My son is 19. From what his sister says he's drinking heavily most nights, pints "
                 "then spirits. Now he's ringing me about hamstring cramps after matches.")
    assert found["heavy_alcohol_use"] is True
    assert "cramp_at_night" not in found
    assert read("My coach says it's my glutes.") == {}


def test_drinking_that_eased_a_cramp_is_not_drinking_enough() -> None:
    found = read("Forgot both bottles on the kitchen bench. Both hammies cramped on a climb. Got to "
                 "a servo, drank a litre and a half and they settled.")
    assert found["low_fluid_intake"] is True


def test_going_out_too_hot_is_a_pace_not_the_weather() -> None:
    assert "cramp_in_hot_conditions" not in read(
        "Went out way too hot, first half much faster than anything in training.")
    assert read("It was too hot and sticky.")["cramp_in_hot_conditions"] is True


def test_a_cramp_that_has_not_gone_for_hours_is_a_long_cramp_never_a_short_one() -> None:
    found = read("Two days after the flight his right hamstring has a cramp that has not gone "
                 "for hours, and the calf is swollen.")
    assert found["cramp_lasts_over_10_min"] is True
    assert read("The cramp didn't last for hours, only seconds.")["cramp_lasts_over_10_min"] is False


def test_a_coach_is_believed_about_a_posture_but_asked_about_the_rest() -> None:
    said = "Her coach says she has a big sway in her lower back, pelvis tipped forward."
    assert read(said)["anterior_pelvic_tilt"] is True
    assert read("My coach thinks I'm dehydrated.")["low_fluid_intake"] is None


def test_a_physios_opinion_is_not_the_physios_own_experience() -> None:
    found = read("I get hamstring cramps. Her physio says she has a big curve in her lower back.")
    assert found["anterior_pelvic_tilt"] is True


def test_stretching_every_night_is_no_count_of_cramps() -> None:
    found = read("Have stretched every night for two months like the internet said, no better.")
    assert "frequent_cramps" not in found
    assert found["persists_despite_self_care"] is True


def test_one_cramp_that_rubbing_did_not_shift_is_no_failed_self_care() -> None:
    assert "persists_despite_self_care" not in read(
        "I stood up, stretched it, rubbed it, nothing shifted it.")
    assert read("Tried stretching before bed, magnesium, bananas, nothing's shifted it."
                )["persists_despite_self_care"] is True


def test_a_range_on_the_match_clock_is_late_in_the_game() -> None:
    found = read("Soccer, full 90 most weeks. First hour fine then around 70-75 mins both "
                 "hammies go.")
    assert found["cramp_late_in_session"] is True


def test_skipping_the_warm_up_for_something_else_is_skipping_it() -> None:
    found = read("I rock up late and jump straight in instead of doing the warm up laps.")
    assert found["skips_warmup"] is True


def test_a_class_that_runs_two_hours_is_no_running() -> None:
    found = read("Saturday open mat runs 2+ hours of straight rolling. By the last few rounds "
                 "the hamstrings cramp.")
    assert "trigger_running_or_sprinting" not in found


def test_cramps_a_few_times_a_week_are_frequent_but_a_schedule_is_not() -> None:
    assert read("Hamstring cramps waking her at night 3-4x a week.")["frequent_cramps"] is True
    assert "frequent_cramps" not in read("I run 3x a week and my hamstrings cramp.")
    assert "frequent_cramps" not in read(
        "Now 5 games a week, was 2 last term. Both hamstrings cramp late in the second half.")


def test_schedules_compared_are_a_training_increase() -> None:
    found = read("Used to do one gym session a week, now it's daily circuits. My hammies cramp.")
    assert found["recent_training_increase"] is True
    found = read("Now 5 games a week, was 2 last term. Both hamstrings cramp late in the game.")
    assert found["recent_training_increase"] is True


def test_driving_hard_through_the_footplate_is_effort_not_a_car() -> None:
    found = read("My right hamstring cramps, usually when I'm driving hard through the footplate.")
    assert "cramp_while_sitting_or_resting" not in found
    assert found["cramp_during_exercise"] is True
    assert read("My hamstrings cramp when I'm driving to work.")["cramp_while_sitting_or_resting"] is True


def test_a_later_outing_is_no_cramp_after_exercise() -> None:
    assert "cramp_after_exercise" not in read("Two days later I swam and got a hamstring cramp.")


def test_hips_doing_nothing_is_no_rest() -> None:
    found = read("Cramping back of both thighs while doing glute bridges, hips doing nothing.")
    assert "cramp_while_sitting_or_resting" not in found


def test_feeling_a_lift_in_the_hamstrings_not_the_glutes_is_read() -> None:
    found = read("Cramp during hip thrusts. Feels thrusts in hams, not glutes.")
    assert found["feel_hamstrings_more_than_glutes"] is True


def test_a_denial_of_one_kind_of_exercise_does_not_deny_another_that_is_said() -> None:
    found = read("RDLs then glute bridges and my hamstrings cramp on both lifts. No cramps on the "
                 "runs, none at night either.")
    assert found["cramp_during_exercise"] is True
    assert found["trigger_running_or_sprinting"] is False
    assert read("No cramps during exercise, only at night.")["cramp_during_exercise"] is False


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Next day my hamstrings are rock hard y mi pipí está color Coca-Cola.",
     "dark_urine_after_exercise", True),
    ("Hamstring cramps at night. Walang pamamanhid.", "numbness_or_tingling", False),
    ("Cramps at night, sem inchaço nas pernas.", "swelling_back_of_thigh", False),
    ("Tengo 24 semanas de embarazo and my hamstrings cramp at night.", "pregnant", True),
])
def test_warning_signs_in_words_of_another_language_mixed_in_are_read(
        text: str, finding: str, value: bool) -> None:
    assert read(text)[finding] is value


def test_a_word_with_accents_is_looked_up_and_never_corrected_towards_an_english_one() -> None:
    from crampcoach.intake.spelling import load_speller

    corrected = load_speller().correct("mi pipí está oscura").text
    # Looked up in the glossary; "está" left as written ("mi" is "my" here, as in Patois).
    assert corrected == "my pee está dark"


def test_a_named_kidney_disease_is_a_kidney_condition() -> None:
    found = read("I've got IgA nephropathy, my kidney doc monitors it. My hamstrings cramp.")
    assert found["kidney_condition"] is True


def test_cramps_said_to_have_become_frequent_are_frequent() -> None:
    found = read("This year the hamstring cramps have gotten really frequent, in practice and in bed.")
    assert found["frequent_cramps"] is True
    assert read("Hamstrings cramp in bed and sitting, few times a week.")["frequent_cramps"] is True


def test_doing_nothing_since_the_autumn_is_a_return_to_sport_not_rest() -> None:
    found = read("First day back for spring lacrosse after basically doing nothing since "
                 "November. On the last gassers both my hamstrings locked.")
    assert found["new_or_returning_to_exercise"] is True
    assert "cramp_while_sitting_or_resting" not in found


def test_a_habit_denied_does_not_deny_the_next_clause_about_the_hamstrings() -> None:
    found = read("38, never stretch, hamstrings feel like guitar strings.")
    assert found["tight_hamstrings"] is True


def test_autocorrected_words_of_the_field_are_read_as_meant() -> None:
    found = read("evry time i do hip trusts at the gym my ham strings camp up like a rock.")
    assert found["trigger_bridge_or_hip_thrust"] is True
    assert found["cramp_during_exercise"] is True
    found = read("She gets hamstring crams every time we do glute fridges, not her glues.")
    assert found["trigger_bridge_or_hip_thrust"] is True
    assert read("in forward fold my hands barley reach my knees")["tight_hamstrings"] is True


def test_a_verdict_in_a_sentence_of_its_own_is_self_care_that_failed() -> None:
    found = read("Cramps wake me up 3 or 4 nights a week, since before Christmas. I've stretched "
                 "every evening, tried magnesium, drink loads. No better at all.")
    assert found["persists_despite_self_care"] is True
    assert "persists_despite_self_care" not in read("I had a cramp and stretched it. No better.")


def test_barely_telling_the_glutes_work_is_hard_to_feel_them() -> None:
    found = read("In the bridges my hamstrings cramp and I can barely tell my backside is working.")
    assert found["hard_to_feel_glutes"] is True


def test_a_clots_signs_said_of_the_leg_named_in_the_sentence_before_are_read() -> None:
    found = read("Since Tuesday the back of my left leg, calf and up into the hamstring, feels like "
                 "a cramp that won't let go. It's swollen compared to the other one, warm, a bit red.")
    assert found["calf_or_thigh_swollen_warm_red"] is True
    denied = read("Cramps in the backs of her thighs. Ankles a bit puffy both sides, nothing red or hot.")
    assert denied["calf_or_thigh_swollen_warm_red"] is False


def test_a_hindi_denial_after_a_warning_sign_denies_it() -> None:
    said = read("Back mein dard hai. Private parts ke aas paas sunn lag raha hai aur peshab karne "
                "mein problem hai.")
    assert said["saddle_numbness"] is True
    assert said["bladder_or_bowel_change"] is True
    denied = read("Back mein dard hai, hamstring cramp. Peshab mein koi problem nahi.")
    assert denied["bladder_or_bowel_change"] is False


def test_hindi_words_are_never_corrected_into_english_findings() -> None:
    # "taang" (leg) is one letter from "twang", a pop; "hain" (are) one from "pain".
    found = read("Dono taangon mein cramp aata hai, legs kamzor lag rahe hain.")
    assert "popping_sensation" not in found
    assert "back_pain" not in found
    assert found["one_side_only"] is False


def test_a_cramp_that_just_wont_go_denies_nothing_said_after_it() -> None:
    found = read("Knee op 10 days ago, mostly on the sofa since. Says 'cramp' in back of R thigh just "
                 "won't go, thigh now swollen, warm to touch and a bit red compared to L.")
    assert found["calf_or_thigh_swollen_warm_red"] is True


@pytest.mark.parametrize("text", [
    "Hamstrings cramp every time they do hip thrusts, feels it all in legs not backside.",
    "In bridge holds she feels hamstrings not glutes.",
    "She cramps on single-leg bridges and can't feel her bottom working at all, only the hamstring.",
])
def test_the_work_felt_in_the_hamstrings_not_the_glutes_is_read(text: str) -> None:
    assert read(text)["feel_hamstrings_more_than_glutes"] is True


def test_the_end_of_a_show_or_a_shift_is_late_in_it() -> None:
    assert read("Hamstrings cramp at the tail end of the load-out.")["cramp_late_in_session"] is True
    assert read("My hamstrings cramp round the encore.")["cramp_late_in_session"] is True


def test_cutting_drinks_down_is_drinking_little() -> None:
    found = read("I cut my drinks right down on show days. Hamstrings cramp in the second half.")
    assert found["low_fluid_intake"] is True


def test_a_cramp_that_would_not_let_go_for_a_minute_is_no_long_cramp() -> None:
    brief = read("The back of my thigh grabbed and wouldn't let go for about a minute.")
    assert brief.get("cramp_lasts_over_10_min") is not True
    assert read("My hamstring cramp wouldn't let go for twenty minutes.")["cramp_lasts_over_10_min"] is True
    assert read("The cramp just won't go away, it's been an hour.")["cramp_lasts_over_10_min"] is True


def test_tightening_and_locking_is_a_cramp() -> None:
    found = read("While fielding my thigh back side is tightening and locking.")
    assert found["cramp_during_exercise"] is True


def test_appointments_so_many_times_a_year_are_no_count_of_cramps() -> None:
    found = read("My mum has kidney disease, sees a renal consultant twice a year. The back of her "
                 "thighs go into spasm most nights.")
    assert found["frequent_cramps"] is True


def test_most_days_or_all_the_time_said_of_something_else_is_no_count_of_cramps() -> None:
    found = read("I'm a solicitor chained to a desk, and the front of my hips feels tight and short "
                 "most days. In the class, whenever we do bridges, the backs of both thighs cramp.")
    assert "frequent_cramps" not in found
    assert "frequent_cramps" not in read("Hamstrings cramp at training and my legs are knackered "
                                         "all the time.")
    assert read("Since then hamstrings cramp on most of my long runs.")["frequent_cramps"] is True


def test_feeling_one_muscle_far_more_than_another_is_no_long_session() -> None:
    found = read("Whenever we do bridges the backs of my thighs cramp - I feel them far more than "
                 "my bottom.")
    assert "long_or_intense_sessions" not in found


def test_a_medicine_started_in_the_summer_says_nothing_of_heat() -> None:
    found = read("I'm 69 and started on bendroflumethiazide for my blood pressure in the summer. "
                 "Since then the backs of my thighs cramp in bed most nights.")
    assert "cramp_in_hot_conditions" not in found
    assert read("My hamstrings cramp at tennis in the summer, never in winter."
                )["cramp_in_hot_conditions"] is True


def test_two_warning_signs_each_said_with_its_own_negation_are_both_said() -> None:
    found = read("Bad lower back pain for a week, today I cant feel properly when I wipe after the "
                 "toilet, numb round my bum, and couldnt get my wee started this morning.")
    assert found["saddle_numbness"] is True
    assert found["bladder_or_bowel_change"] is True
    denied = read("Back pain for a week. No numbness when I wipe and no trouble peeing.")
    assert denied["saddle_numbness"] is False
    assert denied["bladder_or_bowel_change"] is not True  # asked when unsure, never assumed


def test_not_feeling_the_need_until_wetting_oneself_is_a_bladder_sign() -> None:
    found = read("I'm numb round my bum, and I didn't feel I needed a wee until I'd wet myself.")
    assert found["bladder_or_bowel_change"] is True
    assert read("Bladder's normal, I never feel I need the loo more than usual."
                )["bladder_or_bowel_change"] is False


def test_a_thyroid_check_not_had_is_no_denial_of_the_thyroid_condition() -> None:
    found = read("Underactive thyroid, walking group Thursdays. She's not had her thyroid bloods "
                 "checked in over a year.")
    assert found["thyroid_condition"] is True


def test_asking_whether_it_is_normal_for_ones_hamstrings_to_cramp_tells_that_they_do() -> None:
    found = read("Is it normal for hamstrings to cramp on Romanian deadlifts? Mine seize up 8 reps in.")
    assert found["trigger_hinge_or_leg_curl"] is True
    # A general question about legs is asked, never taken as said.
    general = read("Is it normal for legs to be swollen and red after a flight?")
    assert general["calf_or_thigh_swollen_warm_red"] is None


def test_a_filler_in_unpunctuated_speech_ends_the_statement_before_it() -> None:
    spoken = read("um so i flew back from singapore fourteen hour flight and now the back of my "
                  "left thigh is swollen and hot and red um the other leg is fine um probably "
                  "nothing")
    assert spoken["calf_or_thigh_swollen_warm_red"] is True
    # Written with commas, a filler is a pause inside the sentence and changes nothing.
    assert read("My calf is, um, not swollen at all.")["calf_or_thigh_swollen_warm_red"] is False


def test_a_muscle_doing_nothing_is_no_rest() -> None:
    found = read("my hammies cramp on every hip thrust and my bum is just not doing anything")
    assert found["cramp_during_exercise"] is True
    assert "cramp_while_sitting_or_resting" not in found


def test_asking_if_dark_urine_is_normal_says_it_is_dark() -> None:
    found = read("after the bootcamp my legs are swollen and my pee is like the colour of strong "
                 "tea is that normal")
    assert found["dark_urine_after_exercise"] is True


def test_tea_as_a_meal_is_no_colour_of_urine() -> None:
    found = read("I hold off drinking so I don't need a wee on my rounds, nothing till tea. "
                 "Hamstrings cramp late in the shift.")
    assert "dark_urine_after_exercise" not in found


def test_kidneys_said_not_to_work_well_are_a_kidney_condition() -> None:
    found = read("The GP told me my kidneys aren't working properly any more. The backs of my "
                 "legs cramp in the evenings.")
    assert found["kidney_condition"] is True


def test_a_stream_that_will_not_start_is_a_bladder_sign() -> None:
    found = read("My back went lifting a wardrobe and i cant wee properly it just wont start")
    assert found["bladder_or_bowel_change"] is True


def test_nothing_changed_after_weeks_of_self_care_is_persistence() -> None:
    found = read("Been stretching every night and taking magnesium for two months and nothings "
                 "changed at all, the hamstring cramps keep coming.")
    assert found["persists_despite_self_care"] is True


def test_a_warning_sign_read_about_is_asked_never_assumed() -> None:
    found = read("Hamstrings cramped on a long shift. I read about dark pee after hard work so "
                 "I checked.")
    assert found.get("dark_urine_after_exercise") is not True
    assert read("Hamstrings cramped on a long shift. I had dark pee after the hard work."
                )["dark_urine_after_exercise"] is True


@pytest.mark.parametrize("text", [
    "Both hamstrings locked up ten minutes from time and I had to hobble off.",
    "Hamstrings seized at mile 20 and I hobbled the last few miles.",
    "The back of my thigh cramped on the last sprint and I couldn't walk for a minute.",
])
def test_hobbling_while_the_cramp_holds_is_no_pain_on_walking_after_it(text: str) -> None:
    assert "pain_walking_or_straightening" not in read(text)
    assert read("Since the cramp I've been hobbling around, it hurts to walk."
                )["pain_walking_or_straightening"] is True


@pytest.mark.parametrize(("text", "finding"), [
    ("I came home by coach, 26 hours travel, and now my left calf is swollen.",
     "recent_immobilisation_or_surgery"),
    ("I started crossfit after two years without any sport and my hamstrings cramp.",
     "new_or_returning_to_exercise"),
    ("The trainer says squeeze the glutes but I cannot feel these muscles, they are like "
     "sleeping. My hamstrings cramp.", "hard_to_feel_glutes"),
    ("Back of my thigh cramped in the match and now when I press it it is very painful.",
     "tender_after_cramp"),
    ("In July we play at 40 degrees and I sweat like after shower. Hamstrings cramp.",
     "heavy_sweating"),
    ("My hamstrings are cramping more than once in week.", "frequent_cramps"),
    ("I stretch every day and drink water, but already two months it is not helping. My "
     "hamstrings still cramp.", "persists_despite_self_care"),
])
def test_second_language_wording_is_read(text: str, finding: str) -> None:
    assert read(text)[finding] is True


def test_urine_of_a_normal_colour_says_nothing_of_bladder_control() -> None:
    found = read("Hamstrings cramped at the end of a long hot shift. My pee is a normal colour, "
                 "I checked.")
    assert found["dark_urine_after_exercise"] is False
    assert "bladder_or_bowel_change" not in found  # still asked in the safety check
    assert read("Waterworks normal, no numbness.")["bladder_or_bowel_change"] is False


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Pt c/o bilat HS cramp. Nil P&N, B&B NAD.", "numbness_or_tingling", False),
    ("Pt c/o bilat HS cramp. Nil P&N, B&B NAD.", "bladder_or_bowel_change", False),
    ("HS cramp on sprints. TTP mid belly since.", "tender_after_cramp", True),
    ("LBP flare 3/52 and HS cramps when sitting.", "back_pain", True),
    ("Comes straight from work, zero WU. HS cramp in first 10 min.", "skips_warmup", True),
    ("Full WU done. Both HS cramp from 70 min.", "skips_warmup", False),
    ("On atorvastatin. HS cramps most nights. Trng unchanged.", "recent_training_increase", False),
    ("Pre-season. Both HS cramp in the 2nd session of double days.", "one_side_only", False),
    ("Worried re clot. Nil ops, nil flights, calves not swollen. HS cramps late in games.",
     "recent_immobilisation_or_surgery", False),
])
def test_clinical_shorthand_is_read_as_the_words_it_stands_for(
        text: str, finding: str, value: bool) -> None:
    assert read(text)[finding] is value


def test_a_clinicians_advice_is_not_what_the_person_does() -> None:
    found = read("Pt goes straight on court, no warm-up, cold mornings. Hamstring cramps in the "
                 "first quarter. Adv: 10 min dynamic warm-up before games.")
    assert found["skips_warmup"] is True


def test_a_denied_list_joined_by_or_denies_its_last_item() -> None:
    found = read("Hamstring cramped at netball. I haven't been on a plane or had any surgery or "
                 "been laid up.")
    assert found["recent_immobilisation_or_surgery"] is False
    assert read("I didn't warm up or stretch before the game and I had knee surgery in June."
                )["recent_immobilisation_or_surgery"] is True


def test_not_feeling_it_when_wiping_then_numb_down_there_is_saddle_numbness() -> None:
    found = read("My back went last week. When I wipe I can't really feel it, like it's numb "
                 "down there.")
    assert found["saddle_numbness"] is True


def test_a_guess_at_why_the_urine_is_dark_does_not_doubt_that_it_is() -> None:
    found = read("Ran an ultra yesterday and my hamstrings cramped. My wee has been a weird tea "
                 "colour since, which I guess is because I didn't drink enough.")
    assert found["dark_urine_after_exercise"] is True
    assert "bladder_or_bowel_change" not in found


def test_red_flags_read_up_on_are_no_colour_of_urine() -> None:
    found = read("Sciatica flare. I've read up on the red flags: peeing normally, no numbness.")
    assert "dark_urine_after_exercise" not in found


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Had a knee scope 10 days ago and the calf is swollen and hot.",
     "recent_immobilisation_or_surgery", True),
    ("Hurt me back. My bum and the insides of my legs are numb.", "saddle_numbness", True),
    ("No numbness around the groin and no dunny problems.", "bladder_or_bowel_change", False),
    ("No numbness down below, and the jacks is all normal.", "bladder_or_bowel_change", False),
])
def test_australian_and_irish_words_are_read(text: str, finding: str, value: bool) -> None:
    assert read(text)[finding] is value


@pytest.mark.parametrize("text", [
    "Eighteen holes takes me well over four hours and my hamstrings cramp on the back nine.",
    "Our doubles matches going on for 2 hours, and only in the last game the hamstring cramps.",
    "Fine in the first half, but in last 15-20 minutes, when I sprint, my hamstring cramps.",
    "My calf cramps in the first km. Once I've been going 10 mins it's fine.",
])
def test_the_time_an_activity_takes_is_no_length_of_a_cramp(text: str) -> None:
    assert read(text).get("cramp_lasts_over_10_min") is not True
    assert read("My hamstring cramped in the match and stayed locked for twenty minutes."
                )["cramp_lasts_over_10_min"] is True


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Waterworks are fine, legs arenae gettin weaker, an nae numbness doon below.",
     "progressive_leg_weakness", False),
    ("Waterworks are fine, legs arenae gettin weaker, an nae numbness doon below.",
     "saddle_numbness", False),
    ("Noo baith hamstrings keep crampin in every session.", "one_side_only", False),
    ("Had ma knee replaced ten days ago. The back o ma thigh feels like a cramp that'll no "
     "shift, an the calf's swollen an hot an a bit red.", "calf_or_thigh_swollen_warm_red", True),
    ("Ah cannae feel ma glutes at aw in the bridges, the hamstrings cramp.",
     "hard_to_feel_glutes", True),
])
def test_scots_is_read_as_the_english_meant(text: str, finding: str, value: bool) -> None:
    assert read(text)[finding] is value


def test_not_being_able_to_hold_ones_bowels_is_a_bowel_sign() -> None:
    found = read("Bad back for a fortnight. Last night I couldn't hold me bowels and never felt "
                 "it coming.")
    assert found["bladder_or_bowel_change"] is True


def test_a_question_someone_asked_about_a_warning_sign_is_not_the_sign() -> None:
    found = read("Back at netball after Christmas. My sister, a nurse, asked if my pee was dark "
                 "afterwards, it wasn't, just normal colour.")
    assert found.get("dark_urine_after_exercise") is not True
    assert read("Was my pee dark afterwards, it wasn't.")["dark_urine_after_exercise"] is False


def test_a_kidney_said_to_show_early_damage_is_a_kidney_condition() -> None:
    found = read("The consultant says my kidneys are showing some early damage. Hamstrings "
                 "cramp at hockey.")
    assert found["kidney_condition"] is True


@pytest.mark.parametrize("text", [
    "My hands go numb on the handlebars on long rides and my hamstrings cramp.",
    "I get numb fingers from gripping the bar. Hamstrings cramp on deadlifts.",
])
def test_numb_hands_or_fingers_are_not_numbness_of_the_leg(text: str) -> None:
    assert read(text).get("numbness_or_tingling") is not True
    assert read("My hands and feet go numb and my hamstrings cramp.")["numbness_or_tingling"] is True


def test_saddle_soreness_is_neither_saddle_numbness_nor_a_tender_muscle() -> None:
    found = read("Long rides give me a bit of saddle soreness and my fingers go numb, and my "
                 "hamstrings cramp near the end.")
    assert found.get("saddle_numbness") is not True
    assert found.get("tender_after_cramp") is not True


@pytest.mark.parametrize(("text", "value"), [
    ("My weekly distance went from 12km a week to 30km in a month and now my hamstrings cramp.",
     True),
    ("I'm now playing 5 days a week - it was 2 until the new term. My hamstrings cramp late on.",
     True),
    ("He's doing a lot more lately, roughly double what he was doing in the summer, and his "
     "hamstring cramps at training.", True),
    ("Three matches and two gym sessions this week, which is some jump from the off-season. "
     "Both hamstrings cramped.", True),
    ("Haven't changed anything with my diet. I cycle four times a week and my hamstrings cramp.",
     None),
])
def test_training_compared_with_before_is_a_training_increase(text: str, value: bool | None) -> None:
    assert read(text).get("recent_training_increase") is value


def test_a_habit_told_after_a_denial_is_not_denied() -> None:
    found = read("I run four times a week. Haven't increased my running, drink well, no tablets.")
    assert found["low_fluid_intake"] is False


def test_cramping_whatever_the_weather_is_no_cramp_in_the_heat() -> None:
    found = read("On long walks my hamstrings cramp after two hours, whether it's hot out or not.")
    assert found["cramp_in_hot_conditions"] is False
    assert read("It was a scorcher and my hamstrings cramped during the match."
                )["cramp_in_hot_conditions"] is True


def test_plain_water_in_the_bottle_is_not_drinking_little() -> None:
    found = read("I sweat buckets on the bike and only ever put plain water in my bottles. My "
                 "hamstrings cramp late in long rides.")
    assert found.get("low_fluid_intake") is not True


def test_a_cramp_within_a_few_reps_is_during_exercise_beside_a_denial_of_another_sport() -> None:
    found = read("My hamstrings cramp within a few reps of glute bridges. They never cramp on "
                 "the bike.")
    assert found["cramp_during_exercise"] is True


def test_the_end_of_dialysis_is_not_late_in_a_session_of_exercise() -> None:
    found = read("I don't exercise, so it's not from the gym. My hamstrings cramp towards the "
                 "end of dialysis.")
    assert found.get("cramp_late_in_session") is not True
    assert found.get("cramp_during_exercise") is not True


@pytest.mark.parametrize("text", [
    "Rugby session on Tuesday, my hamstrings cramped, then again a couple of hours later on "
    "the sofa.",
    "Did a long bootcamp class yesterday. My hamstrings are still cramping now.",
])
def test_a_cramp_hours_after_the_session_is_a_cramp_after_exercise(text: str) -> None:
    assert read(text)["cramp_after_exercise"] is True


def test_lying_on_ones_back_is_no_back_pain() -> None:
    found = read("My hip flexors are tight and ache when I lie flat on my back.")
    assert found.get("back_pain") is not True


def test_not_getting_a_proper_pee_out_is_a_bladder_change() -> None:
    found = read("Old disc trouble. Since this morning I'm numb between my legs and I couldn't "
                 "get a proper pee out.")
    assert found["bladder_or_bowel_change"] is True


@pytest.mark.parametrize("text", [
    "Did a hero workout with a weighted vest, took me 68 min. Near the end my hamstrings cramped.",
    "The chipper took about 45 min, way harder than usual, and my hamstrings cramped late on.",
])
def test_the_time_a_workout_took_is_no_length_of_a_cramp(text: str) -> None:
    assert read(text).get("cramp_lasts_over_10_min") is not True
    assert read("My hamstring cramped at the gym and it took 20 minutes to ease off."
                )["cramp_lasts_over_10_min"] is True


def test_an_ache_for_ages_after_is_no_cramp_that_lasts() -> None:
    found = read("My hamstrings cramp on most runs and they ache for ages after.")
    assert found.get("cramp_lasts_over_10_min") is not True
    assert read("The cramp stayed locked for ages.")["cramp_lasts_over_10_min"] is True


def test_a_swollen_thigh_with_a_purple_bruise_is_a_tear_not_a_clot() -> None:
    found = read("Cramped lunging at badminton and now the back of my thigh is swollen with a "
                 "purple bruise coming out.")
    assert found.get("calf_or_thigh_swollen_warm_red") is not True
    assert found["bruising"] is True and found["swelling_back_of_thigh"] is True
    assert read("My calf is swollen, red and warm after the flight."
                )["calf_or_thigh_swollen_warm_red"] is True


def test_what_makes_it_worse_is_not_a_remedy_that_failed() -> None:
    found = read("I'm an accountant so sat down all day doesn't help. Hamstrings cramp on runs.")
    assert found.get("persists_despite_self_care") is not True


def test_a_relatives_medicine_is_not_the_writers_when_the_writer_tells_of_their_own_runs() -> None:
    found = read("Hamstrings keep cramping on my evening runs. My mum gets awful leg cramps from "
                 "her statins but I'm not on anything.")
    assert found.get("takes_cramp_linked_medication") is not True


def test_a_training_partners_clot_is_not_the_writers() -> None:
    found = read("My training partner got a DVT after a long haul flight last year. My hammies "
                 "cramp on leg curls at the end of a long session.")
    assert found.get("calf_or_thigh_swollen_warm_red") is not True
    assert found.get("recent_immobilisation_or_surgery") is not True


def test_bruised_shins_are_not_a_bruised_thigh() -> None:
    found = read("My shins are bruised from the bar on deadlifts. Hamstrings cramp on RDLs.")
    assert found.get("bruising") is not True
    assert read("The back of my knee is bruised since the cramp.")["bruising"] is True
    assert read("No pain in my chest, no bruising on the legs.")["bruising"] is False


def test_a_cramp_nonstop_for_hours_lasts_over_ten_minutes() -> None:
    found = read("Ten days after knee surgery the hamstring has been cramping nonstop for hours.")
    assert found["cramp_lasts_over_10_min"] is True


def test_kidneys_not_working_as_well_as_they_should_are_a_kidney_condition() -> None:
    found = read("The doctor says my kidneys aren't working as well as they should. I get cramp "
                 "in the backs of my thighs in the evening.")
    assert found["kidney_condition"] is True


def test_going_straight_to_five_nights_a_week_is_a_training_increase() -> None:
    found = read("After nothing all summer they've gone straight to training 5 nights a week. "
                 "He cramps at most sessions.")
    assert found["recent_training_increase"] is True


@pytest.mark.parametrize(("text", "value"), [
    ("My hamstrings cramped twice on the 400s at the track this week.", True),
    ("Glute bridges give me instant hamstring cramp. Running's fine, no issues on runs.", False),
])
def test_runners_words_for_their_sessions_are_read(text: str, value: bool) -> None:
    assert read(text)["trigger_running_or_sprinting"] is value


def test_dark_urine_that_clears_once_the_person_drinks_is_asked_not_assumed() -> None:
    found = read("I barely drink on a 12 hour shift and my wee is dark by the end, but once I've "
                 "had a couple of pints of water it's back to normal. Hamstrings cramp at spin.")
    assert found.get("dark_urine_after_exercise") is not True
    assert read("After the race my pee was dark brown like cola.")["dark_urine_after_exercise"] is True


def test_pain_radiating_into_the_calf_goes_below_the_knee() -> None:
    found = read("Low back pain radiating into the back of the thigh and calf for three months.")
    assert found["pain_radiates_below_knee"] is True


def test_no_saddle_symptoms_denies_saddle_numbness() -> None:
    assert read("Disc prolapse in 2015. No saddle symptoms, bladder normal.")["saddle_numbness"] is False


def test_a_pop_in_quotes_at_the_back_of_the_thigh_is_a_pop() -> None:
    found = read("Hamstring cramped and I felt something go 'pop' at the back of my thigh.")
    assert found["popping_sensation"] is True
    assert read("Deadlifting, I felt something go pop in my lower back.").get("popping_sensation") is not True


def test_more_like_a_twinge_than_a_pop_is_no_pop() -> None:
    assert read("Cramped in the final, felt more like a twinge than a pop.")["popping_sensation"] is False


def test_an_answer_given_before_anyone_asks_is_the_answer() -> None:
    found = read("Before anyone asks, definitely not pregnant! My hamstrings cramp after class.")
    assert found["pregnant"] is False
    assert read("Before anyone says it, my wee is a normal colour.")["dark_urine_after_exercise"] is False


def test_sore_bending_forward_is_pain_on_bending_even_when_walking_is_ok() -> None:
    found = read("Hamstring cramp in my left thigh at football. Walking OK but sore bending forward.")
    assert found["pain_walking_or_straightening"] is True


def test_hobbling_on_for_a_bit_while_the_cramp_holds_is_no_pain_on_walking() -> None:
    found = read("At mile 11 both hamstrings locked up and I had to hobble-walk for a bit.")
    assert found.get("pain_walking_or_straightening") is not True
    assert read("Felt a pop; I'm limping walking to the car since."
                ).get("pain_walking_or_straightening") is True


def test_in_the_car_all_day_for_work_is_sitting_most_of_the_day() -> None:
    found = read("I'm in the car all day for work (district nurse). Hamstrings cramp at netball.")
    assert found["sits_most_of_day"] is True


def test_not_reaching_even_the_knee_is_a_reach_test_not_pain_on_bending() -> None:
    found = read("I cannot reach even my knee when I bend forward with straight legs. Back of "
                 "thigh cramps at badminton.")
    assert found.get("pain_walking_or_straightening") is not True


def test_a_rest_before_the_cramp_is_not_its_length() -> None:
    found = read("Stopped at the café halfway and sat outside for 40 mins, then hammered the "
                 "climb. Both hammies cramped ten minutes later.")
    assert found.get("cramp_lasts_over_10_min") is not True
    assert read("My hamstring cramped and I had to stretch it for 15 minutes before it let go."
                )["cramp_lasts_over_10_min"] is True


def test_cramps_that_start_and_will_not_stop_coming_are_no_single_long_cramp() -> None:
    found = read("Around the two hour mark the hamstrings start cramping and won't stop.")
    assert found.get("cramp_lasts_over_10_min") is not True
    assert read("My hamstring is cramping and won't stop.")["cramp_lasts_over_10_min"] is True


def test_a_mates_clot_is_his_when_the_writer_says_mine_is_nothing_like_it() -> None:
    found = read("My mate ended up in A&E with a clot in his leg after a flight. Mine's nothing "
                 "like that, no swelling. Just the right hamstring cramping late in club runs.")
    assert found.get("calf_or_thigh_swollen_warm_red") is not True


def test_the_bottom_of_the_pedal_stroke_is_no_stroke() -> None:
    found = read("Hamstrings cramp when my leg goes straight at the bottom of the stroke.")
    assert found.get("neurological_condition") is not True
    assert read("I had a stroke two years ago and my hamstrings cramp.")["neurological_condition"] is True


def test_a_hip_that_has_always_clicked_and_popped_is_no_pop_in_the_hamstring() -> None:
    found = read("My hip pops when I lift my leg, it's done that forever. Hamstrings cramp "
                 "on sprints.")
    assert found.get("popping_sensation") is not True


def test_a_can_of_pop_is_a_drink() -> None:
    found = read("I'm rubbish at drinking, maybe one can of pop all day. Hamstrings cramp at "
                 "five-a-side.")
    assert found.get("popping_sensation") is not True


def test_hobbling_through_the_end_of_a_match_is_no_pain_on_walking() -> None:
    found = read("Both hamstrings went in the last ten minutes of extra time, had to hobble "
                 "through it.")
    assert found.get("pain_walking_or_straightening") is not True


def test_climbing_moves_are_exercise() -> None:
    found = read("My hamstrings cramp when I'm heel hooking on the wall.")
    assert found["cramp_during_exercise"] is True


@pytest.mark.parametrize(("text", "finding"), [
    ("I have a discal hernia known since 2019. Big pain in the back.", "disc_injury_history"),
    ("This morning I could not retain the urine. Bad back since Monday.", "bladder_or_bowel_change"),
    ("Bad back. It is like asleep in the buttocks and between the legs.", "saddle_numbness"),
    ("My doctor say my kidney function is reducing. Hamstring cramp at night.", "kidney_condition"),
])
def test_second_language_wording_of_the_warning_signs_and_conditions_is_read(
        text: str, finding: str) -> None:
    assert read(text)[finding] is True


def test_numb_between_the_legs_is_not_glutes_that_will_not_switch_on() -> None:
    found = read("Bad back. It is like asleep in the buttocks and between the legs.")
    assert found.get("hard_to_feel_glutes") is not True


def test_an_aunts_clot_is_hers() -> None:
    found = read("My tita got a blood clot in her leg after her knee operation. My hamstring "
                 "cramps when I run to the net at pickleball.")
    assert found.get("calf_or_thigh_swollen_warm_red") is not True


@pytest.mark.parametrize(("text", "finding"), [
    ("Two days after a hundred nordic curls my pea is literally the colour of coke.",
     "dark_urine_after_exercise"),
    ("Near the end of the hike both my ham strings started camping.", "cramp_during_exercise"),
    ("Knee replacement two weeks ago, and my left calve looks swollen and red and warm.",
     "calf_or_thigh_swollen_warm_red"),
])
def test_speech_to_text_homophones_are_read_as_meant(text: str, finding: str) -> None:
    assert read(text)[finding] is True


def test_last_weekend_is_no_verb_of_lasting() -> None:
    found = read("I went on a big hike last weekend like eight hours, way more than I ever do. "
                 "Near the end both hamstrings started cramping.")
    assert found.get("cramp_lasts_over_10_min") is not True


@pytest.mark.parametrize("text", [
    "There's a cramp in the back of my thigh that's just constant, it's been there since "
    "yesterday.",
    "Since the flight I've had what I thought was a hamstring cramp but it just hasn't gone away.",
])
def test_a_cramp_there_since_yesterday_lasts_over_ten_minutes(text: str) -> None:
    assert read(text)["cramp_lasts_over_10_min"] is True


def test_numb_in_the_private_area_is_saddle_numbness() -> None:
    assert read("Slipped disc. Since last night I'm numb in my private area.")["saddle_numbness"] is True


@pytest.mark.parametrize(("text", "finding"), [
    ("Nine hours digging in the heat on Saturday. This morning my water came out the colour of "
     "cola.", "dark_urine_after_exercise"),
    ("Bad back since Saturday, numb between my legs, and this morning I could hardly pass water.",
     "bladder_or_bowel_change"),
])
def test_water_for_urine_as_older_people_say_it(text: str, finding: str) -> None:
    assert read(text)[finding] is True


def test_no_trouble_passing_water_is_no_bladder_change_and_says_nothing_of_drinking() -> None:
    found = read("Slipped disc years ago. I've had no trouble passing water or opening my bowels.")
    assert found["bladder_or_bowel_change"] is False
    assert found.get("low_fluid_intake") is None


@pytest.mark.parametrize(("text", "finding"), [
    ("I've been in the cast of the village pantomime since November and my hamstrings cramp "
     "late in the shows.", "recent_immobilisation_or_surgery"),
    ("The thyroid test the surgery did last month came back normal. Hamstrings cramp on walks.",
     "recent_immobilisation_or_surgery"),
    ("I signed up for a swimathon for the Parkinson's charity. My hamstrings cramp in the later "
     "lengths.", "neurological_condition"),
    ("Jumped from 3 days a week to a 6 day program overnight. Hamstrings cramp on leg day.",
     "cramp_at_night"),
    ("Hammies cramp on long runs. Popped a salt tab mid run and it eased off.",
     "popping_sensation"),
])
def test_everyday_senses_of_clinical_words_are_not_the_finding(text: str, finding: str) -> None:
    assert read(text).get(finding) is not True


def test_a_time_into_the_session_is_no_length_of_a_cramp() -> None:
    found = read("After twenty minutes or so in the warm pool my hamstrings start to cramp.")
    assert found.get("cramp_lasts_over_10_min") is not True


def test_terse_chatbot_wording_is_read() -> None:
    assert read("strict keto, hammies cramp near end of leg day")["cramp_late_in_session"] is True
    assert read("got a disc prob in my back, hamstring cramps")["disc_injury_history"] is True
    found = read("back running after 3 yrs off, doing 5 runs a week straight away. hamstrings "
                 "cramp")
    assert found["new_or_returning_to_exercise"] is True
    assert found["recent_training_increase"] is True


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("When the instructor has us lift our bottoms up off the floor, the backs of my thighs cramp.",
     "trigger_bridge_or_hip_thrust", True),
    ("I perspired terribly on the walks in the heat and my hamstrings cramped.",
     "heavy_sweating", True),
    ("I was doing ten lengths twice a week; I've pushed it to forty lengths four times a week. "
     "My hamstrings cramp in the pool.", "recent_training_increase", True),
    ("I went nearly three months without my usual exercise, and now my hamstrings cramp at "
     "the class.", "new_or_returning_to_exercise", True),
    ("Her physio gave her bridges and her hamstrings cramp - it's all in her legs and not her "
     "bum.", "feel_hamstrings_more_than_glutes", True),
    ("Our leader does ten minutes of loosening-up, but I'm usually late and just catch them up. "
     "My hamstring cramps on the first hill.", "skips_warmup", True),
    ("My cholesterol is a bit high but I manage it with diet, not tablets.",
     "takes_cramp_linked_medication", False),
    ("His back doesn't bother him at all. His hamstrings cramp in bridges.", "back_pain", False),
    ("I still sit far more than I ought, mostly at the computer. Hamstrings cramp when hoeing.",
     "sits_most_of_day", True),
    ("It's tea and toast mostly and I rarely bother with fruit or vegetables. Hamstrings cramp "
     "on my walk.", "low_mineral_diet", True),
])
def test_older_peoples_wording_is_read(text: str, finding: str, value: bool) -> None:
    assert read(text)[finding] is value


@pytest.mark.parametrize(("text", "finding"), [
    ("I'm stuck at a desk about 10 hours a day, and my hamstrings cramp at padel.",
     "cramp_lasts_over_10_min"),
    ("Absolutely bruising sparring session, twelve rounds, and my hamstring cramped from round "
     "ten.", "bruising"),
    ("Fracture clinic nurse, hence me being twitchy about my own leg. Hamstring cramps at "
     "parkrun.", "muscle_wasting"),
    ("Hamstrings cramped on the drive home; the soreness is easing every day.",
     "tender_after_cramp"),
])
def test_everyday_senses_are_not_warning_signs_or_damage(text: str, finding: str) -> None:
    assert read(text).get(finding) is not True


def test_a_cramp_that_has_not_let_go_for_hours_lasts_over_ten_minutes() -> None:
    found = read("Knee arthroscopy 9 days ago. A 'cramp' in the back of my thigh hasn't let go "
                 "for a couple of hours.")
    assert found.get("cramp_lasts_over_10_min") is not False


def test_reduced_sensation_around_the_perineum_is_saddle_numbness() -> None:
    found = read("Known L4/5 prolapse. Sensation around my perineum feels reduced and odd.")
    assert found["saddle_numbness"] is True


def test_an_accident_with_the_bowels_that_could_not_be_controlled_is_the_sign() -> None:
    found = read("Known disc bulge. Numbness between my legs, and yesterday I had an accident "
                 "with my bowels that I couldn't control.")
    assert found["bladder_or_bowel_change"] is True


@pytest.mark.parametrize(("text", "finding"), [
    ("Race day is six weeks away and I'm on pins and needles about it. Hamstrings cramp on runs.",
     "numbness_or_tingling"),
    ("I'll admit I'm a poor drinker: a coffee in the morning and not much else. Hamstrings "
     "cramp at tennis.", "heavy_alcohol_use"),
    ("I can't stop thinking I'll snap it, but I've never felt a pop.", "popping_sensation"),
])
def test_idioms_are_not_the_finding(text: str, finding: str) -> None:
    assert read(text).get(finding) is not True


@pytest.mark.parametrize("text", [
    "GP keeps trying to put me on a statin and I keep saying no. Hamstrings cramp at football.",
    "It was never the atorvastatin: I stopped it back in March and nothing changed.",
])
def test_a_medicine_refused_or_stopped_is_not_taken(text: str) -> None:
    assert read(text).get("takes_cramp_linked_medication") is not True


@pytest.mark.parametrize(("text", "finding"), [
    ("Long day on the hill; late afternoon both hamstrings cramped coming down off the summit.",
     "cramp_late_in_session"),
    ("My hamstrings cramped on the ladders of the via ferrata.", "cramp_during_exercise"),
    ("Known herniated disc. This morning I had a bowel accident I didn't feel coming.",
     "bladder_or_bowel_change"),
])
def test_walkers_and_climbers_wording_is_read(text: str, finding: str) -> None:
    assert read(text)[finding] is True


def test_a_gym_bros_rhabdo_is_his() -> None:
    found = read("My hammies cramp on leg curls. My gym bro ended up in hospital with rhabdo and "
                 "his pee went coca cola colour, but mine is a totally normal colour.")
    assert found.get("dark_urine_after_exercise") is not True


def test_looking_pregnant_after_a_burrito_is_not_pregnancy() -> None:
    found = read("Ate a massive burrito before the gym so I looked 6 months pregnant (I'm not "
                 "lol). Hamstrings cramp halfway through leg day.")
    assert found.get("pregnant") is not True


def test_the_only_thing_drunk_all_day_is_drinking_little() -> None:
    found = read("Genuinely the only thing I drink all day is iced coffee. Hamstring cramps at "
                 "the gym.")
    assert found["low_fluid_intake"] is True


def test_not_straightening_up_after_sitting_is_no_pain_on_straightening_the_leg() -> None:
    found = read("I'm sat down 9 hours a day and when I stand up the front of my hips feels "
                 "tight, like I can't fully straighten up. Hamstrings cramp at bootcamp.")
    assert found.get("pain_walking_or_straightening") is not True
    assert read("Felt a pop and now I can't straighten my leg.")["pain_walking_or_straightening"] is True


def test_sat_at_the_kitchen_table_nine_till_five_is_sitting_most_of_the_day() -> None:
    found = read("I work from home so I'm sat at the kitchen table 9 till 5. Hamstrings cramp in "
                 "bridges.")
    assert found["sits_most_of_day"] is True


def test_a_word_glossed_in_brackets_keeps_its_offsets_and_an_aside_keeps_its_brackets() -> None:
    from crampcoach.intake.reader import normalise

    glossed = "my bol (urine) is brown"
    assert normalise(glossed) == "my bol  urine  is brown"
    aside = "I ran (yes I am the only bloke) and trainer (not a physio) says"
    assert normalise(aside) == aside.lower()
