"""The reader beyond fixed phrases: a story across sentences, comparisons, quantities, other
people, word order, and warning signs that stay strict."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crampcoach.case import Case
from crampcoach.intake.reader import read_findings
from crampcoach.reasoning import assess


def read(text: str) -> dict[str, bool | None]:
    return read_findings(text).findings


def test_a_trigger_in_one_sentence_joins_the_cramp_in_the_next() -> None:
    found = read("Tried heavy hip thrusts today. Halfway through the third set my left hammy seized.")
    assert found.get("trigger_bridge_or_hip_thrust") is True
    assert found.get("cramp_late_in_session") is True


@pytest.mark.parametrize("text", [
    "One calf is fatter than the other and warm, after my knee operation.",
    "My left calf is noticeably bigger than the right and it's hot to touch.",
])
def test_a_comparison_with_the_other_leg_reads_the_clot_sign(text: str) -> None:
    assert read(text).get("calf_or_thigh_swollen_warm_red") is True


@pytest.mark.parametrize("text", [
    "Both legs look the same size, nothing is warm or red.",
    "No swelling, redness or heat in either leg.",
])
def test_a_denial_of_swelling_answers_both_swelling_questions(text: str) -> None:
    found = read(text)
    assert found.get("calf_or_thigh_swollen_warm_red") is False
    assert found.get("swelling_back_of_thigh") is False


def test_the_other_leg_being_fine_does_not_deny_the_swollen_one() -> None:
    found = read("My left calf is fatter than the right and warm to touch. Right leg is fine.")
    assert found.get("calf_or_thigh_swollen_warm_red") is True


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("I get a couple of cramps a week in bed.", "frequent_cramps", True),
    ("My hamstrings cramp four or five nights a week.", "frequent_cramps", True),
    ("About two hours into the ride both hammys cramped on a climb.", "cramp_late_in_session", True),
    ("In the final quarter both my hamstrings cramped.", "cramp_late_in_session", True),
    ("It held on for well over a quarter of an hour, a cramp like that.", "cramp_lasts_over_10_min", True),
])
def test_quantities_and_relative_times_in_words(text: str, finding: str, value: bool) -> None:
    assert read(text).get(finding) is value


@pytest.mark.parametrize(("text", "finding"), [
    ("My calf has been cramping since yesterday.", "cramp_lasts_over_10_min"),
    ("Last 15 minutes of the game both hammies went and I came off.", "cramp_lasts_over_10_min"),
    ("It cramped once during the game.", "frequent_cramps"),
    ("I had a twitch in my hamstring just before it cramped.", "muscle_wasting"),
])
def test_words_that_only_look_like_a_finding_give_nothing(text: str, finding: str) -> None:
    assert finding not in read(text)


def test_someone_elses_experience_is_not_the_writers() -> None:
    found = read("My brother had a clot in his leg after a flight, so I'm careful. "
                 "My right hamstring cramped last night.")
    assert "calf_or_thigh_swollen_warm_red" not in found
    assert "recent_immobilisation_or_surgery" not in found


def test_someone_elses_opinion_is_asked_not_taken() -> None:
    assert read("My coach thinks I skip my warm up.").get("skips_warmup") is None


def test_a_story_about_someone_else_is_read_as_theirs() -> None:
    found = read("My son (13) cramps in his hamstrings at football. "
                 "He can't reach past his knees and he warms up properly with the team.")
    assert found.get("tight_hamstrings") is True
    assert found.get("skips_warmup") is False


def test_a_warning_sign_said_twice_in_one_clause_is_read_as_present() -> None:
    assert read("Felt a snap. Can't put any weight on that leg, can't walk.").get("cannot_walk") is True


@pytest.mark.parametrize("text", [
    "Before anyone says rhabdo - pee is normal colour.",
    "I don't think my pee is dark, not sure.",
])
def test_a_warning_sign_named_only_to_set_it_aside_is_never_read_as_present(text: str) -> None:
    assert read(text).get("dark_urine_after_exercise") is not True


def test_a_warning_sign_in_a_clause_that_also_denies_stays_a_question() -> None:
    found = read("I feel numb where I sit on the saddle but not sure, no back pain.")
    assert found.get("saddle_numbness") is not False


def test_the_misspelt_comment_under_the_first_seed_reads_to_weak_glutes_at_home_or_physio_level(
    shared_dir: Path,
) -> None:
    source = next((shared_dir / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    comment = re.search(r"My Hammies and back working.*?quats are thight\.", source, re.S)
    assert comment is not None
    result = assess(Case(text=comment.group()))
    assert result.causes[0].id == "glute_weakness"
    assert result.triage.level in ("self_care", "see_physio")


def test_the_misspelt_comment_read_without_the_seed_file() -> None:
    text = ("My Hammies and back working to Much with the hip briges. It is very hard for my to "
            "relax my Hammies while i doing the hip briges. Hyper extensie is also hard because "
            "my quats are thight.")
    result = assess(Case(text=text))
    assert result.causes[0].id == "glute_weakness"
    assert result.triage.level in ("self_care", "see_physio")


def test_a_warning_sign_in_a_sentence_that_doubts_is_asked() -> None:
    assert read("The cramp lasted maybe 20 minutes, I am not sure.").get("cramp_lasts_over_10_min") is None


@pytest.mark.parametrize("text", [
    "Ran a hilly marathon and barely drank all day; my hamstrings cramped near the end.",
    "Felt flat all day, then both hamstrings cramped in the second half of the match.",
])
def test_all_day_about_the_day_is_not_a_cramp_lasting_over_ten_minutes(text: str) -> None:
    assert read(text).get("cramp_lasts_over_10_min") is not True


def test_overnight_meaning_suddenly_is_not_a_night_cramp() -> None:
    found = read("My mileage doubled basically overnight and now my hamstrings cramp on tempo runs.")
    assert found.get("cramp_at_night") is not True


@pytest.mark.parametrize("text", [
    "Went to the loo after the ride, a deep yellow but nowhere near cola coloured.",
    "My hamstrings cramped at mile 20; afterwards the pee was nothing like tea.",
])
def test_a_comparison_that_denies_never_reads_dark_urine_as_present(text: str) -> None:
    assert read(text).get("dark_urine_after_exercise") is not True


@pytest.mark.parametrize("text", [
    "Sat long run 24k - left hammy started cramping around 18k, had to walk the rest.",
    "Ran my first marathon on Sunday. At about 35k both hamstrings locked.",
    "Did a 50k trail race. Fine until about 40k and then my hamstrings started cramping.",
    # Counted back from the end, or named by the hour or the mile.
    "In the 5 km open water race my right hamstring seized with about 800 m to go.",
    "Our games are 90 min and my hamstring cramps in the last 10 minutes.",
    "Three bottles on a 4hr ride, but my hamstrings start cramping from about hr 3.",
    "Ran the marathon in May and cramped at mile 20.",
    # Words for the end of a day out.
    "Twenty-mile charity walk; on the last stretch along the canal both hamstrings knotted.",
    "County bowls finals, four games: by the last end my legs were cramping something fierce.",
    "My hamstrings cramp on the afternoon half of the walks.",
])
def test_a_cramp_most_of_the_way_through_a_known_length_reads_as_late(text: str) -> None:
    found = read(text)
    assert found.get("cramp_late_in_session") is True
    assert found.get("cramp_early_in_session") is not True


def test_a_cramp_in_the_first_metres_of_a_parkrun_reads_as_early_not_late() -> None:
    found = read("parkrun this morning. 400m in my left hammy cramped hard.")
    assert found.get("cramp_early_in_session") is True
    assert found.get("cramp_late_in_session") is not True


def test_a_cramp_at_a_point_inside_a_session_came_during_exercise() -> None:
    found = read("About 50 min into the 90 min pieces my hamstrings start cramping.")
    assert found.get("cramp_during_exercise") is True
    # Just past half way is neither early nor late.
    assert "cramp_late_in_session" not in found and "cramp_early_in_session" not in found


@pytest.mark.parametrize("text", [
    "My hamstrings cramp halfway thru leg day.",
    "My hamstring cramps about an hour in.",
    "I was 2 sets in when it cramped.",
])
def test_a_cramp_part_way_into_a_session_came_during_exercise(text: str) -> None:
    assert read(text).get("cramp_during_exercise") is True


def test_hours_in_the_air_are_not_a_point_in_a_session() -> None:
    assert "cramp_during_exercise" not in read("24 hrs in the air and now my hamstring cramps.")


def test_a_point_without_the_session_length_places_nothing() -> None:
    found = read("My hamstring cramped at 18k.")
    assert "cramp_late_in_session" not in found and "cramp_early_in_session" not in found


@pytest.mark.parametrize("text", [
    "It was a good twenty-five minutes before it finally eased.",
    "My hamstring cramped and just would not let go - fifteen minutes or more.",
    "She had a hamstring cramp that lasted over a quarter of an hour.",
])
def test_durations_in_words_read_a_cramp_over_ten_minutes(text: str) -> None:
    assert read("My hamstring cramped last night. " + text).get("cramp_lasts_over_10_min") is True


def test_words_in_quotes_are_read_as_words() -> None:
    assert read("He admitted he's numb 'down there' when he wipes.").get("saddle_numbness") is True


def test_a_decimal_point_does_not_cut_a_clause() -> None:
    assert read("That leg ended up about 1.5cm shorter.").get("leg_length_difference") is True


def test_a_denial_after_a_comma_is_its_own_clause() -> None:
    found = read("They keep cramping when I'm just sat in a lecture, not after exercise.")
    assert found.get("cramp_while_sitting_or_resting") is True


def test_someone_who_has_me_doing_an_exercise_tells_my_own_story() -> None:
    found = read("My physio has me doing bridges for my knee. My hamstrings cramp on the fifth one.")
    assert found.get("trigger_bridge_or_hip_thrust") is True


def test_or_not_after_whether_is_no_denial_of_a_warning_sign() -> None:
    found = read("I'm numb between my legs and couldn't tell whether I needed a wee or not.")
    assert found.get("bladder_or_bowel_change") is True


def test_struggling_to_walk_without_limping_is_pain_walking() -> None:
    assert read("I'm struggling to walk without limping.").get("pain_walking_or_straightening") is True


def test_something_going_in_the_lower_back_is_not_a_pop_in_the_hamstring() -> None:
    found = read("Felt something go in my lower back deadlifting on Monday.")
    assert found.get("popping_sensation") is not True
    assert found.get("back_pain") is True


def test_a_leg_that_is_not_getting_weaker_answers_the_weakness_question() -> None:
    assert read("The leg isn't getting any weaker.").get("progressive_leg_weakness") is False


def test_not_feeling_the_bum_work_in_a_squeeze_is_not_saddle_numbness() -> None:
    found = read("every time we do hip thrusts my hamstrings lock up. i literally cant feel my bum "
                 "doing anything even when i squeeze")
    assert found.get("saddle_numbness") is not True
    assert found.get("hard_to_feel_glutes") is True


def test_a_denial_far_from_a_warning_sign_leaves_it_a_question_not_its_opposite() -> None:
    found = read("since yesterday I cant really feel it when I wipe after the toilet its like "
                 "numb down there")
    assert found.get("saddle_numbness") is not False


def test_the_last_minutes_of_a_ride_are_not_a_cramp_lasting_that_long() -> None:
    found = read("I went on a 3 hour ride. Last 45 minutes the legs went empty and my "
                 "hamstrings cramped on a small hill.")
    assert found.get("cramp_lasts_over_10_min") is not True


def test_one_episode_over_ten_minutes_is_the_sign_whatever_the_usual_ones_lasted() -> None:
    found = read("My hamstring cramp started about 35 mins ago and it's still rock hard. Never "
                 "had one last like this, usually they're gone in a minute.")
    assert found.get("cramp_lasts_over_10_min") is True


def test_short_cramps_alone_answer_the_duration_question_no() -> None:
    assert read("My cramps are usually gone in a minute.").get("cramp_lasts_over_10_min") is False


def test_cannot_walk_said_twice_in_one_clause_is_not_doubted() -> None:
    found = read("He cannot walk at all, can't take any weight on it.")
    assert found.get("cannot_walk") is True


def test_not_having_had_any_water_is_drinking_not_a_bladder_that_fails() -> None:
    found = read("i legit hadn't had any water since the night before. hammies locked up at 7k")
    assert found.get("bladder_or_bowel_change") is None
    assert read("hasn't passed water since last night").get("bladder_or_bowel_change") is True
    assert read("I haven't had a wee since this morning").get("bladder_or_bowel_change") is True


def test_a_story_told_without_its_subject_is_not_a_question() -> None:
    text = ("did a brutal spin + leg day challenge at a new gym (first workout in ages) and 2 days "
            "later my hamstrings are rock hard, insanely painful and weak, can't straighten my "
            "legs properly, and my pee is literally the colour of coke 🥤💀 friend says it's "
            "normal DOMS??")
    found = read(text)
    assert found.get("dark_urine_after_exercise") is True
    assert found.get("weakness_after") is True
    assert assess(Case(text=text)).triage.level == "urgent"
    assert read("did my hamstring tear?").get("popping_sensation") is None


def test_an_emoji_ends_a_clause_so_a_friends_normal_is_not_the_urine_s() -> None:
    found = read("my pee is the colour of coke 🥤💀 friend says it's normal")
    assert found.get("dark_urine_after_exercise") is True
    assert found.get("bladder_or_bowel_change") is None


def test_the_length_of_a_usual_session_is_not_the_length_of_a_cramp() -> None:
    found = read("Never done it with the vest before, my usual sessions are 30 min tops. Both "
                 "hammies cramped on the last mile.")
    assert found.get("cramp_lasts_over_10_min") is None
    assert found.get("recent_training_increase") is None
    assert read("my hamstring cramped, 20 min tops").get("cramp_lasts_over_10_min") is True


@pytest.mark.parametrize("text", [
    "What I took for a cramp behind my right lower thigh hasn't let go since yesterday.",
    "Two days later what I thought was a hamstring cramp won't quit.",
    "thought it was just a hamstring cramp that wouldn't quit.",
])
def test_one_cramp_that_has_not_let_go_lasts_over_ten_minutes(text: str) -> None:
    assert read(text).get("cramp_lasts_over_10_min") is True


@pytest.mark.parametrize("text", [
    "every time I do hip thrusts my hammies lock up. I sit all day at a desk",
    "I sit at a desk all day for work and my hamstrings cramp in the gym",
])
def test_sitting_as_a_way_of_life_is_not_a_cramp_while_sitting(text: str) -> None:
    found = read(text)
    assert found.get("sits_most_of_day") is True
    assert found.get("cramp_while_sitting_or_resting") is None
    assert found.get("long_or_intense_sessions") is None
    assert read("my hamstrings cramp at my desk").get("cramp_while_sitting_or_resting") is True


@pytest.mark.parametrize("text", [
    "I warm up every time and hydrate.",
    "Not hot at that hour, I'm hydrated.",
    "Drank before and during, and it was only about 60F.",
    "Hes drinking what they tell him to.",
    "Hydration's fine, never without my bottle.",
    "He's fit, and he's got a bottle in hand every stoppage.",
    "my sis said drink more water but i already chug like 2L a day",
    "i drink water nonstop but ONLY water",
])
def test_drinking_enough_said_as_a_habit_answers_the_fluid_question_no(text: str) -> None:
    assert read(text).get("low_fluid_intake") is False


def test_more_than_ever_done_before_is_a_training_increase() -> None:
    found = read("stair climbs in full turnouts, like 60 lbs, way more than I was ever doing "
                 "before. Toward the end the backs of my thighs cramp.")
    assert found.get("recent_training_increase") is True


@pytest.mark.parametrize("text", [
    "Did a 12 mile ruck yesterday, about 4 hrs. Both hamstrings seized in the last hour.",
    "Our lock cramped in both hamstrings, his third game in two days.",
    "On an all-day patrol yesterday both hammies cramped.",
    "did my first hyrox, like 1h40 of sleds and running. both hammies cramped on the last run",
])
def test_long_efforts_in_their_own_words_are_long_sessions(text: str) -> None:
    assert read(text).get("long_or_intense_sessions") is True


def test_hamstrings_that_kick_in_first_are_doing_the_work_not_a_kick() -> None:
    found = read("Both hamstrings cramp on hip thrusts. She struggles to feel her glutes at all "
                 "on cue, hamstrings kick in first.")
    assert found.get("hard_to_feel_glutes") is True
    assert found.get("feel_hamstrings_more_than_glutes") is True
    assert found.get("trigger_running_or_sprinting") is None


def test_a_denial_that_opens_a_later_clause_is_not_of_the_cramp_before_it() -> None:
    found = read("Both back thighs are catching cramp in the bridges only, not during sprints, "
                 "not in the night.")
    assert found.get("cramp_during_exercise") is True
    assert found.get("trigger_running_or_sprinting") is False


@pytest.mark.parametrize(("text", "finding"), [
    ("Hamstrings cramp gardening. Not a heat thing, and I drink plenty.",
     "cramp_in_hot_conditions"),
    ("My hamstrings cramp. It's not heat (it's Scotland lol).", "cramp_in_hot_conditions"),
    ("Hamstrings cramp in bed. It's not from football, barely played this year.",
     "cramp_during_exercise"),
    ("Hamstrings cramp at night. It isn't exercise, I only walk the dog",
     "cramp_during_exercise"),
    ("Hamstrings cramp when I sprint. Not at night, not sitting.",
     "cramp_while_sitting_or_resting"),
    ("Hamstrings cramp at rest. I'm not on any diet.", "low_carb_diet"),
    ("Not the hips either, hip flexor stretches feel easy.", "tight_hip_flexors"),
    ("Hamstrings cramp on runs. Volume same as last yr.", "recent_training_increase"),
])
def test_a_cause_set_aside_in_so_many_words_answers_its_question_no(text: str,
                                                                     finding: str) -> None:
    assert read(text).get(finding) is False


@pytest.mark.parametrize("text", [
    "Summer mornings, 85 and muggy, my hamstrings seize around mile 4. On the odd cool day "
    "here - nothing.",
    "Both hamstrings cramping on the afternoon hump, August, heat index 105. Fine on the cool "
    "morning evolutions.",
])
def test_cool_days_without_cramps_point_to_the_heat_not_away_from_it(text: str) -> None:
    assert read(text).get("cramp_in_hot_conditions") is True


def test_what_mates_drank_is_not_what_the_writer_drank() -> None:
    found = read("hammies locked up around 7k. i hadn't had any water since the night before. "
                 "mates who drank properly were all fine.")
    assert found.get("low_fluid_intake") is not False


@pytest.mark.parametrize("text", [
    "at km 35 my left hamstring just said NOPE then the right one joined the party.",
    "hip thrusts = instant hammy cramp, right side mostly but the left goes too sometimes.",
])
def test_the_other_leg_joining_in_is_not_one_side_only(text: str) -> None:
    assert read(text).get("one_side_only") is False
    assert read("then my right hamstring cramped").get("one_side_only") is not False


@pytest.mark.parametrize("text", [
    "i legit hadn't had any water since the night before.",
    "I had half a bottle because I didn't want to need the loo.",
])
def test_no_water_since_or_a_loo_avoided_is_drinking_too_little(text: str) -> None:
    assert read(text).get("low_fluid_intake") is True


def test_a_denial_of_later_in_the_game_is_of_the_time_not_the_game() -> None:
    found = read("Always in the first 5 minutes of five-a-side. I come straight from the office, "
                 "boots on and go. Never cramp later in the game, never at night.")
    assert found.get("cramp_during_exercise") is not False
    assert found.get("cramp_late_in_session") is False
    assert found.get("skips_warmup") is True


def test_running_to_the_loo_is_not_a_run() -> None:
    found = read("I barely drink, don't want to be running to the loo. Back of my thigh cramped "
                 "while I was digging.")
    assert found.get("trigger_running_or_sprinting") is None


@pytest.mark.parametrize(("text", "finding"), [
    ("is it normal that my pee is brown after the race?", "dark_urine_after_exercise"),
    ("why is my wee the colour of coke after leg day?", "dark_urine_after_exercise"),
    ("should I worry that my calf is swollen and hot?", "calf_or_thigh_swollen_warm_red"),
    ("is it bad that I can't feel my bum when I wipe?", "saddle_numbness"),
    ("could the numbness down below be related?", "saddle_numbness"),
])
def test_a_question_about_what_the_person_has_says_that_they_have_it(text: str,
                                                                     finding: str) -> None:
    found = read(text)
    assert found.get(finding) is True
    assert found.get("bladder_or_bowel_change") is not False
    assert found.get("hard_to_feel_glutes") is None


@pytest.mark.parametrize(("text", "finding"), [
    ("Is it normal to have dark pee after a marathon?", "dark_urine_after_exercise"),
    ("Is my calf swollen?", "calf_or_thigh_swollen_warm_red"),
])
def test_a_question_that_does_not_say_the_person_has_it_stays_a_question(text: str,
                                                                          finding: str) -> None:
    assert read(text).get(finding) is None


def test_a_clot_told_in_translated_english_is_urgent_from_the_words() -> None:
    text = ("I am 58 year woman. Three days ago I came back from 14-hour flight from Toronto. "
            "Since yesterday my left calf and back of knee is swollen and warm, little bit red, "
            "cramp-like pain whole day that not go away with stretching. Right leg normal. I am "
            "not short of breath.")
    found = read(text)
    assert found.get("calf_or_thigh_swollen_warm_red") is True
    assert found.get("cramp_lasts_over_10_min") is True
    assert assess(Case(text=text)).triage.level == "urgent"


def test_a_bladder_that_cannot_feel_or_start_in_translated_english_is_a_change() -> None:
    found = read("when urinating I could not feel, difficult to pass.")
    assert found.get("bladder_or_bowel_change") is True


def test_a_cramp_that_has_never_let_go_said_after_it_lasts_over_ten_minutes() -> None:
    found = read("thought my left hamstring cramped in down dog, but it's never let go - back of "
                 "the thigh and calf are puffy, warm and a bit red next to the right.")
    assert found.get("cramp_lasts_over_10_min") is True
    assert found.get("calf_or_thigh_swollen_warm_red") is True


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("in glute bridge the back thigh muscle is catching cramp, buttocks are not doing any "
     "work it seems.", "hard_to_feel_glutes", True),
    ("Front side of hip is feeling jammed and tight when I stand up.", "tight_hip_flexors",
     True),
    ("When I do hip lifting exercise she give, back of thigh cramp on right leg only.",
     "trigger_bridge_or_hip_thrust", True),
    ("I drive taxi all the day so sitting long time.", "sits_most_of_day", True),
    ("I drink hardly 1 litre water in full day", "low_fluid_intake", True),
    ("she avoid drinking water whole day because toilet at venue is very dirty",
     "low_fluid_intake", True),
    ("almost no vegetable or fruit or milk", "low_mineral_diet", True),
    ("my hip is tilting forward like a duck", "anterior_pelvic_tilt", True),
    ("first time went CrossFit class yesterday", "new_or_returning_to_exercise", True),
    ("the thigh back muscle cramps many times in a week", "frequent_cramps", True),
    ("Hamstrings cramp in the tuck and pulse bits.", "cramp_during_exercise", True),
    ("Hamstring grabs in my first spell nearly every time", "cramp_during_exercise", True),
    ("Tues and Thurs I play touch footy at 6 and my hammies cramp up like clockwork",
     "cramp_during_exercise", True),
    ("Feels like my hamstrings and lower back are doing all the lifting in the bridges.",
     "feel_low_back_in_bridges", True),
    ("R hamstring cramped at rep 6, L at rep 9.", "one_side_only", False),
    ("the backs of my thighs cramp in bed, sometimes twice a night", "frequent_cramps", True),
    ("We had a cooler with 24 Gatorades so he wasn't short on drinks.", "low_fluid_intake",
     False),
])
def test_plain_facts_in_many_kinds_of_english(text: str, finding: str, value: bool) -> None:
    assert read(text).get(finding) is value


@pytest.mark.parametrize(("text", "finding"), [
    ("Both legs feel equally strong.", "one_side_only"),
    ("We had a cooler with 24 Gatorades so he wasn't short on drinks.",
     "cramp_in_hot_conditions"),
    ("AFL preseason, 4 sessions a week up from the 1 gym session I did all summer. Since then "
     "both hammies cramp at training.", "cramp_in_hot_conditions"),
])
def test_words_that_only_look_like_a_finding_here_give_nothing(text: str, finding: str) -> None:
    assert read(text).get(finding) is None


@pytest.mark.parametrize(("text", "finding"), [
    ("Should I worry my pee is the colour of cola the day after my first spin class in years?",
     "dark_urine_after_exercise"),
    ("Could sitting at a desk 9 hrs a day be why my hamstrings cramp in glute bridges?",
     "trigger_bridge_or_hip_thrust"),
    ("why do my hamstrings cramp on my very first set of deadlifts?",
     "trigger_hinge_or_leg_curl"),
    ("And why cant I feel my glutes at all even when I squeeze hard?", "hard_to_feel_glutes"),
])
def test_what_follows_a_worry_or_a_why_is_said_not_asked(text: str, finding: str) -> None:
    assert read(text).get(finding) is True


@pytest.mark.parametrize(("text", "finding"), [
    ("Should I worry if my pee goes dark?", "dark_urine_after_exercise"),
    ("Could sitting at a desk 9 hrs a day be why my hamstrings cramp?", "sits_most_of_day"),
])
def test_a_supposition_or_a_guessed_cause_stays_asked(text: str, finding: str) -> None:
    assert read(text).get(finding) is None


def test_a_rhabdomyolysis_asked_about_as_a_worry_is_urgent_from_the_words() -> None:
    text = ("Should I worry my pee is the colour of cola the day after my first spin class in "
            "years? My hamstrings cramped halfway through and now my thighs are so sore and weak "
            "I can barely get off the loo. Was it just a hard class or is this bad??")
    assert assess(Case(text=text)).triage.level == "urgent"


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("since Tuesday I've had a 'cramp' in the back of my right thigh that just won't quit.",
     "cramp_lasts_over_10_min", True),
    ("Glutes? Never met em.", "hard_to_feel_glutes", True),
    ("Hydration? Never heard of her. Coffee at 7, then basically nothing till dinner. "
     "Hamstrings cramp near the end of every match.", "low_fluid_intake", True),
    ("barbell hip thrusts and it's my hamstrings doing the whole job before they seize up.",
     "feel_hamstrings_more_than_glutes", True),
    ("Warm-up? I walk from the car to the pitch, that counts. Five minutes in, the back of my "
     "thigh grabs.", "skips_warmup", True),
    ("Zero to 40k a week in three weeks. Now my hamstrings cramp on nearly every run.",
     "recent_training_increase", True),
    ("Is it my thyroid?? I was diagnosed underactive last year and lately my hamstrings cramp.",
     "thyroid_condition", True),
    ("Last month the clinic added Aricept, and the leaflet says muscle cramps are a side "
     "effect. Since then he gets cramps at night.", "takes_cramp_linked_medication", True),
    ("I don't drink a drop before or during. Lately the backs of my thighs cramp in the last "
     "mile.", "low_fluid_intake", True),
    ("my right leg is about 1.5 cm shorter than the left - never bothered with the heel lift "
     "he suggested. It's always the left hamstring that cramps.", "leg_length_difference",
     True),
    ("The hamstring cramps at night have got worse, near enough every night",
     "frequent_cramps", True),
])
def test_facts_said_with_a_joke_a_question_or_a_brand_name(text: str, finding: str,
                                                           value: bool) -> None:
    assert read(text).get(finding) is value


def test_an_operation_long_ago_is_not_a_recent_one() -> None:
    assert read("70M, hip replaced in 2016, all healed long ago. Hamstrings cramp.").get(
        "recent_immobilisation_or_surgery") is None
    assert read("had my knee replaced three weeks ago and now my calf cramps").get(
        "recent_immobilisation_or_surgery") is True


def test_a_starred_word_mends_the_word_autocorrect_spoilt_and_a_clot_is_read() -> None:
    text = ("Got back from Sydney to London last Tues, 22hrs of flights. Since Fri my left "
            "hamstring keeps cramping and now the back of my left thigh is puffin\n*puffy\nand "
            "warm and a bit red compared to the right. Not out of breath")
    found = read(text)
    assert found.get("calf_or_thigh_swollen_warm_red") is True
    assert assess(Case(text=text)).triage.level == "urgent"
    # The words shown are the person's own, star and all.
    spans = read_findings(text).spans
    assert any("puffin" in s.text for s in spans if s.finding == "calf_or_thigh_swollen_warm_red")


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Now they camp up in yoga and even just sitting on the floor playing with the kids\n"
     "*cramp\nDon't really do much other exercise", "cramp_during_exercise", True),
    ("then I go to spine class\n*spin not spine lol\nand my hamstrings cramp about 20 mins in",
     "cramp_during_exercise", True),
    ("doing hip thrusts and my hamsters cramp up every set. like I cannot feel my flutes doing "
     "anything", "hard_to_feel_glutes", True),
    ("Been doing keno for 6 weeks\n*keto\nI do my runs fasted and the hamstrings seize.",
     "low_carb_diet", True),
])
def test_autocorrected_words_are_read_as_meant(text: str, finding: str, value: bool) -> None:
    assert read(text).get(finding) is value


def test_a_star_with_no_word_like_it_before_changes_nothing() -> None:
    assert read("5*3 sets of bridges and my hamstrings cramp") == read(
        "5*3 sets of bridges and my hamstrings cramp")
    from crampcoach.intake.spelling import mend_starred

    assert mend_starred("my calf is sore\n*zebra").text == "my calf is sore\n*zebra"


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Since last night he says he's numb 'down there' and can't feel himself wiping.",
     "saddle_numbness", True),
    ("Resident (F) fluid chart averaging 600-700ml/24h despite prompting. Has had cramp in "
     "back of thighs on her afternoon walk.", "low_fluid_intake", True),
    ("Resident has CKD stage 4, on renal diet and 1L fluid restriction. Cramps at night.",
     "low_fluid_intake", True),
    ("missing the 10 min seated warm-up. Both times cramp back of R thigh within 5 mins.",
     "skips_warmup", True),
    ("lying with her shoulders on the settee and lifting her hips. Her hamstrings cramp up "
     "every time", "trigger_bridge_or_hip_thrust", True),
    ("Physio notes hamstrings very tight, reaches only to mid-thigh in sitting. Gets cramp in "
     "back of thighs most afternoons sat in lounge chair.", "tight_hamstrings", True),
    ("Gets cramp in back of thighs most afternoons sat in lounge chair.", "frequent_cramps",
     True),
    ("walking club going daily instead of weekly. Mrs D now cramping after walks.",
     "recent_training_increase", True),
    ("Perfect till 34k, then both hamstrings twitching, full lock at 38k.", "muscle_wasting",
     None),
    ("70.3 race report: bottle cage snapped at 20km. Both hammies cramped at 8k of the run.",
     "popping_sensation", None),
    ("Both hammies went at 6k, sweat pouring off me. Never cramped once in the winter races.",
     "cramp_during_exercise", True),
    ("a bottle of wine most nights. hamstrings cramp at parkrun", "frequent_cramps", None),
])
def test_care_notes_and_race_reports_read_as_said(text: str, finding: str,
                                                  value: bool | None) -> None:
    assert read(text).get(finding) is value


def test_lines_quoted_from_another_post_are_not_the_writers() -> None:
    found = read("> Mine only cramp when I sprint at the end of the game\n\nMine's different, "
                 "nothing to do with sport. The back of my thighs cramp when I'm sat watching "
                 "telly.")
    assert found.get("trigger_running_or_sprinting") is None
    assert found.get("cramp_during_exercise") is False
    assert found.get("cramp_while_sitting_or_resting") is True
    spans = read_findings("> drink more water\n\nnah mate my hamstrings cramp on hip "
                          "thrusts").spans
    assert [s.text for s in spans if s.finding == "trigger_bridge_or_hip_thrust"] == [
        "hip thrusts"]


def test_a_reply_that_agrees_takes_the_quoted_words_as_its_own() -> None:
    found = read("> my hamstrings cramp on single leg glute bridges\nSame here lol. Left side "
                 "fine, right side the hammy seizes after like 6 reps.")
    assert found.get("trigger_bridge_or_hip_thrust") is True


def test_an_english_word_inside_a_hindi_denial_is_denied() -> None:
    assert read("Pair mein koi swelling ya laali nahi hai.").get("swelling_back_of_thigh") is False
    assert read("Back pain nahi hai, jhunjhunahat bhi nahi.").get("back_pain") is False


def test_spanish_words_mixed_in_are_read_and_other_languages_never_raise_a_sign() -> None:
    assert read("Y siempre me dan calambres in both hamstrings when I sprint.").get(
        "trigger_running_or_sprinting") is True
    # Tagalog "walang pamamaga o pamumula" denies swelling and redness: never a clot sign.
    found = read("Gabi-gabi nagigising siya kasi nagka-cramp yung likod ng hita. Walang "
                 "pamamaga o pamumula.")
    assert found.get("calf_or_thigh_swollen_warm_red") is not True


def test_a_history_of_cramps_for_ages_is_not_one_cramp_lasting_over_ten_minutes() -> None:
    assert read("Been cramping in both hamstrings for ages, even just sat at my desk").get(
        "cramp_lasts_over_10_min") is None
    assert read("my hamstring cramped for ages and wouldn't let go").get(
        "cramp_lasts_over_10_min") is True


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Netball on Sat, hamstring cramped when I lunged for a pass. I thought I felt a pop, but "
     "thinking back, no, more of a grab.", "popping_sensation", None),
    ("Squash, 3x a week. Said it's hot in there, actually the courts are air conditioned. "
     "Hamstrings cramp mid-match.", "cramp_in_hot_conditions", False),
    ("No bruising, fluids OK.", "low_fluid_intake", False),
    ("DHx nil, drinks well.", "low_fluid_intake", False),
    ("He drinks plenty & isn't sore afterwards.", "low_fluid_intake", False),
    ("Denies night cramps, LBP, bruising.", "back_pain", False),
    ("Now numb 'where you'd sit on a bike seat', hasn't been able to pee properly since this "
     "am.", "saddle_numbness", True),
    ("June 5 - went at 6am while it was cool, zero issues. June 7 - noon again, soaked "
     "through, cramped again.", "cramp_in_hot_conditions", None),
])
def test_corrections_clinic_letters_and_diaries(text: str, finding: str,
                                               value: bool | None) -> None:
    assert read(text).get(finding) is value


def test_a_day_told_without_a_cramp_is_no_run_that_sets_one_off() -> None:
    assert read("Fri: ran 8k, no cramp at all.").get("trigger_running_or_sprinting") is not True


def test_a_denial_shared_by_two_statements_denies_both() -> None:
    found = read("hip thrusts cramp my hamstrings. I never feel it in my bum, its all back of "
                 "the legs")
    assert found.get("hard_to_feel_glutes") is True
    assert found.get("feel_hamstrings_more_than_glutes") is True
    found = read("My son plays U18 tennis and the hamstrings cramp in the third set every time, "
                 "never early on.")
    assert found.get("cramp_early_in_session") is False
    # The negation of another finding's own statement still denies nothing else.
    assert read("can't find her glutes on bridges and her hamstrings cramp").get(
        "trigger_bridge_or_hip_thrust") is True


def test_zero_to_a_distance_is_a_climb_not_a_denial() -> None:
    found = read("Zero to 40k a week in three weeks. Now my hamstrings cramp on nearly every run.")
    assert found.get("recent_training_increase") is True
    assert found.get("trigger_running_or_sprinting") is True


def test_hobbling_through_a_cramp_that_let_go_is_no_pain_on_walking() -> None:
    assert read("Left hamstring cramped at 1.5k, hobbled a bit, it let go, finished.").get(
        "pain_walking_or_straightening") is None
    assert read("hamstring cramped, now I'm limping and it hurts").get(
        "pain_walking_or_straightening") is True


@pytest.mark.parametrize("text", [
    "Trainer told me my glutes are not activating, hamstrings are taking the whole load.",
    "When I do bridges my hamstrings cramp and my glutes just dont kick in.",
    "In the bridge circuit he says he cant feel his glutes, just hammy going into cramp.",
    "Bum doesn't seem to be doing anything, backs of the legs do all the work.",
    "On bridges I get a cramp in the back of my thigh instead of feeling it in my bum.",
])
def test_quiet_glutes_beside_a_working_hamstring_read_as_the_hamstrings_doing_the_work(
        text: str) -> None:
    assert read(text).get("feel_hamstrings_more_than_glutes") is True


def test_feeling_it_in_the_hamstrings_instead_of_the_glutes_is_not_turned_round() -> None:
    found = read("I feel it in my hamstrings instead of my glutes on hip thrusts.")
    assert found.get("feel_hamstrings_more_than_glutes") is True


@pytest.mark.parametrize("text", [
    "Started gym 6 wks ago and the backs of my legs lock up on hip thrusts.",
    "Started running 3x a week in jan and my hamstrings cramp on the runs.",
    "Been going to the gym 2 months, hamstrings cramp in squats.",
    "38 and back playing social touch footy after yonks, hammies grab on me.",
    "Played my first full 90 min 11-a-side game since uni and both hamstrings cramped.",
])
def test_taking_up_or_returning_to_a_sport_in_everyday_words_is_read(text: str) -> None:
    assert read(text).get("new_or_returning_to_exercise") is True


@pytest.mark.parametrize("text", [
    "Started atorvastatin 6 wks ago and my hamstrings cramp on walks.",
    "Started keto 5 weeks ago; since then my hamstrings cramp in spin class.",
    "My hamstrings started cramping during football 3 weeks ago.",
])
def test_starting_a_medicine_a_diet_or_a_cramp_is_not_taking_up_exercise(text: str) -> None:
    assert "new_or_returning_to_exercise" not in read(text)


@pytest.mark.parametrize("text", [
    "We just reach the ground and start bowling directly, no jogging or stretching. "
    "Other fellows who do warm up are fine only.",
    "Always rock up late and go straight in goal, no jog nothing. Lads who'd warmed up were fine.",
    "I just grab a ball and start bowling, skip the jog and stretches. "
    "Never get it on match days when we all warm up together properly.",
])
def test_other_peoples_warm_up_and_warm_up_days_without_cramps_leave_a_skipped_warm_up_skipped(
        text: str) -> None:
    assert read(text).get("skips_warmup") is True


@pytest.mark.parametrize("text", [
    "Our coach doubled the nets and added gym every day, all in one week.",
    "Jumped straight to week 5 of the plan and added a bootcamp class on the rest days.",
    "This month I jumped to 6 days a week plus extra workouts on top.",
    "She trains 4x a week now instead of once.",
])
def test_more_training_than_before_in_everyday_words_is_a_training_increase(text: str) -> None:
    assert read(text).get("recent_training_increase") is True


@pytest.mark.parametrize(("text", "value"), [
    ("A coffee in the morning and maybe a can of coke at smoko is all I drink.", True),
    ("He refuses to take a water bottle and comes home having drunk nothing all afternoon.", True),
    ("Barely get a sip of water on shift. On my days off when I actually drink properly spin is "
     "fine.", True),
    ("Says she had a proper lunch and finished a whole bottle of water.", False),
])
def test_how_much_is_drunk_in_everyday_words(text: str, value: bool) -> None:
    assert read(text).get("low_fluid_intake") is value


def test_not_gonna_lie_denies_nothing_and_drinking_a_lot_of_beer_is_not_drinking_enough() -> None:
    found = read("not gonna lie i drink a lot, most nights 6-8 pints")
    assert found.get("heavy_alcohol_use") is True
    assert found.get("low_fluid_intake") is not False
    assert read("i drink a lot of water").get("low_fluid_intake") is False


def test_a_hamstring_that_went_with_a_twang_reads_as_a_pop_and_a_denied_one_does_not() -> None:
    assert read("My hamstring cramped then went with a sort of twang.").get(
        "popping_sensation") is True
    assert read("It didn't go with a twang, just a cramp.").get("popping_sensation") is False


def test_not_knowing_the_bladder_needed_emptying_is_a_bladder_change_but_not_a_trip_out() -> None:
    found = read("Today I can't really feel the toilet paper when I wipe, and I nearly wet myself, "
                 "didn't know I needed to go.")
    assert found.get("bladder_or_bowel_change") is True and found.get("saddle_numbness") is True
    assert "bladder_or_bowel_change" not in read("I didn't know I needed to go to the gym.")


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("She can squeeze her bum on command, says she still feels it all down the back of the "
     "thigh tho.", "feel_hamstrings_more_than_glutes", True),
    ("She can squeeze her bum on command.", "hard_to_feel_glutes", False),
    ("Bridges make the hammies cramp every set, I feel zip in my glutes.", "hard_to_feel_glutes",
     True),
    ("Only thighs are working, hips/butt not getting any feel.", "hard_to_feel_glutes", True),
    ("Trainer has me doing bridges and my hammies seize, all the burn is in the back of my legs "
     "and zero in my butt.", "feel_hamstrings_more_than_glutes", True),
    ("Five matches in six days when normally I play twice a week.", "recent_training_increase",
     True),
    ("Back after 6 months off, went straight in at 5 classes a week.",
     "recent_training_increase", True),
    ("Preseason started, 4 sessions in 5 days after a summer of doing nothing.",
     "new_or_returning_to_exercise", True),
    ("I'm hopeless at drinking, one bottle from 10 till 5.", "low_fluid_intake", True),
])
def test_more_of_the_glute_training_and_drinking_phrasings(text: str, finding: str,
                                                         value: bool) -> None:
    assert read(text).get(finding) is value


def test_going_straight_in_at_five_classes_a_week_is_no_skipped_warm_up() -> None:
    assert "skips_warmup" not in read("Went straight in at 5 classes a week, spin and HIIT.")


@pytest.mark.parametrize(("text", "finding"), [
    # Hip flexors that will not let a person stand up straight: no leg that cannot walk.
    ("Fronts of my hips feel really tight and I can't stand up fully straight after a long day.",
     "cannot_walk"),
    ("Fronts of my hips feel really tight and I can't stand up fully straight after a long day.",
     "pain_walking_or_straightening"),
    # Waking up in the morning is a time of day, not cramps that wake.
    ("I run at 5:30am, out the door 2 min after waking up, and my hamstrings cramp in the first "
     "mile.", "cramp_at_night"),
    ("Did 6am runs before the kids wake up and my hamstring cramped in the first km.",
     "cramp_at_night"),
    # Drinking plenty as a habit is no self-care that failed.
    ("Drink plenty of water but still cramp in the hamstrings most Saturdays.",
     "persists_despite_self_care"),
])
def test_everyday_words_that_are_not_the_finding(text: str, finding: str) -> None:
    assert finding not in read(text)


def test_a_cramp_that_goes_away_later_in_the_run_came_early() -> None:
    found = read("Hamstrings cramp in the first mile a couple times a week, then it goes away "
                 "later in the run.")
    assert found.get("cramp_early_in_session") is True
    assert found.get("cramp_late_in_session") is not True
    kept_up = read("Been stretching every night for weeks and drinking more but still cramping.")
    assert kept_up.get("persists_despite_self_care") is True


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Jumped straight in, no warmup at all, and my hammy grabbed 5 min in. When I get there "
     "early and warm up properly it never happens.", "skips_warmup", True),
    ("Turned up late, no warm up at all, went straight on. The rest who'd done the full warm up "
     "were fine.", "skips_warmup", True),
    ("I always warm up properly with the team.", "skips_warmup", False),
    ("Legs twice a week instead of once since I switched programmes.",
     "recent_training_increase", True),
    ("Training Mon, Wed and Thu plus games, was only doing one night a week before.",
     "recent_training_increase", True),
    ("Tourney weekend, 4 games in 2 days, and both hammies seized in the final.",
     "long_or_intense_sessions", True),
    ("When the coach tells her to squeeze her bum she can't tell if it's doing anything.",
     "hard_to_feel_glutes", True),
    ("She can't get her bum to switch on no matter what cue I give.", "hard_to_feel_glutes",
     True),
])
def test_warm_ups_training_jumps_and_quiet_glutes_told_by_coaches_and_parents(
        text: str, finding: str, value: bool) -> None:
    assert read(text).get(finding) is value


def test_jumping_straight_into_sprints_is_a_skipped_warm_up_not_a_training_increase() -> None:
    found = read("Late to training so jumped straight into 4x60m flys, no drills, no jog.")
    assert "recent_training_increase" not in found


def test_numbness_told_as_a_part_that_is_not_mine_is_numbness_not_a_denial() -> None:
    found = read("Since this morning the area around my bottom and between my legs feels numb, "
                 "like it isn't mine.")
    assert found.get("saddle_numbness") is True
    # A real denial still denies.
    assert read("No numbness around my bottom or between my legs.").get("saddle_numbness") is False


def test_numbness_of_the_foot_after_pain_from_the_bum_is_no_saddle_numbness() -> None:
    found = read("Sciatica on the left, pain from my bum past the knee into the foot, numb on top "
                 "of the foot, and hamstring cramps that side.")
    assert "saddle_numbness" not in found and found.get("numbness_or_tingling") is True
    assert read("My bum is numb and my foot is numb on top.").get("saddle_numbness") is True


@pytest.mark.parametrize(("text", "finding"), [
    ("He's numb down below and he's had trouble getting his water to start.",
     "bladder_or_bowel_change"),
    ("Both legs feel like they're going weak, and today I'm numb around my backside and "
     "struggled to start peeing this morning.", "progressive_leg_weakness"),
])
def test_cauda_equina_signs_in_plain_words(text: str, finding: str) -> None:
    assert read(text).get(finding) is True


def test_a_kettle_that_will_not_start_is_no_bladder_sign() -> None:
    assert "bladder_or_bowel_change" not in read("I can't get the water to start in the kettle.")


@pytest.mark.parametrize(("text", "finding"), [
    ("I never carry anything to drink on the hill.", "low_fluid_intake"),
    ("By 8am it's already steamy and I'm drenched in sweat. Twice now my hamstring has cramped "
     "on the way back.", "cramp_in_hot_conditions"),
    ("The fronts of my hips feel like they've shrunk.", "tight_hip_flexors"),
    ("Coach says my glutes are asleep and all the effort is at the back of the legs.",
     "feel_hamstrings_more_than_glutes"),
    ("Back at the gym after twenty-odd years away.", "new_or_returning_to_exercise"),
])
def test_older_writers_plain_words(text: str, finding: str) -> None:
    assert read(text).get(finding) is True


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Doing hip thrusts my hamstring is getting cramp, glutes not feeling anything.",
     "hard_to_feel_glutes", True),
    ("Hip thrusts and the backs of my thighs do everything, my butt does nothing.",
     "feel_hamstrings_more_than_glutes", True),
    ("Coach has me cutting water the last couple days before check-ins and my hams cramp.",
     "low_fluid_intake", True),
    ("Glute activation good, warm-up adequate.", "hard_to_feel_glutes", False),
])
def test_lifters_words(text: str, finding: str, value: bool) -> None:
    assert read(text).get(finding) is value


@pytest.mark.parametrize("text", [
    "Hamstrings cramp and lock up on the bike and after, a few minutes each time.",
    "Now his hamstrings cramp on most runs and sometimes later in the evening too.",
    "His hamstrings are cramping every training, and in the car on the way home.",
])
def test_cramps_in_the_session_and_after_it_read_both(text: str) -> None:
    found = read(text)
    assert found.get("cramp_after_exercise") is True and found.get("cramp_during_exercise") is True


def test_an_earlier_pregnancy_does_not_deny_this_one() -> None:
    assert read("I'm 24 weeks pregnant with my 2nd. Never had this in my first pregnancy.").get(
        "pregnant") is True
    assert read("Had cramps in my last pregnancy, not pregnant now.").get("pregnant") is False


def test_a_cramp_that_just_will_not_ease_lasts() -> None:
    assert read("A cramp that won't ease up.").get("cramp_lasts_over_10_min") is True


@pytest.mark.parametrize("text", [
    "Glute bridges make my hamstrings cramp. Stretching hasn't helped.",
    "My hamstrings cramp in hip thrusts. I've been doing some stretches at home but it hasn't "
    "helped much.",
    "Hamstrings cramp when I sprint. Bought a foam roller, hasn't done much.",
])
def test_one_remedy_that_did_not_help_is_not_cramps_persisting(text: str) -> None:
    assert read(text).get("persists_despite_self_care") is not True


@pytest.mark.parametrize("text", [
    "My hamstrings cramp several times a week. Stretching and magnesium haven't touched them.",
    "My hamstrings cramp at night. Stretching every night for weeks hasn't helped.",
    "I've spent two months on daily stretching, electrolytes, magnesium, bananas, the works, and "
    "nothing has made a dent in the cramps.",
])
def test_self_care_kept_up_that_did_not_help_is_cramps_persisting(text: str) -> None:
    assert read(text).get("persists_despite_self_care") is True


def test_a_remedy_that_helps_still_denies_persisting_without_a_span() -> None:
    assert read("My hamstrings cramp after runs. Stretching helps.").get(
        "persists_despite_self_care") is False


@pytest.mark.parametrize(("text", "finding"), [
    ("My buddy ended up in the ER with rhabdo after our 100K last month - his pee was literally "
     "cola. So when my hamstrings cramped late in this weekend's 50K I was paranoid.",
     "dark_urine_after_exercise"),
    ("My hamstrings cramp in the gym. My husband gets the same and he blames his cholesterol "
     "pills, the statins.", "takes_cramp_linked_medication"),
    ("One of our lads got a clot in his leg after the long flight home, so the squad is "
     "paranoid. My thing is both hammys cramping late in games.", "calf_or_thigh_swollen_warm_red"),
])
def test_the_rest_of_a_sentence_about_someone_else_stays_theirs(text: str, finding: str) -> None:
    assert read(text).get(finding) is not True


@pytest.mark.parametrize(("text", "finding"), [
    ("Asking for my daughter, 12, not about me and my kidney disease for once: her hamstrings "
     "cramp at netball.", "kidney_condition"),
    ("My boyfriend is fit as a fiddle, unlike me and my thyroid. His hamstrings cramp on "
     "sprints.", "thyroid_condition"),
    ("Our son cramps in the first minutes of football (I've got diabetes myself, he hasn't).",
     "diabetes"),
    ("He's 15 and healthy; I'm the one on dialysis. His hamstrings cramp when he runs late.",
     "kidney_condition"),
])
def test_the_writers_own_condition_in_a_story_about_someone_else_stays_the_writers(
        text: str, finding: str) -> None:
    assert finding not in read(text)


@pytest.mark.parametrize(("text", "finding"), [
    ("My son, like me, has type 1 diabetes, and his hamstrings cramp at night.", "diabetes"),
    ("Writing for my mum, she's got kidney disease, and her hamstrings cramp in her chair.",
     "kidney_condition"),
    ("Writing for me mam: she's got kidney trouble and her legs cramp at night.",
     "kidney_condition"),
])
def test_the_subjects_own_condition_is_still_read(text: str, finding: str) -> None:
    assert read(text).get(finding) is True


def test_the_writer_named_again_takes_the_sentence_back() -> None:
    found = read("My hamstrings cramp. My mate had a clot once, and now my calf is swollen and "
                 "red.")
    assert found.get("calf_or_thigh_swollen_warm_red") is True


@pytest.mark.parametrize("text", [
    "I do my Saturday LSD of 16-18 miles and my hamstrings cramp around mile 14.",
    "Did my first munro double yesterday, 9 hrs out, and the backs of my thighs locked up.",
    "We pushed 20+ mile days for five days straight and now my hammies cramp on the climbs.",
    "We played bowls from ten in the morning till past six and my hamstring cramped.",
    "A sponsored walk of thirteen miles, the furthest I have walked in my life, and both "
    "hamstrings cramped.",
])
def test_a_session_long_by_its_numbers_is_a_long_session(text: str) -> None:
    assert read(text).get("long_or_intense_sessions") is True


@pytest.mark.parametrize("text", [
    "I work at my desk from 8am to 6pm and my hamstrings cramp.",
    "Fasting for Ramadan, nothing to eat or drink from dawn to sunset. My hamstrings cramp.",
])
def test_a_working_or_fasting_day_is_no_long_session(text: str) -> None:
    assert read(text).get("long_or_intense_sessions") is not True


def test_another_parts_complaint_at_night_is_no_night_cramp() -> None:
    found = read("On the last couple of miles both hamstrings locked up. I do get pins and "
                 "needles in my fingers at night from carpal tunnel.")
    assert found.get("cramp_at_night") is not True


def test_a_return_to_running_is_no_back_pain() -> None:
    assert read("Back running after most of last year off. Hamstrings now cramp.").get(
        "back_pain") is not True


@pytest.mark.parametrize("text", [
    "I am 49 and started going to a spin class three weeks ago. My hamstrings cramp.",
    "I joined a beginners' exercise class at my gym a few weeks ago. My hamstrings cramp.",
    "I started doing home workout videos three months ago to get fitter. The bridges give me "
    "a cramp.",
    "I have been doing an online exercise programme at home for about six weeks. My hamstrings "
    "cramp.",
])
def test_taking_up_exercise_lately_is_new_to_exercise(text: str) -> None:
    assert read(text).get("new_or_returning_to_exercise") is True


@pytest.mark.parametrize("text", [
    "Been doing keto since January and I run fasted at 6am. My hamstrings cramp late in runs.",
    "Joined a slimming club and for the past six weeks my hamstrings cramp at night.",
])
def test_a_diet_or_a_club_that_is_no_exercise_is_not_new_to_exercise(text: str) -> None:
    assert read(text).get("new_or_returning_to_exercise") is not True


# Wordings from the blind batches, each with the reading it must give (None: not read, or
# asked rather than assumed).
PLAIN_WORDINGS = [
    # Older and second-language writers.
    ("When I went to spend a penny it was the colour of Coca-Cola, after a day of lifting "
     "boxes. My thighs cramped.", "dark_urine_after_exercise", True),
    ("There's no dark water or anything like that, just the cramps in my thighs.",
     "dark_urine_after_exercise", False),
    ("I'm on nothing but a vitamin D tablet. My hamstring cramps.",
     "takes_cramp_linked_medication", False),
    ("Sometimes in the bed also the cramp comes but is rare, one time in the month.",
     "frequent_cramps", False),
    ("I see his left thigh is more big than the other one and hot when I touch, two weeks "
     "after his hip operation. It is cramping all the time.", "calf_or_thigh_swollen_warm_red",
     True),
    ("Back running after most of last year off with a knee niggle. Hamstrings now cramp.",
     "new_or_returning_to_exercise", True),
    ("My trainer is giving me hip thrust and bridges. Each time the back side thigh muscle is "
     "catching cramp.", "trigger_bridge_or_hip_thrust", True),
    # A form's headings, and plain denials.
    ("Main problem: hamstrings cramp in hip thrusts. Medicines: none.",
     "takes_cramp_linked_medication", False),
    ("When does it happen: on RDLs. Hip thrusts are actually fine and I can feel my glutes.",
     "trigger_bridge_or_hip_thrust", False),
    ("A coffee first thing and a can of coke at dinner, that's about all I drink till I get "
     "home. My thigh cramps when I'm fielding.", "low_fluid_intake", True),
    ("Been stretching every day and eating bananas for months and it hasn't made a blind bit "
     "of difference to the cramps.", "persists_despite_self_care", True),
    ("Cramp in my left hamstring that wouldn't let go for a minute or two.",
     "cramp_lasts_over_10_min", False),
    ("Bruise behind the knee after the cramp. No recent flights or operations.",
     "recent_immobilisation_or_surgery", False),
    ("Pins and needles in the toes since I hurt my back, and the hamstring cramps. No numbness "
     "round the backside or privates.", "numbness_or_tingling", True),
    # Clinical screens and plain accounts.
    ("The only thing bruised is my ego lol. My hamstring cramps in the first sprints.",
     "bruising", None),
    ("Hamstring cramps late in classes. Red flag screen neg: no saddle anaesthesia, no "
     "bladder/bowel change, no leg weakness.", "progressive_leg_weakness", False),
    ("That's when my hamstring cramps: the warm up gets skipped whenever coach is late.",
     "skips_warmup", True),
    ("C/o hamstring cramps when bending in the garden. No night waking with it.",
     "cramp_at_night", False),
    ("Hamstring cramps several times a week. Has tried daily stretching and extra fluids for a "
     "month without effect.", "persists_despite_self_care", True),
    ("For a week I have had bad lower back pain and cramping in both hamstrings. Yesterday I "
     "could not control my bladder. My legs also feel weaker, and I tripped twice today.",
     "progressive_leg_weakness", True),
    # Messages to a coach, and a question site's answers.
    ("Hi Rach, I'm 24 weeks now and still doing the sessions with you. Hamstring cramps after "
     "them. Otherwise baby and I are doing well.", "pregnant", True),
    ("I'm 12 weeks out from my show and my hamstrings cramp. Baby steps, I know.", "pregnant",
     None),
    ("I cut out coffee because someone told me it's a diuretic. My hamstrings cramp in 5-a-side.",
     "takes_cramp_linked_medication", None),
    ("I only drink about half a litre of water a day. My hamstrings cramp in 5-a-side.",
     "low_fluid_intake", True),
    ("It's not water, I drink like 3 litres a day. My hamstring spasms in bridges.",
     "low_fluid_intake", False),
    ("My coworker ended up in hospital with rhabdo after her first spin class. Both my "
     "hamstrings cramped in the last sprint.", "dark_urine_after_exercise", None),
    ("During the sprint drills my hamstring cramped and at the peak of it I felt a sort of ping.",
     "popping_sensation", True),
    ("The cast came off last Monday after the ankle fracture. My hamstring has felt crampy "
     "for three days.", "recent_immobilisation_or_surgery", True),
    # Speech, training diaries, and stories told about someone else.
    ("Bad back since Friday and both hamstrings keep cramping. The weird thing is I'm numb "
     "around um my bum, like where you'd sit on a bike saddle.", "saddle_numbness", True),
    ("Low back sore since the scrum collapsed and both hammies cramping. Today I had an "
     "accident, didn't even feel I needed the loo.", "bladder_or_bowel_change", True),
    ("Both hammies cramped on the last 400. One of the lads collapsed after and his pee was "
     "like cola, he's in hospital on a drip.", "dark_urine_after_exercise", None),
    ("My lad is 17 and his hamstrings cramp late in games. A mate's son ended up in hospital "
     "with kidney trouble after a gym session.", "kidney_condition", None),
    ("My son is 20 and his hamstring keeps cramping on long rides. His dad had a blood clot in "
     "his leg after a hip operation, but my son hasn't had any operations.",
     "calf_or_thigh_swollen_warm_red", None),
    ("My son had a clot in his leg after his knee op and now his hamstring cramps.",
     "calf_or_thigh_swollen_warm_red", True),
    ("My son is 16. His cricket coach had the squad do hip thrusts and he got cramp in the back "
     "of both thighs.", "trigger_bridge_or_hip_thrust", True),
    ("Dad's left hamstring cramps a lot. He can feel everything normally 'down there' and his "
     "waterworks are fine.", "saddle_numbness", False),
    ("ACL recon on the right knee 10 days ago. The back of my thigh feels like it's "
     "permanently cramping.", "recent_immobilisation_or_surgery", True),
    # Cyclists, people with long-term conditions, and service slang.
    ("Broke my collarbone, got it plated 3 weeks ago and been mostly on the sofa since. Now the "
     "back of my thigh is swollen and hot, feels like a cramp that never ends.",
     "recent_immobilisation_or_surgery", True),
    ("The back of my thigh is swollen and hot to touch, feels like a cramp that never ends.",
     "calf_or_thigh_swollen_warm_red", True),
    ("Type 2 diabetic and the consultant says my kidney function's dropping. I get hamstring "
     "cramps after easy spins.", "kidney_condition", True),
    ("Hams cramped on the marathon. Medic asked about dark pee after but it's been normal colour.",
     "dark_urine_after_exercise", None),
    ("Both hamstrings cramped during it. Heard of lads pissing cola after a beasting so I "
     "checked, mine's normal colour.", "dark_urine_after_exercise", False),
    ("Not breastfeeding any more and no meds. My hamstrings cramp in HIIT.", "pregnant", False),
    ("Properly popped on the last climb chasing the KOM. Hammies cramped right at the top.",
     "popping_sensation", None),
    ("After my clubmate ended up in hospital with a clot I'm paranoid. Mine: hammies cramped in "
     "the last 20k.", "recent_immobilisation_or_surgery", None),
    ("Hip thrusts make my hamstrings lock solid. Tabs and runs are sound, zero cramps there.",
     "trigger_running_or_sprinting", False),
    # Notes for an appointment and short phone messages.
    ("Notes for GP: left hamstring cramps a lot more than it used to. No trouble peeing or "
     "pooing, no numbness in the groin area.", "bladder_or_bowel_change", False),
    ("lower back bad since gardening, pain shoots down my leg. hammy keeps cramping. no probs "
     "with the toilet", "bladder_or_bowel_change", False),
    ("Known disc bulge, sciatica for months. Since yesterday BOTH legs weak and wobbly, caught "
     "my toe on the stairs twice. Hamstrings keep cramping.", "progressive_leg_weakness", True),
    ("Same walks I've been doing for years, nothing's changed. I get hammy cramps on bushwalks.",
     "persists_despite_self_care", None),
    ("im 28 weeks pregnant and my thighs cramp nearly every night, wakes me up and hubby has to "
     "help me straighten my leg.", "cramp_at_night", True),
    # Over-fifties, Irish and Scottish idiom, dancers.
    ("I have chronic kidney disease, stage 3. Hamstring cramps in class. I haven't told the "
     "kidney team I've started exercising yet.", "kidney_condition", True),
    ("I rarely warm up properly, I just go straight into the routine. My hamstring grabs on the "
     "first kicks.", "skips_warmup", True),
    ("I always do a full barre before so I'm not going in cold. My thighs lock up by the third "
     "set of hip thrusts.", "skips_warmup", False),
    ("No on any tablets or that. The backs of my legs cramp going up the ladder.",
     "takes_cramp_linked_medication", False),
    ("Settled with a passive stretch in ~5 min. Bilateral hamstring cramps from mile 22.",
     "cramp_lasts_over_10_min", False),
    ("Med review: atorvastatin started ~2 months ago. Since then cramping in both hamstrings on "
     "his usual dog walk.", "new_or_returning_to_exercise", None),
    # Forum posters who are not athletes, a nurse line in a hurry, African and South Asian
    # English.
    ("Went to the toilet after the comp and it was like flat cola in the bowl. Thighs cramped.",
     "dark_urine_after_exercise", True),
    ("I did read it can be your kidneys if your wee goes dark but mine's been its normal "
     "colour. My thighs cramp in the heat.", "dark_urine_after_exercise", False),
    ("Wee looked like port wine after the 100 squats challenge, thighs cramping.",
     "heavy_alcohol_use", None),
    ("My calf has blown up since I flew back from Sydney, it's hot to touch and cramping.",
     "cramp_in_hot_conditions", None),
    ("Drove 14 hours to my mum's, next day the calf was tight, shiny and cramping.",
     "long_or_intense_sessions", None),
    ("One leg looks thicker than the other and feels warm, had my knee scoped 10 days ago. "
     "Cramping behind the knee.", "recent_immobilisation_or_surgery", True),
    ("Hamstrings cramping. I keep needing to wee but nothing comes out, and my back is killing "
     "me.", "bladder_or_bowel_change", True),
    ("Since this morning I haven't felt any urge to pee the whole day even though I've been "
     "drinking. Hamstrings cramping.", "bladder_or_bowel_change", True),
    ("now i havent been able to pee properly all day like i cant get it started, hamstrings in "
     "spasm", "bladder_or_bowel_change", True),
    ("Both my legs have gone weak and wobbly and it's getting worse by the day. Thighs cramp.",
     "progressive_leg_weakness", True),
    ("That leg feels weaker and I've caught my foot on the kerb a few times. Cramps in that "
     "thigh.", "progressive_leg_weakness", True),
    ("It's like I'm sitting on a cushion of pins and needles, the area I sit on is dead. "
     "Hamstrings cramping.", "saddle_numbness", True),
    ("back of my thigh went into cramp about 25 mins ago while i was sat watching telly and its "
     "STILL going", "cramp_lasts_over_10_min", True),
    ("Back of my thigh cramped on the bus. It's now about 25 minutes and it has refused to "
     "release even after stretching.", "cramp_lasts_over_10_min", True),
    ("Woke at 2am with the back of my thigh in a cramp and it's now gone 3 and it's still "
     "there.", "cramp_lasts_over_10_min", True),
    ("My back don dey pain me for one week, now the two legs don weak. Since yesterday I no fit "
     "hold my toilet. The back of both thighs dey cramp too.", "bladder_or_bowel_change", True),
    ("the bit where you lie down and push your hips up at the ceiling, my hamstrings knot up "
     "every single time", "trigger_bridge_or_hip_thrust", True),
    ("hes had hamstring cramps near the end of the last 3 sessions, fine at the start.",
     "cramp_late_in_session", True),
    ("tennis in the heatwave, both hamstrings cramped in my last match. i am drinking tho.",
     "low_fluid_intake", False),
    ("I'm drinking a lot, 8-10 pints most nights on tour. Hamstring cramps wake me up.",
     "low_fluid_intake", None),
    ("did a crossfit class for the first time yesterday and my hamstrings cramped.",
     "new_or_returning_to_exercise", True),
    # Women's health, carers writing about the old, a lifting forum.
    ("I asked about his water after because I'd read dark wee can be serious. His thighs "
     "cramped on the walk.", "dark_urine_after_exercise", None),
    ("Dad's 79 and mad on bowls. The first few ends his thigh cramps. Once he's been going half "
     "an hour or so it never happens.", "cramp_lasts_over_10_min", None),
    ("Mum's right thigh has gone thinner and she's struggling more and more to get up out of a "
     "chair. The back of that thigh cramps nearly every day.", "progressive_leg_weakness", True),
    ("Mrs K is on furosemide and the nurse keeps an eye on her kidneys which arent great. She "
     "gets cramp in her thighs.", "kidney_condition", True),
    ("The GP did bloods and said no kidney or thyroid problems. He gets thigh cramps.",
     "kidney_condition", False),
    ("Mum got back from a coach holiday, the best part of a day sat on the coach each way. Her "
     "calf is fat and warm and she's got cramp behind the knee.",
     "recent_immobilisation_or_surgery", True),
    ("I am taxi driver, whole day sitting in car. My hamstring cramps.",
     "recent_immobilisation_or_surgery", None),
    ("RDLs make my hamstrings cramp. I haven't travelled or had any ops, and both legs look "
     "the same.", "recent_immobilisation_or_surgery", False),
    ("Mid set on hamstring curls my right hammy locked up and its now been cramped for like 25 "
     "minutes.", "cramp_lasts_over_10_min", True),
    ("Low back's been terrible with pain going down the backs of both legs past the knees and "
     "my hamstrings cramping.", "pain_radiates_below_knee", True),
    ("34 weeks. I was admitted with a low lying placenta and was on bed rest. My calf keeps "
     "cramping.", "pregnant", True),
    ("Ran the marathon, hamstrings cramped, massive pain in the backs of my thighs, and my urine "
     "is a dark reddish brown.", "calf_or_thigh_swollen_warm_red", None),
    ("I'm sat at the laptop 9 hours a day. Hamstring cramps on my runs.",
     "long_or_intense_sessions", None),
    ("Dad did a sponsored walk up three hills, way beyond anything he normally does. Since then "
     "his thighs are cramping.", "long_or_intense_sessions", True),
    ("The backs of both legs cramp up on me while I'm pedalling.", "cramp_during_exercise", True),
    # Terse men, a physio's intake form, a club helpline's calls.
    ("Back's been bad a week, both legs getting weaker and cramping. Had an accident in my "
     "trousers yesterday, didn't feel it coming.", "bladder_or_bowel_change", True),
    ("He's been on the floor with it for - must be half an hour now, we've stretched it, it's "
     "just not letting go. His hamstring cramped in the second half.",
     "cramp_lasts_over_10_min", True),
    ("My leg days are like 2 hours now and my hammies start cramping near the end.",
     "cramp_lasts_over_10_min", None),
    ("I've been catching my toe on the kerb, tripping, which I never used to, and the hamstring "
     "on that side cramps a lot.", "progressive_leg_weakness", True),
    ("Cramps in the backs of my thighs after golf. Urine? No, that's normal, normal colour.",
     "dark_urine_after_exercise", False),
    ("Main problem: tight crampy feeling behind my left thigh that hasnt gone off for 2 days.",
     "cramp_lasts_over_10_min", True),
    # Race reports, words used loosely, Romance-language English.
    ("I'd bought a new race vest and one of the soft flasks had split and leaked down my back. "
     "From 28k I got cramp in both thighs.", "bladder_or_bowel_change", None),
    ("3.8k swim in a proper Atlantic swell, then at 32k into the marathon my right hamstring "
     "went into spasm.", "swelling_back_of_thigh", None),
    ("Fancy dress theme was Smurfs and the blue face paint ran down everyone's chest. Both my "
     "hamstrings cramped sprinting.", "breathless_or_chest_pain", None),
    ("My sciatica is killing me again and the backs of my thighs cramp in bridges. It doesnt go "
     "down my legs, it's just a dull ache across my back.", "pain_radiates_below_knee", False),
    ("Both my legs have gone really weak and wobbly, and my thighs keep cramping. Back's been "
     "bad since I moved a wardrobe.", "progressive_leg_weakness", True),
    ("My hamstrings cramp. Had to strain to get a wee out this morning which isnt normal for me.",
     "bladder_or_bowel_change", True),
    ("Pretty sure I've torn my hamstring in squash. Havent had any ops or flights lately.",
     "recent_immobilisation_or_surgery", False),
    ("Since one week I have mal di schiena terrible, and now both legs are weak, like of cotton, "
     "and the hamstrings cramp.", "back_pain", True),
    ("Yesterday I had an incidente with the cacca, I didn't feel it arrive. My hamstrings "
     "cramp.", "bladder_or_bowel_change", True),
    ("I broke the cheville skiing, I had a platre 5 weeks. Now the back of the same leg is "
     "gonfle and chaud, the skin a bit rouge, and it pulls like a cramp.",
     "calf_or_thigh_swollen_warm_red", True),
    ("Ciao, I am incinta of 6 months and from some weeks I have cramp in the hamstring at "
     "night.", "pregnant", True),
    ("In march my doctor gave me pastillas for the cholesterol (atorvastatina) and from april I "
     "have cramps in the back of both thighs.", "takes_cramp_linked_medication", True),
    ("Lumbago 4 days ago, cramps in both thighs. I don't feel well the zona between the legs, "
     "like it is dormida when I clean myself.", "saddle_numbness", True),
    ("I woke up at 5 with a calambre in the back of the thigh, and now is 6 and a quarter and "
     "still is contracted. Normally my cramps pass in one minute.",
     "cramp_lasts_over_10_min", True),
    ("Hamstrings cramping on the sprints at the end of training. Now it's four sessions a week "
     "plus a match.", "cramp_lasts_over_10_min", None),
    # Germanic, Slavic, Romanian, Turkish and Urdu speakers writing English.
    ("Since Monday heavy Rückenschmerzen and cramps in both hamstrings. When I wipe I feel almost "
     "nothing, around the Po and between the legs it is taub.", "saddle_numbness", True),
    ("Iskias in both legs and the hamstrings cramp. Since yesterday I don't feel when the blære "
     "is full, I have to press to tisse.", "bladder_or_bowel_change", True),
    ("40 km march with full pack, hamstrings cramped. When I pissed this evening it was brown "
     "like Coca-Cola.", "dark_urine_after_exercise", True),
    ("I woke at 5 with a kramp in the back of the right thigh and it is still there, now almost "
     "half an hour.", "cramp_lasts_over_10_min", True),
    ("The Sunday long run is now 6 hrs. Hammies cramp in the last hour of those.",
     "cramp_lasts_over_10_min", None),
    ("For months my thighs cramp in bed nearly every night.",
     "recent_immobilisation_or_surgery", None),
    ("My far was in bed nearly 2 weeks with lungebetennelse. Now a cramp in the back of his "
     "thigh and the leg under the knee is tykk, warm and red.",
     "recent_immobilisation_or_surgery", True),
    ("Oh and maybe not important - since yesterday the skin there between legs feels numb like "
     "not mine, and peeing is weird, slow to start. Hamstrings cramp.", "saddle_numbness", True),
    ("After football my hamstring cramped and this cramp was 25 minutes, nothing helped. Pop I "
     "did not feel.", "cramp_lasts_over_10_min", True),
    ("After football my hamstring cramped. Pop I did not feel.", "popping_sensation", False),
    ("Back started hurting after I lifted heavy. Now both hamstrings cramping and both legs are "
     "weak, hard to go up ladder.", "progressive_leg_weakness", True),
    ("Today two times I wet my pants little bit and did not notice before it happened. My "
     "hamstrings cramp.", "bladder_or_bowel_change", True),
    ("My hamstrings cramp when I try walk. And my urine is dark brown, like strong chai without "
     "milk.", "dark_urine_after_exercise", True),
    ("I have hernia de disco since 2019 and my hamstrings cramp.", "disc_injury_history", True),
    ("My abbu has cramp in back of his leg since half an hour and it is not going.",
     "cramp_lasts_over_10_min", True),
    ("Just came back from Lahore to Toronto yesterday, 22 hours with transit. Now my calf is "
     "swollen and warm, pain like cramp.", "recent_immobilisation_or_surgery", True),
    ("Bel fıtığı since years. Both hamstrings cramp, and since yesterday i need to pee but it "
     "doesnt come out properly.", "bladder_or_bowel_change", True),
    ("Three days ago my hamstring cramped at water skiing. Now there is a blue-yellow area on the "
     "back of the thigh.", "bruising", True),
    # East and South-East Asian speakers, a club's group chat.
    ("My calf is swollen and warm to touch, not red I think. It cramps.",
     "calf_or_thigh_swollen_warm_red", None),
    ("Had knee arthroscopy 10 days back. Now my thigh is swollen, warm and little bit red, "
     "paining like a cramp that is not going.", "calf_or_thigh_swollen_warm_red", True),
    ("My guy told me make I check my urine for cola colour, I checked, e normal, clear like "
     "water. Hamstrings cramp.", "dark_urine_after_exercise", None),
    ("My uncle got a blood clot after flying. But i aint been on no flight or nothing. I just "
     "get cramp in my hammy.", "recent_immobilisation_or_surgery", False),
    ("Pain from lower back going down back of right thigh till the calf, and hamstring is also "
     "cramping.", "pain_radiates_below_knee", True),
    ("My jinzo (kidney) is weak, doctor check my blood every 3 month. The back of thigh cramp.",
     "kidney_condition", True),
    ("Spinning class, after, my legs cramp. Morning my urine is color like soy sauce.",
     "dark_urine_after_exercise", True),
    ("Last night my hamstring cramp wake me up, and it stay hard like rock more than 30 minute. "
     "Usually my cramp go away in 1 minute.", "cramp_lasts_over_10_min", True),
    ("On long rides my hamstrings still cramp after about 2 hours.",
     "cramp_lasts_over_10_min", None),
    ("My hamstring cramps. I'm not on any medicine.", "takes_cramp_linked_medication", False),
    ("Mum woke up in bed with cramp in the back of her thigh. We put a warm flannel on it. The "
     "leg doesn't look swollen or red.", "calf_or_thigh_swollen_warm_red", False),
    # Parents and coaches of teenagers, masters athletes, a phone's dictation.
    ("She's cut out bread, pasta, rice and potatoes since the new year. Her hamstrings cramp "
     "at netball.", "low_carb_diet", True),
    ("He's basically keto now, no bread at all, and cramps late in games.", "low_carb_diet",
     True),
    ("I'm not doing keto or anything, I eat normally. Hamstrings cramp on long runs.",
     "low_carb_diet", False),
    ("Had very little to drink at the tournament and nothing at all between games, then both "
     "hamstrings cramped.", "low_fluid_intake", True),
    ("After the cramp the hamstring felt bruised, but there's no mark on it.", "bruising",
     False),
    ("After the cramp the hamstring felt bruised, but there's no mark on it.",
     "tender_after_cramp", None),
    ("The night cramp left the muscle feeling bruised for two days.", "tender_after_cramp",
     True),
    ("I go Nordic walking twice a week and my hamstrings cramp at night.",
     "trigger_hinge_or_leg_curl", None),
    ("Nordics on a Tuesday and my hamstrings cramp during the last set.",
     "trigger_hinge_or_leg_curl", True),
    ("She's in the cast for the school musical, rehearsals every night, and her hamstrings "
     "cramp in the dance numbers.", "recent_immobilisation_or_surgery", None),
    ("He said his back was killing him but he meant the back of his legs, his actual back is "
     "fine. Cramps after training.", "back_pain", False),
    ("Since the long-haul flight the back of my thigh is fuller than the other side and warm, "
     "and it cramps.", "calf_or_thigh_swollen_warm_red", True),
    ("The hamstring cramped at a sprint and the back of that thigh has looked puffier than the "
     "other one ever since.", "swelling_back_of_thigh", True),
    ("The hamstring cramped at a sprint and the back of that thigh has looked puffier than the "
     "other one ever since.", "calf_or_thigh_swollen_warm_red", None),
    ("Dad's hamstring went into a cramp and it has been going since lunchtime, nothing eases "
     "it.", "cramp_lasts_over_10_min", True),
    ("My husband's cramp felt endless but I timed it and it was 4 minutes.",
     "cramp_lasts_over_10_min", False),
    ("Hamstring cramped at 2 in the morning and didn't let go for the better part of half an "
     "hour.", "cramp_lasts_over_10_min", None),
    ("Hamstring cramped at 2 in the morning and didn't let go for the better part of 30 "
     "minutes.", "cramp_lasts_over_10_min", True),
    ("Back gone since lifting the hay. I keep wanting to pass water but then I can't get it "
     "going.", "bladder_or_bowel_change", True),
    ("I haven't noticed anything wrong with the toilet side of things. Hamstrings cramp.",
     "bladder_or_bowel_change", False),
    ("Numb feeling, I can't feel much around my bum and lady bits since my back went.",
     "saddle_numbness", True),
    ("Peeing feels strange, like I can't tell when I've finished, and the hamstrings cramp.",
     "bladder_or_bowel_change", True),
    ("I read that dark wee is a warning sign after a hard race, so I asked him and he said it "
     "was a normal colour.", "dark_urine_after_exercise", False),
    ("Coach says it's normal to be this sore, but my wee looks like cola since the session.",
     "dark_urine_after_exercise", True),
    ("After the shearing my water was the colour of strong tea and my thighs cramped.",
     "dark_urine_after_exercise", True),
    ("Got a bit short of puff on the stairs this morning and the hamstring cramp won't settle.",
     "breathless_or_chest_pain", True),
    ("there's a small purple brews on the back of my thigh after the cramp",
     "bruising", True),
    ("had a brew after training and then my hamstring cramped", "bruising", None),
    # Dancers and gymnasts, students texting, a community nurse's messages.
    ("My hamstring cramps on the grand jetés at the end of the class.",
     "cramp_during_exercise", True),
    ("Only in rehearsal do the backs of my thighs cramp, never at home.",
     "cramp_during_exercise", True),
    ("I skipped barre and went straight into the jumps, and my hamstring knotted.",
     "skips_warmup", True),
    ("hip thrusts give me instant hamstring cramp. never cramp on my runs tho",
     "cramp_during_exercise", True),
    ("Cramps come on the sofa at night. Never in the gym, glutes work fine on the bridges.",
     "trigger_bridge_or_hip_thrust", False),
    ("My hamstrings cramp at the bottom of heavy deads.", "trigger_hinge_or_leg_curl", True),
    ("its gone numb down there, when i wipe i cant feel it, and the hamstrings keep cramping",
     "saddle_numbness", True),
    ("nurse said check ur wee lol so i did and its a normal colour. hamstrings cramped after "
     "the match", "dark_urine_after_exercise", False),
    ("My legs are tight and sore, cramping at the back, after the long walk.", "back_pain",
     None),
    ("I've barely been able to pee since yesterday and my back's gone.",
     "bladder_or_bowel_change", True),
    # Relatives writing to a triage form, trainers' notes, a club's Facebook group.
    ("Grandad's hamstring cramp started at 5am and it's still going, well over an hour now. His "
     "cramps usually go in a minute.", "cramp_lasts_over_10_min", True),
    ("She's got a cramp in her thigh she can't shift, and her left calf is bigger than the "
     "right and hot.", "calf_or_thigh_swollen_warm_red", True),
    ("He hasn't needed a wee since breakfast, which isn't like him, and his back is bad.",
     "bladder_or_bowel_change", True),
    ("Straining at the toilet to pass water and he can't get going.",
     "bladder_or_bowel_change", True),
    ("Her thighs have wasted and she's getting weaker, she can't climb the stairs now.",
     "progressive_leg_weakness", True),
    ("Client 2 wks post ACL reconstruction, hamstring cramping at rest.",
     "recent_immobilisation_or_surgery", True),
    ("Feels his hamstrings far more than his glutes on every rep.",
     "feel_hamstrings_more_than_glutes", True),
    ("Keeps skipping the warm-up and going straight into the heavy sets, then the hammy cramps.",
     "skips_warmup", True),
    ("I never skip the warm-up, but my hamstrings still cramp.", "skips_warmup", False),
    ("I'm no short of water and my hamstrings still cramp on the hills.",
     "low_fluid_intake", False),
    # Young writers, trekkers, Australian and New Zealand footy players.
    ("my hamstrings are so tite and i cant reach my nees with strait legs",
     "tight_hamstrings", True),
    ("Barley drink anything at work and my hammy cramps at five a side.",
     "low_fluid_intake", True),
    ("i dont really drink at school, maybe one juice, then my legs cramp at netball",
     "low_fluid_intake", True),
    ("My pee after the desert day was a dark cola colour, but I guess that's just dehydration? "
     "Hamstrings cramped on the last climb.", "dark_urine_after_exercise", True),
    ("Haven't had a poo in four days and can't tell if I need to go, and my back is sore.",
     "bladder_or_bowel_change", True),
    ("It's numb between my legs and I can't feel wiping. Both hamstrings cramp.",
     "saddle_numbness", True),
    ("I've started catching my left toe on kerbs and my thigh looks thinner. Hamstrings cramp "
     "at night.", "progressive_leg_weakness", True),
    ("My hammies cramp in the arvo after training, never during.", "cramp_during_exercise",
     False),
    ("Cramps happen in winter too, not just on hot days.", "cramp_in_hot_conditions", False),
    # A parenting forum, recruits and firefighters, a symptom checker's chat box.
    ("One of the lads in my section was blue-lighted, his pee went like cola. My hamstrings "
     "just cramp after long runs.", "dark_urine_after_exercise", None),
    ("Asking for my wife, she's 33 wks. She has gestational diabetes and her hamstrings cramp "
     "every evening.", "pregnant", True),
    ("Diagnosed with postpartum thyroiditis last month, hamstrings cramp most days.",
     "thyroid_condition", True),
    ("He wet himself a little this morning and didn't realise till after. His back is bad and "
     "both hamstrings cramp.", "bladder_or_bowel_change", True),
    ("My hamstring cramped at 7.30 and it's still locked solid at 8.15, stretching does nothing.",
     "cramp_lasts_over_10_min", True),
    # Latin American and Brazilian amateurs, an occupational health nurse's inbox.
    ("I read that I must worry about numbness in the saddle area or waterworks problems, and I "
     "have none of that. My hamstring cramps on long drives.", "saddle_numbness", None),
    ("My partner has noticed my right calf is thinner than the left, and the leg feels weaker "
     "than it used to.", "progressive_leg_weakness", True),
    ("My partner has noticed my right calf is thinner than the left, and the leg feels weaker "
     "than it used to.", "muscle_wasting", True),
    ("Since my back went I don't feel the zona íntima when I wipe, and the femorales cramp.",
     "saddle_numbness", True),
    ("I tried to pee this morning and it doesn't come out properly, and my back is very bad.",
     "bladder_or_bowel_change", True),
    ("I have hipotiroidismo and take levotiroxina, and the isquiotibiales cramp at night.",
     "thyroid_condition", True),
    ("In the academia when I do ponte my posterior de coxa gets câimbra.",
     "trigger_bridge_or_hip_thrust", True),
    # French, German, Italian and Dutch speakers; golf and racket clubs; long clinic emails.
    ("My pee went red after the run, but I had a big beetroot salad at lunch. Hamstrings "
     "cramped at the end.", "dark_urine_after_exercise", None),
    ("My pee went red after the run and I haven't eaten any beetroot. Hamstrings cramped at "
     "the end.", "dark_urine_after_exercise", True),
    ("For six weeks I stretch daily and take magnesium, but it helps nothing. The hamstrings "
     "cramp at night.", "persists_despite_self_care", True),
    ("There is a crampe behind the knee that does not leave since this morning.",
     "cramp_lasts_over_10_min", True),
    ("I have Kreuzschmerzen since the move and my hamstring cramps.", "back_pain", True),
    # South Asian English, a clinic's message service, a physique forum.
    ("He's had a cramp in the back of his left thigh for the last 25 minutes and nothing "
     "shifts it.", "cramp_lasts_over_10_min", True),
    ("My hamstring cramped after I ran for 40 minutes, it went in a minute.",
     "cramp_lasts_over_10_min", False),
    ("It cramped at 6 and it's gone half past seven now and it's still knotted.",
     "cramp_lasts_over_10_min", True),
    ("My taint feels numb since the deadlift and my back is killing me.", "saddle_numbness",
     True),
    ("I am not able to pass urine properly since my back went, I have to push a lot.",
     "bladder_or_bowel_change", True),
    ("My back feels fine, it's just the hamstrings cramping.", "back_pain", False),
    # Exercise classes, care homes, combat sports.
    ("Res rm 2, 84M. Woke 0200 with cramp back of R thigh. Still going at 0245 despite "
     "stretching.", "cramp_lasts_over_10_min", True),
    ("I hand out everyone's water tablets on the med round, not on anything myself. Hamstrings "
     "cramp after shifts.", "takes_cramp_linked_medication", None),
    ("Never had this back when I had time to warm up properly; now I go straight into sparring "
     "and the hamstring cramps.", "skips_warmup", True),
    ("I don't eat anything till lunch, so I train fasted, and my hamstrings cramp in the last "
     "rounds.", "low_carb_diet", True),
    ("A bloke from my club ended up in hospital with a clot after flying. My calves aren't "
     "swollen or red, and my hamstrings cramp on long rides.",
     "calf_or_thigh_swollen_warm_red", False),
    # Rowers, callers to a doctors' out-of-hours line, hill walkers.
    ("Did a 20 min max erg test this morning and my hamstrings cramped near the end.",
     "cramp_lasts_over_10_min", None),
    ("Coming down the last hill my hamstring cramped and there was a kind of twang at the back "
     "of my thigh.", "popping_sensation", True),
    ("Heard a loud crack on the second lap - turned out to be my paddle shaft splitting. Then "
     "my hamstring cramped.", "popping_sensation", None),
    ("His thigh has gone thin and the back of it cramps every night. He's stubbed his toe on "
     "the pavement several times this month.", "progressive_leg_weakness", True),
    ("My hamstrings cramp at night. Water's a nice pale colour though.",
     "dark_urine_after_exercise", False),
    ("My hamstrings cramp at night. Water's a nice pale colour though.", "low_fluid_intake",
     None),
    ("I keep my fluids up on long walks, and the backs of my legs still cramp.",
     "low_fluid_intake", False),
    ("When he does glute bridges he feels it much more in his hamstrings than in his glutes, "
     "then they cramp.", "feel_hamstrings_more_than_glutes", True),
    ("Calling about her dad, 70: his hamstrings cramp on walks. Her uncle had a clot after "
     "his knee operation, so she's worried.", "recent_immobilisation_or_surgery", None),
    ("The cramp in my hamstring came on during bridges. I stopped and it went off after a "
     "couple of minutes.", "cramp_lasts_over_10_min", False),
    ("She says it feels numb when she wipes, as if it's not her own backside, and her "
     "hamstrings keep cramping since her back went.", "saddle_numbness", True),
    ("Played two hours of squash last night. This morning both hamstrings keep cramping.",
     "cramp_after_exercise", True),
    ("Played two hours of squash last night. Tried a gentle jog today and my hamstring "
     "cramped.", "cramp_after_exercise", None),
    ("Bloods at the GP came back fine, thyroid normal. My hamstrings cramp on hill walks.",
     "thyroid_condition", None),
    ("My hamstring cramps in the first ten minutes. After a proper warm up, no problems at "
     "all.", "skips_warmup", None),
    ("The hamstring locks early on, then after 15 minutes or so it's fine for the rest of the "
     "session.", "cramp_late_in_session", False),
    ("I never used to cramp in all the years I played. Now my hamstrings cramp in matches.",
     "cramp_during_exercise", True),
    ("When we stop for a brew and sit on the wall, the backs of my thighs go into cramp.",
     "cramp_while_sitting_or_resting", True),
    ("I hardly drink anything on a walk, and my thighs cramp on the hills.",
     "pain_walking_or_straightening", None),
    ("Back in the boat after the winter off, and my hamstrings cramp in most sessions.",
     "trigger_season_start", True),
    # Club players, a minor injuries unit's desk notes, powerlifters.
    ("Cramp in the back of my thigh woke me at 3. Forty minutes later it's still locked, "
     "stretching won't shift it.", "cramp_lasts_over_10_min", True),
    ("Pt says kidneys are beginning to struggle with the diabetes. Hamstrings cramp at night.",
     "kidney_condition", True),
    ("Back very sore, both hamstrings cramping, and he hasn't been able to pee since this "
     "morning.", "bladder_or_bowel_change", True),
    ("Out of hospital on Friday after ten days in bed with pneumonia, and now the back of her "
     "thigh keeps cramping.", "recent_immobilisation_or_surgery", True),
    ('Doing box jumps when the hamstring cramped and there was a "twang" at the top of it.',
     "popping_sensation", True),
    # US school athletes, pregnancy and menopause forums, older club cyclists.
    ("Since my second baby I leak a little if I cough or skip, nothing new. My hamstrings cramp "
     "in the bridges at my class.", "bladder_or_bowel_change", None),
    ("34+5 now and the back of my right thigh cramps every night.", "pregnant", True),
    ("My hamstrings cramp at the top of long climbs. The only numb part is my hands on the "
     "bars.", "numbness_or_tingling", None),
    ("The chain snapped on the climb and when I stood up to push, my hamstring cramped.",
     "popping_sensation", None),
    ("At the tail end of the menopause my hamstrings have started cramping at night.",
     "cramp_late_in_session", None),
    ("A guy from our team got rhabdo after a conditioning test and needed a hospital stay. My "
     "hamstrings cramp in the fourth quarter.", "recent_immobilisation_or_surgery", None),
    ("I'm running on empty by the end of my fasted rides, and my hamstrings knot up in the "
     "last hour.", "trigger_running_or_sprinting", None),
    ("Rode a 120 mile sportive on Saturday and both hamstrings cramped on the final climb.",
     "long_or_intense_sessions", True),
    ("Hardest session I've had in months and my hamstring cramped near the end.",
     "long_or_intense_sessions", True),
    ("No warm-up, straight onto court, and my hamstring grabs in the first few rallies.",
     "cramp_during_exercise", True),
    ("Once I'm warmed up it's fine, but my hamstring cramps straight away when I skip the "
     "warm-up at football.", "cramp_during_exercise", True),
    ("Second hill walk since the spring and my hamstrings cramped on the way up.",
     "cramp_during_exercise", True),
    ("My hamstring cramped on the way up the stairs to bed.", "cramp_during_exercise", None),
    ("When I'm late to the club run I miss the leg swings everyone does at the start, and "
     "that's when the hamstring cramps.", "skips_warmup", True),
    ("We do skips and leg swings before every session and my hamstrings still cramp late on.",
     "skips_warmup", False),
    # West and East African English, care home notes, CrossFit boxes.
    ("I've had back pain for years and last night I wet myself without noticing.",
     "bladder_or_bowel_change", True),
    ("Mrs D has had stress incontinence for years, no change there. Cramps in the backs of "
     "her thighs at night.", "bladder_or_bowel_change", None),
    ("Mr F: cramp back of right thigh since lunch, well over two hours now. Tried heat pads.",
     "cramp_lasts_over_10_min", True),
    ("Woke at 1am with cramp in the back of her thigh, still tight at half 2 despite a rub.",
     "cramp_lasts_over_10_min", True),
    ("She says she can't feel the flannel when carers wash between her legs, and both "
     "hamstrings cramp.", "saddle_numbness", True),
    ("Fluid chart shows only 600ml most days. Cramps in the back of her legs in the evenings.",
     "low_fluid_intake", True),
    ("Since the flight his left calf is visibly bigger than the right, and the hamstring above "
     "it cramps.", "calf_or_thigh_swollen_warm_red", True),
    ("He went down with cramp in the hamstring and now the back of that thigh looks puffier "
     "than the other one.", "calf_or_thigh_swollen_warm_red", None),
    ("Gets cramp in the back of her legs when mobilising with the frame to the lounge.",
     "cramp_during_exercise", True),
    ("Flew home from Perth, 20 hours door to door, and now my calf cramps and won't settle.",
     "recent_immobilisation_or_surgery", True),
    ("Since yesterday I dey numb for my backside, when I wipe I no feel am at all, and both "
     "hamstrings dey cramp.", "saddle_numbness", True),
    ("My right hamstring cramps on long runs. Sometimes my left foot goes numb too.",
     "one_side_only", True),
    # Second-language workers, referral letters, ultra race reports.
    ("I read on internet about numb between legs and problems with toilet, I don't have "
     "nothing like this. My hamstring cramp in football.", "saddle_numbness", None),
    ("Mild stress incontinence since delivery, unchanged. Hamstrings cramp on runs.",
     "bladder_or_bowel_change", None),
    ("Twice soiling himself this week without warning; ten days of low back ache and hamstring "
     "cramps.", "bladder_or_bowel_change", True),
    ("Two days after the session both hamstrings are cramping and he describes his urine as "
     "like Marmite.", "dark_urine_after_exercise", True),
    ("Left hamstring went into spasm in the 60th minute; twenty minutes later it remains in "
     "sustained spasm despite stretching.", "cramp_lasts_over_10_min", True),
    ("Three weeks of left buttock pain radiating to the heel, and the hamstring cramps at "
     "night.", "pain_radiates_below_knee", True),
    ("First 80k finished and my hamstrings cramped on every climb after halfway.",
     "long_or_intense_sessions", True),
    ("Hamstrings cramped on the final climb of the 40 miler. I just wasn't trained for 40 "
     "miles.", "long_or_intense_sessions", True),
    # Teenagers, a symptom checker's box typed at night, riders and grooms.
    ("been on the pee pills for my weight and my hamstrings cramp most days",
     "takes_cramp_linked_medication", True),
    ("woke at 3 with a cramp in my thigh and its now twenty past 4 and its still knotted",
     "cramp_lasts_over_10_min", True),
    ("my hamstring locked and it felt like it lasted for ages, my mate said it was 20 secs tops",
     "cramp_lasts_over_10_min", None),
    ("When I school a horse in the afternoon heat my hamstrings cramp.",
     "cramp_during_exercise", True),
    # Nordic skiers and skaters, ambulance notes, women's team chats.
    ("Cramp in both hamstrings since the final whistle, now 30 mins and still locked.",
     "cramp_lasts_over_10_min", True),
    ("Pt in a below-knee cast for 3 weeks; thigh above the cast looks puffy and pinker than the "
     "left, and the back of it cramps.", "calf_or_thigh_swollen_warm_red", True),
    ("Recruit cramping in both hamstrings, urine dark like strong tea. Another recruit with him "
     "is also cramping but his urine is clear.", "dark_urine_after_exercise", True),
    ("The hamstrings cramp in the double poling on long ski tours.", "cramp_during_exercise",
     True),
    ("I drink 4 litres a day but I sweat it all out again, and my hamstrings cramp.",
     "heavy_sweating", True),
    # Writers in a second language, incident report forms, drivers and cabin crew.
    ("Did hill sprints on Monday. On Wednesday evening my hamstring cramped on the sofa.",
     "cramp_after_exercise", True),
    ("Ran a half marathon on Sunday and my hamstring cramped at mile 11.",
     "cramp_after_exercise", None),
    ("Very bendy, I put my palms flat on the floor. My hamstrings cramp late in long runs.",
     "cramp_while_sitting_or_resting", None),
    ("Numb around my bottom since this morning, like sitting on a cushion that is not mine. "
     "Both hamstrings cramping.", "saddle_numbness", True),
    ("Back pain and cramps in both legs. He went for a wee and couldn't tell if anything was "
     "coming out or not.", "bladder_or_bowel_change", True),
    ("After the toilet I could not feel the paper when I wiped. My thighs cramp.",
     "saddle_numbness", True),
    ("Player brought in with his hamstring cramping. He was worried because a mate had brown "
     "pee after an ultra.", "dark_urine_after_exercise", None),
    ("Player got cramp in her right hamstring. Anxious because her dad had a clot after his knee "
     "op; she has had no operations or flights.", "recent_immobilisation_or_surgery", False),
    ("A cramp behind his knee that he says has been there since he got up and won't go.",
     "cramp_lasts_over_10_min", True),
    ("She stopped with a cramping ache in her thigh that hadn't eased with rest half an hour "
     "later.", "cramp_lasts_over_10_min", True),
    ("Cramp in my thigh, no numbness at the private area, but tingling in my toes.",
     "numbness_or_tingling", True),
    ("Hamstrings cramp within the first kilometre in the cold. In summer it never happens.",
     "cramp_in_hot_conditions", False),
    ("I used to run 20 km a week, now I run 45 km a week, and my hamstring cramps.",
     "recent_training_increase", True),
    ("In those months my hamstrings cramp on my runs and I sweat like taking a shower.",
     "heavy_sweating", True),
    ("I get hamstring cramp after about 2 hours of playing tennis.", "cramp_late_in_session",
     True),
    ("Did a charity step challenge at work. Usually I never exercise. My hamstring cramps.",
     "cramp_during_exercise", None),
    ("I did 200 squats and a spin class. Next day the back of my thigh cramps.",
     "cramp_after_exercise", True),
    ("I'm at a desk 9 till 5 and my hamstring cramps on most runs.", "sits_most_of_day", True),
    ("She had been drinking water at every drinks break. Cramp in her right hamstring.",
     "low_fluid_intake", False),
    ("He hadn't done any running all summer, and cramped on the sixth sprint.",
     "new_or_returning_to_exercise", True),
    ("He went down with both hamstrings cramping just after finishing the race.",
     "cramp_after_exercise", True),
    ("Cramp in her thigh that came on after she sat down at the rest stop.",
     "cramp_while_sitting_or_resting", True),
    ("I play five-a-side on Mondays and it's always my left hamstring that cramps, never the "
     "right.", "cramp_during_exercise", True),
    ("My hamstrings cramp on the first or second rep and then it's fine after that.",
     "cramp_after_exercise", None),
    ("The wife says my wee is dark, but it's dark yellow, not brown like cola. Hamstrings cramp "
     "on the bike.",
     "dark_urine_after_exercise", False),
    ("I slouch in the saddle, bum tucked under and back dead flat. Both hamstrings cramp.",
     "saddle_numbness", None),
    ("First aid tent, 15:10. Rider brought in with her hamstring locked in cramp. At 15:35 it "
     "was still cramping despite stretching.", "cramp_lasts_over_10_min", True),
    ("First aid tent, 15:10. Rider brought in with her hamstring locked in cramp. At 15:14 it "
     "was still cramping, then it let go.", "cramp_lasts_over_10_min", False),
    ("I'd been doing about 15 miles a week and now I'm at 30 in the space of a "
     "month. Hamstrings cramp.", "recent_training_increase", True),
    ("Back at five-a-side after 15 odd years out. Both hamstrings cramp when I sprint.",
     "new_or_returning_to_exercise", True),
    ("Only been running since October and my hamstrings keep cramping on hills.",
     "new_or_returning_to_exercise", True),
    ("The tops of my legs at the front feel really tight when I stand up. My hamstrings cramp "
     "in bridges.", "tight_hip_flexors", True),
    ("Took water at every aid station. My hamstring still cramped at 30k.", "low_fluid_intake",
     False),
    ("Thought it was sciatica but the pain stays in the back of the thigh, nothing below the "
     "knee. Cramps late in matches.", "pain_radiates_below_knee", False),
    ("First spin class in years. Hams and quads cramped during, and my legs were sore after.",
     "cramp_during_exercise", True),
    # South African club chats, older adults in strength-and-balance classes, DIY and gardening.
    ("Had my new knee done a fortnight ago. The calf and back of my knee have blown up and the "
     "hamstring cramps.", "recent_immobilisation_or_surgery", True),
    ("I had a new hip in 2015 which gives me no bother. Hamstrings cramp on walks.",
     "recent_immobilisation_or_surgery", None),
    ("I've read the leaflet the surgery gave me. My hamstring cramps on long walks.",
     "recent_immobilisation_or_surgery", None),
    ("It stayed locked like that a good twenty minutes. The back of my thigh cramped in class.",
     "cramp_lasts_over_10_min", True),
    ("My thigh cramped while gardening and it was a good quarter of an hour, more like twenty "
     "minutes, before it let go.", "cramp_lasts_over_10_min", True),
    ("Back after a long flight, twenty-odd hours in the air. That thigh is puffy compared with "
     "the right and the back of it cramps.", "calf_or_thigh_swollen_warm_red", True),
    ("My bottom and the insides of my upper thighs feel numb. Hamstrings keep knotting.",
     "saddle_numbness", True),
    ("We took a proper bruising from the league leaders on Saturday. My hammy cramped chasing "
     "their winger.", "bruising", None),
    ("Hurt my back lifting a tyre and both hammies cramp. This morning I battled to pee.",
     "bladder_or_bowel_change", True),
    ("My hamstrings have been cramping whilst I'm digging the allotment.",
     "cramp_during_exercise", True),
    ("Back pain since a big weekend of gardening, and now my hamstring keeps cramping.",
     "cramp_during_exercise", None),
    ("Up the ladder clearing the gutters when my right hamstring cramped hard.",
     "cramp_during_exercise", True),
    ("Was heaving a railway sleeper into a raised bed when the back of my thigh cramped.",
     "cramp_during_exercise", True),
    ("My sister swears by the bum bridge exercise, but both hamstrings cramp when I do bridges.",
     "trigger_bridge_or_hip_thrust", True),
    ("I always do a few stretches and swing my legs about before I start. Hamstrings cramp.",
     "skips_warmup", False),
    ("The fork handle snapped and I went flat on my backside. Nothing went in my leg. That "
     "evening in the bath the backs of both thighs cramped.", "popping_sensation", False),
    ("My hamstrings started cramping towards the end of the afternoon, first one then the "
     "other.", "one_side_only", False),
    ("I'm not a drinking man, a small sherry at Christmas. My hamstrings cramp after class.",
     "heavy_alcohol_use", False),
    ("The GP wanted to put me on statins but I said no thank you. My thigh cramps.",
     "takes_cramp_linked_medication", False),
    ("First proper day down the allotment since October and my hamstring cramped that "
     "evening.", "new_or_returning_to_exercise", True),
    # Students' SOAP notes, players in a second language, parents of young athletes.
    ("My husband had a DVT after his knee op last year. Our son Sam is 15 and he's been "
     "getting hamstring cramps in games; his legs look normal.", "calf_or_thigh_swollen_warm_red",
     False),
    ("S: 40M ran a 100k ultra, both hamstrings cramped from 70k. Urine 'dark brown' + not "
     "passing much.", "dark_urine_after_exercise", True),
    ("S: 70M d/c 1/52 ago after 10/7 inpt, mostly in bed. C/o L back-of-thigh cramping.",
     "recent_immobilisation_or_surgery", True),
    ("S: 39F, MS dx 2017, c/o hamstring cramps in the evenings.", "neurological_condition",
     True),
    ("S: 25M, first session back after 6/12 off, hamstrings cramping.",
     "new_or_returning_to_exercise", True),
    ("S: 67M c/o backs of thighs cramping at night, wakes him 3-4 nights/wk.",
     "frequent_cramps", True),
    ("Tennis 3x/wk. My right hamstring cramps in long matches.", "frequent_cramps", None),
    ("Laid the patio in the heat, and I drank maybe one bottle of water all day. Hamstrings "
     "cramped.", "low_fluid_intake", True),
    ("I drink one bottle of water every run, and my hamstring cramps in the heat.",
     "low_fluid_intake", False),
    ("Sprint reps start cold. Last year we did drills and I had zero cramps. Now a hamstring "
     "grabs on the first or second rep.", "cramp_during_exercise", True),
    # Skiers and snowboarders, an ask-a-doctor board, home-fitness riders.
    ("Felt a twinge and a cramp at the back of my thigh. Walking doesn't actually hurt.",
     "pain_walking_or_straightening", False),
    ("My thighs cramp at night and twice on the piste, which never once happened in 40 years "
     "of skiing.", "cramp_during_exercise", True),
    ("Back on skis for the first time this winter. My hamstrings cramped on the last couple of "
     "runs.", "trigger_running_or_sprinting", None),
    ("Back on skis for the first time this winter. My hamstrings cramped on the last couple of "
     "runs.", "trigger_season_start", True),
    ("Flew to Calgary (9 hrs, aisle seat, barely moved). Now my left calf is puffy, warm and "
     "red and the hamstring cramps.", "recent_immobilisation_or_surgery", True),
    ("Two weeks after my knee op the back of the thigh on the op side cramps and swells.",
     "one_side_only", True),
    ("My hamstrings cramp an hour or so after my spin sessions.", "cramp_after_exercise", True),
    ("It's all hamstrings on hip thrusts. My lower back feels like it's doing the lifting.",
     "feel_low_back_in_bridges", True),
    ("I do hip thrusts with my shoulders on the couch and my hamstrings cramp.",
     "cramp_while_sitting_or_resting", None),
    ("My water bottle is basically decoration on the bike, maybe two sips a ride, and I cramp.",
     "low_fluid_intake", True),
    ("Both hamstrings cramp in the last songs of the spin class.", "cramp_late_in_session",
     True),
    ("It's 20 degrees in the sun. I take electrolytes. My hamstrings cramp on the warmest, "
     "sunniest days.", "cramp_in_hot_conditions", True),
    ("I never get them skiing in January when it's freezing, only on the spring tours. My "
     "hamstrings cramp.", "cramp_in_hot_conditions", None),
    ("We were out on the hill 8.30 till half 4. My hamstrings cramped on the way down.",
     "long_or_intense_sessions", True),
    ("Riding from 10am to 11am most days, and my hamstring cramps.", "long_or_intense_sessions",
     None),
    ("I'm a roofer, out 7 till 5, and my hamstrings cramp in bed.", "long_or_intense_sessions",
     None),
    # Rural messages for a duty doctor, Deaf writers, fasting athletes, stage crews.
    ("Out of plaster last week and my calf is twice the size of the other one, warm too. The "
     "hamstring cramps.", "calf_or_thigh_swollen_warm_red", True),
    ("Mum has been in bed a fortnight with flu. Now her thigh cramps and it's swollen and hot.",
     "recent_immobilisation_or_surgery", True),
    ("He's been in bed a fortnight with flu and his hamstring cramps.", "cramp_at_night", None),
    ("My wife saw that my calf is swollen, red and hot. The hamstring cramps.",
     "calf_or_thigh_swollen_warm_red", True),
    ("Old disc and sciatica, hamstring cramps. Both legs strong as ever.", "one_side_only",
     None),
    ("Back thigh cramp at football. Already 20 min, still lock, stretch, nothing change.",
     "cramp_lasts_over_10_min", True),
    ("Bad back. Back thighs cramp. Today poo accident, me not know it come.",
     "bladder_or_bowel_change", True),
    ("Heavy hip thrust, back thigh cramp. Pop me not feel.", "popping_sensation", False),
    ("Doctor give tablet for cholesterol last month. Now night cramp, back of thigh.",
     "takes_cramp_linked_medication", True),
    ("Kidney bad, hospital machine three times a week. Back of thigh cramp.", "kidney_condition",
     True),
    ("Left thigh thin now, muscle go away. Back thigh cramp many times.", "muscle_wasting", True),
    ("Left leg weak, need the rail on stairs. Few months getting worse. Hamstring cramps.",
     "progressive_leg_weakness", True),
    ("My left leg isn't getting weaker over the months. Hamstring cramps.",
     "progressive_leg_weakness", False),
    ("Hip thrusts, back of leg cramp. Bum? nothing, I squeeze and squeeze, feel nothing.",
     "hard_to_feel_glutes", True),
    ("We carried the set up six flights of stairs, 12 hours of it. That night my hamstrings "
     "cramped like nothing I've ever felt.", "recent_immobilisation_or_surgery", None),
    ("We carried the set up six flights of stairs. That night my hamstrings cramped like "
     "nothing I've ever felt.", "cramp_after_exercise", True),
    ("Ramadan: by the time I train I've had nothing for 14 hrs. Hamstrings cramp.",
     "low_fluid_intake", True),
    ("We keep the fruit-and-water fast, not the no water one. My hamstring cramps.",
     "low_fluid_intake", None),
    ("First game back after Ramadan and my hamstring cramped on a sprint.",
     "trigger_season_start", True),
    ("My hamstring cramps on runs. Iron is low aswell.", "swelling_back_of_thigh", None),
    ("A physio did a gait analysis and said my right leg is 1cm longer. My right hamstring "
     "cramps.", "leg_length_difference", True),
    ("Stretching daily for 6 weeks and magnesium, zero difference. My hamstrings cramp.",
     "persists_despite_self_care", True),
    ("We're supposed to warm up before the show but I skip it, and my hamstring grabs in the "
     "opening number.", "skips_warmup", True),
    ("Left leg, back of thigh, cramp many times every week.", "frequent_cramps", True),
    ("Dad cramp back of leg, night, he get up walk.", "cramp_at_night", True),
    ("Evening sofa watch TV, back thigh cramp.", "cramp_while_sitting_or_resting", True),
    ("First time CrossFit yesterday. Me not train before. Today thighs cramp.",
     "new_or_returning_to_exercise", True),
    ("Netball match. After, in the car park, back thigh cramp.", "cramp_after_exercise", True),
    ("Snap at sprint training. Today back of thigh purple, big mark.", "bruising", True),
    ("He cramp at rugby yesterday. Back of thigh touch, sore.", "tender_after_cramp", True),
    # Gamers, a pharmacy's counter log, surfers and sailors.
    ("I run straight after waking up without eating anything, fasted cardio. My legs cramp.",
     "low_carb_diet", True),
    ("Streaming 12 hours a day has wrecked my lower back. My hamstring cramps.", "back_pain",
     True),
    ("Cramp came on in bed at 6am and it's still knotted now at 9. Hamstring.",
     "cramp_lasts_over_10_min", True),
    ("Wants cramp tablets like her friend gets. Cramps in the backs of her thighs in the "
     "night.", "cramp_at_night", True),
    ("Her wee was dark brown this morning and not much of it. Thighs cramping after a "
     "marathon.", "dark_urine_after_exercise", True),
    ("Says his wee is dark - asked more, it's dark yellow like orange squash, not brown. "
     "Hamstrings cramp at football.", "dark_urine_after_exercise", False),
    ("When I stopped for a wee it was dark yellow. Hamstrings cramped on the ride.",
     "dark_urine_after_exercise", False),
    ("Back went lifting a sofa. Says it feels odd down there when he wipes. Both hamstrings "
     "cramping.", "saddle_numbness", True),
    ("The back of her left thigh is cramping constantly since yesterday, and it's hot.",
     "cramp_lasts_over_10_min", True),
    ("Rang the surgery for a same-day appointment. Her hamstring cramps at night.",
     "recent_immobilisation_or_surgery", None),
    ("Out in the garden from nine till gone four. Both hamstrings cramped that evening.",
     "long_or_intense_sessions", True),
    ("Bruise on my shin from the board, but nothing on the back of the leg. Hamstring cramped "
     "while paddling.", "bruising", False),
    ("My hammies grab when I'm paddling for waves. Bridges and that at the gym are fine.",
     "trigger_bridge_or_hip_thrust", False),
    ("My hammies grab when I'm paddling for waves. Bridges and that at the gym are fine.",
     "cramp_during_exercise", True),
    ("My hip flexors are so tight I can't do a lunge stretch. Hamstrings cramp on bridges.",
     "trigger_running_or_sprinting", None),
    ("My hamstrings cramp on the bridge holds, not on the running bits.",
     "trigger_running_or_sprinting", False),
    ("The vet said my spaniel's pee was dark after our long runs. My hamstrings cramp on the "
     "way home.", "dark_urine_after_exercise", None),
    # Match officials, a discharge follow-up line, the tropics and the Gulf.
    ("Didn't drink much on the march because my bladder pack leaked. Hamstrings cramped.",
     "bladder_or_bowel_change", None),
    ("Both hamstrings started twitching and then the left went completely in the last game.",
     "muscle_wasting", None),
    ("Night time sleeping no problem. My hamstring cramps when I sit after walking.",
     "cramp_at_night", False),
    ("Went into a cramp at half past six and it's still locked now at gone seven. My thigh.",
     "cramp_lasts_over_10_min", True),
    ("Home last week after a fortnight in bed with pneumonia. My hamstring cramps.",
     "cramp_at_night", None),
    ("Three weeks on the ward with my heart, mostly in bed. Now my thigh cramps and swells.",
     "recent_immobilisation_or_surgery", True),
    ("My hamstrings cramp mostly in bed at night since the new tablets.",
     "recent_immobilisation_or_surgery", None),
    ("Had my appendix out a month ago. Hamstring cramped at training.",
     "recent_immobilisation_or_surgery", True),
    ("Had my knee done six weeks back; just checking the cramps are nothing to do with the op.",
     "recent_immobilisation_or_surgery", True),
    ("Ankle in plaster; the leg above it has swelled right up and feels hot, and the hamstring "
     "cramps.", "calf_or_thigh_swollen_warm_red", True),
    # Machine-translated and second-language English: legs "without power", "half hour",
    # "urinating is difficult", the "waist" for the low back, learners' comparatives.
    ("My back hurts since Monday and my two legs are each day more weak. Thighs cramp.",
     "progressive_leg_weakness", True),
    ("The left leg has no power on the stairs and it is getting worse. The thigh cramps.",
     "progressive_leg_weakness", True),
    ("The cramp began at six in the morning, now it is half hour and still not passing.",
     "cramp_lasts_over_10_min", True),
    ("My hamstrings cramp in the last half hour of the match.", "cramp_lasts_over_10_min", None),
    ("Since this morning passing urine is very hard, and the thigh cramps.",
     "bladder_or_bowel_change", True),
    ("The pee and the stools are normal. My hamstrings cramp at night.",
     "bladder_or_bowel_change", False),
    ("The private parts have the feeling normal. The back of my thigh cramps.",
     "saddle_numbness", False),
    ("Since yesterday the knicker area is numb and my hamstrings cramp.",
     "saddle_numbness", True),
    ("Both hamstrings cramp with tingling down the legs.", "saddle_numbness", None),
    ("The waist pain is back and both thighs cramp behind.", "back_pain", True),
    ("The ache goes by the hip and the back of the thigh until the foot. Hamstring cramps.",
     "pain_radiates_below_knee", True),
    ("At night I never get them, only when I run. My hamstrings cramp.", "cramp_at_night", False),
    ("My kidney function is not good, the consultant says stage three. My thighs cramp.",
     "kidney_condition", True),
    ("My hamstrings cramp; it runs in the family.", "trigger_running_or_sprinting", None),
    ("Hamstrings cramp on my bike. I sweat like a downpour.", "heavy_sweating", True),
    ("Cramped on the back of the thigh; the spot is sensitive to the touch now.",
     "tender_after_cramp", True),
    ("The back of my thigh is inflated since the cramp in the match.",
     "swelling_back_of_thigh", True),
    ("Cramps in the dead weight romanian every week.", "trigger_hinge_or_leg_curl", True),
    ("My right leg is one centimetre more short than the left and only it cramps.",
     "leg_length_difference", True),
    # Diabetes, the writer's own, said in many ways; not a relative's, a fear or a risk.
    ("I'm type one diabetic and my hamstrings cramp at night.", "diabetes", True),
    ("Sugar diabetes for years, on metformin; my thighs cramp in bed.", "diabetes", True),
    ("My hamstrings cramp at night. My mum's diabetic so I had my sugar checked: fine.",
     "diabetes", None),
    ("Mother has diabetes. My hamstrings cramp when I sprint.", "diabetes", None),
    ("I was worried I was diabetic but the test was clear. Hamstrings cramp at night.",
     "diabetes", None),
    ("Not diabetic, no thyroid trouble. Hamstrings cramp in bed.", "diabetes", False),
    # Returning to a sport after a break, in any order.
    ("After four years of nothing I picked the racket back up, and my hamstrings cramp.",
     "new_or_returning_to_exercise", True),
    ("Since the operation I did nothing for a year; I'm just back at the club and my "
     "hamstrings cramp.", "new_or_returning_to_exercise", True),
    ("Three months without any sport over the winter, then football again; hamstrings cramp.",
     "new_or_returning_to_exercise", True),
    ("I'm back at work after two years abroad and my hamstrings cramp at the gym.",
     "new_or_returning_to_exercise", None),
    ("Hoping to be back on the court after my knee op; the hamstring cramps at night.",
     "new_or_returning_to_exercise", None),
    # Rehearsals, leagues and innings are sessions; a chilly day in Fahrenheit is not hot.
    ("My hamstring grabs at drumline practice, usually halfway through.",
     "cramp_during_exercise", True),
    ("On Thursday league nights my hamstrings lock up.", "cramp_during_exercise", True),
    ("It's downright chilly at the 7am games, shorts in 40 degrees. Hamstrings cramp early.",
     "cramp_in_hot_conditions", False),
    ("Forty minutes in at 38 degrees the hamstrings cramped.", "cramp_in_hot_conditions", True),
    ("Cramps in my hamstrings. It was fine last spring when it was cool, but 32 degrees this "
     "week at practice.", "cramp_in_hot_conditions", True),
    # Lay words for the glutes and the saddle; "should feel it" is not what is felt.
    ("On bridges I can't feel my rear end working at all and the hamstrings cramp.",
     "hard_to_feel_glutes", True),
    ("The physio says I should feel it in my glutes, but it's all in my hamstrings and they "
     "cramp.", "feel_hamstrings_more_than_glutes", True),
    ("Since my back went, the seat area feels numb and my hamstrings cramp.",
     "saddle_numbness", True),
    # Training jumps and the start of a season in everyday words.
    ("Went from 0 to 60 since I retired: hamstrings cramp most sessions.",
     "recent_training_increase", True),
    ("I swam twice a week, but now I'm in the pool every day, and my hamstrings cramp.",
     "recent_training_increase", True),
    ("Went from the sofa all winter to five nights a week of squash; hamstrings cramp.",
     "recent_training_increase", True),
    ("The summer league kicked off a fortnight ago and my hamstrings have cramped since.",
     "trigger_season_start", True),
    # A cramp's length by the clock beside its usual length; ninety seconds in words.
    ("A cramp since ten past two and it's now gone three and still locked. Usually mine pass in "
     "a minute.", "cramp_lasts_over_10_min", True),
    ("It seemed endless but it was a minute and a half before it let go, my hamstring.",
     "cramp_lasts_over_10_min", False),
    ("Laid up for a fortnight with flu, and now the back of my thigh cramps and is swollen.",
     "recent_immobilisation_or_surgery", True),
    ("I've been housebound for a month. My hamstring cramps.",
     "recent_immobilisation_or_surgery", True),
    ("SPMS for ten years; the hamstrings cramp at night now.", "neurological_condition", True),
    ("Tried to wee and could hardly get anything out; both hamstrings cramp and my back hurts.",
     "bladder_or_bowel_change", True),
    # "Again ... after a decade off" is a return, not a cramp after exercise.
    ("Took up tennis again last year after ten years off; my hamstrings cramp at night.",
     "cramp_after_exercise", None),
    # A back-pain group's words for the bladder and the saddle, and for what is long past.
    ("Old disc. This week I have to push hard to get my wee going and my hamstrings cramp.",
     "bladder_or_bowel_change", True),
    ("My back went again; I didn't even feel my bowels open, and both hamstrings cramp.",
     "bladder_or_bowel_change", True),
    ("Since my bad back it's like sitting on a rolled towel when I'm on the loo; hamstrings "
     "cramp.", "saddle_numbness", True),
    ("Sciatic pain in my foot, but no numb bum. Hamstring cramps.", "saddle_numbness", False),
    ("Sciatic pain in my foot, but no numb bum. Hamstring cramps.", "numbness_or_tingling", None),
    ("Five years post laminectomy and fine; my hamstrings cramp at the gym.",
     "recent_immobilisation_or_surgery", None),
    ("My disc went last week and I've been flat on my back since, barely moving. Thigh cramps.",
     "recent_immobilisation_or_surgery", True),
    ("My sciatica hasn't gone down my leg for months; hamstrings cramp on sprints.",
     "pain_radiates_below_knee", False),
    ("The fronts of my hips are rock solid after a day of driving, and my hamstrings cramp.",
     "tight_hip_flexors", True),
    # Rink and skatepark words are sessions; a denied time is not a denied session.
    ("My hamstring locks up on the long skates and on breakaways.", "cramp_during_exercise",
     True),
    ("Cramps in the first few minutes at the skatepark, never later in the session.",
     "cramp_during_exercise", True),
    # Signs a clinician asked the person to watch for are not had; a list of them answered
    # "none of that" is denied; a friend who "ended up in hospital" is someone else.
    ("Hamstrings cramp. The physio asked me to watch for a numb bottom or bladder trouble.",
     "bladder_or_bowel_change", None),
    ("Hamstrings cramp. Numbness in the saddle area or waterworks trouble - none of that.",
     "saddle_numbness", False),
    ("Hamstrings cramp. Dark pee after the race - none of that.", "dark_urine_after_exercise",
     False),
    ("My hamstrings cramped late in the race. A friend came with me; she ended up in hospital "
     "with dark brown pee.", "dark_urine_after_exercise", None),
    # A feared diagnosis doubts only itself; a back of the thigh bigger than the other is a
    # strain's swelling, not a clot's; one leg weaker than the other now is not a worsening.
    ("Hamstrings cramp on my runs. I was scared it was sciatica since my brother had a slipped "
     "disc, but there's no pain going down my legs.", "pain_radiates_below_knee", None),
    ("Worried it's a clot, my calf is swollen and hot after the flight. Hamstrings cramp.",
     "calf_or_thigh_swollen_warm_red", True),
    ("My hammy cramped at football. Now the back of my right thigh looks puffier than the left "
     "and it hurts to straighten my knee.", "calf_or_thigh_swollen_warm_red", None),
    ("My hammy cramped at football. Now the back of my right thigh looks puffier than the left "
     "and it hurts to straighten my knee.", "swelling_back_of_thigh", True),
    ("Hamstring cramp in a sprint. Since then that leg seems weaker than the other one on "
     "the stairs.", "progressive_leg_weakness", None),
    ("Hamstring cramp in a sprint. Since then that leg seems weaker than the other one on "
     "the stairs.", "weakness_after", True),
    ("Hamstrings cramp when I lift, and it's not always the same leg, it jumps between them.",
     "one_side_only", False),
    ("Hamstrings cramp in the gym. No pop, and I can walk and bend over completely normally "
     "afterwards with no pain.", "pain_walking_or_straightening", False),
    # Habits and histories in other words.
    ("My daughter's hamstrings cramp at netball. She simply doesn't drink, her bottle comes "
     "home full.", "low_fluid_intake", True),
    ("Hamstrings cramp at training. Only ever drink plain water, loads of it, never bother "
     "with salts.", "low_fluid_intake", False),
    ("Hamstrings cramp at night. Never had cramps before I started keto.", "low_carb_diet",
     True),
    ("Hamstrings cramping most nights. 30 wks with bub number 3.", "pregnant", True),
    ("Hamstrings cramp and the calf is hot. I had my meniscus repaired nine days ago.",
     "recent_immobilisation_or_surgery", True),
    ("Hamstrings cramp in class. No change to my workouts.", "recent_training_increase",
     False),
    ("The day after the cramp my hamstring was agony to the touch.", "tender_after_cramp", True),
    ("My old man's hamstrings cramp at bowls and he has a crook back.", "back_pain", True),
    # A drink's name is no colour; giving up drink is not drinking; plenty of water is not
    # alcohol; the least bendy is stiff.
    ("Hamstrings cramp after shows. My pee is bright yellow from the Red Bull, not dark.",
     "dark_urine_after_exercise", False),
    ("My hamstrings cramp at the gym. Not the same leg every time.", "one_side_only", False),
    ("Hamstrings cramp at night. I've been off the drink for five years.", "heavy_alcohol_use",
     False),
    ("I'm the least bendy person I know. Hamstrings cramp in yoga.", "tight_hamstrings", True),
    ("With straight knees I can't get my fingers below my kneecaps. Hamstrings cramp in class.",
     "tight_hamstrings", True),
    # Formal and lay descriptions of an exercise, a clock, a bladder and a weakening.
    ("The teacher has us lie down and raise our hips from the mat, and the backs of my thighs "
     "cramp.", "trigger_bridge_or_hip_thrust", True),
    ("Since half past six this morning my hamstring has been cramped, and it is still with me "
     "as I write at a quarter to eight.", "cramp_lasts_over_10_min", True),
    ("He stood at the toilet for ages and could pass only a trickle of urine. His hamstrings "
     "are cramping.", "bladder_or_bowel_change", True),
    ("Both my legs have grown so weak I can barely climb the stairs, and my hamstrings keep "
     "cramping.", "progressive_leg_weakness", True),
    # A bike park's runs are descents, not running.
    ("Got 12 runs in on the uplift day and my hamstrings cramped on the last ones.",
     "trigger_running_or_sprinting", None),
    # A story carried on through what was done to the cramp; a length said of it alone.
    ("My mum got a cramp in her hamstring at the pool. We rubbed it and stretched it for her. "
     "It has been 20 minutes and it is still hard.", "cramp_lasts_over_10_min", True),
    ("Woke with a cramp in my hamstring. I stretched it but it did not go. It was more than "
     "half an hour.", "cramp_lasts_over_10_min", True),
    # Plain and Easy Read words.
    ("Grandad's doctor gave him new pills to bring his cholesterol down, and now his "
     "hamstrings cramp.", "takes_cramp_linked_medication", True),
    ("My left leg feels buzzy all the way down, and the hamstring cramps.",
     "numbness_or_tingling", True),
    ("We drove to Italy by coach, three days sitting down, and now my calf is red and the "
     "hamstring cramps.", "recent_immobilisation_or_surgery", True),
    ("In the floor part of the class you push your bottom up to the ceiling, and that is when "
     "my hamstrings cramp.", "trigger_bridge_or_hip_thrust", True),
    # A friend's clot is theirs; a stiff person's good day; both legs in turn; a list of signs
    # answered "nope, none of that".
    ("My walking buddy got a clot after a long flight. My hamstrings cramp on hills.",
     "recent_immobilisation_or_surgery", None),
    ("Flexibility isn't my thing - with straight legs I touch my shins on a good day. "
     "Hamstrings cramp in class.", "tight_hamstrings", True),
    ("My right hammy locks up on bridges. Left does it too sometimes.", "one_side_only", False),
    ("Hamstrings cramp on thrusts. I read about the numb-down-there thing and bladder "
     "problems - nope, none of that, my back doesn't hurt.", "bladder_or_bowel_change", False),
    # Circus and aerial words; an outing of many hours, and one of a single hour.
    ("My hamstring cramped on the silks during an inversion.", "cramp_during_exercise", True),
    ("Did a 6 hour charity bounce-a-thon on Saturday. Sunday my hamstrings were cramping.",
     "long_or_intense_sessions", True),
    ("I did a 1 hour class and my hamstring cramped at the end.", "long_or_intense_sessions",
     None),
    # After a fall: a bruise elsewhere, a hot afternoon, a walk kept short by something else,
    # and a walk that does not hurt are none of the leg's signs; a seat not felt is the saddle's.
    ("My hamstrings cramp on the afternoon runs. I slipped on the ice and bruised my elbow, "
     "nothing else.", "bruising", None),
    ("The backs of my thighs cramp on the hot afternoons at the yard.",
     "calf_or_thigh_swollen_warm_red", None),
    ("I broke my wrist last year so couldn't walk much for a bit; now my hamstrings cramp on "
     "hikes.", "cannot_walk", None),
    ("After the cramp I can walk without it hurting, it's just stiff.",
     "pain_walking_or_straightening", False),
    ("On the toilet it's like sitting on a ball of cotton wool, I can't feel the seat or the "
     "paper. My back hurts and my hamstrings cramp.", "saddle_numbness", True),
    ("Tried magnesium, bananas and stretching - none of it has made a dent. Hamstring cramps "
     "most weeks.", "persists_despite_self_care", True),
    ("I'm rubbish at warming up. My hamstring cramps on the first sprint.", "skips_warmup", True),
    ("Definitely not expecting. My hamstrings cramp at night.", "pregnant", False),
    ("Did a 20 hour stint on the boat and my hamstrings cramped near the end.",
     "long_or_intense_sessions", True),
    # A word glossed in brackets is read in its sentence; an aside in brackets keeps its own
    # denial ("(never ran before)") to itself.
    ("I am 6 months hamila (pregnant). My hamstrings cramp at night.", "pregnant", True),
    ("My bol (urine) came out brown like cola after the bootcamp, and my thighs cramp.",
     "dark_urine_after_exercise", True),
    ("I started running in May (never ran before) and my hamstrings cramp.",
     "new_or_returning_to_exercise", True),
    # Starting tablets is not starting exercise.
    ("Grandad started cholesterol tablets 6 weeks ago and now his hamstrings cramp.",
     "new_or_returning_to_exercise", None),
    ("I wet myself this morning without even feeling that I needed to go. Hamstrings cramp "
     "and my back hurts.", "bladder_or_bowel_change", True),
    ("Since the fall his back is much worse and both hamstrings keep cramping.", "back_pain",
     True),
    ("On bridges my lower back does basically all the work and my hamstrings cramp.",
     "feel_low_back_in_bridges", True),
    # A tea-coloured wee said with "still" before it ("s-till" is no "till").
    ("Two days after the race my hamstrings still ache and my wee is still tea coloured.",
     "dark_urine_after_exercise", True),
    # Down with the cramp for a length of time, and a cramp there since the morning.
    ("His hamstring locked in the last minute and he was on the grass a good 20 min while "
     "the physio worked on it.", "cramp_lasts_over_10_min", True),
    ("My hammy cramped at training and I was on the floor for 3 minutes.",
     "cramp_lasts_over_10_min", False),
    ("My left hamstring has been in a cramp since this morning and won't let go.",
     "cramp_lasts_over_10_min", True),
    # A bruise by its colour, and a week in bed with an illness.
    ("He felt something go in the hamstring and the back of his leg has gone purple.",
     "bruising", True),
    ("Floored by a chest bug for a week, hardly out of bed, then my calf and hamstring "
     "cramped.", "recent_immobilisation_or_surgery", True),
    ("Long-haul lorry driver, so I sit all week; my hammies cramp at weekend football.",
     "recent_immobilisation_or_surgery", None),
    # Something stiff that is not the hamstrings, and a build-up said to be gradual.
    ("My lower back is stiff as a board but I can touch my toes easily.", "tight_hamstrings",
     False),
    ("My mileage went up gradually over the winter, nothing silly.",
     "recent_training_increase", False),
    ("Still the same three practices a week as always, and same rowing as last year.",
     "recent_training_increase", False),
    # A denial of a season with a condition between, and of a later time.
    ("In summer, when I warm up properly first, it never happens.",
     "cramp_in_hot_conditions", False),
    ("They cramp on the first couple of sprints, never later on.", "cramp_late_in_session",
     False),
    ("Both legs seize on the last few corners of the crit.", "cramp_late_in_session", True),
    # Cramps in every session away, denied at home: still during exercise.
    ("Cramping in nearly every session on this training camp, never get them back home.",
     "cramp_during_exercise", True),
    ("My calves cramp after the long Saturday ride.", "cramp_after_exercise", True),
    ("My hamstrings cramp after 20 mins running.", "cramp_after_exercise", None),
    # Fluids told by what is emptied; sweat by where it drips.
    ("I get through two 750 ml bidons on every ride, and my hammies still cramp.",
     "low_fluid_intake", False),
    ("I sweat so much it drips off my chin onto the bike.", "heavy_sweating", True),
    ("Four games in one afternoon at the tournament and I cramped in the last one.",
     "long_or_intense_sessions", True),
    ("Both hamstrings cramp on bridges and I can hardly feel my glutes at all.",
     "feel_hamstrings_more_than_glutes", True),
    # A number raised, not doubted; a sentence telling what the cramp did carries the story.
    ("My calf cramped at the end of the match. It just wouldn't let go. The trainer was "
     "pulling on it and it was still locked, twenty minutes at least, maybe longer.",
     "cramp_lasts_over_10_min", True),
    ("It happened in bed. Same thing Friday. So that's three times this week.",
     "frequent_cramps", True),
    # A length only felt, then timed, is asked; never read as the warning sign.
    ("At night it feels like it goes on for ages, an hour even, but my wife timed one and it "
     "was under a minute.", "cramp_lasts_over_10_min", None),
    ("He hasn't been able to put any weight on the leg since the tackle.", "cannot_walk", True),
    ("Netball Saturday, three games. Never done anything like it. Sunday my hamstrings were "
     "cramping on the sofa.", "cramp_after_exercise", True),
    ("I felt a bang in the back of my thigh, like I'd been kicked in the hamstring, when it "
     "cramped.", "popping_sensation", True),
    # Dance forms and swims are sessions.
    ("My hamstrings cramp in the cha cha and the samba, never in the waltz.",
     "cramp_during_exercise", True),
    ("Both hamstrings cramp on about half my lake swims.", "cramp_during_exercise", True),
    ("Nothing weird going on with my waterworks and no numbness in the saddle area.",
     "bladder_or_bowel_change", False),
    ("Back from Singapore yesterday, fourteen hours sat in a plane seat, and now my calf is "
     "swollen and my hamstring cramps.", "recent_immobilisation_or_surgery", True),
    ("I was on 20 miles a week and the plan built to 40 over two months, but I crammed it "
     "into three weeks.", "recent_training_increase", True),
    ("I roll in late to ballet and go straight into the jumps with no barre.",
     "skips_warmup", True),
    ("It's not that I don't warm up, I do ten minutes on the bike first.", "skips_warmup",
     False),
    ("I keep a bottle the whole session and sip it between sets.", "low_fluid_intake", False),
    ("Honestly I only have a bottle in a whole shift on the hot line.", "low_fluid_intake",
     True),
    ("Swims with no feeds, and a bottle in the tow float is a faff so I skip it. Barely drink "
     "before either.", "low_fluid_intake", True),
    ("I can walk grand, it's just stiff.", "pain_walking_or_straightening", False),
    # A cramp that would not let go denies nothing else said with it.
    ("Last night about 3am a cramp grabbed the back of my thigh and would not let go.",
     "cramp_at_night", True),
    ("My hamstring cramped in bed. It was still locked solid 30 minutes later, even after a "
     "hot bath.", "cramp_lasts_over_10_min", True),
    ("Woke with my hamstring locked. Rubbing it didn't shift it at all. It lasted a good "
     "20-25 mins before it let go.", "cramp_lasts_over_10_min", True),
    ("Both calves stayed locked 15+ min on the march.", "cramp_lasts_over_10_min", True),
    # Wetting unnoticed is the sign; a numb seat told by "like it wasn't my bum".
    ("He has to strain to start a wee and once didn't notice he'd wet himself.",
     "bladder_or_bowel_change", True),
    ("When I wiped it felt numb, like it wasn't my bum at all, and my hamstrings cramp.",
     "saddle_numbness", True),
    ("Back from Dubai, an eight hour flight then a coach home, and now my calf is swollen.",
     "recent_immobilisation_or_surgery", True),
    ("Hamstring cramped then went bang right under my backside when I sprinted.",
     "popping_sensation", True),
    ("My hamstring cramped at the tee and it's already going purple.", "bruising", True),
    # The end of a session told as fine; another place set aside.
    ("First couple of holes it cramps, by the end of the round I'm grand.",
     "cramp_late_in_session", False),
    ("Both hamstrings cramp on patrols out here; he never cramps on patrols back home.",
     "cramp_during_exercise", True),
    ("Never cramps at home or at night, only in matches.", "cramp_at_night", False),
    ("Played 36 holes on Saturday and the hamstrings cramped on the back nine.",
     "long_or_intense_sessions", True),
    ("I don't do a thing beforehand, just grab my bowls and play.", "skips_warmup", True),
    ("Always late, so it's shoes on and straight onto the first tee.", "skips_warmup", True),
    # A sentence that opens on the session frames the cramp told at its end; the session a
    # cramp came after is no cramp during it.
    ("After the game on Sunday we stood around chatting and then my left hamstring cramped.",
     "cramp_after_exercise", True),
    ("After a long run I usually get cramps in the hamstring that evening.",
     "cramp_during_exercise", None),
    ("After close I take the bus home and both my hamstrings seize up on it.",
     "cramp_after_exercise", None),
    # A rounding word before a number; an opinion with its reason past a clause break.
    ("My hamstring went. It lasted I reckon 20 minutes.",
     "cramp_lasts_over_10_min", True),
    ("It would not let go for ages, I'd say about 15 minutes.", "cramp_lasts_over_10_min",
     True),
    ("My coach reckons it's because I don't drink enough, but I get through three litres a "
     "day.", "low_fluid_intake", False),
    ("Dad says its cause I don't eat enough pasta. My hamstrings cramp at the end of games.",
     "low_carb_diet", None),
    # A denial of one place after a dash is of that place only.
    ("My hamstrings lock up in bed at night - never on the bike though.",
     "cramp_during_exercise", False),
    ("I'm not drying out for the weigh-in, I drink normally.", "low_fluid_intake", False),
    ("Honestly it's a can of coke and a cup of tea the whole day on site.",
     "low_fluid_intake", True),
    ("Might get a glass of water at lunch if I remember, otherwise it's coffee.",
     "low_fluid_intake", True),
    ("She's trying to drink but is nowhere near keeping up with how much she sweats.",
     "low_fluid_intake", True),
    ("I drank both bottles on the ride and refilled at the cafe.", "low_fluid_intake", False),
    ("It's November, so it's hardly the heat. My hamstrings cramp on the hills.",
     "cramp_in_hot_conditions", False),
    ("Baking hot Saturday, both hammies cramped in the final.",
     "cramp_in_hot_conditions", True),
    ("Played on a warm evening and both hamstrings cramped in the second half.",
     "cramp_in_hot_conditions", True),
    ("Warm evening but nothing hot, and my hamstrings cramped anyway.",
     "cramp_in_hot_conditions", None),
    # Irish and British ways of saying what is wrong or fine.
    ("My back's been at me all week and the hamstring keeps cramping.", "back_pain", True),
    ("Backs fine, no pain there, only the hamstrings cramp.", "back_pain", False),
    ("No bother with the waterworks at all, just the hamstring cramps.",
     "bladder_or_bowel_change", False),
    ("Left hamstring cramps every match. Right leg is grand.", "one_side_only", True),
    ("The hamstring cramps and tingles. The tingling stops at the knee, nothing below it.",
     "pain_radiates_below_knee", False),
    ("I had a disc op in 2019 and now the hamstrings keep cramping.",
     "disc_injury_history", True),
    ("I haven't upped my exercise at all, yet the hamstrings cramp at my desk.",
     "recent_training_increase", False),
    ("The new coach has ramped everything this season and my hamstrings cramp weekly.",
     "recent_training_increase", True),
    ("After the cramp and the snap, the back of my thigh is black and purple.", "bruising",
     True),
    ("My shins are black and blue from tackles, nothing at all on the back of the thigh.",
     "bruising", None),
    ("My hamstring cramped. Since then the leg feels weaker pushing off.", "weakness_after",
     True),
    ("With ten to go in the match both hamstrings cramped.", "cramp_late_in_session", True),
    ("My hamstrings always go late in games.", "cramp_late_in_session", True),
    ("It is never early, always the late innings when the hamstring cramps.",
     "cramp_late_in_session", True),
    ("Bursting past a defender, my hamstring cramped.", "trigger_running_or_sprinting", True),
    ("Reaching for a high ball, my hammy locked up.", "cramp_during_exercise", True),
    ("My hamstrings cramp during morning outings on the river.", "cramp_during_exercise",
     True),
    ("Took last year off. Came back to the panel in March and the hamstrings cramp.",
     "new_or_returning_to_exercise", True),
    ("I've never sweated like it, and the hamstrings went in the second half.",
     "heavy_sweating", True),
    ("The hamstrings cramp in bridges and I couldn't tell you if my glutes are switched on.",
     "hard_to_feel_glutes", True),
    ("In bridges my hamstrings cramp and my lower back does a good share of the lifting.",
     "feel_low_back_in_bridges", True),
    ("Erg test on Monday and my hamstrings cramped at 1500m.", "long_or_intense_sessions",
     True),
    ("My diet is mostly pasta and bread. My hamstrings cramp on long runs.", "low_carb_diet",
     False),
    ("Keto since May; it never happened when I was living on pasta.", "low_carb_diet", True),
    ("Ran hill sprints on Saturday. Since then my thighs are tight and cramping.",
     "cramp_after_exercise", True),
    ("Full-time whistle went and my hamstring cramped as I was walking off.",
     "cramp_after_exercise", True),
    ("I don't like drinking water, maybe two cups of coffee all day. My hamstrings cramp.",
     "low_fluid_intake", True),
    # The saddle sign told by an absence; a swelling that goes down; a caesarean.
    ("My back went on Monday. Today there's no feeling round my backside and between my "
     "legs, can't feel the loo roll when I wipe, and I haven't had a wee since last night.",
     "saddle_numbness", True),
    ("Both hamstrings cramp and it's numb round my bottom, like sitting on a saddle I can't "
     "feel.", "saddle_numbness", True),
    ("Since the water tablets my ankles and legs are much less swollen, and both hamstrings "
     "cramp at night.", "calf_or_thigh_swollen_warm_red", False),
    ("12 days post emcs, the back of my left thigh cramps and the calf is swollen and hot.",
     "recent_immobilisation_or_surgery", True),
    ("My hamstring started cramping at 3am and it still hasn't stopped.",
     "cramp_lasts_over_10_min", True),
    ("I'd never had a cramp before the statin; now my hamstrings cramp on every walk.",
     "takes_cramp_linked_medication", True),
    ("31 weeks and the back-of-thigh cramps wake me most nights, my midwife says it's common.",
     "pregnant", True),
    # Someone who runs a business is no runner; watching a class is no exercise.
    ("I run a small gym and my hamstrings cramp in bed most nights.",
     "trigger_running_or_sprinting", None),
    ("My hamstrings cramp sat at the edge of the mat watching the beginners' class, never "
     "while I'm training.",
     "cramp_during_exercise", False),
    ("Early doors I'm grabbing my hamstring on every sprint, second half grand.",
     "cramp_late_in_session", False),
    # A farm's and a fight gym's words for work, rounds and sessions.
    ("Three judo sessions a day at camp and by the evening my hamstrings cramp.",
     "long_or_intense_sessions", True),
    ("Did squat jumps to failure and the hamstrings cramped the next morning.",
     "long_or_intense_sessions", True),
    ("We stacked about 900 bales and that night both hamstrings cramped.",
     "long_or_intense_sessions", True),
    ("My hamstring cramps in kumite and during uchikomi.", "cramp_during_exercise", True),
    ("The hamstring locked during a live roll at open mat.", "cramp_during_exercise", True),
    ("Hamstrings cramp in the irons on the gallops.", "cramp_during_exercise", True),
    ("Been 15-17hr days sat in the combine since July and now my hamstrings cramp.",
     "sits_most_of_day", True),
    ("I'm the one leaving puddles on the mats, and the hamstrings cramp.",
     "heavy_sweating", True),
    ("It was 100 in the shade at the rodeo and both hamstrings cramped.",
     "cramp_in_hot_conditions", True),
    ("I'm terrible for drink, a tea at 7 and that's me till I get home. Hamstrings cramp.",
     "low_fluid_intake", True),
    ("I'm not bad with water, a couple of litres a day, and my hamstrings still cramp.",
     "low_fluid_intake", False),
    ("I'd drunk a whole bottle before the roll, so it's not water; the hamstring still cramped.",
     "low_fluid_intake", False),
    ("Nothing going on down below and my hamstring cramps at night.", "saddle_numbness", False),
    ("Since Monday I feel almost nothing down there when I wipe, and my back aches.",
     "saddle_numbness", True),
    ("I feel nothing in the saddle area since my back went.", "saddle_numbness", True),
    ("Back is honestly fine, it's the hamstrings that cramp.", "back_pain", False),
    ("The hamstring cramped and twisted. Next day the leg's got no go in it on the stairs.",
     "weakness_after", True),
    ("The nutritionist has my carbs way down for the weigh-in and the hamstrings cramp.",
     "low_carb_diet", True),
    ("I eat well: fruit, veg, cheese, nuts. The hamstrings still cramp.",
     "low_mineral_diet", False),
    ("Leg lengths got checked by a physio and they're equal. The hamstrings cramp.",
     "leg_length_difference", False),
    ("Three months of cramps at night. I've tried the lot: stretching, magnesium, tonic "
     "water. Nothing's changed.", "persists_despite_self_care", True),
    ("Started back at netball with the girls and my hamstrings cramp in games.",
     "new_or_returning_to_exercise", True),
    # Farm words kept as written; climbing down from a cab is no exercise.
    ("Been 15 hour days sat on the tractor since haymaking began, and my hamstrings cramp.",
     "sits_most_of_day", True),
    ("Since haymaking started my hamstrings cramp when I climb down from the cab.",
     "cramp_during_exercise", None),
    # A denial cut off by a statement of its own after a comma: the sign is asked about (the
    # denial may be of it), never taken as denied.
    ("Couldn't feel it properly, and its numb down below. Hamstrings cramping.",
     "saddle_numbness", None),
    # Text-message spellings: a dropped g, "n" and "r", the pregnant emoji, "nite".
    ("first ten mins chasin a long ball and my hammy cramped", "trigger_running_or_sprinting",
     True),
    ("thighs r all puffy n hot on one side, hamstring cramping", "calf_or_thigh_swollen_warm_red",
     True),
    ("me \U0001F930 28 wks, hamstrings cramp in bed", "pregnant", True),
    ("hammy cramps every nite this month", "cramp_at_night", True),
    # Baseball: running the bases.
    ("My hamstring cramped legging out a bunt in the fourth.", "trigger_running_or_sprinting",
     True),
    ("Grabbed on me halfway to second, hamstring cramp.", "trigger_running_or_sprinting", True),
    # The reach test told in other words.
    ("Did the toe touch test and barely made it to my knees. Hamstrings cramp.",
     "tight_hamstrings", True),
    ("When I try to touch my toes I can't even get past my knees. Hammies cramp.",
     "tight_hamstrings", True),
    # Plenty drunk, in gallons.
    ("I'm drinking about a gallon a day, water only, and my hamstrings still cramp.",
     "low_fluid_intake", False),
    # Both exercises cramp one side: not both legs.
    ("Lunges and step-ups both cramp my left hamstring, never the right.", "one_side_only", True),
    # How long a cramp has held so far.
    ("My hamstring cramped on the bike and it's still locked up, around 20 minutes now.",
     "cramp_lasts_over_10_min", True),
    ("Hamstring cramped and it's still tight, about 3 mins now.", "cramp_lasts_over_10_min",
     False),
    # Other words for what is fine or not.
    ("My back has never given me any bother. The hamstrings cramp on sprints.", "back_pain",
     False),
    ("Back has been screaming since I lifted the sofa and both hamstrings keep cramping.",
     "back_pain", True),
    ("I went to pee and barely a drop would come, then my hamstrings cramped.",
     "bladder_or_bowel_change", True),
    ("Cramps in my hamstrings, no new weakness in the legs though.", "progressive_leg_weakness",
     False),
    ("Hamstrings cramp after games. No funny coloured wee at all.", "dark_urine_after_exercise",
     False),
    ("Whenever it gets really humid my hamstrings lock up in the last quarter.",
     "cramp_in_hot_conditions", True),
    ("My lower back ends up doing most of the work on the bridges and then my hamstrings cramp.",
     "feel_low_back_in_bridges", True),
    # A leg told by its comparison with the other, the limb named only before.
    ("My right calf has felt cramped since the long flight. It's noticeably fatter than the "
     "left and warm to the touch.", "calf_or_thigh_swollen_warm_red", True),
    # Incontinence without feeling it, a stream that won't start.
    ("Both hamstrings cramping. She wet the bed and never felt herself go, which is new.",
     "bladder_or_bowel_change", True),
    ("Hamstrings cramping since my back went. My pee wouldn't come properly this morning.",
     "bladder_or_bowel_change", True),
    # What numbness is like is not a denial of it.
    ("Hamstrings cramping and it's numb where a bike seat would sit, like it isn't my skin.",
     "saddle_numbness", True),
    # How long, told by its not letting go; "did nothing for it" denies nothing.
    ("The hamstring cramped at 2am and wouldn't release for about 40 minutes.",
     "cramp_lasts_over_10_min", True),
    ("My thigh cramped for a quarter of an hour after supper and rubbing did nothing for it.",
     "cramp_lasts_over_10_min", True),
    ("The cramp at the back of my thigh has been going for hours now.",
     "cramp_lasts_over_10_min", True),
    # Strength and studio words.
    ("My hamstring cramps on trap bar deads and rack pulls.", "trigger_hinge_or_leg_curl", True),
    ("The hamstrings cramp on the yoke and farmers walks.", "cramp_during_exercise", True),
    ("My hammies cramp in the seat work at barre.", "cramp_during_exercise", True),
    # The glute persona's own words.
    ("On the reformer bridges my hamstrings cramp, and when I squeeze I feel nothing in my "
     "bum.", "hard_to_feel_glutes", True),
    ("Bridges make my hammies cramp - the burn is all hamstring, not glutes.",
     "feel_hamstrings_more_than_glutes", True),
    # Hindi and Urdu said among English words: the verb and its denial come last.
    ("Kal se dono hamstrings cramp ho rahe hain aur peshab theek se aata hi nahi.",
     "bladder_or_bowel_change", True),
    ("Hamstring cramp aaya, aur private area mein koi sunn-pan nahi hai.",
     "saddle_numbness", False),
    ("Raat ko hamstring ka cramp aaya aur adha ghanta raha, stretching se bhi nahi gaya.",
     "cramp_lasts_over_10_min", True),
    ("Back injury ke baad hamstrings cramp karte hain aur dono pair kamzor hote ja rahe hain.",
     "progressive_leg_weakness", True),
    ("Sprint mein hamstring cramp hua, ab leg pe weight nahi daal pa raha.",
     "pain_walking_or_straightening", True),
    ("Gym mein hi hamstring cramp aata hai, raat ko kabhi nahi hota.", "cramp_at_night", False),
    ("Back mein chot ke baad cramp, aur aaj subah se peshab pe control nahi.",
     "bladder_or_bowel_change", True),
    ("Kamar dard ke saath hamstring cramp, aur kal raat se peshab ruk gaya hai.",
     "bladder_or_bowel_change", True),
    ("Lambi flight ke baad meri pindli suji hui hai aur garam bhi, jaise cramp.",
     "calf_or_thigh_swollen_warm_red", True),
    ("Cramp hua aur ab jaangh ke peeche neela pad gaya hai.", "bruising", True),
    ("Match ke baad peshab ka rang gehra bhura tha aur hamstrings mein cramp.",
     "dark_urine_after_exercise", True),
    # A cramp's length, drinking by the pint, and set-aside denials.
    ("Woke with my hamstring locked and it stayed that way a good 25 minutes.",
     "cramp_lasts_over_10_min", True),
    ("He reckons the back of his thigh has been cramped three days straight.",
     "cramp_lasts_over_10_min", True),
    ("Ten pints most weekends, and hardly touches water. Hamstrings cramp at night.",
     "heavy_alcohol_use", True),
    ("Stretching daily, magnesium at night, more fluids. Nothing's helped the hamstring cramps.",
     "persists_despite_self_care", True),
    ("Stretched it, walked about, and nothing shifted the hamstring cramp for ten minutes.",
     "persists_despite_self_care", None),
    ("My hamstrings cramped at the club in 108 degrees.", "cramp_in_hot_conditions", True),
    ("My hammies go towards the end of long matches.", "cramp_late_in_session", True),
    ("My hamstring cramped in the round robin on Sunday.", "cramp_during_exercise", True),
    ("Who has time for a warm-up? My hamstrings cramp in the first game.",
     "skips_warmup", True),
    ("Mostly my left hamstring cramps, but the right has done it too.", "one_side_only", False),
    # Jamaican and West African English.
    ("Mi back a hurt from di squat an now mi cyaan pee proper, it just nah come.",
     "bladder_or_bowel_change", True),
    ("Both leg dem feel weak an a get worse every day since mi hurt mi back.",
     "progressive_leg_weakness", True),
    ("After the long flight my calf don puff up and e hot when I touch am.",
     "calf_or_thigh_swollen_warm_red", True),
    ("My hamstring dey cramp but my back, e no dey pain me at all.", "back_pain", False),
    ("Mi drink heavy every weekend, rum an beer, an di hamstring cramp mi at night.",
     "heavy_alcohol_use", True),
    ("Round mi batty feel dead since yesterday, like when dentist numb yuh mouth.",
     "saddle_numbness", True),
    # A ward's shorthand and a cramp that goes on.
    ("Day 6 post R TKR, cramping back of R thigh, thigh swollen.",
     "recent_immobilisation_or_surgery", True),
    ("Hamstring cramp that never switches off since Tuesday.", "cramp_lasts_over_10_min", True),
    ("I can never switch off at night and my hamstrings cramp.", "cramp_lasts_over_10_min",
     None),
    ("A dull ache from my lower back through the thigh and on past the knee.",
     "pain_radiates_below_knee", True),
    # Not a pop: a photo sent, a breakfast, a grandad.
    ("Sent you a snap of my hip thrust set, the hamstrings cramped again.",
     "popping_sensation", None),
    ("Living on pop-tarts and crisps this week and my hamstrings cramp.",
     "popping_sensation", None),
    ("SLR 110 degrees both sides, hamstring cramps on RDLs.", "cramp_in_hot_conditions", None),
    # Signs played down, told in passing.
    ("Hamstring went and I was laid on the floor a good 20 minutes before it let go.",
     "cramp_lasts_over_10_min", True),
    ("Back from Singapore, 14 odd hours in economy, and now the calf is puffy and warm.",
     "recent_immobilisation_or_surgery", True),
    ("Back's gone again, legs cramping, and I didn't make it for a number two this morning.",
     "bladder_or_bowel_change", True),
    ("Back's gone, numb round my backside and I haven't had the normal urge to pee all day.",
     "bladder_or_bowel_change", True),
    ("Both hamstrings went in bed and I couldn't shift them for 20 minutes.",
     "cramp_lasts_over_10_min", True),
    ("The cramp was gone in a minute and the back of my thigh is going purple now.",
     "bruising", True),
    ("Can't get my fingers lower than my knees with the legs straight, and my hamstrings cramp.",
     "tight_hamstrings", True),
    # A hobble while the cramp held, which then let go, is not pain on walking after it.
    ("My hamstring cramped and I had to stop and hobble, then it eased off.",
     "pain_walking_or_straightening", None),
    # Denials and signs told in everyday words.
    ("My hamstring cramped and this morning I could barely get a wee out.",
     "bladder_or_bowel_change", True),
    ("Hamstrings cramp on runs. No numbness, no swollen legs, no dark pee.",
     "calf_or_thigh_swollen_warm_red", False),
    ("Flew back from Perth on Monday, about 17 hours with the stopover, and now my calf and "
     "hamstring ache like a cramp.", "recent_immobilisation_or_surgery", True),
    ("My hamstring cramps but I don't take any water tablets or statins.",
     "low_fluid_intake", None),
    ("Cramps in my hammies but it was 40 degrees out there, not hot at all.",
     "cramp_in_hot_conditions", False),
    ("Cramped in the hamstring halfway through a two hour lecture.",
     "cramp_while_sitting_or_resting", True),
    ("My hamstring cramps on the third lot every morning at the yard, never the first.",
     "cramp_late_in_session", True),
    ("My hammies lock up in the last furlong.", "cramp_late_in_session", True),
    ("Haven't played a game since college and my hamstrings cramp at practice.",
     "new_or_returning_to_exercise", True),
    ("The water bottle never leaves my side and the hamstrings still cramp.",
     "low_fluid_intake", False),
    ("Hamstrings cramp on the hill. I was out 12 hours car to car.",
     "long_or_intense_sessions", True),
    ("Hamstrings cramp at night and I'll have six or eight cans most nights.",
     "heavy_alcohol_use", True),
    ("I couldn't put any weight on it, two of my mates had to carry me to the car.",
     "pain_walking_or_straightening", True),
    ("The back of my thigh's gone black already.", "bruising", True),
    ("Everything down there feels completely normal.", "saddle_numbness", False),
    ("My hamstring cramped and now the leg won't do what I tell it.", "weakness_after", True),
    ("My hamstring cramps every time I rock over onto a high foot.", "cramp_during_exercise", True),
    ("I've added hip thrusts. Every. Single. Rep. My hamstrings cramp.",
     "trigger_bridge_or_hip_thrust", True),
    ("She hardly drinks alcohol, a glass of wine at Christmas.", "heavy_alcohol_use", False),
    ("I haven't trained since before I got pregnant with my son; I'm not pregnant now.",
     "pregnant", False),
    ("Mum has an underactive thyroid and I'm not convinced she takes her levothyroxine.",
     "thyroid_condition", True),
    ("My hamstrings wouldn't stop cramping and this morning my wee was dark brown.",
     "dark_urine_after_exercise", True),
    ("I know you said build up slowly, but I went from 15 miles a week to 30.",
     "recent_training_increase", True),
    ("My hamstrings have cramped in 4 of my last 5 sessions.", "frequent_cramps", True),
    ("My hamstring cramped and theres a little purply mark coming up on my leg.",
     "bruising", True),
    ("The marathon was fine till about mile 20, then both hammies went.",
     "trigger_running_or_sprinting", True),
    ("It's numb round my bum and it's not saddle numbness, I haven't been on the bike.",
     "saddle_numbness", True),
    ("Had an accident at the shops, didn't even feel I needed a wee.", "bladder_or_bowel_change", True),
    ("My hamstrings cramp. I clench my glutes but can't even tell if they're "
     "doing anything.", "hard_to_feel_glutes", True),
    ("No flights or ops lately.", "recent_immobilisation_or_surgery", False),
    ("My hamstrings cramp on runs, and he's not a sweaty guy at all.", "heavy_sweating", False),
    ("Lifting a sofa on Friday my back caught, and now my hamstring cramps.", "back_pain", True),
    ("My L4 disc went a few years ago.", "disc_injury_history", True),
    ("I'm fine while running, but hours later on the couch my hamstrings cramp.",
     "trigger_running_or_sprinting", False),
    ("I drink only at half time, and my hamstrings cramp in the second half.",
     "low_fluid_intake", True),
    ("At work I drink very less water.", "low_fluid_intake", True),
    ("My trainer says squeeze the glutes but I am not able to feel anything there.",
     "hard_to_feel_glutes", True),
    ("My hamstrings cramp. I'm not stiff either, very flexible in fact.", "tight_hamstrings", False),
    ("Didn't run at all in May because of work, then I went from 0 to like 30 km a week.",
     "recent_training_increase", True),
    ("Her L hamstring went on a drive, then the R one straight after.", "one_side_only", False),
    ("A podiatrist said my left leg's about a cm longer and gave me an insole I never wear.",
     "leg_length_difference", True),
    ("The hamstring cramps early. Second half it never happens.", "cramp_late_in_session", False),
    ("I sat down on my tea break and my hamstring cramped.",
     "cramp_while_sitting_or_resting", True),
    ("I have mild CP, mostly on my left side.", "neurological_condition", True),
    ("He refuses to do the team warm-up and his hamstring cramps.", "skips_warmup", True),
    ("Ma pish wis dark efter the game.", "dark_urine_after_exercise", True),
    ("Hamstrings cramp on bridges. He feels it all in t'back of his legs, hardly owt in his bum.",
     "feel_hamstrings_more_than_glutes", True),
    ("He hasn't felt the need to pee since breakfast.", "bladder_or_bowel_change", True),
    ("Had a single small bottle and ran dry after an hour.", "low_fluid_intake", True),
    ("Only got through one bidon in 40 miles and my hamstrings cramped.",
     "low_fluid_intake", True),
    ("May malaking pasa sa likod ng hita ko.", "bruising", True),
    ("I do a full 20 min on the turbo before every ride, and my hamstrings still cramp.", "skips_warmup", False),
    ("I spent the summer off doing nothing and now my hamstrings cramp at training.",
     "cramp_while_sitting_or_resting", None),
    ("Hamstrings cramp on anything over 3 hours on the bike.", "cramp_late_in_session", True),
    ("Since Tuesday the back of my thigh feels like a cramp that isn't going away.",
     "cramp_lasts_over_10_min", True),
    ("When I went to the jacks it came out like cola.", "dark_urine_after_exercise", True),
    ("This morning I'm numb around my bum, like sitting on a seat with no feeling in it.",
     "saddle_numbness", True),
    ("Walked 20 miles. That night my hamstrings cramped like nothing I ever felt.",
     "cramp_after_exercise", True),
    ("Hamstrings cramp on the bridges. He says it's all in the hammers, nothing in his bum.",
     "feel_hamstrings_more_than_glutes", True),
    ("I was sweating like I was in a sauna the whole game.", "heavy_sweating", True),
    ("He gets hamstring cramps on his runs, more than once a week now.", "frequent_cramps", True),
    ("My thighs cramp, mostly sitting down in the evenings.", "cramp_while_sitting_or_resting", True),
    ("My hamstring went, I can't straighten it, there's no power in it.", "weakness_after", True),
    ("Out walking the dogs my hamstrings cramp.", "cramp_during_exercise", True),
    ("Honestly I drink a lot, and my hamstrings cramp at night.", "heavy_alcohol_use", True),
    ("The coach just shouts go, no jog or anything first, and my hamstring cramps.",
     "skips_warmup", True),
    ("My hamstring cramped at the weekend and the leg's got nothing in it.", "weakness_after", True),
    ("These cramps wake me, and last night's went a good 25 minutes.",
     "cramp_lasts_over_10_min", True),
    ("I never do any limbering up before the match.", "skips_warmup", True),
    ("My back has ached on and off for years.", "back_pain", True),
    ("The ache in my hamstring is worse when I walk.", "pain_walking_or_straightening", True),
    ("Since the cramp that leg feels a bit feeble.", "weakness_after", True),
    ("When I walk there is no pain, it's only the cramp.", "pain_walking_or_straightening", False),
    ("His left leg (no feeling in it) has gone swollen and red.",
     "calf_or_thigh_swollen_warm_red", True),
    ("Pee was dark-ish yellow, not brown.", "dark_urine_after_exercise", False),
    ("She has an incomplete C6 injury.", "neurological_condition", True),
    ("I'm a full-time wheelchair user.", "sits_most_of_day", True),
    ("My hamstring cramped and my leg feels weak too.", "weakness_after", True),
    ("Since Monday it's felt like a cramp behind my knee, it's constant.",
     "cramp_lasts_over_10_min", True),
    ("The hamstring cramps on long runs, sometimes the one leg sometimes the other.",
     "one_side_only", False),
    ("Now the back of my thigh is violet.", "bruising", True),
    ("I feel the hip thrusts in the backs of my thighs, hardly at all in my glutes.",
     "feel_hamstrings_more_than_glutes", True),
    ("We walked for the spinal injuries unit and my hamstrings cramped.",
     "neurological_condition", None),
    ("Nurse: Any bruising on the leg? Caller: No, nothing like that.", "bruising", False),
    ("Nurse: What's happened? Caller: His calf has swollen up since his flight, it's hot and "
     "red.", "calf_or_thigh_swollen_warm_red", True),
    ("Doctor: Any numbness round your bottom? Patient: No, none. Doctor: And your waterworks? "
     "Patient: All normal.", "saddle_numbness", False),
    ("His pee is dark brown, like tea with no milk.", "dark_urine_after_exercise", True),
    ("I'm 60 and only have a beer or two at the weekend.", "heavy_alcohol_use", None),
    ("Fine during the match, but that evening my hamstrings cramped from all the running.",
     "cramp_during_exercise", None),
    ("The hamstring wouldn't let go. I timed it, about 18 minutes.",
     "cramp_lasts_over_10_min", True),
    ("He's been trying to pee all morning and nothing is coming out.",
     "bladder_or_bowel_change", True),
    ("My hamstrings cramp and I always do the team warm-up.", "skips_warmup", False),
    ("Hamstrings cramp since we doubled what we were doing over summer.",
     "cramp_in_hot_conditions", None),
    ("My hamstring cramps on runs. Same leg every time.", "one_side_only", True),
    ("Five or six hours in, the hamstrings start going.", "cramp_late_in_session", True),
    ("I can't stand warm-ups and my hamstring grabs in the first few minutes.",
     "skips_warmup", True),
    ("I hop out of the car and start running, and my hamstring grabs.", "skips_warmup", True),
    ("On bridges my backside is just along for the ride and my hamstrings cramp.",
     "feel_hamstrings_more_than_glutes", True),
    ("My hamstrings cramp at the end of every match, and it's not warm at all.",
     "cramp_in_hot_conditions", False),
    ("I do the school run every morning and my hamstrings cramp at night.",
     "trigger_running_or_sprinting", None),
    ("Straight out without so much as a stretch, and my hamstring grabs.", "skips_warmup", True),
    ("Mi hamstring cramp. Mi nuh tek nuh tablets an mi drink nuff water.",
     "low_fluid_intake", False),
    ("My hamstrings cramp, mostly when summer hot.", "cramp_in_hot_conditions", True),
    ("Tuesday sessions my hamstrings cramp.", "cramp_during_exercise", True),
    ("I cramped on the runway at the county champs.", "cramp_during_exercise", True),
    ("Mih hamstring stiff stiff, I cyah reach past mih knees.", "tight_hamstrings", True),
    ("The hamstring cramps, one leg one day, the other leg the next.", "one_side_only", False),
    ("It never cramps on my walks, it's when I sit down at night that it goes.",
     "cramp_while_sitting_or_resting", True),
    ("My hamstring cramps come when he finally sits down after work.",
     "cramp_while_sitting_or_resting", True),
    ("I get cramp in my hamstrings even sat in the car.", "cramp_while_sitting_or_resting", True),
    ("He sits in the site office most of the shift.", "sits_most_of_day", True),
    ("Hamstrings cramp on hip thrusts. Bruising ✗. Nocte cramps ✗.", "bruising", False),
    ("Hamstrings cramp on hip thrusts. Bruising ✗. Nocte cramps ✗.", "cramp_at_night", False),
    ("Hamstring cramps with back pain down the leg. Saddle ✗ waterworks/bowels ✗.",
     "saddle_numbness", False),
    ("Hamstring cramps with back pain down the leg. Saddle ✗ waterworks/bowels ✗.",
     "bladder_or_bowel_change", False),
    ("Leg not swollen. No travel, ops or plaster recently.",
     "recent_immobilisation_or_surgery", False),
    ("Hamstring cramped in a match. Walking + stairs pain free.",
     "pain_walking_or_straightening", False),
    ("My hamstrings cramp in matches. At night nothing, only when I play.", "cramp_at_night", False),
    ("The posterior de coxa cramps and there is a mancha roxa now.", "bruising", True),
    ("He jumps out of the car, cero calentamiento, and his hamstring cramps.", "skips_warmup", True),
]


@pytest.mark.parametrize(("text", "finding", "value"), PLAIN_WORDINGS)
def test_a_finding_is_read_as_the_writer_meant_it(text: str, finding: str,
                                                  value: bool | None) -> None:
    assert read(text).get(finding) is value
