"""The diagnostic network compiled from the knowledge base into arrays.

A two-layer noisy-OR Bayesian network: each cause is a binary root node with a prior;
each finding is a binary child that is present with probability

    P(finding | active causes) = 1 - (1 - leak) * prod over active causes of (1 - strength)

Noisy-OR fits hamstring cramps because causes act together (weak glutes *and* fatigue)
and each can produce a finding on its own; it needs one number per link instead of a
table per finding, so every number can carry its source.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from crampcoach.knowledge import KnowledgeBase, load_knowledge

Array = NDArray[np.float64]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per knowledge base
class Network:
    cause_ids: tuple[str, ...]
    finding_ids: tuple[str, ...]
    prior: Array  # (n_causes,)
    leak: Array  # (n_findings,)
    strength: Array  # (n_findings, n_causes), 0 where there is no link
    log_q: Array  # log(1 - strength): the log chance a cause fails to produce a finding
    log_keep_leak: Array  # log(1 - leak)
    cause_index: dict[str, int]
    finding_index: dict[str, int]

    @property
    def n_causes(self) -> int:
        return len(self.cause_ids)


def compile_network(kb: KnowledgeBase) -> Network:
    cause_ids = tuple(kb.causes)
    finding_ids = tuple(kb.findings)
    cause_index = {c: i for i, c in enumerate(cause_ids)}
    finding_index = {f: j for j, f in enumerate(finding_ids)}
    strength = np.zeros((len(finding_ids), len(cause_ids)))
    for cid, cause in kb.causes.items():
        for fid, link in cause.links.items():
            strength[finding_index[fid], cause_index[cid]] = link.strength
    leak = np.array([kb.findings[f].leak for f in finding_ids])
    prior = np.array([kb.causes[c].prior for c in cause_ids])
    for arr in (strength, leak, prior):
        arr.setflags(write=False)
    return Network(
        cause_ids=cause_ids,
        finding_ids=finding_ids,
        prior=prior,
        leak=leak,
        strength=strength,
        log_q=np.log1p(-strength),
        log_keep_leak=np.log1p(-leak),
        cause_index=cause_index,
        finding_index=finding_index,
    )


@functools.cache
def network() -> Network:
    """The network of the packaged knowledge base, compiled once per process."""
    return compile_network(load_knowledge())
