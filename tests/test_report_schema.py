"""The shipped JSON Schema describes real reports exactly (docs/json-schema.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import courtesy
from courtesy.report import SCHEMA_VERSION, json_schema
from courtesy.rules.model import Category, Severity

ROOT = Path(__file__).resolve().parents[1]


def _validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _records() -> list[dict[str, Any]]:
    out = []
    for name in ("replies_en.jsonl", "replies_intl.jsonl"):
        text = (ROOT / "tests" / "corpus" / name).read_text(encoding="utf-8")
        out.extend(json.loads(line) for line in text.splitlines())
    return out


def test_every_corpus_report_matches_the_schema() -> None:
    validator = _validator()
    seen: set[str] = set()
    for record in _records():
        report = courtesy.check(record["text"], customer=record.get("customer"),
                                situation=record.get("situation"), channel=record.get("channel"))
        data = json.loads(report.to_json())
        validator.validate(data)
        seen |= {f["category"] for f in data["findings"]}
    assert len(seen) >= 5  # the corpus exercises many kinds of finding


def test_suppressions_match_the_schema() -> None:
    text = ("Dear Nick, we take your complaint very seriously.\n"
            "<!-- courtesy: ignore[TN002, PR] reason='legal wording' -->\n"
            "<!-- courtesy: ignore[NM001] -->")
    data = courtesy.check(text).to_dict()
    assert data["suppressed"]
    assert data["suppression_problems"]
    _validator().validate(data)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema_version",), 2),
        (("fail_on",), "fatal"),
        (("findings", 0, "rule"), "TN2"),
        (("findings", 0, "category"), "politeness"),
        (("findings", 0, "start"), -1),
        (("surprise",), True),
    ],
)
def test_the_schema_rejects_drift(path: tuple[str | int, ...], value: object) -> None:
    data: Any = courtesy.check("Dear Sir or Madam, thanks.",
                               customer={"name": "Nick Owen"}).to_dict()
    assert data["findings"]
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(data)


def test_vocabularies_in_the_schema_follow_the_code() -> None:
    defs = json_schema()["$defs"]
    assert defs["category"]["enum"] == [str(c) for c in Category]
    assert set(defs["severity"]["enum"]) == {str(s) for s in Severity}
    assert json_schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    required = set(json_schema()["required"])
    assert required == set(courtesy.check("Hi.").to_dict())
