"""Signed values: a changed value or signature is rejected."""

from __future__ import annotations

from crampcoach.web.cookies import Signer


def test_a_signed_value_comes_back_and_a_changed_one_does_not() -> None:
    signer = Signer(b"k" * 32)
    signed = signer.sign("session", "12:0:9999999999")
    assert signer.unsign("session", signed) == "12:0:9999999999"
    assert signer.unsign("session", signed.replace("12:", "13:", 1)) is None
    assert signer.unsign("csrf", signed) is None  # another purpose, another signature
    assert Signer(b"x" * 32).unsign("session", signed) is None
    assert signer.unsign("session", "no signature") is None
