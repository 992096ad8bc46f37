"""A cause named the way a person would: its id, its name, or a few of its words."""

from __future__ import annotations

import difflib
import re

from crampcoach.knowledge.loader import KnowledgeBase

_WORD = re.compile(r"[a-z]+")
# Words that say nothing about which cause is meant.
_FILLER = frozenset({"a", "an", "the", "of", "or", "and", "from", "too", "incl", "e", "g", "my",
                     "to", "in", "by", "with", "behind", "little"})


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower().replace("_", " ")) if w not in _FILLER}


def matching_causes(kb: KnowledgeBase, text: str) -> list[str]:
    """The ids of the causes `text` names best: one when it is clear, several when it could
    mean any of them, none when it names no cause."""
    said = text.strip().lower()
    for cid, cause in kb.causes.items():
        if said in (cid, cause.name.lower()):
            return [cid]
    close = difflib.get_close_matches(said.replace(" ", "_"), list(kb.causes), n=1, cutoff=0.8)
    if close:
        return close
    # Word overlap with each cause's id and name, with some tolerance for spelling.
    wanted = _words(said)
    if not wanted:
        return []
    scores: dict[str, float] = {}
    for cid, cause in kb.causes.items():
        known = _words(cid) | _words(cause.name)
        hits = sum(1 for w in wanted
                   if w in known or difflib.get_close_matches(w, list(known), n=1, cutoff=0.8)
                   or any(k.startswith(w) for k in known if len(w) >= 4))
        scores[cid] = hits / len(wanted)
    best = max(scores.values())
    return [cid for cid, score in scores.items() if score == best] if best >= 0.5 else []
