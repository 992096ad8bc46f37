"""Read a person's own description of their cramps into findings, with the words behind each.

The rule reader works in three steps:

1. Every cue of the lexicon is matched against the lower-cased text. A match gives the
   cue's value, or a number read from it (durations, frequencies, percentages).
2. Its surroundings decide how sure that is. A negation before it in the same clause (or
   inside it, or a "... is fine" right after it) flips it; a hedge ("maybe", a question)
   makes it uncertain (None). Red-flag findings are read more cautiously: any denial in
   the clause keeps them from being present.
3. The reads of each finding are combined: direct statements beat implications, which beat
   indirect hints; statements that contradict each other leave the finding uncertain.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pydantic import BaseModel, ConfigDict, Field

from crampcoach.intake.lexicon import CompiledCue, LazyRegex, Lexicon, compile_patterns, load_lexicon
from crampcoach.intake.prefilter import OpeningPlaces, has_other_digits, matches_at
from crampcoach.intake.spelling import Corrected, Speller, load_speller, names_in

STRONG, IMPLIED, WEAK = 3, 2, 1
# A concept (words of each group in one clause) is read below any direct cue.
CONCEPT = IMPLIED
_WORD = re.compile(r"[\w']+")
# A sentence ends at . ! ? followed by a space or the end, or at a line break.
# A slash between spaces ends a sentence too: it parts the fields of a form ("Age: 34 / Sport:
# rugby") and messages sent one after another.
# A line break right after the punctuation ends the same sentence: no sentence of blanks
# stands between a question and the line that answers it.
_SENTENCE_END = re.compile(r"[.!?]+(?:[ \t]*\n+|(?=\s|$))|\n+|(?<=\s)/(?=\s)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NOT_A_NUMBER = " times", " time", " cramps", "-odd", " odd"
# How far past a session's length `long_not_for` is looked for ("25 km a week").
_AFTER_A_LENGTH = 16
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})


class Span(BaseModel):
    """Where a finding was read: character offsets into the text, and the words there."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    finding: str
    value: bool | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Reading(BaseModel):
    """What was read: each finding's value (None: mentioned, not certain) and its spans."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    findings: dict[str, bool | None]
    spans: list[Span]


@dataclass(frozen=True)
class _Read:
    finding: str
    value: bool | None
    tier: int
    start: int
    end: int
    covers: tuple[str, ...] = ()
    denial_covers: bool = False
    # A warning sign left uncertain by these negations elsewhere in its clause.
    doubts: tuple[tuple[int, int], ...] = ()
    # Read from a number ("lasted 25 minutes"): one episode's measure, not a denial of others.
    measured: bool = False
    # The negations that turned this reading round (turned back if they belong to another
    # finding's statement; see `_keep_statements`).
    denied_by: tuple[tuple[int, int], ...] = ()
    # Read by words that carry their own negation ("can't feel my glutes"): a statement.
    states: bool = False
    # A warning sign said, then doubted only by a hedge later in its sentence ("swollen and
    # warm, not red I think"): said, so a denial of a part of it cannot deny it all.
    said_then_doubted: bool = False


def normalise(text: str) -> str:
    """Lower-case with straight quotes, keeping every character at its offset.

    A single quote that is not inside a word ("numb 'down there'") quotes, so it becomes a
    space; one between letters ("can't") stays. Brackets around a word or two ("my bol
    (urine) is brown", "hamila (pregnant)") gloss the word beside them: they become spaces,
    so the gloss is read in its sentence rather than as a clause of its own.
    """
    out = []
    straight = text.translate(_QUOTES)
    last = len(straight) - 1
    for i, ch in enumerate(straight):
        if ch == "'" and not (0 < i < last and straight[i - 1].isalnum()
                              and straight[i + 1].isalnum()):
            out.append(" ")
            continue
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    for gloss in _GLOSS.finditer(straight):
        out[gloss.start() + gloss.group().index("(")] = out[gloss.end() - 1] = " "
    return "".join(out)


# A word or two in brackets straight after a word: a gloss ("bol (urine)"), not an aside
# ("(never ran before)", "(no falls)", "(I always forget)"), whose denial or speaker would
# spill into the sentence.
_GLOSS = re.compile(
    r"(?<=\w)\s?\((?![^()]*?(?:n't|\b(?:no|not|never|nothing|none|nor|without|i|i'm|my|me|we|"
    r"you|it|he|she|they|yes|tbh|lol|haha|rare|rarely|sometimes|usually|often|always|once|twice|"
    r"again|too|also|maybe|probably)\b))(?:\s*[^\W\d][\w'-]*){1,3}\s*\)", re.IGNORECASE)


# Words that join a statement of its own on: a negation before them is of that statement
# ("a cramp that never lets go and it's bigger than the other").
_JOINED = re.compile(r"\b(?:and|that|which|but|so|then)\b")
_JOIN_WORD = re.compile(r"\b(?:and|or|but|plus)\b")
# A denied list joined by "or" carries its denial to the last item; a comma, "and", "but" or
# the end of a sentence ends it.
_OR_JOINED = re.compile(r"\bor\b")
_OR_LIST_ENDS = re.compile(r"[,;:.!?()]|\b(?:and|but|though|although|because|since|so|then)\b")
# Right after a statement, a negation that opens a new one joined on ("numb down there and
# hasn't been able to pee") denies that new statement, not the words before it.
_OWN_STATEMENT = re.compile(
    r"\W*(?:and|but|so|then|plus)\s+(?:(?:he|she|i|they|it|we|that|this)(?:'s|'d|'ve| has| is| was| had)?\s+)?")
_NOUN_NEGATION = re.compile(r"no|without|zero")
# A clause that opens with a contrast ("never at night, only during games"; "not during the
# run but after it"; "never feel it in my bum, it's all back of the legs") says the opposite
# of the denial before it: that denial is not its own.
_CONTRAST_OPENS = re.compile(
    r"[\s,;:.-]*(?:but |and )?(?:only|just|but|except|(?:it's|its|it is|it was) (?:all|only|just|mostly))\b")
# A question answered "no" right after it ("Night cramps? Nope, sleep like a log").
# The answer stands on its own ("No." or "Nope,"), not "no bruising" opening a statement.
_ANSWERED_NO = re.compile(
    r"\s*(?:a\s*:\s*)?(?:(?:nope|nah)(?![\w'])|(?:no|never|not really|not at all|none)"
    r"(?=\s*(?:[,./!;]|$)))")
_LINE_START = re.compile(r"(?m)^")
# Where a speaker's turn may start on one line: the text's start, a line's, or after a
# sentence's end.
_TURN_START = re.compile(r"(?m)^|(?<=[.!?])[ \t]+")
_LABELLED_NO = re.compile(r"(?:no|nope|nah|none|never|not really|not at all)(?![\w'])")
_YES_AT_END = re.compile(r"[^.?!\n]{0,40}?(?<![\w'])(?:yes|yeah|yep|yup)[\s.!]*$")
_ANSWER_NO_THEN = re.compile(r"(?:no|nope|nah)\s*[,.;!]")
_LABELLED_YES = re.compile(
    r"(?:yes|yep|yeah|yup|aye|ya|definitely|always|a bit|a little|sort of|kind of|i think so)"
    r"(?![\w'])")
_OPEN_QUESTION = re.compile(r"(?:what|how|when|where|which|who|whereabouts)(?:'s|'re|'ve)?(?![\w'])")
# ... and answered "yes" ("Q: drink enough? A: yes"): the question's words are then said.
_ANSWERED_YES = re.compile(
    r"\s*(?:a\s*:\s*)?(?:yes|yep|yeah|yup|definitely|always)(?=\s*(?:[,./!;]|$))")
# After a list of denials, a comma and a verb open a statement of their own: "no meds, no
# health problems, drinking 3 litres a day" denies neither the drinking nor "drink fine", and
# "not unfit, run 3x a week, drink heaps" does not deny the drinking.
_LIST_DENIAL = re.compile(r"no|without|zero|not|never|nil|none")
_VERB_AFTER_COMMA = re.compile(
    r",\s*(?:and\s+|but\s+|then\s+)?(?:i'm\s+|i am\s+|i\s+|he\s+|she\s+|still\s+)?"
    r"(?:drinking|eating|training|running|doing|taking|having|getting|playing|riding|cycling|"
    r"lifting|sleeping|walking|working|drinks?|drank|eats?|ate|trains?|trained|takes?|took|"
    r"sleeps?|slept)\b")
# After a comma, "and" and a subject with its verb: a statement of its own.
_NEW_SUBJECT_AFTER_COMMA = re.compile(
    r",\s*(?:and|but|plus|now)\s+(?:now\s+)?(?:it's|its|it is|it was|it has|they're|they are|"
    r"there's|there is)\s")
# The noun a "no" denies, inside the same gap ("no bar"; not "no longer").
_OWN_NOUN = re.compile(r"\s+(?!(?:longer|more|further|real|sign)\b)[a-z]+\b")


def _denies_only_its_noun(norm: str, ns: int, ne: int, end: int,
                          worded: list[tuple[int, int]]) -> bool:
    """Whether the "no" at `ns` denies just the next word, one not among the matched words."""
    if _NOUN_NEGATION.fullmatch(norm, ns, ne) is None:
        return False
    noun = _OWN_NOUN.match(norm, ne, end)
    return noun is not None and not any(ms < noun.end() <= me for ms, me in worded)


# After a comma, a denied verb of its own ("drank to plan, wasn't hot").
_AFTER_COMMA = re.compile(r"\W*,\s*")
_DENIED_VERB = re.compile(r"(?:wasn't|isn't|aren't|weren't|didn't|doesn't|don't|haven't|hasn't)\b")


def _opens_own_statement(norm: str, before: int, ns: int) -> bool:
    """Whether the negation at `ns`, right after words ending at `before`, starts a new
    statement rather than denying those words."""
    return (_OWN_STATEMENT.fullmatch(norm, before, ns) is not None
            or (_AFTER_COMMA.fullmatch(norm, before, ns) is not None
                and _DENIED_VERB.match(norm, ns) is not None))


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding `pos` ends, as the layout splits sentences."""
    found = _SENTENCE_END.search(text, pos)
    return found.end() if found else len(text)


def _on_lines(norm: str, speaker: re.Pattern[str]) -> bool:
    """Whether two or more lines of `norm` open with a speaker's label."""
    return sum(1 for m in _LINE_START.finditer(norm) if speaker.match(norm, m.end())) >= 2


def is_conversation(norm: str, speaker: re.Pattern[str]) -> bool:
    """Whether `norm` is a written-up conversation: two or more lines open with a speaker's
    label ("Nurse: ... / Pt: ..."), or, written on one line, two or more sentences open with
    the labels of at least two speakers named in words ("Nurse: any bruising? Caller: no").
    A single letter on one line ("A: 45") is a form's field, not a speaker."""
    if _on_lines(norm, speaker):
        return True
    labels = [found.group() for m in _TURN_START.finditer(norm)
              if (found := speaker.match(norm, m.end())) is not None]
    named = {word for word in (re.sub(r"[^a-z]", "", label) for label in labels) if len(word) > 1}
    return len(labels) >= 2 and len(named) >= 2


class _Layout:
    """Sentences, clause breaks, words, negations and hedges of one text, found once."""

    def __init__(self, norm: str, lex: Lexicon, conversation: bool | None = None) -> None:
        """`conversation`: whether `norm` is a written-up conversation, when the caller has
        already asked (`is_conversation`); otherwise it is asked here."""
        self.norm = norm
        self._opening_set_of = lex.opening_set_of
        self._opening_finder = lex.opening_finder
        # Where the lexicon's openings start in the text: worked out when first needed.
        self._places: OpeningPlaces | None = None
        self._places_found = False
        self.sentences: list[tuple[int, int]] = []
        start = 0
        for m in _SENTENCE_END.finditer(norm):
            if m.end() > start:
                self.sentences.append((start, m.end()))
            start = m.end()
        if start < len(norm):
            self.sentences.append((start, len(norm)))
        self.label_spans: list[tuple[int, int]] = []
        self.yes_questions: list[tuple[int, int]] = []
        # Each sentence's speaker's label, in a written-up conversation.
        labels: list[re.Match[str] | None] = [None] * len(self.sentences)
        if conversation is None:
            conversation = (lex.speaker_label is not None
                            and is_conversation(norm, lex.speaker_label))
        if conversation and lex.speaker_label is not None:
            labels = self._join_answers(lex.speaker_label)
        self.sentence_starts = [s for s, _ in self.sentences]
        # The sentences that speak of what the one before them named ("we stretched it").
        self.refer_back = ({self.sentence_of(m.start()) for m in self.finditer(lex.refers_back)}
                           if lex.refers_back is not None else set())
        breaks = sorted(m.span() for m in lex.breakers.finditer(norm))
        self.break_starts = [s for s, _ in breaks]
        self.break_ends = sorted(e for _, e in breaks)
        self.contrast_starts = [e for e in self.break_ends if _CONTRAST_OPENS.match(norm, e)]
        self.words = [m.start() for m in _WORD.finditer(norm)]
        self.pseudo = [m.span() for m in self.finditer(lex.pseudo_negation)]
        self.negation_after = lex.negation_after
        self.negations = [
            m.span() for m in lex.negation.finditer(norm)
            if not any(ps <= m.start() < pe for ps, pe in self.pseudo)
        ]
        self.negation_starts = [s for s, _ in self.negations]
        # Where each denial stops reaching: a denied action stops at the next comma.
        self.negation_reach: dict[int, int] = {}
        if lex.verbal_negation is not None:
            for ns, _ in self.negations:
                action = lex.verbal_negation.match(norm, ns)
                comma = norm.find(",", action.end()) if action else -1
                if comma >= 0:
                    self.negation_reach[ns] = comma
        # A text that never names the cramp is all about it ("only on the bridges").
        self.topic = lex.topic
        self._mentioned: dict[LazyRegex, bool] = {}
        self.topic_unnamed = lex.topic is not None and self.search(lex.topic) is None
        self.hedges = [m.span() for m in self.finditer(lex.hedge)]
        self.hedge_starts = [s for s, _ in self.hedges]
        self.fears = [m.span() for m in self.finditer(lex.fear)] if lex.fear else []
        # Where each sentence's own words start, after a speaker's label ("Nurse: ").
        opens = [label.end() if label else s
                 for label, (s, _) in zip(labels, self.sentences, strict=True)]
        # A labelled line asking what, how or when ("Nurse: what colour is your urine?")
        # doubts nothing: its words are the topic the answer speaks to.
        self.questions = {
            i for i, (s, e) in enumerate(self.sentences)
            if norm[s:e].rstrip().endswith("?") and (
                (labels[i] is not None and _OPEN_QUESTION.match(norm, opens[i]) is None)
                or (lex.question_start is not None and lex.question_start.match(norm, s, e)))
        }
        # Where each question stops asking: after a frame that presupposes what follows
        # ("should I worry my pee is dark?"), else at the end of the sentence.
        self.question_ends: dict[int, int] = {}
        for i in self.questions:
            s, e = self.sentences[i]
            frame = lex.question_frame.search(norm, s, e) if lex.question_frame else None
            self.question_ends[i] = frame.end() if frame is not None else e
        # The sentence that answers each one: the next with any words (a line break alone
        # is no answer).
        worded = [i for i, (s, e) in enumerate(self.sentences) if norm[s:e].strip()]
        reply = dict(itertools.pairwise(worded))
        self.answered_yes = {
            i for i in self.questions
            if i in reply and (
                _ANSWERED_YES.match(norm, opens[reply[i]]) is not None
                or (labels[reply[i]] is not None and (
                    _LABELLED_YES.match(norm, opens[reply[i]]) is not None
                    # "Pt: in my foot yes": the yes at the end of a short reply.
                    or _YES_AT_END.match(norm, opens[reply[i]],
                                         self.sentences[reply[i]][1]) is not None)))
        }
        # A question answered yes says its words, its own "could" or "maybe" included ("Any
        # chance you could be pregnant? / Pt: yes, 27 weeks").
        yes_spans = [self.sentences[i] for i in self.answered_yes] + self.yes_questions

        def unasked(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
            return [h for h in spans if not any(s <= h[0] < e for s, e in yes_spans)]

        self.hedges = unasked(self.hedges)
        self.hedge_starts = [s for s, _ in self.hedges]
        self.fears = unasked(self.fears)
        self.fear_starts = [s for s, _ in self.fears]
        # A labelled reply's own "no," answers the question; it denies nothing said after it
        # ("Does it ease? / Pt: no, physio's been stretching them, won't let go").
        answer_words = {
            opens[i] for i in reply.values()
            if labels[i] is not None and _ANSWER_NO_THEN.match(norm, opens[i])
        }
        self.negations = [n for n in self.negations if n[0] not in answer_words]
        self.negation_starts = [s for s, _ in self.negations]
        # A labelled answer opening with "no" answers no, whatever follows ("Pt: no looks
        # normal").
        self.answered_no = {
            i for i, (s, e) in enumerate(self.sentences)
            if i in reply and norm[s:e].rstrip().endswith("?")
            and (_ANSWERED_NO.match(norm, opens[reply[i]]) is not None
                 or (labels[reply[i]] is not None
                     and _LABELLED_NO.match(norm, opens[reply[i]]) is not None))
        }

    def _join_answers(self, speaker: re.Pattern[str]) -> list[re.Match[str] | None]:
        """In a written-up conversation, a question that asks what, how or when, or that is
        answered yes, is one statement with the line that answers it: "Nurse: when do the
        cramps come? / Pt: last hour of my long rides", "Nurse: does the pain go down your
        legs? / Pt: yes, past the knees". A question answered otherwise stays a question.
        Returns each remaining sentence's label."""
        norm = self.norm
        labels = [speaker.match(norm, s, e) for s, e in self.sentences]
        self.label_spans = [label.span() for label in labels if label is not None]
        # First each speaker's turn is one sentence, up to the end of its line ("Pt: its not
        # blood or anything. just dark, like flat coke"). A conversation written on one line
        # has no line ends to go by: there each sentence stays its own.
        on_lines = _on_lines(norm, speaker)
        turns: list[tuple[int, int]] = []
        turn_labels: list[re.Match[str] | None] = []
        open_turn = False
        for (s, e), label in zip(self.sentences, labels, strict=True):
            if label is None and open_turn:
                turns[-1] = (turns[-1][0], e)
            else:
                turns.append((s, e))
                turn_labels.append(label)
                open_turn = label is not None
            open_turn = open_turn and on_lines and "\n" not in norm[s:e]
        self.sentences, labels = turns, turn_labels
        joined: list[tuple[int, int]] = []
        joined_labels: list[re.Match[str] | None] = []
        i = 0
        while i < len(self.sentences):
            s, e = self.sentences[i]
            label, after = labels[i], i + 1
            answer = labels[after] if after < len(self.sentences) else None
            if label is not None and answer is not None and norm[s:e].rstrip().endswith("?"):
                answer_start, answer_end = answer.end(), self.sentences[after][1]
                said_yes = (_LABELLED_YES.match(norm, answer_start) is not None
                            or _YES_AT_END.match(norm, answer_start, answer_end) is not None)
                if said_yes or _OPEN_QUESTION.match(norm, label.end()) is not None:
                    if said_yes:
                        self.yes_questions.append((s, e))
                    joined.append((s, answer_end))
                    joined_labels.append(label)
                    i += 2
                    continue
            joined.append((s, e))
            joined_labels.append(label)
            i += 1
        self.sentences = joined
        return joined_labels

    def _starts_of(self, pattern: re.Pattern[str] | LazyRegex) -> list[int] | None:
        """Where in the text a match of `pattern` can start, when the lexicon knows how its
        matches open (None: anywhere). Not relied on in a text with digits other than 0-9."""
        index = self._opening_set_of.get(pattern.pattern)
        if index is None:
            return None
        if not self._places_found:
            self._places_found = True
            if not has_other_digits(self.norm):
                self._places = self._opening_finder.places_in(self.norm)
        return None if self._places is None else self._places.of(index)

    def search(self, pattern: re.Pattern[str] | LazyRegex, start: int = 0,
               end: int | None = None) -> re.Match[str] | None:
        """`pattern.search(self.norm, start, end)`, tried only where a match can start."""
        return next(self.finditer(pattern, start, end), None)

    def finditer(self, pattern: re.Pattern[str] | LazyRegex, start: int = 0,
                 end: int | None = None) -> Iterator[re.Match[str]]:
        """`pattern.finditer(self.norm, start, end)`, tried only where a match can start."""
        end = len(self.norm) if end is None else end
        starts = self._starts_of(pattern)
        if starts is None:
            return pattern.finditer(self.norm, start, end)
        return matches_at(pattern, self.norm, starts, start, end)

    def mentions(self, pattern: re.Pattern[str] | LazyRegex, start: int = 0,
                 end: int | None = None) -> bool:
        """Whether `pattern` occurs in [start, end); the cramp counts as named throughout a
        text that never names it."""
        found = self.search(pattern, start, end)
        return found is not None or (
            self.topic_unnamed and self.topic is not None and pattern.pattern == self.topic.pattern)

    def mentioned(self, pattern: LazyRegex) -> bool:
        """`mentions` over the whole text, worked out once per pattern: the cues' needs and
        the concepts' groups ask it of the same few macros again and again."""
        if pattern not in self._mentioned:
            self._mentioned[pattern] = self.mentions(pattern)
        return self._mentioned[pattern]

    def others_in_clause(self, clause_start: int, clause_end: int, start: int,
                         end: int) -> tuple[tuple[int, int], ...]:
        """The negations of the clause outside the words at [start, end)."""
        return tuple((ns, ne) for ns, ne in self.negations
                     if clause_start <= ns and ne <= clause_end and not start <= ns < end)

    def asked(self, index: int, pos: int) -> bool:
        """Whether the words at `pos`, in sentence `index`, are asked rather than said."""
        return (index in self.questions and index not in self.answered_yes
                and pos < self.question_ends[index])

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def carried_back(self, first: int, index: int) -> int:
        """The first sentence of a scope reaching back from sentence `index` to `first`: one
        further back when `first`, a sentence between, speaks of what came before it ("we
        stretched it", "it just would not go"), which carries the story on."""
        return first - 1 if 0 < first < index and first in self.refer_back else first

    def clause(self, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
        """The clause around [start, end): from the last break before to the next after."""
        i = bisect.bisect_right(self.break_ends, start) - 1
        clause_start = max(sentence[0], self.break_ends[i] if i >= 0 else 0)
        j = bisect.bisect_left(self.break_starts, end)
        next_break = self.break_starts[j] if j < len(self.break_starts) else sentence[1]
        clause_end = min(sentence[1], next_break)
        return clause_start, max(clause_end, end)

    def words_before(self, pos: int, count: int) -> int:
        i = bisect.bisect_left(self.words, pos)
        return self.words[max(0, i - count)] if i > 0 else pos

    def contrast_between(self, start: int, end: int) -> bool:
        """Whether a clause opening with a contrast ("..., only during games") starts in
        (start, end): a denial before it is not of the words after it."""
        i = bisect.bisect_right(self.contrast_starts, start)
        return i < len(self.contrast_starts) and self.contrast_starts[i] < end

    def has_negation(self, start: int, end: int) -> bool:
        return _any_within(self.negations, self.negation_starts, start, end)

    def denials(self, start: int, cue_start: int, end: int,
                besides: tuple[tuple[int, int], ...] = ()) -> tuple[tuple[int, int], ...]:
        """The negations in [start, end) whose reach gets to the words at `cue_start`,
        outside the spans `besides`."""
        found = []
        i = bisect.bisect_left(self.negation_starts, start)
        while i < len(self.negations) and self.negations[i][1] <= end:
            ns, ne = self.negations[i]
            if (self.negation_reach.get(ns, cue_start) >= cue_start
                    and not any(bs <= ns < be for bs, be in besides)
                    and not self.new_statement_between(ns, ne, cue_start)):
                found.append(self.negations[i])
            i += 1
        return tuple(found)

    def or_list_from(self, near_from: int, far_from: int, cue_start: int) -> int:
        """Where denials of the words at `cue_start` may start: from `near_from`, or from a
        negation further back (not before `far_from`) whose list runs on with "or" up to the
        words ("haven't been on a plane or had any surgery or been laid up")."""
        i = bisect.bisect_left(self.negation_starts, far_from)
        while i < len(self.negations) and self.negations[i][0] < near_from:
            ns, ne = self.negations[i]
            between = self.norm[ne:cue_start]
            if _OR_JOINED.search(between) and not _OR_LIST_ENDS.search(between):
                return ns
            i += 1
        return near_from

    def new_statement_between(self, ns: int, ne: int, cue_start: int) -> bool:
        """Whether a "no" before the words is cut off from them by a comma and a verb, or
        any denial by a comma and a statement of its own ("couldn't feel it properly, and
        it's numb down below")."""
        if ne > cue_start:
            return False
        # The statement's own words may be the ones read ("zero warm-up, and it's 35 degrees").
        new_subject = _NEW_SUBJECT_AFTER_COMMA.search(self.norm, ne)
        if new_subject is not None and new_subject.start() < cue_start:
            return True
        if _LIST_DENIAL.fullmatch(self.norm, ns, ne) is None:
            return False
        comma = self.norm.rfind(",", ne, cue_start + 1)
        return comma >= 0 and _VERB_AFTER_COMMA.match(self.norm, comma) is not None

    def denies(self, start: int, cue_start: int, end: int,
               besides: tuple[tuple[int, int], ...] = ()) -> bool:
        return bool(self.denials(start, cue_start, end, besides))

    def denial_after(self, end: int, sentence_end: int) -> tuple[int, int] | None:
        """A denial right after the words ending at `end` ("swelling: none", "peshab mein koi
        problem nahi"), unless it is part of a phrase denying nothing ("before keto never")."""
        after = (self.negation_after.match(self.norm, end, sentence_end)
                 if self.negation_after is not None else None)
        if after is None or any(ps < after.end() and after.start() < pe for ps, pe in self.pseudo):
            return None
        return after.span()

    def of_own_nouns(self, gaps: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        """The negations inside `gaps` that deny only the noun after them ("hip thrusts,
        even with no bar, make my hamstrings cramp")."""
        return tuple((ns, ne) for gs, ge in gaps for ns, ne in self.negations
                     if gs <= ns and _denies_only_its_noun(self.norm, ns, ne, ge, []))

    def told_apart(self, gaps: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        """The negations inside `gaps` that deny a statement joined on in between ("that
        never lets go and it's ..."), not the words matched after them."""
        apart = []
        for gs, ge in gaps:
            for ns, ne in self.negations:
                if gs <= ns < ge and self.joined(ne, ge):
                    apart.append((ns, ne))
        return tuple(apart)

    def denial_opens_clause_in(self, gaps: tuple[tuple[int, int], ...]) -> bool:
        """Whether a gap runs on into a clause that opens with a denial ("cramp in the
        bridges only, not during sprints"): what follows is denied on its own, apart from
        the words before the gap."""
        for gs, ge in gaps:
            i = bisect.bisect_right(self.break_ends, gs)
            while i < len(self.break_ends) and self.break_ends[i] < ge:
                after = self.break_ends[i]
                while after < ge and self.norm[after] == " ":
                    after += 1
                j = bisect.bisect_left(self.negation_starts, after)
                # Not a bare "no": "tried magnesium, no help" tells a result.
                if (j < len(self.negation_starts) and self.negation_starts[j] == after
                        and not self.norm.startswith("no ", after)):
                    return True
                i += 1
        return False

    def joined(self, start: int, end: int) -> bool:
        """Whether a new statement is joined on between `start` and `end` ("... and it's")."""
        return _JOINED.search(self.norm, start, end) is not None

    def has_hedge(self, start: int, end: int, *, sentence_wide: bool = False) -> bool:
        """Whether a hedge starts in [start, end); `sentence_wide`: only one that doubts its
        whole sentence (not a feared diagnosis, which doubts only the words it names)."""
        return (_any_within(self.hedges, self.hedge_starts, start, end)
                or (not sentence_wide and _any_within(self.fears, self.fear_starts, start, end)))


def _any_within(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, start)
    return i < len(spans) and spans[i][1] <= end


def _number(text: str, lex: Lexicon) -> float | None:
    word = text.strip()
    for tail in _NOT_A_NUMBER:
        word = word.removesuffix(tail).strip()
    if word in lex.numbers:
        return lex.numbers[word]
    found = _NUMBER.fullmatch(word)
    if found:
        return float(found.group())
    # "twenty-five", "thirty five": tens and units written as words.
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and all(p in lex.numbers for p in parts):
        tens, units = (lex.numbers[p] for p in parts)
        if tens >= 20 and tens % 10 == 0 and 1 <= units <= 9:
            return tens + units
    return None


_CLOCK = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")


def _minutes_between(start: str, end: str, above: float) -> bool | None:
    """Whether more than `above` minutes pass from one time of day to a later one; None when
    either is no time of day, or the gap is too long to be one stretch of the same day."""
    first, last = _CLOCK.fullmatch(start.strip()), _CLOCK.fullmatch(end.strip())
    if first is None or last is None:
        return None
    minutes = ((int(last[1]) * 60 + int(last[2])) - (int(first[1]) * 60 + int(first[2]))) % 1440
    return None if minutes > 12 * 60 else minutes > above


# An hour of the day as people say it: "9", "nine", "4pm", "3.30", "half 3" (half past, in
# British use). The words are the hours of a clock face, not the rules' counting words ("a
# few", "once").
_HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve")
_HOUR = re.compile(r"(?:(half|half past|quarter past|quarter to) )?(\d{1,2}|"
                   + "|".join(_HOUR_WORDS) + r")(?:[:.]([0-5]\d))?(?: ?([ap])\.?m\.?| o'clock)?")


def _hour_of_day(said: str) -> int | None:
    """Minutes after midnight, on a 12-hour dial unless am or pm is said; None if no hour."""
    found = _HOUR.fullmatch(said.strip())
    if found is None:
        return None
    hour = _HOUR_WORDS.index(found[2]) + 1 if found[2] in _HOUR_WORDS else int(found[2])
    if not 1 <= hour <= 12 + 11 * (found[4] is None):
        return None
    minutes = hour % 12 * 60 + int(found[3] or 0)
    minutes += {"half": 30, "half past": 30, "quarter past": 15,
                "quarter to": -15}.get(found[1] or "", 0)
    return minutes + (720 if found[4] == "p" or hour > 12 else 0)


def _day_span(start: str, end: str, above: float) -> bool | None:
    """True when a stretch of one day ("9 till 4") lasts more than `above` minutes; an end
    that reads earlier than its start is in the afternoon ("9 till 4" is seven hours). A
    short one says nothing: "2 to 3" is as likely a count as an hour."""
    first, last = _hour_of_day(start), _hour_of_day(end)
    if first is None or last is None:
        return None
    while last <= first:
        last += 720
    return True if last - first > above else None


def _measured(cue: CompiledCue, m: re.Match[str], lex: Lexicon) -> bool | None:
    """The value a number in the match gives, or None when it cannot be read."""
    measure = cue.cue.measure
    assert measure is not None
    if measure.quantity == "clock":
        return _minutes_between(m.group("num"), m.group("num2"), measure.above)
    if measure.quantity == "day_span":
        return _day_span(m.group("num"), m.group("num2"), measure.above)
    num = _number(m.group("num"), lex)
    if num is None:
        return None
    if measure.quantity == "percent":
        amount = num
    elif measure.quantity == "ratio":
        num2 = _number(m.group("num2"), lex)
        if num2 is None or num < 0:
            return None
        if num == 0:  # from nothing to something: more than any ratio ("from 0 to 35 a week")
            return num2 > 0
        amount = num2 / num
    else:
        factor = lex.units[measure.quantity].get(m.group("unit").strip())
        if factor is None:
            return None
        amount = num * factor
    return amount > measure.above


def _read_match(cue: CompiledCue, m: re.Match[str], lay: _Layout, lex: Lexicon) -> _Read | None:
    start, end = m.span()
    norm = lay.norm
    index = lay.sentence_of(start)
    sentence = lay.sentences[index]
    story = cue.cue.context == "story"
    before = index if story else max(lex.needs_before, 1 if cue.cue.context == "previous" else 0)
    after = len(lay.sentences) if story else lex.needs_after
    first = lay.carried_back(max(0, index - before), index)
    scope_start = lay.sentences[first][0]
    scope_end = (start if cue.cue.needs_earlier
                 else lay.sentences[min(len(lay.sentences) - 1, index + after)][1])
    if cue.needs and not any(lay.mentions(r, scope_start, scope_end) for r in cue.needs):
        return None
    if any(lay.search(r, sentence[0], sentence[1]) for r in cue.unless):
        return None
    if any(lay.mentioned(r) for r in cue.unless_in_story):
        return None
    if cue.not_after is not None:
        window = max(sentence[0], lay.words_before(start, 3))
        # The nearest such word counts: "tight and short most days" is said of the hips.
        said_before = max(cue.not_after.finditer(norm, window, start),
                          key=lambda found: found.start(), default=None)
        # "train at night" is a time of training; "cramp on rides and sometimes at night"
        # names a second time, joined on, not the ride's.
        if said_before is not None and not _JOIN_WORD.search(norm, said_before.end(), start):
            return None
    value: bool | None = _measured(cue, m, lex) if cue.cue.measure else cue.cue.value
    if value is None:
        return None
    red = cue.finding in lex.red_flags
    clause_start, clause_end = lay.clause(start, end, sentence)
    if cue.needs_clause and not any(
        lay.search(r, clause_start, clause_end) for r in cue.needs_clause
    ):
        return None
    doubts: tuple[tuple[int, int], ...] = ()
    denied_by: tuple[tuple[int, int], ...] = ()
    denied_after = lay.denial_after(end, sentence[1]) is not None
    if cue.cue.polarity == "open":
        near_from = max(clause_start, lay.or_list_from(
            lay.words_before(start, lex.negation_window),
            lay.words_before(start, 2 * lex.negation_window), start))
        # A denial inside a gap of the match is of something else said in between ("a
        # cramp that never lets go and it's bigger than the other"): at most a doubt.
        gaps = tuple(m.span(g) for g in cue.gaps if m.group(g))
        if not red and lay.denial_opens_clause_in(gaps):
            return None
        # A warning sign keeps every denial in its gaps ("no hot or puffy patches").
        besides = lay.told_apart(gaps) if red else lay.of_own_nouns(gaps)
        # "is fine" after the words denies a trouble, never a reading of none ("warm-up is fine").
        denials = tuple(d for d in lay.denials(near_from, start, end, besides=besides)
                        if not lay.contrast_between(d[1], m.end()))
        near = bool(denials) or (denied_after and value is not False)
        # Red flags: a denial anywhere in the clause counts, but one far from the words (of
        # something else, perhaps: "I can't feel it when I wipe, numb down there") only
        # makes the sign a question, never its opposite.
        far = red and not near and lay.denies(clause_start, start, end)
        if near or far:
            if cue.cue.measure is not None:
                # "never lasts more than 2 minutes": a denied number is at most that number.
                value = False if value is False else None
            elif far:
                # Doubted by every negation of the clause; lifted later only if each of them
                # states another finding ("can't feel the paper when I wipe").
                doubts = lay.others_in_clause(clause_start, clause_end, start, end) if value else ()
                value = None
            else:
                # Denying a "no" never makes a red flag present; it leaves it uncertain.
                value = (not value) if (value or not red) else None
                # A warning sign denied too: turned back if the denial belongs to another
                # finding's statement ("a cramp that won't go away, calf swollen").
                if value is not None and not denied_after:
                    denied_by = denials
    if red and value and cue.cue.measure is None:
        doubts = tuple((ns, ne) for ns, ne in lay.others_in_clause(clause_start, clause_end,
                                                                     start, end)
                       if lay.negation_reach.get(ns, start) >= start)
        if doubts:
            # A red flag said in a clause that also denies something stays a question.
            value = None
    hedge_start = max(clause_start, lay.words_before(start, lex.hedge_window))
    # Before a number a hedge only rounds it ("maybe twice a week"); it doubts nothing.
    hedged_words = cue.cue.measure is None and lay.has_hedge(hedge_start, start)
    asked = lay.asked(index, start)
    hedged = hedged_words or asked or any(
        m.group(g) and lay.has_hedge(*m.span(g)) for g in cue.gaps
    )
    # A warning sign said in a sentence that doubts anything is asked, never assumed
    # ("it lasted maybe 20 minutes, I'm not sure").
    sentence_doubts, said_then_doubted = _sentence_doubt(
        lay, sentence, start, red and bool(value or doubts), hedged)
    if hedged or sentence_doubts:
        value, doubts = None, ()
    if index in lay.answered_no:  # "Night cramps? Nope": the cue's own statement denied
        value, doubts = not cue.cue.value, ()
    if value and cue.needs_also and not any(lay.mentions(r, scope_start, scope_end)
                                            for r in cue.needs_also):
        return None
    return _Read(cue.finding, value, WEAK if cue.cue.weak else STRONG, start, end,
                 tuple(cue.cue.covers), cue.cue.denial_covers, doubts if value is None else (),
                 cue.cue.measure is not None or cue.cue.episode, denied_by,
                 cue.cue.polarity == "fixed",
                 said_then_doubted=said_then_doubted and value is None)


def _sentence_doubt(lay: _Layout, sentence: tuple[int, int], start: int, stated_sign: bool,
                    hedged: bool) -> tuple[bool, bool]:
    """For a warning sign stated (or doubted only by a negation) at `start`: whether its
    sentence doubts it anywhere, and whether it was said first and doubted only later in the
    sentence ("swollen and warm, not red I think"), which the cue and concept readers share."""
    doubted = stated_sign and lay.has_hedge(*sentence, sentence_wide=True)
    return doubted, doubted and not hedged and not lay.has_hedge(sentence[0], start,
                                                                 sentence_wide=True)


def _units(lay: _Layout, lex: Lexicon) -> list[tuple[int, int, int]]:
    """Every clause as (start, end, sentence index)."""
    found: list[tuple[int, int, int]] = []
    for index, sentence in enumerate(lay.sentences):
        pos = sentence[0]
        while pos < sentence[1]:
            start, end = lay.clause(pos, pos, sentence)
            if end > max(start, pos):
                found.append((max(start, pos), end, index))
            k = bisect.bisect_right(lay.break_ends, end)
            pos = max(pos + 1, lay.break_ends[k] if k < len(lay.break_ends) else sentence[1])
    return found


# A condition the writer names as their own is named within a few words of saying so, and
# before the clause ends.
_WRITERS_OWN_REACH = 40
_CLAUSE_END = re.compile(r"[.!?;:()\n]|\b(?:but|so|while|whereas|though|although)\b")


def _writers_own_conditions(said: Corrected, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of the original text, in a story about someone else, where the writer tells of a
    condition of their own ("rather than about me and my MS")."""
    if lex.writer_own is None:
        return []
    spans = []
    for m in lex.writer_own.finditer(said.text):
        stop = _CLAUSE_END.search(said.text, m.end())
        end = min(m.end() + _WRITERS_OWN_REACH, stop.start() if stop else len(said.text))
        spans.append((said.original(m.start()), said.original(max(end, m.end()))))
    return spans


def _read_concepts(lay: _Layout, lex: Lexicon, present: set[str]) -> list[_Read]:
    """`present`: the lexicon's anchors found in the text."""
    norm = lay.norm
    reads: list[_Read] = []
    units = _units(lay, lex)
    for concept in lex.concepts:
        # Most concepts lack a word of some group anywhere in the text: skip those at once,
        # by the group's anchors where it has them, else by the group itself.
        if any(anchors and present.isdisjoint(anchors) for anchors in concept.group_anchors):
            continue
        if not all(lay.mentioned(g) for g in concept.groups):
            continue
        red = concept.finding in lex.red_flags
        for position, (unit_start, unit_end, index) in enumerate(units):
            sentence = lay.sentences[index]
            # A clause takes the words from the end of the clause before it (from the
            # sentence's start for its first clause): words that open with a clause break
            # ("since covid") belong to the clause they lead into.
            opens_at = (sentence[0] if position == 0 or units[position - 1][2] != index
                        else units[position - 1][1])
            start, end = (sentence if concept.sentence_scope else (unit_start, unit_end))
            if concept.story_scope:
                # The first group here; the rest here or in the sentence before.
                lead = lay.search(concept.groups[0], start, end)
                if lead is None or lead.start() < opens_at:
                    continue  # read once per sentence, at the clause of its first group
                start = lay.sentences[lay.carried_back(max(0, index - 1), index)][0]
                found = [lead, *(lay.search(g, start, end) for g in concept.groups[1:])]
                if not all(found) or any(lay.search(r, start, end) for r in concept.unless):
                    continue
            else:
                found = [lay.search(g, start, end) for g in concept.groups]
                if not all(found) or any(lay.search(r, *sentence) for r in concept.unless):
                    continue
            spans = [m.span() for m in found if m is not None]
            if (concept.sentence_scope and not concept.story_scope
                    and min(s for s, _ in spans) < opens_at):
                continue  # read once per sentence, at its first clause
            value: bool | None = concept.value
            first, last = min(s for s, _ in spans), max(e for _, e in spans)
            # A negation among the matched words is theirs ("can't feel"). One right before
            # or between them denies ("legs aren't swollen"); one elsewhere in the clause
            # denies a plain finding but leaves a warning sign uncertain.
            near_from = max(unit_start, lay.words_before(first, 3))
            # Only the clauses that hold the matched words can deny them, not a clause said
            # in between ("that cramps - left has never done it - and mostly during runs").
            held = [lay.clause(ms, ms, lay.sentences[lay.sentence_of(ms)]) for ms, _ in spans]
            # A negation inside any of the groups' words is theirs, not only in the first
            # match ("only a tiny bottle that I never even finish").
            worded = [m.span() for g in concept.groups for m in lay.finditer(g, start, end)]
            negations = [
                (ns, ne) for ns, ne in lay.negations
                if any(cs <= ns and ne <= ce for cs, ce in held)
                and not lay.contrast_between(ne, last)
                and not any(ms <= ns < me for ms, me in worded)
                and lay.negation_reach.get(ns, first) >= first
                and not lay.new_statement_between(ns, ne, first)
                and not (ns >= last and any(
                    we <= ns and _opens_own_statement(norm, we, ns) for _, we in worded))
            ]
            if concept.denied_by_first:
                head = spans[0]
                head_from = max(lay.clause(head[0], head[0], sentence)[0],
                                lay.words_before(head[0], 3))
                near = any(head_from <= ns < head[0] for ns, _ in negations)
                in_clause = False
            else:
                # A negation between the words denies them when it stands right before the
                # next of them ("calf isn't swollen"), not when it denies a statement of its
                # own in between ("a cramp that never lets go and it's bigger").
                starts = sorted(s for s, _ in worded)
                # A warning sign is denied only by a negation that reaches all its words: a
                # denied action stops at its comma ("can't feel properly when I wipe, it's
                # numb" does not deny the numbness).
                last_start = max(s for s, _ in spans)
                near = any(
                    near_from <= ns < last and (
                        ns < first or not red or not lay.joined(
                            ne, next((s for s in starts if s >= ne), last)))
                    # "No bruising, fluids OK": a statement that something is fine, after a
                    # comma, is not denied by a denial of the words before it.
                    and (red or concept.value is not False
                         or not (ne <= first and "," in norm[ne:first]))
                    and (not red or lay.negation_reach.get(ns, last_start) >= last_start)
                    # Between the words, "no bar" denies the bar, not the finding.
                    and (red or ns < first or not _denies_only_its_noun(norm, ns, ne, last, worded))
                    for ns, ne in negations)
                # Further off in the clause, "no" or "without" denies only its own noun ("hip
                # thrusts, even with no bar, make my hamstrings cramp"), and a denial across a
                # comma only what it said there ("not running more than usual, drink fine").
                in_clause = any(unit_start <= ns < unit_end
                                and _NOUN_NEGATION.fullmatch(norm, ns, ne) is None
                                and not (ne <= first and "," in norm[ne:first])
                                and not (ns >= last and "," in norm[last:ns])
                                for ns, ne in negations)
            # A warning sign said beside a negation of something else is doubted by it; the
            # doubt is lifted later if that negation states another finding.
            doubts: tuple[tuple[int, int], ...] = ()
            denied_by: tuple[tuple[int, int], ...] = ()
            # A denial right after the words ("peshab mein koi problem nahi", as Hindi puts
            # it) denies a warning sign said in them, as it does after a cue's words.
            after = lay.denial_after(last, sentence[1]) if red and value else None
            if after is not None:
                near, negations = True, [*negations, after]
            if concept.fixed:
                if negations and red and value:
                    value, doubts = None, tuple(negations)
            elif near or (in_clause and not red):
                value = (not value) if (value or not red) else None
                denied_by = tuple(negations)
            elif negations and red:
                doubts = tuple(negations) if value else ()
                value = None
            hedge_from = max(start, lay.words_before(first, lex.hedge_window))
            # A question or a doubt before the words leaves it open; so does any doubt in
            # the sentence of a warning sign.
            hedged = lay.asked(index, first) or lay.has_hedge(hedge_from, first)
            sentence_doubts, said_then_doubted = _sentence_doubt(
                lay, sentence, first, red and bool(value or doubts), hedged)
            if hedged or sentence_doubts:
                value, doubts = None, ()
            if index in lay.answered_no:  # the concept's own statement denied
                value, doubts = not concept.value, ()
            reads.append(_Read(concept.finding, value, CONCEPT, first, last, doubts=doubts,
                               denied_by=denied_by if value is not None else (),
                               states=concept.fixed,
                               said_then_doubted=said_then_doubted and value is None))
    return reads


def _read_session_position(lay: _Layout, lex: Lexicon) -> list[_Read]:
    """Early or late in a session from numbers: a point where the cramp came, over the
    longest session of the same kind named in the text ("around 18k" of "a 24k long run")."""
    sp = lex.session_position
    if sp is None:
        return []
    norm = lay.norm

    def measure(m: re.Match[str]) -> tuple[str, float] | None:
        unit = sp.units.get(m.group("unit"))
        num = _number(m.group("num"), lex)
        return (unit[0], num * unit[1]) if unit and num is not None else None

    totals: dict[str, float] = {}
    found = [(m, measure(m)) for p in sp.totals for m in lay.finditer(p)]
    if sp.named_regex is not None:
        found += [(m, sp.named[m.group()]) for m in sp.named_regex.finditer(norm)]
    reads: list[_Read] = []
    about_cramps = bool(sp.long_from) and lay.search(sp.cramp) is not None
    for m, item in found:
        if item is None:
            continue
        totals[item[0]] = max(totals.get(item[0], 0.0), item[1])
        # A whole session this long is a long one ("our 16-18 mile LSD", "a 9 hour day out");
        # not a week's volume, nor a ride's distance, which says little of its effort.
        long_from = sp.long_from.get(item[0])
        if (about_cramps and long_from is not None and item[1] >= long_from
                and not (sp.long_not_for is not None
                         and lay.search(sp.long_not_for, m.start(), m.end() + _AFTER_A_LENGTH))
                and not lay.has_negation(*lay.clause(m.start(), m.end(),
                                                      lay.sentences[lay.sentence_of(m.start())]))):
            reads.append(_Read("long_or_intense_sessions", True, CONCEPT, m.start(), m.end()))
    points = [(m, False) for p in sp.points for m in lay.finditer(p)]
    points += [(m, True) for p in sp.remaining for m in lay.finditer(p)]
    for m, from_end in points:
        point = measure(m)
        if point is None or point[0] not in totals or not 0 < point[1] < totals[point[0]]:
            continue
        sentence = lay.sentences[lay.sentence_of(m.start())]
        clause = lay.clause(m.start(), m.end(), sentence)
        if not lay.search(sp.cramp, *sentence) or lay.has_negation(*clause):
            continue
        # A cramp at a point inside a session came during it, wherever the point is.
        reads.append(_Read("cramp_during_exercise", True, CONCEPT, m.start(), m.end()))
        share = point[1] / totals[point[0]]
        if from_end:
            share = 1.0 - share
        if share >= sp.late_from:
            reads.append(_Read("cramp_late_in_session", True, CONCEPT, m.start(), m.end()))
        elif share <= sp.early_until:
            reads.append(_Read("cramp_early_in_session", True, CONCEPT, m.start(), m.end()))
    return reads


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`..`end` of the original text widened to whole words: words read in a rewritten
    phrase ("glutes toh feel hi nahi hote" read as "I can't feel my glutes") map back to the
    phrase by position, which may fall inside a word."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _shown(read: _Read) -> tuple[int, int]:
    """The words shown for a reading: with the negation that turned it ("no back pain", not
    "back pain"; "don't really warm up", not "warm up"), so a person sees why it was read so."""
    if read.value is None or not read.denied_by:
        return read.start, read.end
    return (min(read.start, *(s for s, _ in read.denied_by)),
            max(read.end, *(e for _, e in read.denied_by)))


def _subject_of(story: str, lex: Lexicon) -> re.Pattern[str] | None:
    """Whom a story is about, when named as the writer's own ("my son"), as a pattern their
    own experiences open with ("my son had", "one of my lads is"); None when only pronouns
    name them, or the rules name no such words."""
    own = lex.others.own_person if lex.others else None
    named = own.fullmatch(story) if own else None
    if named is None:
        return None
    return re.compile(rf"(?:[\w'-]+ ){{0,4}}?{re.escape(named.group('noun'))}s?\b")


def _about_others(reads: list[_Read], lay: _Layout, lex: Lexicon,
                  subject: re.Pattern[str] | None, writer: bool) -> list[_Read]:
    """Someone else's opinion is asked, not taken; their experience is not the writer's
    when the writer speaks of their own cramps, nor, in a story told about someone named as
    the writer's own (`subject`: "my son"; None when only pronouns name them), that person's."""
    others = lex.others
    if others is None:
        return reads

    one_person = others.one_person
    never_subject = others.never_subject

    def someone_else(found: re.Match[str]) -> bool:
        # In a story, a group the person belongs to ("the squad do hip thrusts") is no one else;
        # someone who is never the subject ("their cousin", "another recruit") always is.
        if writer or (never_subject is not None and never_subject.match(found.group())):
            return True
        return (subject is not None and one_person is not None
                and one_person.match(found.group()) is not None
                and subject.match(found.group()) is None)

    kept: list[_Read] = []
    for r in reads:
        sentence = lay.sentences[lay.sentence_of(r.start)]
        clause_start, clause_end = lay.clause(r.start, r.end, sentence)
        if any(someone_else(found) for found in
               lay.finditer(others.experience, clause_start, clause_end)):
            continue
        if others.writer_again is not None:
            theirs = max((found for found in
                          lay.finditer(others.experience, sentence[0], clause_start)
                          if someone_else(found)),
                         key=lambda found: found.end(), default=None)
            if theirs is not None and not others.writer_again.search(
                    lay.norm, theirs.end(), r.start):
                continue
        if r.value is not None and (
                lay.search(others.opinion, clause_start, clause_end)
                or (others.reason is not None
                    and lay.search(others.reason, sentence[0], clause_start))):
            r = replace(r, value=None, doubts=())
        kept.append(r)
    return kept


def _clear_doubts(reads: list[_Read]) -> list[_Read]:
    """A warning sign doubted only for negations that belong to other statements is said,
    not doubted: the "can't" of "can't put weight on it, can't walk" states the same sign,
    and the "can't" of "can't feel the toilet paper" or the "never" of "a cramp that never
    lets go" states another finding; neither denies anything. Two warning signs each said
    with a negation of its own ("can't feel properly when I wipe ... couldn't get my wee
    started") doubt each other only through those words: both are said."""
    times = Counter(r.finding for r in reads)
    said = [r for r in reads if r.value is True or (r.doubts and times[r.finding] > 1)]
    # The doubted statements of warning signs whose own words hold the negation that doubts
    # another: a negation inside a sign's words is that sign's.
    own_words = [r for r in reads if r.doubts and r.states]
    out = []
    for r in reads:
        if r.doubts and all(
            any(o is not r and o.start <= ns < o.end
                and (o.value is True or o.finding == r.finding) for o in said)
            or any(o is not r and o.finding != r.finding and o.start <= ns < o.end
                   for o in own_words)
            for ns, _ in r.doubts
        ):
            r = replace(r, value=True, doubts=())
        out.append(r)
    return out


def _keep_statements(reads: list[_Read]) -> list[_Read]:
    """A negation that is part of another finding's statement ("can't find her glutes on
    bridges and her hamstrings cramp") denies nothing else: the reading it turned round
    is turned back."""
    stated = [r for r in reads if r.states and r.value is True]
    if not stated:
        return reads
    return [
        replace(r, value=not r.value, denied_by=()) if r.denied_by and r.value is not None and all(
            # Not when the two share their words ("I never feel it in my bum"): the denial is
            # of both.
            any(o.finding != r.finding and o.start <= ns < o.end
                and not o.start < r.start < o.end for o in stated)
            for ns, _ in r.denied_by) else r
        for r in reads
    ]


def _correction_spans(lay: _Layout, lex: Lexicon) -> list[tuple[int, int, int]]:
    """For each self-correction: where what it corrects may start, where it is, and the end
    of its sentence."""
    spans = []
    for m in lex.self_correction.finditer(lay.norm):
        k = lay.sentence_of(m.start())
        spans.append((lay.sentences[max(0, k - 1)][0], m.start(), lay.sentences[k][1]))
    return spans


def _corrected(reads: list[_Read], spans: list[tuple[int, int, int]]) -> list[_Read]:
    """Readings said before a self-correction, in its sentence or the one before ("I drink
    plenty. Well, actually, thinking about it, only at the drinks break"), give way to one
    of the same finding said after it in its sentence (`spans`: `_correction_spans`)."""
    if not spans:
        return reads
    return [r for r in reads if not any(
        since <= r.start and r.end <= p and any(
            o.finding == r.finding and o.start >= p and o.end <= until for o in reads)
        for since, p, until in spans)]


def _drop_covered(reads: list[_Read]) -> list[_Read]:
    """A specific reading wins over a general one of the same words.

    Reads of a finding that a longer cue `covers` are dropped where they overlap it, and a
    read lying inside a longer read of the same finding adds nothing.
    """
    kept = []
    for r in reads:
        covered = any(
            o is not r and o.start < r.end and r.start < o.end and (
                # A denial of the wider finding denies the narrower one too ("no swelling,
                # redness or heat in either leg"): only a present read is made more specific.
                (r.finding in o.covers and not (o.value is False and o.denial_covers))
                or (o.finding == r.finding and o.tier >= r.tier and o.start <= r.start
                    and r.end <= o.end and (o.end - o.start) > (r.end - r.start))
            )
            for o in reads
        )
        if not covered:
            kept.append(r)
    return kept


def _resolve(reads: list[_Read], red: bool,
             existential: bool = False) -> tuple[bool | None, list[_Read]]:
    if not red:
        # An ordinary finding only asked or doubted in one place ("Q: bendy?") and said in
        # another ("A: can't get my hands past my knees") is what was said.
        said = [r for r in reads if r.value is not None]
        reads = said or reads
    best = max(r.tier for r in reads)
    chosen = [r for r in reads if r.tier == best]
    trues = sum(1 for r in chosen if r.value is True)
    falses = sum(1 for r in chosen if r.value is False)
    if red:
        # One episode measured over the limit is the sign, whatever other episodes measured
        # ("usually gone in a minute; this one has gone on 35 minutes").
        measured_over = any(r.value is True and r.measured for r in chosen)
        denials = [r for r in reads if r.value is False and not (r.measured and measured_over)]
        # The text denies it somewhere: never present, at most uncertain. Uncertain, too,
        # when it is said anywhere, even doubted or by a weaker reading ("the calf's swollen
        # and warm, not red I think" denies only the redness).
        if denials:
            stated = trues > 0 or any(
                r.value is True or (r.value is None and (r.doubts or r.said_then_doubted))
                for r in reads if not r.measured)
            return (None if stated else False), chosen
        return (True if trues else None), chosen
    if trues > falses or (trues and existential):
        return True, chosen
    if falses > trues:
        return False, chosen
    return None, chosen


# A line quoted from another post ("> mine only cramp when I sprint"), and a reply that takes
# the quoted words as its own ("Same here lol").
_QUOTED_LINE = re.compile(r"(?m)^[ \t]*>[^\n]*(?:\n|$)")
_AGREES = re.compile(r"\s*(?:same(?: here| for me| thing)?|me too|ditto|snap|\+1|likewise|"
                     r"exactly(?: this)?|this(?=\s*[.!\n]|\s*$)|yep,? same|same boat)\b")


def _quoted_lines(norm: str) -> list[re.Match[str]]:
    """The lines `norm` quotes from someone else, unless the reply agrees with them.

    The quoted lines are another person's cramps or advice; only a reply that opens by
    agreeing ("same here") makes them the writer's too.
    """
    quoted = list(_QUOTED_LINE.finditer(norm))
    if not quoted or _AGREES.match(norm, quoted[-1].end()) is not None:
        return []
    return quoted


def _without_quotes(norm: str) -> Corrected:
    """`norm` without the lines it quotes from someone else (see `_quoted_lines`), and
    without the marks around words quoted within a line (felt a "ping"): those words are
    the person's own."""
    own = Corrected.unchanged(norm).spans_replaced(
        [(m.start(), m.end(), "") for m in _quoted_lines(norm)])
    return own.spans_replaced([(start, start + 1, " ") for m in _QUOTED_WORDS.finditer(own.text)
                               for start in (m.start(), m.end() - 1)])


# One to three words in double quotes, inside a line: the person's own words, marked.
_QUOTED_WORDS = re.compile(r"\"[\w'-]+(?: [\w'-]+){0,2}\"")


def blank_quoted_lines(norm: str) -> str:
    """`norm` with the lines quoted from someone else blanked out, every offset kept (for
    readers that quote the person's words by position)."""
    for m in _quoted_lines(norm):
        norm = norm[:m.start()] + re.sub(r"[^\n]", " ", m.group()) + norm[m.end():]
    return norm


def read_with(text: str, lex: Lexicon, speller: Speller | None = None) -> Reading:
    """Read `text` with a given lexicon (the packaged one: `read_findings`).

    Lines quoted from someone else are set aside; misspelt words are then corrected towards
    the domain words (see `spelling`); spans still point at the person's own words.
    """
    own = _without_quotes(normalise(text))
    fixed = own.followed_by((speller or load_speller()).correct(own.text, names_in(text))).squeezed()
    # Whether the writer tells of their own cramps, before a story about someone else (no
    # word of the writer's own legs, theirs named) is retold as if by them.
    story = lex.story_about_other.search(fixed.text) if lex.story_about_other else None
    if story is not None and lex.story_child is not None and lex.topic is not None:
        story = next((m for m in lex.story_child.finditer(fixed.text, story.start())
                      if lex.topic.search(fixed.text, m.end(), _sentence_end(fixed.text, m.end()))),
                     story)
    writer = bool(lex.others and lex.others.writer.search(fixed.text)) or story is None
    subject = None if writer or story is None else _subject_of(story.group(), lex)
    if lex.rounding is not None:
        fixed = fixed.replaced(lex.rounding, lambda _: "about")
    conversation = (lex.speaker_label is not None
                    and is_conversation(fixed.text, lex.speaker_label))
    if conversation:
        fixed = fixed.then(lex.asked_words)
    # Where, in the writer's own words, the writer tells of a condition of their own
    # (offsets in the original text): found before a story is retold, while "I" is the writer.
    writers_own = [] if writer else _writers_own_conditions(fixed, lex)
    if not writer:
        if lex.theirs is not None:
            fixed = fixed.replaced(lex.theirs, lambda _: "their")
        fixed = fixed.then(lex.their_words)
    lay = _Layout(fixed.text, lex, conversation)
    raw: list[_Read] = []
    # Only cues with an anchor in the text can match; knowledge-base order is kept.
    present = lex.anchor_finder.found_in(lay.norm)
    candidates = set(lex.unanchored)
    for anchor in present:
        candidates.update(lex.cues_by_anchor.get(anchor, ()))
    for index in sorted(candidates):
        cue = lex.cues[index]
        # A cue whose needs are absent from the whole text cannot be read: its own
        # (costlier) pattern is never run.
        if cue.needs and not any(lay.mentioned(r) for r in cue.needs):
            continue
        for m in lay.finditer(cue.regex):
            read = _read_match(cue, m, lay, lex)
            if read is not None:
                raw.append(read)
    # A speaker's label ("Nurse:") names who speaks, not what the person has.
    raw = [r for r in raw if not any(ls <= r.start and r.end <= le for ls, le in lay.label_spans)]
    # Concepts fill in only findings the lexicon's own cues did not read.
    raw = _about_others(raw, lay, lex, subject, writer)
    # A finding said only before a self-correction may be said again, in other words, after it.
    corrections = _correction_spans(lay, lex)
    # A cue that only asks or doubts ("Q: bendy?") leaves the finding open for other words.
    cued = {r.finding for r in raw
            if not any(since <= r.start and r.end <= p for since, p, _ in corrections)
            and (r.value is not None or r.doubts)}
    raw += _about_others([r for r in _read_concepts(lay, lex, present) if r.finding not in cued],
                         lay, lex, subject, writer)
    raw = _corrected(_keep_statements(_clear_doubts(raw)), corrections)
    # Numbers place the cramp in the session only where no words did.
    told = {r.finding for r in raw}
    raw += _about_others([r for r in _read_session_position(lay, lex) if r.finding not in told],
                         lay, lex, subject, writer)
    if writers_own:
        raw = [r for r in raw if r.finding not in lex.writer_own_findings
               or not any(s <= fixed.original(r.start) < e for s, e in writers_own)]
    by_finding: dict[str, list[_Read]] = {}
    for read in _drop_covered(raw):
        by_finding.setdefault(read.finding, []).append(read)
    findings: dict[str, bool | None] = {}
    used: dict[str, list[_Read]] = {}
    for fid, reads in by_finding.items():
        findings[fid], used[fid] = _resolve(reads, fid in lex.red_flags, fid in lex.existential)
    for implication in lex.implications:
        rule = implication.rule
        direct = by_finding.get(rule.then, [])
        if findings.get(rule.when) is not rule.is_:
            continue
        givers = used[rule.when]
        if implication.set_aside is not None:
            inside, said_after = implication.set_aside
            around = [r for r in used.get(inside, ()) if r.value]
            givers = [g for g in givers if not any(
                a.start <= g.start and g.end <= a.end
                and said_after.search(lay.norm, max(a.start, lay.words_before(g.start, 3)), g.start)
                for a in around)]
            if not givers:
                continue
        if (rule.instance and rule.gives and findings.get(rule.then) is False
                and rule.then in lex.existential):
            tier = max(r.tier for r in used[rule.then])
            instances = [_Read(rule.then, True, tier, r.start, r.end) for r in givers]
            findings[rule.then], used[rule.then] = _resolve(
                [*used[rule.then], *instances], rule.then in lex.red_flags, existential=True)
            continue
        if any(r.tier > IMPLIED for r in direct):
            continue
        implied = [_Read(rule.then, rule.gives, IMPLIED, r.start, r.end) for r in givers]
        reads = [r for r in direct if r.tier >= IMPLIED] + implied
        # An existential finding stays said by any one instance, implied ones included.
        findings[rule.then], used[rule.then] = _resolve(
            reads, rule.then in lex.red_flags, rule.then in lex.existential)
    spans = sorted(
        (Span(finding=r.finding, value=r.value, start=start, end=end, text=text[start:end])
         for reads in used.values() for r in reads
         for start, end in [_whole_words(text, *map(fixed.original, _shown(r)))]),
        key=lambda s: (s.start, s.end, s.finding),
    )
    return Reading(findings=dict(sorted(findings.items())), spans=spans)


@dataclass(frozen=True)
class Clause:
    """One clause as the rules scope negations and hedges: offsets, and whether it denies or doubts."""

    start: int
    end: int
    negated: bool
    hedged: bool


def clauses(text: str, lex: Lexicon) -> list[Clause]:
    """The clauses of `text` (sentences cut at the breakers), trimmed to their words."""
    lay = _Layout(normalise(text), lex)
    found: list[Clause] = []
    for index, sentence in enumerate(lay.sentences):
        pos = sentence[0]
        while pos < sentence[1]:
            start, end = lay.clause(pos, pos, sentence)
            words = [m.span() for m in _WORD.finditer(lay.norm, max(start, pos), end)]
            if words:
                start, end = words[0][0], words[-1][1]
                found.append(Clause(start, end, lay.has_negation(start, end),
                                    lay.has_hedge(start, end) or lay.asked(index, start)))
            # Step past the breaker that ends this clause.
            k = bisect.bisect_right(lay.break_ends, end)
            pos = max(pos + 1, lay.break_ends[k] if k < len(lay.break_ends) else sentence[1])
    return found


def tells_of_someone_else(text: str, lex: Lexicon | None = None) -> bool:
    """Whether `text` tells someone else's story (a son, a client) with no word of the
    writer's own cramps."""
    lex = lex or load_lexicon()
    norm = normalise(text)
    about_other = bool(lex.story_about_other and lex.story_about_other.search(norm))
    return about_other and not (lex.others and lex.others.writer.search(norm))


def prepare_reader() -> None:
    """Load the lexicon and the word list and compile every pattern now (about a second), so
    that the first description a process reads is read at once. Safe in a background thread:
    a front end calls it while a person is still typing."""
    compile_patterns(load_lexicon())
    load_speller()


def read_findings(text: str, *, use_model: bool = False) -> Reading:
    """Read a person's own description into findings, each with the words it came from.

    With `use_model` (the `text_model` setting) and the optional model installed, the model
    adds findings the rules missed (see `crampcoach.intake.semantic`); otherwise the rules alone.
    """
    lex = load_lexicon()
    if use_model:
        from crampcoach.intake import semantic  # imports the model packages: only on demand

        if semantic.model_available():
            return semantic.read_with_model(text, lex)
    return read_with(text, lex)
