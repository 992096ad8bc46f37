"""The same noisy-OR network built in pgmpy: an independent exact engine to check ours against.

Each cause is a root node with its prior; each finding gets a full conditional table over
its parent causes, filled in from the noisy-OR formula. pgmpy is a test dependency only.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from crampcoach.reasoning.network import Array, Network

with warnings.catch_warnings():
    # pgmpy's own imports raise deprecation notices about its other modules.
    warnings.simplefilter("ignore", FutureWarning)
    warnings.simplefilter("ignore", DeprecationWarning)
    import pgmpy  # type: ignore[import-untyped]
    from pgmpy.factors.discrete import TabularCPD  # type: ignore[import-untyped]
    from pgmpy.inference import VariableElimination  # type: ignore[import-untyped]

    try:
        from pgmpy.models import (  # type: ignore[import-untyped]
            DiscreteBayesianNetwork as _BayesNet,
        )
    except ImportError:  # pgmpy before 1.0 names it BayesianNetwork
        from pgmpy.models import BayesianNetwork as _BayesNet

PGMPY_VERSION: str = pgmpy.__version__

# State 0 is "absent / not at work", state 1 "present / at work". Node names carry a
# prefix because a cause and a finding may share an id (tight_hip_flexors is both).


def cause_node(net: Network, i: int) -> str:
    return "cause:" + net.cause_ids[i]


def finding_node(net: Network, j: int) -> str:
    return "finding:" + net.finding_ids[j]


def parents_of(net: Network, finding: int) -> list[int]:
    return [int(c) for c in np.flatnonzero(net.strength[finding] > 0)]


def noisy_or_table(net: Network, finding: int, parents: list[int]) -> Array:
    """P(finding | parents) as pgmpy wants it: shape (2, 2^len(parents)), first parent slowest."""
    columns = []
    for states in itertools.product((0, 1), repeat=len(parents)):
        absent = 1.0 - float(net.leak[finding])
        for cause, on in zip(parents, states, strict=True):
            if on:
                absent *= 1.0 - float(net.strength[finding, cause])
        columns.append((absent, 1.0 - absent))
    return np.array(columns).T


def build_model(net: Network, findings: Iterable[int]) -> Any:
    """The network over `findings` and every cause (unlinked causes stay as lone roots)."""
    model = _BayesNet()
    causes = [cause_node(net, i) for i in range(net.n_causes)]
    model.add_nodes_from(causes)
    cpds = [
        TabularCPD(node, 2, [[1.0 - float(net.prior[i])], [float(net.prior[i])]])
        for i, node in enumerate(causes)
    ]
    for j in findings:
        node = finding_node(net, j)
        parents = parents_of(net, j)
        model.add_node(node)
        model.add_edges_from((causes[c], node) for c in parents)
        cpds.append(TabularCPD(
            node, 2, noisy_or_table(net, j, parents),
            evidence=[causes[c] for c in parents] or None,
            evidence_card=[2] * len(parents) or None,
        ))
    model.add_cpds(*cpds)
    model.check_model()
    return model


def pgmpy_engine(model: Any) -> Any:
    return VariableElimination(model)


def pgmpy_marginals(net: Network, evidence: Mapping[int, bool], engine: Any = None) -> Array:
    """P(cause at work | evidence) for every cause, by pgmpy's variable elimination.

    Without an engine, one is built on the network pruned to the findings in evidence
    (unobserved findings are barren leaves and cannot change the causes).
    """
    if engine is None:
        engine = VariableElimination(build_model(net, evidence))
    ev = {finding_node(net, j): int(v) for j, v in evidence.items()}
    causes = [cause_node(net, i) for i in range(net.n_causes)]
    marginals = engine.query(causes, evidence=ev or None, joint=False, show_progress=False)
    return np.array([float(marginals[node].get_value(**{node: 1})) for node in causes])


def pgmpy_evidence_probability(net: Network, evidence: Mapping[int, bool]) -> float:
    """P(evidence) by the chain rule, one variable-elimination query per answered finding."""
    model = build_model(net, evidence)
    engine = VariableElimination(model)
    seen: dict[str, int] = {}
    probability = 1.0
    for j, value in evidence.items():
        node = finding_node(net, j)
        factor = engine.query([node], evidence=dict(seen) or None, show_progress=False)
        probability *= float(factor.get_value(**{node: int(value)}))
        seen[node] = int(value)
    return probability
