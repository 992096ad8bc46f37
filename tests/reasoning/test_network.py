"""The network compiled from the knowledge base holds exactly its priors, leaks and links."""

from __future__ import annotations

import math

import numpy as np

from crampcoach.knowledge import load_knowledge
from crampcoach.reasoning.network import compile_network, network


def test_network_is_compiled_once() -> None:
    assert network() is network()


def test_every_link_of_the_knowledge_base_is_one_strength_and_nothing_else() -> None:
    kb, net = load_knowledge(), network()
    expected = np.zeros_like(net.strength)
    for cid, cause in kb.causes.items():
        for fid, link in cause.links.items():
            expected[net.finding_index[fid], net.cause_index[cid]] = link.strength
    np.testing.assert_array_equal(net.strength, expected)


def test_priors_and_leaks_come_from_the_knowledge_base() -> None:
    kb, net = load_knowledge(), network()
    assert set(net.cause_ids) == set(kb.causes)
    assert set(net.finding_ids) == set(kb.findings)
    for cid, i in net.cause_index.items():
        assert net.prior[i] == kb.causes[cid].prior
    for fid, j in net.finding_index.items():
        assert net.leak[j] == kb.findings[fid].leak
        assert math.isclose(net.log_keep_leak[j], math.log(1 - kb.findings[fid].leak))


def test_compiled_arrays_are_read_only() -> None:
    net = compile_network(load_knowledge())
    assert not net.strength.flags.writeable
    assert not net.prior.flags.writeable
