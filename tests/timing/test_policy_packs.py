"""A pack's own response-time policy, and which policy wins when render sees several."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

import courtesy
from courtesy import DiscourteousMessage, Pack, PackError
from courtesy.cli import main
from courtesy.config import Config
from courtesy.packs._lint import lint_pack
from courtesy.rules.policy import DEFAULT_POLICY, ResponsePolicy

MANIFEST = """\
[pack]
name = "parcel-desk"
version = "1.0"
default_locale = "en"
locales = ["en"]

[templates.late_parcel]
kind = "delay"
description = "Our fault: the parcel went to the wrong depot."
channels = ["email"]

[templates.late_parcel.context]
order = {type = "object", required = ["id", "arrives", "tracking"]}
agent = "string"

[templates.late_parcel.examples.en]
situation = {kind = "delay", our_fault = true, severity = "high", \
received_at = "2026-03-13T05:00:00+00:00", sent_at = "2026-03-13T10:00:00+00:00"}
order = {id = "A-1042", arrives = "2026-03-16", tracking = "RM482913377GB"}
agent = "Sam Patel"
"""
# Owns the mistake, dates the delivery, tracks it, makes amends, thanks: only the wait is
# not acknowledged, so TM001 decides whether it passes.
TEMPLATE = """\
{{ customer | salutation }},

I'm sorry we sent your parcel {{ order.id }} to the wrong depot; that was our mistake. \
It left our warehouse this morning and will arrive on {{ order.arrives | date("EEEE d MMMM") }}; \
the tracking number is {{ order.tracking }}. I have refunded the delivery charge.

Thank you for letting us know. If anything is still wrong, reply to this email and I will \
sort it out.

{{ agent }}
"""
CUSTOMER = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}, "locale": "en-GB"}
ORDER = {"id": "A-1042", "arrives": "2026-03-16", "tracking": "RM482913377GB"}
FIVE_HOURS_LATE = {"kind": "delay", "our_fault": True, "severity": "high",
                   "received_at": "2026-03-13T05:00:00+00:00",
                   "sent_at": "2026-03-13T10:00:00+00:00"}
PACK_8H = '\n[response-policy]\nfirst-reply = { high = "8h" }\n'


def _pack(folder: Path, extra: str = "") -> Path:
    (folder / "en").mkdir(parents=True)
    (folder / "pack.toml").write_text(MANIFEST + extra, encoding="utf-8")
    (folder / "en" / "late_parcel.email.txt").write_text(TEMPLATE, encoding="utf-8")
    return folder


def _config(high: str) -> Config:
    return Config.model_validate({"response-policy": {"first-reply": {"high": high}}})


def _tm001(pack: Pack, **options: object) -> bool:
    message = pack.render("late_parcel", CUSTOMER, FIVE_HOURS_LATE, strict=False,
                          order=ORDER, agent="Sam Patel", **options)  # type: ignore[arg-type]
    return "TM001" in {f.rule for f in message.report.findings}


def test_a_pack_policy_applies_to_its_renders(tmp_path: Path) -> None:
    plain = Pack.load(_pack(tmp_path / "plain"))
    assert plain.policy is None
    with pytest.raises(DiscourteousMessage, match="TM001"):
        plain.render("late_parcel", CUSTOMER, FIVE_HOURS_LATE, order=ORDER, agent="Sam Patel")
    relaxed = Pack.load(_pack(tmp_path / "relaxed", PACK_8H))
    assert relaxed.policy is not None
    assert relaxed.policy.response == {**DEFAULT_POLICY.response, "high": timedelta(hours=8)}
    message = relaxed.render("late_parcel", CUSTOMER, FIVE_HOURS_LATE, order=ORDER,
                             agent="Sam Patel")
    assert message.passed
    assert message.report.notes == ()
    assert "will arrive on Monday 16 March" in message.text


def test_precedence_explicit_then_pack_then_config_then_defaults(tmp_path: Path) -> None:
    plain = Pack.load(_pack(tmp_path / "plain"))
    relaxed = Pack.load(_pack(tmp_path / "relaxed", PACK_8H))
    one_hour = ResponsePolicy(response={**DEFAULT_POLICY.response, "high": timedelta(hours=1)})
    # defaults: 4 hours, so 5 hours is late
    assert _tm001(plain)
    # project config: 8 hours, when the pack sets nothing
    assert not _tm001(plain, config=_config("8h"))
    # the pack's 8 hours over a stricter project (2 hours): a pack may be looser
    assert not _tm001(relaxed, config=_config("2h"))
    # an explicit policy over both
    assert _tm001(relaxed, config=_config("8h"), policy=one_hour)


def test_a_pack_table_starts_from_the_defaults_not_the_project(tmp_path: Path) -> None:
    # The pack sets only critical; high keeps the documented 4 hours even though the
    # project allows 8: a pack behaves the same in every project.
    pack = Pack.load(_pack(tmp_path, '\n[response-policy]\nfirst-reply = { critical = "2h" }\n'))
    assert pack.policy is not None
    assert pack.policy.response["high"] == timedelta(hours=4)
    assert _tm001(pack, config=_config("8h"))


def test_the_config_still_configures_the_rest_of_a_pack_render(tmp_path: Path) -> None:
    pack = Pack.load(_pack(tmp_path, PACK_8H))
    config = Config.model_validate({"severity": {"TM001": "warning"}, "fail_on": "warning",
                                    "default_locale": "en-US"})
    plain_customer = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}
    two_days = {**FIVE_HOURS_LATE, "received_at": "2026-03-11T10:00:00+00:00"}
    message = pack.render("late_parcel", plain_customer, two_days, strict=False, order=ORDER,
                          agent="Sam Patel", config=config)
    assert message.locale == "en-US"
    assert [(f.rule, str(f.severity)) for f in message.report.findings] == [("TM001", "warning")]
    assert not message.passed  # the config's fail_on: warning


@pytest.mark.parametrize(("table", "expected"), [
    ('first-reply = { urgent = "1h" }',
     "response-policy.first-reply.urgent: unknown severity 'urgent'; courtesy knows critical, "
     "high, medium, low"),
    ('fix = { high = "5" }',
     "response-policy.fix.high: '5' has no unit: write \"5h\" for 5 hours or \"5d\" for 5 days"),
    ('vague-after = "high"',
     "response-policy.vague-after: unknown key; courtesy knows first-reply, fix, "
     "escalate-after, restitution-from, vague-from"),
    ("escalate-after = 1.5",
     "response-policy.escalate-after: must be a whole number of repeat contacts (0: never), "
     "not 1.5"),
])
def test_pack_policy_errors_name_pack_toml_and_the_key(tmp_path: Path, table: str,
                                                      expected: str) -> None:
    root = _pack(tmp_path, f"\n[response-policy]\n{table}\n")
    with pytest.raises(PackError) as info:
        Pack.load(root)
    manifest = root / "pack.toml"
    line = manifest.read_text("utf-8").splitlines().index(table) + 1
    assert str(info.value) == f"{manifest}:{line}: {expected}"
    assert (info.value.line, info.value.detail) == (line, expected)


def test_context_variables_cannot_shadow_render_keywords(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    manifest = root / "pack.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        'agent = "string"', 'agent = "string"\npolicy = "string"'), encoding="utf-8")
    with pytest.raises(PackError, match="context variable 'policy' is a keyword of "
                                        r"pack\.render\(\) and could never be passed"):
        Pack.load(root)


def test_lint_checks_the_pack_with_its_own_policy(tmp_path: Path) -> None:
    strict = lint_pack(_pack(tmp_path / "plain"))
    assert [issue.code for issue in strict.issues] == ["TM001"]
    assert lint_pack(_pack(tmp_path / "relaxed", PACK_8H)).issues == ()


def test_render_takes_config_and_policy() -> None:
    source = TEMPLATE.replace("{{ customer | salutation }}", "Dear Mr Owen")
    options = {"order": ORDER, "agent": "Sam Patel", "strict": False, "channel": "email"}
    assert not courtesy.render(source, CUSTOMER, FIVE_HOURS_LATE, **options).passed
    configured = courtesy.render(source, CUSTOMER, FIVE_HOURS_LATE, config=_config("8h"),
                                 **options)
    assert configured.passed
    strict = ResponsePolicy(response={**DEFAULT_POLICY.response, "high": timedelta(hours=1)})
    explicit = courtesy.render(source, CUSTOMER, FIVE_HOURS_LATE, config=_config("8h"),
                               policy=strict, **options)
    assert "target is 1 hour" in explicit.report.notes[0]


# -- the command line -------------------------------------------------------------------------

def _cli_inputs(folder: Path) -> list[str]:
    files = {"nick.json": CUSTOMER, "late.json": FIVE_HOURS_LATE,
             "order.json": {"order": ORDER, "agent": "Sam Patel"}}
    for name, data in files.items():
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    return ["--customer", str(folder / "nick.json"), "--situation", str(folder / "late.json"),
            "--context", str(folder / "order.json")]


def test_cli_render_uses_the_project_config_and_the_pack_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / ".git").mkdir()
    inputs = _cli_inputs(tmp_path)
    plain = str(_pack(tmp_path / "plain"))
    relaxed = str(_pack(tmp_path / "relaxed", PACK_8H))
    monkeypatch.chdir(tmp_path)
    render = ["render", "--template", "late_parcel", *inputs]
    assert main([*render, "--pack", plain]) == 1
    assert "TM001" in capsys.readouterr().err
    assert main([*render, "--pack", relaxed]) == 0
    assert capsys.readouterr().out.startswith("Dear Mr Owen,")
    (tmp_path / "courtesy.toml").write_text('[response-policy]\nfirst-reply = {high = "8h"}\n',
                                            encoding="utf-8")
    assert main([*render, "--pack", plain]) == 0
    capsys.readouterr()
    assert main([*render, "--pack", plain, "--no-config"]) == 1
    capsys.readouterr()
    (tmp_path / "courtesy.toml").write_text('[response-policy]\nfirst-reply = {high = "2h"}\n',
                                            encoding="utf-8")
    assert main([*render, "--pack", relaxed]) == 0  # the pack's 8 hours win
    capsys.readouterr()


def test_cli_render_of_a_template_file_and_bad_input_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    inputs = _cli_inputs(tmp_path)
    template = tmp_path / "late.txt"
    template.write_text(TEMPLATE, encoding="utf-8")
    config = tmp_path / "courtesy.toml"
    config.write_text('[response-policy]\nfirst-reply = {high = "8h"}\n', encoding="utf-8")
    assert main(["render", str(template), *inputs, "--no-config"]) == 1
    capsys.readouterr()
    assert main(["render", str(template), *inputs, "--config", str(config)]) == 0
    capsys.readouterr()
    config.write_text('[response-policy]\nfirst-reply = {high = "eight hours"}\n',
                      encoding="utf-8")
    assert main(["render", str(template), *inputs, "--config", str(config)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"courtesy: error: {config}: response-policy.first-reply.high: invalid duration "
        "'eight hours': write whole numbers with a unit, m (minutes), h (hours), d (days) or "
        "w (weeks): \"30m\", \"4h\", \"1d 12h\""]
    bad_pack = _pack(tmp_path / "bad", '\n[response-policy]\nfix = { soon = "1d" }\n')
    line = (bad_pack / "pack.toml").read_text("utf-8").splitlines().index(
        'fix = { soon = "1d" }') + 1
    assert main(["render", "--pack", str(bad_pack), "--template", "late_parcel", *inputs,
                 "--no-config"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"courtesy: error: {bad_pack / 'pack.toml'}:{line}: response-policy.fix.soon: unknown "
        "severity 'soon'; courtesy knows critical, high, medium, low"]
    (tmp_path / "order.json").write_text(json.dumps({"order": ORDER, "policy": "x"}),
                                         encoding="utf-8")
    assert main(["render", str(template), *inputs, "--no-config"]) == 2
    assert "'policy' cannot be a template variable" in capsys.readouterr().err
