"""The response-time policy from configuration: durations, precedence, errors, the CLI."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import courtesy
from courtesy.cli import main
from courtesy.config import Config, ConfigError, PolicySettings, load_config
from courtesy.rules.policy import DEFAULT_POLICY, ResponsePolicy, parse_duration

CUSTOMER = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}, "locale": "en-GB"}
# Owns the mistake, dates the delivery, gives tracking and a refund, thanks, offers a reply
# route — but says nothing about how long the customer waited for this answer.
REPLY = """Dear Mr Owen,

I'm sorry we sent your parcel to the wrong depot; that was our mistake. It left our \
warehouse this morning and will arrive on Monday 16 March; the tracking number is \
RM482913377GB. I have refunded the £4.95 delivery charge.

Thank you for letting us know. If anything is still wrong, reply to this email and I will \
sort it out.

Sam Patel, Customer Care
"""
SENT = "2026-03-13T10:00:00+00:00"


def _situation(waited_hours: float, severity: str = "high", **extra: object) -> dict[str, object]:
    received = datetime.fromisoformat(SENT) - timedelta(hours=waited_hours)
    return {"kind": "delay", "our_fault": True, "severity": severity,
            "received_at": received.isoformat(), "sent_at": SENT, **extra}


def _config(table: dict[str, object]) -> Config:
    return Config.from_mapping({"response-policy": table}, file="courtesy.toml")


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- durations --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("30m", timedelta(minutes=30)),
    ("4h", timedelta(hours=4)),
    ("1d", timedelta(days=1)),
    ("2w", timedelta(weeks=2)),
    ("1d 12h", timedelta(days=1, hours=12)),
    ("1d12h", timedelta(days=1, hours=12)),
    (" 3 days ", timedelta(days=3)),
    ("2 hours 30 min", timedelta(hours=2, minutes=30)),
    ("4H", timedelta(hours=4)),
    ("52w 2d", timedelta(days=366)),
])
def test_durations_read_as_written(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("4", "'4' has no unit: write \"4h\" for 4 hours or \"4d\" for 4 days"),
    ("1.5h", "invalid duration '1.5h': whole numbers only; write \"1h 30m\" for an hour and "
             "a half"),
    ("soon", "invalid duration 'soon': write whole numbers with a unit, m (minutes), h (hours), "
             "d (days) or w (weeks): \"30m\", \"4h\", \"1d 12h\""),
    ("1mo", "invalid duration '1mo': unknown unit 'mo'; use m (minutes), h (hours), d (days) "
            "or w (weeks)"),
    ("1h 2h", "invalid duration '1h 2h': hours given twice"),
    ("0h", "invalid duration '0h': a target must be longer than zero"),
    ("53w", "invalid duration '53w': longer than 366 days"),
    ("99999999999999999999w", "invalid duration '99999999999999999999w': longer than 366 days"),
])
def test_bad_durations_say_what_to_write(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as info:
        parse_duration(text)
    assert str(info.value) == message


# -- the table --------------------------------------------------------------------------------

def test_a_partial_table_overrides_only_the_keys_given() -> None:
    policy = _config({"first-reply": {"high": "8h"}, "fix": {"low": "6w"}}).policy
    assert policy is not None
    assert policy.response == {**DEFAULT_POLICY.response, "high": timedelta(hours=8)}
    assert policy.promise == {**DEFAULT_POLICY.promise, "low": timedelta(weeks=6)}
    assert (policy.escalate_after, policy.restitution_from, policy.vague_from) == (2, "high",
                                                                                   "high")


def test_every_key_of_the_table() -> None:
    policy = _config({
        "first-reply": {"critical": "30m", "high": "2h", "medium": "8h", "low": "1d"},
        "fix": {"critical": "1d", "high": "3d", "medium": "1w", "low": "2w"},
        "escalate-after": 0, "restitution-from": "never", "vague-from": "medium",
    }).policy
    assert policy == ResponsePolicy(
        response={"critical": timedelta(minutes=30), "high": timedelta(hours=2),
                  "medium": timedelta(hours=8), "low": timedelta(days=1)},
        promise={"critical": timedelta(days=1), "high": timedelta(days=3),
                 "medium": timedelta(weeks=1), "low": timedelta(weeks=2)},
        escalate_after=0, restitution_from=None, vague_from="medium",
    )


def test_no_table_no_policy_and_configs_compare_by_policy() -> None:
    assert Config().policy is None
    assert _config({}).policy == DEFAULT_POLICY
    eight = _config({"first-reply": {"high": "8h"}})
    same = Config.model_validate({"response-policy": {"first-reply": {"high": "480m"}}})
    assert eight == same
    assert hash(eight) == hash(same)
    assert eight != _config({"first-reply": {"high": "9h"}})
    assert eight != Config()
    with pytest.raises(Exception, match="frozen"):
        eight.response_policy.fix = {}  # type: ignore[misc, union-attr]


# -- its effect on checks ---------------------------------------------------------------------

def test_five_hours_late_fails_by_default_and_passes_with_high_8h() -> None:
    situation = _situation(5)
    default = courtesy.check(REPLY, customer=CUSTOMER, situation=situation, channel="email")
    assert [f.rule for f in default.findings] == ["TM001"]
    assert not default.passed
    assert default.notes == ("reply sent 5 hours after the customer wrote; the high-severity "
                             "target is 4 hours, so it is 1 hour late",)
    config = _config({"first-reply": {"high": "8h"}})
    relaxed = courtesy.check(REPLY, customer=CUSTOMER, situation=situation, channel="email",
                             config=config)
    assert relaxed.passed
    assert relaxed.findings == ()
    assert relaxed.notes == ()


def test_the_lateness_note_states_the_configured_target() -> None:
    config = _config({"first-reply": {"high": "2h"}})
    report = courtesy.check(REPLY, customer=CUSTOMER, situation=_situation(3), config=config)
    assert report.notes == ("reply sent 3 hours after the customer wrote; the high-severity "
                            "target is 2 hours, so it is 1 hour late",)
    finding = report.findings[0]
    assert finding.rule == "TM001"
    assert "the high-severity target is 2 hours" in finding.message
    assert courtesy.check(REPLY, customer=CUSTOMER, situation=_situation(3)).notes == ()


def test_an_explicit_policy_wins_over_the_config() -> None:
    config = _config({"first-reply": {"high": "8h"}})
    strict = ResponsePolicy(response={**DEFAULT_POLICY.response, "high": timedelta(hours=1)})
    report = courtesy.check(REPLY, customer=CUSTOMER, situation=_situation(2), config=config,
                            policy=strict)
    assert [f.rule for f in report.findings] == ["TM001"]
    assert "target is 1 hour" in report.notes[0]


def test_thresholds_and_escalation_come_from_the_config() -> None:
    # No restitution in the reply: TM007 from "high" by default, only "critical" when set.
    no_refund = REPLY.replace(" I have refunded the £4.95 delivery charge.", "")
    situation = _situation(1)
    assert "TM007" in {f.rule for f in courtesy.check(no_refund, customer=CUSTOMER,
                                                       situation=situation).findings}
    late_amends = _config({"restitution-from": "critical"})
    assert "TM007" not in {f.rule for f in courtesy.check(
        no_refund, customer=CUSTOMER, situation=situation, config=late_amends).findings}
    # "as soon as possible": TM002 from "high" by default; from "medium" when configured.
    vague = REPLY.replace("will arrive on Monday 16 March", "will arrive as soon as possible")
    medium = _situation(1, severity="medium")
    assert "TM002" not in {f.rule for f in courtesy.check(vague, customer=CUSTOMER,
                                                           situation=medium).findings}
    assert "TM002" in {f.rule for f in courtesy.check(
        vague, customer=CUSTOMER, situation=medium,
        config=_config({"vague-from": "medium"})).findings}
    # A third contact raises medium to high (4 hours) by default; not with escalate-after = 0.
    third = _situation(5, severity="medium", repeat_contact=2)
    assert "TM001" in {f.rule for f in courtesy.check(REPLY, customer=CUSTOMER,
                                                       situation=third).findings}
    assert courtesy.check(REPLY, customer=CUSTOMER, situation=third,
                          config=_config({"escalate-after": 0})).passed


def test_the_fix_target_comes_from_the_config() -> None:
    slow = REPLY.replace("will arrive on Monday 16 March", "will arrive within 8 days")
    situation = _situation(1)
    assert "TM003" in {f.rule for f in courtesy.check(slow, customer=CUSTOMER,
                                                       situation=situation).findings}
    assert "TM003" not in {f.rule for f in courtesy.check(
        slow, customer=CUSTOMER, situation=situation,
        config=_config({"fix": {"high": "10d"}})).findings}


# -- errors -----------------------------------------------------------------------------------

P = "tool.courtesy.response-policy"


@pytest.mark.parametrize(("toml", "expected"), [
    ('first-reply = { urgent = "1h" }',
     f"{P}.first-reply.urgent: unknown severity 'urgent'; courtesy knows critical, high, "
     "medium, low"),
    ('first-reply = { high = "4 hrs", medium = "a day" }',
     f"{P}.first-reply.medium: invalid duration 'a day': write whole numbers with a unit, m "
     "(minutes), h (hours), d (days) or w (weeks): \"30m\", \"4h\", \"1d 12h\""),
    ("fix = { low = 30 }",
     f"{P}.fix.low: 30 has no unit: write \"30h\" for 30 hours or \"30d\" for 30 days"),
    ("fix = { low = 1.5 }",
     f"{P}.fix.low: 1.5 has no unit: write a string of whole numbers with units, such as "
     "\"1h 30m\""),
    ("fix = { low = true }",
     f"{P}.fix.low: must be a duration such as \"4h\" or \"1d 12h\", not bool True"),
    ('first-reply = "1h"',
     f"{P}.first-reply: must be a table of severity = duration, like "
     "{ high = \"4h\", medium = \"1d\" }"),
    ('first_repyl = { high = "1h" }',
     f"{P}.first_repyl: unknown key; courtesy knows first-reply, fix, escalate-after, "
     "restitution-from, vague-from"),
    ('escalate-after = "2"',
     f"{P}.escalate-after: must be a whole number of repeat contacts (0: never), not '2'"),
    ("escalate-after = -1",
     f"{P}.escalate-after: must be a whole number of repeat contacts (0: never), not -1"),
    ('restitution-from = "urgent"',
     f"{P}.restitution-from: unknown severity 'urgent'; courtesy knows critical, high, medium, "
     "low, or \"never\""),
    ('first-reply = { high = "2d" }',
     f"{P}.first-reply.high: 2 days is longer than the medium-severity target (1 day, the "
     "default): the bigger the grievance, the sooner the answer"),
    ('first-reply = { high = "8h", medium = "6h" }',
     f"{P}.first-reply.medium: 6 hours is shorter than the high-severity target (8 hours): "
     "the bigger the grievance, the sooner the answer"),
])
def test_pyproject_errors_name_the_file_and_the_key(tmp_path: Path, toml: str,
                                                    expected: str) -> None:
    path = _write(tmp_path, "pyproject.toml", f"[tool.courtesy.response-policy]\n{toml}\n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(info.value) == f"{path}: {expected}"


def test_wrong_type_of_table_and_unknown_top_level_key(tmp_path: Path) -> None:
    path = _write(tmp_path, "courtesy.toml", 'response-policy = "fast"\n')
    with pytest.raises(ConfigError) as info:
        load_config(path=path)
    assert str(info.value) == (f"{path}: response-policy: must be a table with first-reply, "
                               "fix, escalate-after, restitution-from or vague-from")
    path.write_text('[response_polcy]\nfix = {low = "1w"}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"response_polcy: unknown key; courtesy knows .*"
                                          r"channel, response-policy$"):
        load_config(path=path)


def test_courtesy_toml_keys_sit_at_the_top_level(tmp_path: Path) -> None:
    path = _write(tmp_path, "courtesy.toml",
                  '[response-policy.first-reply]\nhigh = "8h"\nurgent = "1h"\n')
    with pytest.raises(ConfigError) as info:
        load_config(path=path)
    assert (info.value.file, info.value.key) == (str(path), "response-policy.first-reply.urgent")
    assert info.value.detail.startswith("unknown severity 'urgent'")


def test_policy_settings_validate_on_their_own() -> None:
    settings = PolicySettings.from_mapping({"first-reply": {"low": "5d"}}, file="pack.toml")
    assert settings.policy.response["low"] == timedelta(days=5)
    with pytest.raises(ConfigError) as info:
        PolicySettings.from_mapping({"fix": {"low": "3"}}, file="pack.toml")
    assert str(info.value) == ("pack.toml: response-policy.fix.low: '3' has no unit: write "
                               "\"3h\" for 3 hours or \"3d\" for 3 days")
    with pytest.raises(ConfigError, match=r"response-policy\.vague: unknown key; courtesy "
                                          r"knows first-reply, fix"):
        PolicySettings.from_mapping({"vague": "high"}, file="pack.toml")


# -- the command line -------------------------------------------------------------------------

def _inputs(folder: Path, waited_hours: float) -> tuple[Path, Path, Path]:
    return (_write(folder, "reply.txt", REPLY),
            _write(folder, "nick.json", json.dumps(CUSTOMER)),
            _write(folder, "late.json", json.dumps(_situation(waited_hours))))


def test_cli_check_round_trip_with_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / ".git").mkdir()
    reply, customer, situation = _inputs(tmp_path / "support", 5)
    args = ["check", str(reply), "--customer", str(customer), "--situation", str(situation),
            "--channel", "email", "--format", "json"]
    monkeypatch.chdir(tmp_path / "support")
    assert main(args) == 1  # no configuration: the default 4 hours
    data = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in data["findings"]] == ["TM001"]
    assert "target is 4 hours" in data["notes"][0]
    _write(tmp_path, "pyproject.toml",
           '[project]\nname = "shop"\n\n[tool.courtesy.response-policy]\n'
           'first-reply = { high = "8h" }\n')
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["passed"], data["findings"], data["notes"]) == (True, [], [])
    assert main([*args, "--no-config"]) == 1
    capsys.readouterr()


def test_cli_check_with_courtesy_toml_and_jsonl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    reply, customer, situation = _inputs(tmp_path, 5)
    config = _write(tmp_path, "courtesy.toml", '[response-policy]\nfirst-reply = {high = "8h"}\n')
    assert main(["check", str(reply), "--customer", str(customer), "--situation",
                 str(situation), "--config", str(config)]) == 0
    capsys.readouterr()
    records = [{"id": "five-hours", "text": REPLY, "situation": _situation(5)},
               {"id": "nine-hours", "text": REPLY, "situation": _situation(9)}]
    batch = _write(tmp_path, "outbox.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    code = main(["check", "--jsonl", str(batch), "--customer", str(customer), "--channel",
                 "email", "--config", str(config)])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["passed"], [f["rule"] for f in r["findings"]]) for r in out] == [
        ("five-hours", True, []), ("nine-hours", False, ["TM001"])]
    assert code == 1


def test_cli_config_errors_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    reply = _write(tmp_path, "reply.txt", REPLY)
    bad = _write(tmp_path, "pyproject.toml",
                 '[tool.courtesy.response-policy]\nfirst-reply = { urgent = "1h" }\n')
    for command in (["check", str(reply)], ["check", "--jsonl", str(reply)]):
        assert main([*command, "--config", str(bad)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.splitlines() == [
            f"courtesy: error: {bad}: tool.courtesy.response-policy.first-reply.urgent: "
            "unknown severity 'urgent'; courtesy knows critical, high, medium, low"]


# -- the documented tables --------------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("page", ["configuration.md", "timing.md", "writing-a-pack.md"])
def test_documented_policy_tables_are_valid(page: str) -> None:
    import tomllib

    blocks = re.findall(r"```toml\n(.*?)```", (DOCS / page).read_text(encoding="utf-8"),
                        re.DOTALL)
    tables = [tomllib.loads(block) for block in blocks if "response-policy" in block]
    assert tables
    for data in tables:
        config = Config.from_mapping(data.get("tool", {}).get("courtesy", data), file=page)
        assert config.policy is not None
        assert config.policy != DEFAULT_POLICY
