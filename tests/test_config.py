"""Configuration files: discovery, validation with clear errors, and their effect on checks."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import courtesy
from courtesy.cli import main
from courtesy.config import Config, ConfigError, find_config, load_config
from courtesy.rules.model import Severity

BOILERPLATE = "Dear Sir or Madam, we take your complaint very seriously. Thank you."
DELAY = {"kind": "delay", "our_fault": True}
# Apology, thanks and next steps are there, but the next step has no time: EL004 (warning).
DELAY_REPLY = ("Hi Ana, I'm sorry we shipped your parcel late; that was our mistake. "
               "I have asked the courier to deliver it. Thank you for your patience.")


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_found_from_a_subdirectory(tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.courtesy]\n'
           'ignore = ["TN002"]\nfail_on = "warning"\n')
    sub = tmp_path / "replies" / "2026"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "pyproject.toml"
    config = load_config(sub)
    assert config.ignore == ("TN002",)
    assert config.fail_on is Severity.WARNING


def test_courtesy_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", '[tool.courtesy]\nignore = ["TN002"]\n')
    _write(tmp_path, "courtesy.toml", 'ignore = ["PR"]\n')
    assert load_config(tmp_path).ignore == ("PR",)


def test_a_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    _write(tmp_path, "courtesy.toml", 'fail_on = "info"\n')
    _write(tmp_path / "app", "pyproject.toml", '[project]\nname = "app"\n')
    assert find_config(tmp_path / "app") == tmp_path / "courtesy.toml"


def test_discovery_stops_at_the_repository_root(tmp_path: Path) -> None:
    _write(tmp_path, "courtesy.toml", 'fail_on = "info"\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    assert find_config(repo / "docs") is None
    assert load_config(repo / "docs") == Config()
    (tmp_path / "elsewhere").mkdir()
    assert find_config(tmp_path / "elsewhere") == tmp_path / "courtesy.toml"


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[tool.courtesy]\nignroe = ["TN002"]\n',
         "pyproject.toml: tool.courtesy.ignroe: unknown key"),
        ('[tool.courtesy]\nselect = ["EL", "XX999"]\n',
         "pyproject.toml: tool.courtesy.select.1: 'XX999' names no rule"),
        ('[tool.courtesy.severity]\nEL004 = "loud"\n',
         "pyproject.toml: tool.courtesy.severity.EL004: Input should be"),
        ('[tool.courtesy.per-situation.dealy]\nseverity = {EL004 = "error"}\n',
         "pyproject.toml: tool.courtesy.per-situation.dealy: Input should be"),
        ('[tool.courtesy.per-situation.delay]\nseverity = {EL001 = "info"}\n',
         "pyproject.toml: tool.courtesy.per-situation.delay.severity.EL001: lowering EL001 "
         "from error to info"),
        ('[tool.courtesy.per-situation.announcement]\nignore = ["EL002"]\n',
         "pyproject.toml: tool.courtesy.per-situation.announcement.ignore: ignoring EL002"),
        ('[tool.courtesy.per-situation.delay]\nsevrity = {EL004 = "error"}\n',
         "pyproject.toml: tool.courtesy.per-situation.delay.sevrity: unknown key"),
        ('[tool.courtesy]\nchannel = "fax"\n', "pyproject.toml: tool.courtesy.channel: "),
        ('[tool.courtesy]\ndefault_locale = "xx-QQ"\n',
         "pyproject.toml: tool.courtesy.default_locale: unknown locale 'xx-QQ'"),
        ("[tool.courtesy\n", "pyproject.toml: malformed TOML"),
    ],
)
def test_errors_name_the_file_and_the_key(tmp_path: Path, toml: str, expected: str) -> None:
    _write(tmp_path, "pyproject.toml", toml)
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(info.value).startswith(str(tmp_path / expected)), str(info.value)


def test_courtesy_toml_errors_use_top_level_key_paths(tmp_path: Path) -> None:
    path = _write(tmp_path, "courtesy.toml", "[tool.courtesy]\nignore = []\n")
    with pytest.raises(ConfigError, match=r"tool: unknown key.*only pyproject.toml nests"):
        load_config(path=path)
    path.write_text('[severity]\nTN9 = "error"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path=path)
    assert info.value.key == "severity.TN9"
    assert info.value.file == str(path)


def test_explicit_path_must_exist_and_hold_the_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(path=tmp_path / "missing.toml")
    path = _write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"has no \[tool.courtesy\] table"):
        load_config(path=path)


def test_loosening_with_a_reason_is_accepted() -> None:
    config = Config.model_validate({"per-situation": {"announcement": {
        "ignore": ["FL"], "severity": {"EL002": "info"},
        "reason": "announcements go to every customer on purpose"}}})
    announcement = config.for_situation("announcement")
    assert "FL001" not in announcement.codes
    assert announcement.severities["EL002"] is Severity.INFO
    assert "FL001" in config.for_situation("complaint").codes


def test_config_is_frozen() -> None:
    config = Config(ignore=("PR",))
    with pytest.raises(ValueError, match="frozen"):
        config.ignore = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        config.severity["EL001"] = Severity.INFO  # type: ignore[index]


def test_equal_settings_compare_and_hash_equal_after_use() -> None:
    data = {"ignore": ["PR"], "per-situation": {"delay": {"severity": {"EL004": "error"}}}}
    used, fresh = Config.model_validate(data), Config.model_validate(data)
    used.for_situation("delay")
    assert used == fresh
    assert hash(used) == hash(fresh)
    assert used != Config()
    assert len({used, fresh, Config()}) == 2


def test_severity_table_more_specific_selector_wins() -> None:
    config = Config.model_validate({"severity": {"TN": "error", "TN001": "info"}})
    resolved = config.for_situation(None)
    assert resolved.severities["TN001"] is Severity.INFO
    assert resolved.severities["TN002"] is Severity.ERROR


def test_check_applies_ignore_severity_and_fail_on() -> None:
    plain = courtesy.check(BOILERPLATE)
    assert "TN002" in {f.rule for f in plain.findings}
    ignoring = courtesy.check(BOILERPLATE, config=Config(ignore=("TN002",)))
    assert "TN002" not in {f.rule for f in ignoring.findings}
    raised = courtesy.check(BOILERPLATE, config=Config.model_validate(
        {"severity": {"TN002": "error"}}))
    tn002 = next(f for f in raised.findings if f.rule == "TN002")
    assert tn002.severity is Severity.ERROR
    assert not raised.passed
    strict = courtesy.check(BOILERPLATE, config=Config(fail_on=Severity.WARNING))
    assert strict.fail_on is Severity.WARNING
    # An explicit argument wins over the configured value.
    assert courtesy.check(BOILERPLATE, config=Config(fail_on=Severity.WARNING),
                          fail_on="error").fail_on is Severity.ERROR


def test_explicit_select_replaces_and_ignore_adds() -> None:
    config = Config(select=("EL",), ignore=("EL002",))
    report = courtesy.check(BOILERPLATE, situation={"kind": "complaint", "our_fault": True},
                            config=config)
    assert {f.rule for f in report.findings} == {"EL001", "EL003"}
    report = courtesy.check(BOILERPLATE, situation={"kind": "complaint", "our_fault": True},
                            config=config, select=["TN"], ignore=["TN005"])
    assert {f.rule for f in report.findings} == {"TN002"}


def test_per_situation_override_tightens_only_that_situation() -> None:
    config = Config.model_validate(
        {"per-situation": {"delay": {"severity": {"EL004": "error"}}}})
    loose = courtesy.check(DELAY_REPLY, situation=DELAY)
    assert [(f.rule, str(f.severity)) for f in loose.findings if f.rule == "EL004"] == [
        ("EL004", "warning")]
    tight = courtesy.check(DELAY_REPLY, situation=DELAY, config=config)
    assert [(f.rule, str(f.severity)) for f in tight.findings if f.rule == "EL004"] == [
        ("EL004", "error")]
    assert not tight.passed
    other = courtesy.check(DELAY_REPLY, situation={"kind": "complaint", "our_fault": True},
                           config=config)
    assert all(f.severity is Severity.WARNING for f in other.findings if f.rule == "EL004")


def test_severities_argument_overrides_per_rule() -> None:
    report = courtesy.check(BOILERPLATE, severities={"TN002": "info"})
    assert next(f for f in report.findings if f.rule == "TN002").severity is Severity.INFO
    with pytest.raises(courtesy.ProfileError, match="severities"):
        courtesy.check(BOILERPLATE, severities={"TN002": "loud"})
    with pytest.raises(courtesy.ProfileError, match="severities: 'TN999' names no rule"):
        courtesy.check(BOILERPLATE, severities={"TN999": "info"})
    family = courtesy.check(BOILERPLATE, severities={"TN": "info"})
    assert {str(f.severity) for f in family.findings if f.rule.startswith("TN")} == {"info"}


def test_channel_and_default_locale_apply_when_the_check_does_not_say() -> None:
    config = Config.model_validate({"channel": "sms", "default_locale": "de-DE"})
    from courtesy.checking import _with_default_locale

    customer = courtesy.Customer.model_validate({"name": "Anna Weber"})
    assert _with_default_locale(customer, "de-DE").locale == "de-DE"  # type: ignore[union-attr]
    stated = courtesy.Customer.model_validate({"name": "Anna Weber", "locale": "en-GB"})
    assert _with_default_locale(stated, "de-DE") is stated
    assert _with_default_locale({"name": "Anna Weber"}, "de-DE") == {
        "name": "Anna Weber", "locale": "de-DE"}
    # CT003 (contact without a route) does not apply in chat, where the chat is the route.
    contact = "Thank you for your email. If the problem continues, please contact us."
    assert "CT003" in {f.rule for f in courtesy.check(contact).findings}
    chat = Config.model_validate({"channel": "chat"})
    assert "CT003" not in {f.rule for f in courtesy.check(contact, config=chat).findings}
    assert "CT003" in {f.rule for f in courtesy.check(contact, config=chat,
                                                      channel="email").findings}
    # Configured channel and locale give the same report as passing them explicitly.
    text = "Hallo Frau Weber, danke für Ihre Nachricht."
    via_config = courtesy.check(text, customer={"name": "Anna Weber"}, config=config)
    explicit = courtesy.check(text, customer={"name": "Anna Weber", "locale": "de-DE"},
                              channel="sms")
    assert via_config.to_dict() == explicit.to_dict()


def test_check_with_config_stays_fast() -> None:
    config = Config.model_validate({"ignore": ["PR"], "severity": {"TN": "error"},
                                    "per-situation": {"delay": {"severity": {"EL004": "error"}}}})
    situation = courtesy.Situation(kind="delay", our_fault=True)
    courtesy.check(DELAY_REPLY, situation=situation, config=config)  # warm the caches

    def timed(**kwargs: object) -> float:
        start = time.perf_counter()
        for _ in range(100):
            courtesy.check(DELAY_REPLY, situation=situation, **kwargs)  # type: ignore[arg-type]
        return time.perf_counter() - start

    rounds = [(timed(config=config), timed()) for _ in range(7)]  # interleaved: fair to both
    configured, plain = min(r[0] for r in rounds), min(r[1] for r in rounds)
    # Resolving selectors happens once per config and situation kind, not per message.
    assert configured < plain * 1.5 + 0.003, (configured, plain)


# -- the command line -----------------------------------------------------------------------

def test_cli_uses_the_nearest_config_and_flags_override_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / ".git").mkdir()
    _write(tmp_path, "pyproject.toml", '[tool.courtesy]\nselect = ["TN002"]\n'
           'fail_on = "warning"\n')
    reply = _write(tmp_path / "replies", "r.txt", BOILERPLATE + "\n")
    monkeypatch.chdir(tmp_path / "replies")
    assert main(["check", str(reply)]) == 1  # TN002 is a warning; the config fails on it
    assert "TN002" in capsys.readouterr().out
    assert main(["check", str(reply), "--fail-on", "error"]) == 0
    capsys.readouterr()
    assert main(["check", str(reply), "--no-config", "--select", "TN002"]) == 0
    capsys.readouterr()
    other = _write(tmp_path, "strict.toml", 'select = ["TN002"]\n[severity]\nTN002 = "error"\n')
    assert main(["check", str(reply), "--config", str(other), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["severity"]) for f in data["findings"]] == [("TN002", "error")]


def test_cli_config_errors_exit_2_naming_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    bad = _write(tmp_path, "pyproject.toml", '[tool.courtesy.severity]\nTN002 = "loud"\n')
    reply = _write(tmp_path, "r.txt", BOILERPLATE)
    assert main(["check", str(reply), "--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: tool.courtesy.severity.TN002: Input should be" in err
    assert main(["check", str(reply), "--config", str(bad), "--no-config"]) == 2
    assert "either --config or --no-config" in capsys.readouterr().err


def test_cli_jsonl_uses_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _write(tmp_path, "courtesy.toml", 'ignore = ["TN002"]\n')
    batch = _write(tmp_path, "in.jsonl", json.dumps({"id": "a", "text": BOILERPLATE}) + "\n")
    main(["check", "--jsonl", str(batch), "--config", str(config)])
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "a"
    assert "TN002" not in {f["rule"] for f in record["findings"]}


def test_render_compiled_takes_the_config() -> None:
    from courtesy.rendering import _compile_string, render_compiled

    compiled = _compile_string(
        "Dear {{ customer.name.given }}, we take your complaint about order {{ order.id }} "
        "seriously and we take your complaint very seriously. Thank you; I will call you "
        "on Friday.", "t.txt")
    customer = {"name": {"given": "Ana", "family": "Ortiz"}}
    plain = render_compiled(compiled, customer, strict=False, context={"order": {"id": "A-1"}})
    assert plain.report.passed
    strict = Config.model_validate({"severity": {"TN002": "error"}, "channel": "chat",
                                    "default_locale": "en-US"})
    message = render_compiled(compiled, customer, strict=False, config=strict,
                              context={"order": {"id": "A-1"}})
    assert not message.report.passed
    assert (message.channel, message.locale) == ("chat", "en-US")
    with pytest.raises(courtesy.DiscourteousMessage):
        render_compiled(compiled, customer, config=strict, context={"order": {"id": "A-1"}})


def test_a_byte_order_mark_before_the_config_is_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path, "courtesy.toml", 'ignore = ["PR"]\n')
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_config(tmp_path).ignore == ("PR",)
