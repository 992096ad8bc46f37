"""The result and plan pages of the dev cases name things in words: no finding, cause or
exercise id, no bare source number (ids stay in the API and the FHIR export)."""

from __future__ import annotations

import re
from typing import Any

from crampcoach.knowledge import load_knowledge
from crampcoach.plan.loader import load_plan_knowledge

from ..clients import Client

ANSWER = {True: "yes", False: "no", None: "unknown"}


def _leaks(html: str) -> list[str]:
    kb, pk = load_knowledge(), load_plan_knowledge()
    ids = {i for i in (*kb.findings, *kb.causes, *pk.exercises) if "_" in i} | {"not_studied"}
    codes = "|".join(sorted(map(re.escape, ids), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w/.-])(?:{codes})(?![\w-])|\b[Ss]eeds? \d|\b00[0-4]\b"
                         r"|\b[Ss]ource \d|\d{4}-W\d\d")
    # What a person reads: the text, not tags, attributes, styles or the hidden answers.
    text = re.sub(r"<(style|script|svg)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return [text[max(0, m.start() - 40): m.end() + 20] for m in pattern.finditer(text)]


def test_results_and_plan_pages_of_the_dev_cases_use_names(
        single_user: Client, dev_cases: list[dict[str, Any]]) -> None:
    found = {}
    for case in dev_cases:
        fields = [("answered", f"{f}:{ANSWER[v]}") for f, v in case["case"]["findings"].items()]
        fields += [(k, str(case["case"][k])) for k in ("age", "sex") if k in case["case"]]
        for page in ("/results", "/plan"):
            response = single_user.form(page, fields)
            assert response.status_code == 200, response.text[:300]
            if leaks := _leaks(response.text):
                found[f"{case['id']} {page}"] = leaks[:3]
    assert found == {}
