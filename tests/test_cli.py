"""The CLI: exit codes, outputs, one-line errors, batches that lose nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from courtesy.cli import ExitCode, main

SEED_REPLY = "Dear Mr N.Owenn,\n\nWe take your complaint very seriously.\n\nCustomer Services\n"
GOOD_REPLY = (
    "Dear Mr Owen,\n\nI'm sorry: your parcel A-1042 is late, and that's our mistake. I've "
    "re-sent it by express and it will reach you on Thursday; tracking number JD0012345678."
    "\n\nThank you for your patience.\n\nPriya\n"
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "customer": tmp_path / "nick.json",
        "situation": tmp_path / "delay.json",
        "bad": tmp_path / "bad.txt",
        "good": tmp_path / "good.txt",
    }
    paths["customer"].write_text(json.dumps(
        {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}, "locale": "en-GB"}))
    paths["situation"].write_text(json.dumps({"kind": "delay", "our_fault": True}))
    paths["bad"].write_text(SEED_REPLY)
    paths["good"].write_text(GOOD_REPLY)
    return paths


def _profile_args(files: dict[str, Path]) -> list[str]:
    return ["--customer", str(files["customer"]), "--situation", str(files["situation"])]


def test_seed_reply_exits_1_with_findings_and_spans_in_json(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", str(files["bad"]), *_profile_args(files), "--format", "json"])
    assert code == ExitCode.FINDINGS
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is False
    by_rule = {f["rule"]: SEED_REPLY[f["start"]:f["end"]] for f in data["findings"]}
    assert by_rule["NM001"] == "Owenn"
    assert by_rule["TN002"] == "We take your complaint very seriously"
    assert {"EL001", "EL002", "EL003"} <= set(by_rule)


def test_courteous_reply_exits_0(files: dict[str, Path],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(files["good"]), *_profile_args(files)]) == ExitCode.OK
    assert "passed (no findings)" in capsys.readouterr().out


def test_text_output_quotes_and_underlines(files: dict[str, Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(files["bad"]), *_profile_args(files), "--color", "never"])
    out = capsys.readouterr().out
    assert f"{files['bad']}:1:11: error NM001 misspelt-name:" in out
    assert "    Dear Mr N.Owenn,\n              ~~~~~\n    suggestion: Owen\n" in out


def test_profiles_may_be_given_as_json_on_the_command_line(
        files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    inline = ["--customer", '{"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}',
              "--situation", '{"kind": "delay", "our_fault": true}']
    assert main(["check", str(files["bad"]), *inline, "--format", "json"]) == ExitCode.FINDINGS
    found = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert {"NM001", "EL001"} <= found  # the name and the situation were both read
    # a mistake in it is named by its option, with exit status 2
    for value, fragment in (('{"kind": "late"}', "--situation: kind: Input should be"),
                            ('{"kind": ', "--situation: malformed JSON")):
        assert main(["check", str(files["bad"]), "--situation", value]) == ExitCode.USAGE_ERROR
        assert fragment in capsys.readouterr().err


def test_fail_on_warning(files: dict[str, Path], tmp_path: Path) -> None:
    reply = tmp_path / "r.txt"
    reply.write_text("Hi Ana, we take your complaint very seriously.")
    assert main(["check", str(reply)]) == ExitCode.OK
    assert main(["check", str(reply), "--fail-on", "warning"]) == ExitCode.FINDINGS


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["check", "missing.txt"], "missing.txt: no such file"),
        (["check", "{bad}", "--customer", "{nope}"], "nope.json: no such file"),
        (["check", "{bad}", "--customer", "{broken}"], "broken.json: malformed JSON"),
        (["check", "{bad}", "--customer", "{typo}"], "typo.json: name.familly: Extra inputs"),
        (["check", "{bad}", "--select", "XX999"], "'XX999' names no rule"),
        (["check", "{bad}", "--jsonl", "{bad}"], "either PATH or --jsonl"),
        (["render", "{bad}"], "render needs --customer"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    args: list[str], fragment: str,
) -> None:
    (tmp_path / "broken.json").write_text('{"name": ')
    (tmp_path / "typo.json").write_text('{"name": {"given": "A", "familly": "B"}}')
    paths = {"bad": files["bad"], "nope": tmp_path / "nope.json",
             "broken": tmp_path / "broken.json", "typo": tmp_path / "typo.json"}
    argv = [a.format(**paths) for a in args]
    assert main(argv) == ExitCode.USAGE_ERROR
    err = capsys.readouterr().err
    assert err.startswith("courtesy: error: ")
    assert fragment in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "xml"]) == ExitCode.USAGE_ERROR
    assert "invalid choice" in capsys.readouterr().err
    assert main([]) == ExitCode.USAGE_ERROR


def test_jsonl_batch_keeps_every_record_in_order(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "a", "text": SEED_REPLY,
                    "customer": {"name": "Mr Nick Owen"},
                    "situation": {"kind": "complaint", "our_fault": True}}),
        "{not json",
        json.dumps({"id": "c", "text": GOOD_REPLY, "customer": {"name": "Mr Nick Owen"}}),
        "",
        json.dumps({"id": "e", "text": "Hi", "customer": {"name": {"familly": "X"}}}),
        json.dumps(["a list"]),
        json.dumps({"text": "Hi Ana, thank you!", "colour": "red"}),
        json.dumps({"text": "Dear {{ name }}, thanks."}),
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    code = main(["check", "--jsonl", str(batch), "--out", str(out)])
    assert code == ExitCode.USAGE_ERROR  # some records were bad input
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == len(lines)
    assert [r["id"] for r in records] == ["a", 2, "c", 4, "e", 6, 7, 8]
    assert records[0]["passed"] is False
    assert records[0]["findings"]
    assert records[2]["passed"] is True
    assert "malformed JSON" in records[1]["error"]
    assert records[1]["error"].startswith(f"{batch}:2: ")
    assert "empty line" in records[3]["error"]
    assert "customer: name.familly" in records[4]["error"]
    assert "JSON object" in records[5]["error"]
    assert "unknown field 'colour'" in records[6]["error"]
    assert records[7]["findings"][0]["rule"] == "SL002"
    err = capsys.readouterr().err
    assert "8 record(s): 1 passed, 2 failed, 5 bad input" in err


def test_jsonl_batch_in_worker_processes_gives_the_same_output(tmp_path: Path) -> None:
    customer = {"name": "Mr Nick Owen"}
    lines = []
    for i in range(1100):  # more than one window of lines (2 workers x 64 x 8)
        if i % 7 == 3:
            lines.append("{not json")
        elif i % 5 == 0:
            lines.append(json.dumps({"id": f"r{i}", "text": SEED_REPLY, "customer": customer,
                                     "situation": {"kind": "complaint", "our_fault": True}}))
        else:
            lines.append(json.dumps({"id": f"r{i}", "text": GOOD_REPLY, "customer": customer}))
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(lines) + "\n")

    def run(*extra: str) -> tuple[int, str]:
        out = tmp_path / f"out{len(extra)}.jsonl"
        done = subprocess.run(
            [sys.executable, "-m", "courtesy", "check", "--jsonl", str(batch), "--out",
             str(out), "--near-duplicates", *extra],
            capture_output=True, text=True, check=False, timeout=120)
        assert "Traceback" not in done.stderr
        return done.returncode, out.read_text()

    serial_code, serial = run()
    parallel_code, parallel = run("--jobs", "2")
    assert parallel_code == serial_code == ExitCode.USAGE_ERROR  # the malformed lines
    assert parallel == serial
    records = [json.loads(line) for line in serial.splitlines()]
    assert [r.get("id") for r in records[:len(lines)]] == [
        f"r{i}" if i % 7 != 3 else i + 1 for i in range(len(lines))]  # one per line, in order
    clusters = records[len(lines):]  # then the near-duplicate clusters
    assert [sorted(c) for c in clusters] == [["near_duplicates"], ["near_duplicates"]]


@pytest.mark.parametrize("argv", [
    ["check", "--jobs", "2", "{reply}"],
    ["check", "--jsonl", "{batch}", "--jobs", "-1"],
    ["check", "--jsonl", "{batch}", "--jobs", "two"],
])
def test_jobs_usage_errors(argv: list[str], tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(GOOD_REPLY)
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"text": GOOD_REPLY}) + "\n")
    args = [a.format(reply=reply, batch=batch) for a in argv]
    assert main(args) == ExitCode.USAGE_ERROR
    err = capsys.readouterr().err
    assert "--jobs" in err
    assert "Traceback" not in err


def test_jsonl_without_errors_exits_by_findings(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"id": 1, "text": "Hi Ana, thank you!"}) + "\n")
    assert main(["check", "--jsonl", str(batch), "--out", str(tmp_path / "o")]) == 0


def test_render_command(files: dict[str, Path], tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    context = tmp_path / "ctx.json"
    context.write_text(json.dumps({"praise": "the quick repair of your bike",
                                   "agent": "Sam"}))
    code = main(["render", "--pack", "default", "--template", "thanks_praise",
                 "--customer", str(files["customer"]), "--context", str(context)])
    assert code == ExitCode.OK
    assert capsys.readouterr().out.startswith("Dear Mr Owen,\n\nThank you so much")
    template = tmp_path / "t.txt"
    template.write_text("{{ customer | salutation }},\n\nThank you for contacting us.\n")
    code = main(["render", str(template), *_profile_args(files)])
    assert code == ExitCode.FINDINGS
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "EL001 missing-apology" in captured.err
    code = main(["render", str(template), *_profile_args(files), "--no-strict"])
    assert code == ExitCode.OK


def test_render_missing_variable_names_the_file_and_line(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "t.txt"
    template.write_text("Hi {{ customer.name.given }},\n\nOrder {{ order.id }}\n")
    assert main(["render", str(template), "--customer", str(files["customer"])]) == 2
    assert f"{template}:3: undefined template variable 'order'" in capsys.readouterr().err


def test_rules_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "EL001  missing-apology" in out
    assert main(["rules", "--format", "json"]) == ExitCode.OK
    data = json.loads(capsys.readouterr().out)
    assert {"code", "name", "why", "bad", "good"} <= set(data[0])


def test_demo_runs_and_shows_both_sides(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "passed: True" in out
    assert "NM001 misspelt-name" in out
    assert "FL001 form-letter" in out


def test_the_installed_script_and_stdin() -> None:
    version = subprocess.run(["courtesy", "--version"], capture_output=True, text=True,
                             check=True)
    assert version.stdout.startswith("courtesy ")
    result = subprocess.run(
        [sys.executable, "-m", "courtesy", "check", "-", "--format", "json"],
        input="Dear {{ first_name }}, thanks!", capture_output=True, text=True, check=False,
    )
    assert result.returncode == ExitCode.FINDINGS
    assert json.loads(result.stdout)["findings"][0]["rule"] == "SL002"


def test_internal_errors_exit_3(monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    from courtesy import cli

    def boom(args: object) -> ExitCode:
        raise RuntimeError("kaboom")

    monkeypatch.setitem(cli._COMMANDS, "rules", boom)
    assert main(["rules"]) == ExitCode.INTERNAL_ERROR
    err = capsys.readouterr().err
    assert "RuntimeError: kaboom" in err
    assert "this is a bug in courtesy" in err


def test_files_with_a_byte_order_mark_are_read_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    bom = b"\xef\xbb\xbf"
    reply = tmp_path / "reply.txt"
    reply.write_bytes(bom + GOOD_REPLY.encode())
    customer = tmp_path / "nick.json"
    customer.write_bytes(bom + json.dumps({"name": "Mr Nick Owen"}).encode())
    batch = tmp_path / "in.jsonl"
    batch.write_bytes(bom + (json.dumps({"id": "a", "text": GOOD_REPLY}) + "\r\n").encode())
    assert main(["check", str(reply), "--customer", str(customer), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    thanks = report["elements"]["thanks"][0]
    assert GOOD_REPLY[thanks["start"]:thanks["end"]].lower().startswith("thank")
    assert main(["check", "--jsonl", str(batch)]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["id"] == "a"


def test_jsonl_progress_is_shown_when_asked_and_not_otherwise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text("".join(json.dumps({"id": i, "text": GOOD_REPLY}) + "\n"
                             for i in range(3)))
    out = tmp_path / "out.jsonl"
    assert main(["check", "--jsonl", str(batch), "--out", str(out), "--progress"]) == 0
    err = capsys.readouterr().err
    assert "courtesy: checking" in err
    assert "3/3" in err
    assert len(out.read_text().splitlines()) == 3
    # not a terminal, not asked: the summary alone
    assert main(["check", "--jsonl", str(batch), "--out", str(out)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "courtesy: 3 record(s): 3 passed, 0 failed, 0 bad input"]
    assert main(["check", "--progress", str(batch)]) == ExitCode.USAGE_ERROR
    assert "--progress only applies with --jsonl" in capsys.readouterr().err


def test_a_last_line_without_a_line_break_is_counted(tmp_path: Path) -> None:
    from courtesy.cli import _count_lines

    path = tmp_path / "in.jsonl"
    for content, lines in ((b"", 0), (b"a\n", 1), (b"a\nb", 2), (b"a\nb\n", 2)):
        path.write_bytes(content)
        assert _count_lines(path) == lines


def test_check_takes_several_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    customer = tmp_path / "nick.json"
    customer.write_text(json.dumps({"name": "Mr Nick Owen"}), encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD_REPLY, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text(SEED_REPLY, encoding="utf-8")
    profile = ["--customer", str(customer)]
    assert main(["check", str(good), str(good), *profile]) == ExitCode.OK
    out = capsys.readouterr().out
    assert out.count(f"{good}: passed") == 2
    assert main(["check", str(good), str(bad), *profile]) == ExitCode.FINDINGS
    out = capsys.readouterr().out
    assert f"{good}: passed" in out
    assert f"{bad}: failed" in out
    assert f"{bad}:1:" in out  # findings name their file
    assert main(["check", str(good), str(bad), *profile, "--format", "json"]) == 1
    listed = json.loads(capsys.readouterr().out)
    assert [(item["path"], item["report"]["passed"]) for item in listed] == [
        (str(good), True), (str(bad), False)]
    # one file that cannot be read: the others are still checked, and the exit is 2
    missing = tmp_path / "missing.txt"
    assert main(["check", str(bad), str(missing), *profile]) == ExitCode.USAGE_ERROR
    captured = capsys.readouterr()
    assert f"{bad}: failed" in captured.out
    assert f"courtesy: error: {missing}: no such file" in captured.err
    assert main(["check", "-", "-"]) == ExitCode.USAGE_ERROR
    assert "standard input ('-') can be read only once" in capsys.readouterr().err


def test_the_command_line_reference_is_up_to_date() -> None:
    from courtesy.cli import reference

    page = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
    assert page.read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is stale: run python -c \"from courtesy.cli import reference; "
        "print(reference(), end='')\" > docs/cli.md")
    for command in ("check", "render", "preview", "lint", "rules", "demo"):
        assert f"## courtesy {command}\n" in page.read_text(encoding="utf-8")


def test_the_reference_does_not_depend_on_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from courtesy.cli import reference

    monkeypatch.setenv("COLUMNS", "40")
    narrow = reference()
    monkeypatch.delenv("COLUMNS")
    assert narrow == reference()
    assert "COLUMNS" not in os.environ
