"""The shape of the free-text intake data: the lexicon, the reading rules and the topics.

The lexicon and rules live in knowledge/intake/, the topics in knowledge/topics.yaml.
Patterns are regular expressions over lower-cased text, with two additions: `{NAME}`
inserts a macro from rules.yaml, and ` ... ` (a space, three dots, a space) is a gap of a
few words in which negations and hedges still count.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from crampcoach.knowledge.schema import Citation, Evidence


class Strict(BaseModel):
    # Validators are built on first validation: cached knowledge never validates again.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Measure(Strict):
    """A number read from the match decides the value: True when it is above `above`.

    `minutes` reads groups `num` and `unit` (a duration); `per_week` reads `num` and `unit`
    (a frequency); `percent` reads `num`; `ratio` reads `num` and `num2` ("from 20 to 30");
    `clock` reads two times of day, `num` and `num2`, and gives the minutes between them ("in
    at 13:40 ... at 14:05 still cramping"); `day_span` reads two hours of one day as people
    say them, `num` and `num2`, and is True when the stretch from one to the other is longer
    ("skiing 9 till half 3", "out from 8am to 5pm"); a shorter one reads nothing.
    """

    quantity: Literal["minutes", "per_week", "percent", "ratio", "clock", "day_span"]
    above: float


class Cue(Strict):
    """One way a finding shows up in a person's words."""

    pattern: str = Field(min_length=2)
    value: bool = True
    # fixed: the words carry their own polarity ("can't feel my glutes"), so the
    # negation rules leave them alone; hedges and questions still apply.
    polarity: Literal["open", "fixed"] = "open"
    # weak: indirect evidence that gives way to any direct statement.
    weak: bool = False
    # Macro names: at least one must occur in the same sentence (or also the one before).
    needs: list[str] = []
    # Macro names: a present reading needs one of these in that same scope as well (a
    # remedy that "hasn't helped" tells of persisting only when kept up for weeks, while
    # "stretching helps" denies it whatever the span).
    needs_also: list[str] = []
    # Where `needs` may be found: around the sentence, one sentence further back, or anywhere
    # in the story ("bad lower back pain for a week ... my legs feel weaker").
    context: Literal["sentence", "previous", "story"] = "sentence"
    # The needed words must come before the match: what relieves a cramp ("stretched it for
    # 15 minutes") follows the cramp, and a rest before it ("sat in the café for 40 mins,
    # then cramped on the climb") is not its length.
    needs_earlier: bool = False
    # Macro names: at least one must occur in the clause of the match itself.
    needs_clause: list[str] = []
    # Macro names that must not occur in the same sentence.
    unless: list[str] = []
    # Macro names that must not occur anywhere in the description: the story's setting
    # ("runs" on a ski holiday are descents, not running).
    unless_in_story: list[str] = []
    # A macro that must not stand within three words before the match.
    not_after: str | None = None
    # Findings whose reads inside this match are dropped (a more specific reading wins).
    covers: list[str] = []
    # A denial of this cue is kept for the findings it covers as well ("no swelling or
    # redness in either leg" denies a swollen thigh too); a present read still wins over them.
    denial_covers: bool = False
    measure: Measure | None = None
    # Tells how long one cramp lasted ("gone in a minute"): like a measure, it does not deny
    # a longer episode said elsewhere in the story.
    episode: bool = False
    note: str = ""


class LexiconFile(Strict):
    findings: dict[str, list[Cue]]


class Concept(Strict):
    """A finding said in any word order: one word of every group in the same clause.

    Groups are lists of patterns (macros allowed). A negation in the clause outside the
    matched words flips an `open` concept; words inside a group carry their own polarity
    ("can't feel", "without noticing"). Concepts are read below any lexicon cue: a direct
    cue of the finding wins over them.
    """

    all: list[list[str]] = Field(min_length=1)
    value: bool = True
    polarity: Literal["open", "fixed"] = "open"
    # clause: all groups within one clause; sentence: anywhere in the sentence; story: the
    # first group in the sentence, the others there or in the sentence before (what was
    # being done carries forward: "Tennis league final. Cramped at 5-all in the decider").
    scope: Literal["clause", "sentence", "story"] = "clause"
    # Macro names that must not occur in the same sentence.
    unless: list[str] = []
    # first: only a negation right before the first group's words denies ("I don't feel my
    # hamstrings working"), not one about the other words ("can't feel my glutes, it's all
    # hamstrings"); any: a negation before or between any of the matched words.
    denied_by: Literal["first", "any"] = "any"
    note: str = ""


class ConceptsFile(Strict):
    findings: dict[str, list[Concept]]


class Others(Strict):
    """Words about someone other than the writer."""

    # A person who is not the writer ("my friend", "our coach").
    person: str
    # After `person`, these report an opinion: the finding is asked, not taken ("my coach thinks").
    opinion: str
    # After `person`, these report their own experience: not the writer's finding when the
    # writer also speaks of their own cramps ("my mate had a clot").
    experience: str
    # The writer speaks of their own cramps: then other people's experiences are theirs.
    writer: str
    # Among `person`, those whose word is an examination, not an opinion ("my physio says I
    # have an anterior tilt"): what they say is read as said.
    clinician: str | None = None
    # The writer named: after someone else's experience, the rest of the sentence is still
    # theirs until one of these ("my buddy ended up in the ER with rhabdo - his pee was
    # cola"; "my husband blames his statins, but I don't take any").
    writer_again: str | None = None
    # In a story told about someone named as the writer's own ("my son"), the words that name
    # them, with the noun in group `noun`; their own experiences are theirs.
    own_person: str | None = None
    # Someone named one by one ("my dad", "one of the lads"), as against a group ("the squad"):
    # only such a person's experience, in a story about someone else, is not theirs.
    one_person: str | None = None
    # Someone never the story's subject, whoever the story is about: someone of theirs ("his
    # cousin", retold as "their cousin"), "another recruit".
    never_subject: str | None = None
    # Someone's opinion and the words joining it to the reason it gives, where a clause
    # breaks: "mam says it's cause I don't drink enough" is her opinion to its end.
    reason: str | None = None


class Implication(Strict):
    """When `when` is read as `is`, `then` gets `gives`, unless it was read directly."""

    when: str
    is_: bool = Field(alias="is")
    then: str
    gives: bool
    # The reading of `when` is itself one instance of `then` ("cramp within a few reps" is a
    # cramp during exercise): where `then` is said by any one instance, it stands against a
    # denial of another instance ("never cramp on the bike").
    instance: bool = False
    # A reading of `when` inside a reading of `not_inside` and just after `said_after`'s words
    # gives nothing: "After a long run I get cramps that evening" names the run the cramp came
    # after, not a cramp during it.
    not_inside: str | None = None
    said_after: str | None = None


class Negation(Strict):
    cues: list[str] = Field(min_length=1)
    # Phrases that contain a cue word but negate nothing ("not sure", "no doubt").
    pseudo: list[str] = []
    window_words: int = Field(ge=1, le=20)
    # Said right after a mention, these deny it ("squats are fine").
    after: list[str] = []
    # A denial of an action ("can't straighten my leg") ends at the next comma, unlike one of
    # a list ("no numbness, tingling or weakness"): `verbal` is the pattern of such denials
    # and `list_verbs` the verbs after which a list may still follow ("don't have a, b").
    verbal: str | None = None
    list_verbs: list[str] = []


class Hedge(Strict):
    cues: list[str] = Field(min_length=1)
    window_words: int = Field(ge=1, le=20)
    # A feared diagnosis ("terrified it was sciatica") doubts the words it names, not the
    # rest of its sentence: "scared it's a clot, my calf is hot and swollen" states the signs.
    fears: list[str] = []


class Discourse(Strict):
    """A description is one story: what a cue `needs` (a cramp, an exercise) may be named in
    the sentences around it, so a trigger in one sentence joins the cramp in the next."""

    sentences_before: int = Field(default=0, ge=0, le=5)
    sentences_after: int = Field(default=0, ge=0, le=5)
    # Words by which a sentence speaks of what the one before it named ("Derek got a cramp at
    # bowls. We stretched it like we always do. It has been 25 minutes"): through such a
    # sentence, a cue's needs reach one sentence further back.
    refers_back: str | None = None
    # A speaker correcting themselves: what follows replaces what came before it in the
    # sentence ("my right hamstring, no actually both of them").
    self_correction: str = "(?!x)x"
    # The macro naming the complaint itself: a text that never names it is taken to be about
    # it, as when someone answers questions nobody here sees ("only on the bridges").
    topic: str | None = None


class SessionPosition(Strict):
    """Where in a session a cramp came, from a point ("at about 35k") and the session's whole
    length ("a 50k trail race", "my first marathon"): late from `late_from` of the way."""

    late_from: float = Field(gt=0.0, lt=1.0)
    early_until: float = Field(gt=0.0, lt=1.0)
    # Unit word -> (family, size in the family's base unit: km or minutes).
    units: dict[str, tuple[Literal["distance", "time"], float]] = Field(min_length=1)
    # Named sessions and their whole length ("marathon": [distance, 42.2]).
    named: dict[str, tuple[Literal["distance", "time"], float]] = {}
    # Patterns with groups `num` and `unit`: the whole session, and a point within it.
    totals: list[str] = Field(min_length=1)
    points: list[str] = Field(min_length=1)
    # Patterns with groups `num` and `unit` that count back from the end ("with 800 m to go").
    remaining: list[str] = []
    # The cramp must be named in the point's sentence.
    cramp: str
    # A session whose whole length reaches these (km, minutes) is a long one, in a story
    # about cramps; not where `long_not_for` is found in or just after the length (a ride,
    # a week's volume).
    long_from: dict[Literal["distance", "time"], float] = {}
    long_not_for: str | None = None


class Perspective(Strict):
    """A story told about someone else ("my son cramped in his hamstrings") is read as if told
    by them: when `story_about_other` matches and the writer never speaks of their own
    cramps, the words of `words` are replaced ("his" -> "my", "she" -> "i")."""

    story_about_other: str
    words: dict[str, str]
    # "his"/"her" before someone of theirs, retold as "their" rather than "my": "his cousin
    # tore his hamstring" is the cousin's, not the subject's.
    theirs: str | None = None
    # In a written-up conversation (two or more lines opening with a speaker's label), what
    # is asked of "you" is of the person: "Nurse: do the fronts of your hips feel tight?"
    asked_words: dict[str, str] = {}
    # A child the story may name after a grown-up of theirs ("my husband had a DVT ... our
    # son Josh has been getting cramps"): the child, named in a sentence with the cramp, is
    # whom the story is about.
    child: str | None = None
    # In a story about someone else, the writer telling of a condition of their own ("posting
    # for my lad rather than about me and my MS", "unlike me and my dodgy thyroid"): a reading
    # of one of `writer_own_findings` from `writer_own` to the end of its clause is the
    # writer's, not the subject's.
    writer_own: str | None = None
    writer_own_findings: list[str] = []


class RulesFile(Strict):
    gap_words: int = Field(ge=1, le=15)
    discourse: Discourse = Discourse()
    others: Others | None = None
    perspective: Perspective | None = None
    macros: dict[str, str]
    negation: Negation
    hedge: Hedge
    # Where a negation's or hedge's scope ends inside a sentence.
    breakers: list[str] = Field(min_length=1)
    # A sentence ending in "?" that starts with one of these asks rather than tells.
    question_starts: list[str] = []
    # Who speaks a line of a written-up conversation ("Nurse: any numbness? / Pt: no"): a
    # labelled line ending in "?" asks, whatever its first word, and the next labelled line
    # answers it.
    speaker_label: str | None = None
    # Inside such a question, what follows one of these is said, not asked ("should I worry
    # my pee is the colour of cola?", "could sitting all day be why my hamstrings cramp?").
    question_frames: list[str] = []
    numbers: dict[str, float]
    # Words a writer puts before a number to round it, read as "about" so that every pattern
    # with a number takes them: "it would not let go - I'd say 25 minutes".
    rounding: str | None = None
    units: dict[Literal["minutes", "per_week"], dict[str, float]]
    implications: list[Implication] = []
    session_position: SessionPosition | None = None
    # Findings true when any one instance is said: a denial of one kind ("no cramps on the
    # runs") does not deny another that is said ("my hamstrings cramp on both lifts").
    existential: list[str] = []


class Topic(Strict):
    """An answer to a question people ask, in plain words, with its sources and evidence."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=5)
    keywords: list[str] = Field(min_length=1)
    text: str = Field(min_length=20)
    sources: list[Citation] = Field(min_length=1)
    evidence: Evidence
    causes: list[str] = []


class OutOfScope(Strict):
    """Subjects people ask about that the knowledge base does not cover."""

    id: str
    says: str = Field(min_length=10)
    keywords: list[str] = Field(min_length=1)


class TopicsFile(Strict):
    scope: str = Field(min_length=20)
    interview_hint: str = Field(min_length=10)
    topics: list[Topic]
    cause_keywords: dict[str, list[str]]
    # The remedies a plan's advice entries are about, as people name them ("pickle juice"):
    # a question naming one is answered with that entry first.
    advice_keywords: dict[str, list[str]] = {}
    out_of_scope: list[OutOfScope]


class SemanticFile(Strict):
    """How the optional sentence-embedding model proposes findings the rules did not read.

    Each clause of a description is compared with every finding's question, help text and
    `examples`, and with the `background` phrasings. A clause proposes the finding it is
    most similar to, when that similarity reaches `threshold`, leads everything else by
    `margin`, and the finding is one the model may add. The rules' negation and hedge
    logic then decides the value.
    """

    threshold: float = Field(gt=0, lt=1)
    # How far the closest finding must lead the closest phrasing of anything else
    # (another finding or the background): a clause that is near several says none clearly.
    margin: float = Field(ge=0, lt=1)
    # Clauses with fewer words say too little to match on ("both legs").
    min_words: int = Field(ge=1, le=10)
    # Talk about nothing in particular ("my hamstrings cramp"): a clause closest to one of
    # these proposes nothing.
    background: list[str] = []
    # Ways of saying a finding is absent without a negation word ("my sessions are short"):
    # similarity barely sees the difference, so a clause closest to one proposes nothing.
    contrary: dict[str, list[str]] = {}
    # Findings often said as a lack ("I don't eat carbs"), each with the reason: a clause
    # with a negation proposes nothing for them, since it may mean present as well as absent.
    said_as_lack: dict[str, str] = {}
    # Findings the model never proposes, each with the reason.
    skip: dict[str, str] = {}
    # Further phrasings of a finding in a person's own words.
    examples: dict[str, list[str]] = {}


class Rewrite(Strict):
    """Speech written down, read as meant: `pattern` (from the start of a word) -> `as`, which
    may name the pattern's groups as re.sub does ("\\1 is")."""

    pattern: str = Field(min_length=1)
    as_: str = Field(alias="as")

    @field_validator("as_")
    @classmethod
    def _lower_case(cls, meant: str) -> str:
        # Descriptions are read lower-cased: a capital would never match a pattern ("I").
        if meant != meant.lower():
            raise ValueError(f"write {meant!r} in lower case: descriptions are read lower-cased")
        return meant


class SpokenNumbers(Strict):
    tens: dict[str, int] = {}
    units: dict[str, int] = {}
    teens: dict[str, int] = {}
    ordinals: dict[str, str] = {}


class SpeechSection(Strict):
    """words.yaml's `spoken`: how speech written down is read."""

    rewrites: list[Rewrite] = []
    numbers: SpokenNumbers = SpokenNumbers()


class WordsFile(Strict):
    """words.yaml: contractions and autocorrect read as meant, speech read as meant, and
    the domain words the spelling matcher corrects towards. Every value is a string: a bare
    YAML `no` would be read as false."""

    contractions: dict[str, str] = {}
    spoken: SpeechSection | None = None
    words: list[str]

