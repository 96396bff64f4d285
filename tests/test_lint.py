"""``courtesy lint``: pack validation, variable checks, renders mapped to file:line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from courtesy.cli import ExitCode, main
from courtesy.packs._lint import lint_pack
from courtesy.rules.model import Severity

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "example-pack"


def _pack(root: Path, files: dict[str, str], manifest: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.toml").write_text(manifest, "utf-8")
    for name, body in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(body, "utf-8")
    return root


MANIFEST = """[pack]
name = "t"
locales = ["en"]

[templates.late]
kind = "delay"
channels = ["email"]

[templates.late.context]
order = {type = "object", required = ["id", "new_date"]}
agent = "string"
unused_thing = "string?"

[templates.late.examples.en]
situation = {kind = "delay", our_fault = true}
order = {id = "A-1042", new_date = "Thursday 14 March"}
agent = "Sam"
"""


def test_the_tutorial_example_pack_lints_clean() -> None:
    result = lint_pack(EXAMPLE)
    assert not result.fails(Severity.ERROR), result.render_text()
    assert result.renders >= 10
    assert main(["lint", str(EXAMPLE)]) == ExitCode.OK


def test_the_builtin_pack_lints_clean() -> None:
    result = lint_pack(ROOT / "templates" / "default")
    assert not result.fails(Severity.ERROR), result.render_text()
    assert result.renders > 150


def test_undeclared_and_unused_variables(tmp_path: Path) -> None:
    root = _pack(tmp_path / "p", {
        "en/late.email.txt": "{{ customer | salutation }},\n\nSorry: order {{ order.id }} is "
                             "late.\nIt arrives on {{ order.new_date }} via {{ courier }}.\n"
                             "{{ agent }}\n",
    }, MANIFEST)
    result = lint_pack(root)
    codes = {(i.code, i.file, i.line) for i in result.issues}
    assert ("pack/undeclared-variable", "en/late.email.txt", 4) in codes
    unused = [i for i in result.issues if i.code == "pack/unused-variable"]
    assert [i.message for i in unused] == [
        "[templates.late.context] declares 'unused_thing', but no file of the template uses it"]
    assert any(i.code == "pack/render-error" for i in result.issues)  # courier is undefined


def test_findings_map_to_template_lines(tmp_path: Path) -> None:
    body = ("{{ customer | salutation }},\n"
            "\n"
            "Your order {{ order.id }} is late, as you may have noticed.\n"
            "We regret any inconvenience this may have caused.\n"
            "It now arrives on {{ order.new_date }}.\n"
            "\n"
            "{{ agent }}\n")
    root = _pack(tmp_path / "p", {"en/late.email.txt": body},
                 MANIFEST.replace('unused_thing = "string?"\n', ""))
    result = lint_pack(root)
    flagged = [i for i in result.issues if i.code.startswith("TN")]
    assert flagged, result.render_text()  # "regret any inconvenience": a non-apology
    assert {(i.file, i.line) for i in flagged} == {("en/late.email.txt", 4)}
    assert result.fails(Severity.ERROR)
    assert main(["lint", str(root)]) == ExitCode.FINDINGS


def test_a_finding_inside_an_expression_maps_to_the_expression_line(tmp_path: Path) -> None:
    body = ("{{ customer | salutation }},\n\n"
            "Sorry: order {{ order.id }} is late, and that is our fault.\n"
            "It now arrives on {{ order.new_date }}. Thank you for your patience; reply to "
            "this email if you need me.\n\n"
            "{{ agent }}\n")
    manifest = MANIFEST.replace('unused_thing = "string?"\n', "").replace(
        "[templates.late.examples.en]", "[templates.late.examples.en]\n").replace(
        'agent = "Sam"', 'agent = "Sam. We apologize for any inconvenience caused."')
    root = _pack(tmp_path / "p", {"en/late.email.txt": body}, manifest)
    result = lint_pack(root)
    flagged = [i for i in result.issues if "inconvenience" in i.message]
    assert flagged, result.render_text()
    assert {i.line for i in flagged} == {6}  # the {{ agent }} line the phrase came from


def test_broken_manifest_is_one_error_with_the_file(tmp_path: Path) -> None:
    root = _pack(tmp_path / "p", {}, '[pack]\nname = "x"\n[templates.a]\nkind = "rant"\n')
    result = lint_pack(root)
    assert len(result.issues) == 1
    issue = result.issues[0]
    assert issue.code == "pack/manifest"
    assert issue.message.startswith("templates.a.kind: ")  # the file is said once, apart
    assert issue.file.endswith("pack.toml")
    assert issue.line == 4


@pytest.mark.parametrize(("manifest", "line", "key"), [
    ('[pack]\nname = "x"\nversion = 1\n', 3, "pack.version"),
    ('[pack]\nname = "x"\n\n[response-policy]\nescalate-after = 2\n'
     'first-reply = { medium = "2x" }\n', 6, "response-policy.first-reply.medium"),
])
def test_manifest_errors_name_the_line(tmp_path: Path, manifest: str, line: int,
                                       key: str) -> None:
    (issue,) = lint_pack(_pack(tmp_path / "p", {}, manifest)).issues
    assert (issue.line, issue.message.split(":")[0]) == (line, key)
    assert str(tmp_path) not in issue.message


def test_missing_locale_and_unknown_files_are_reported(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "p")
    (tmp_path / "p" / "de" / "repair_delayed.email.txt").unlink()
    (tmp_path / "p" / "de" / "repair_delayed.email.subject.txt").unlink()
    (tmp_path / "p" / "en" / "notes.md.txt").write_text("x", "utf-8")
    (tmp_path / "p" / "en" / "_signature.txt").write_text("Ola", "utf-8")
    result = lint_pack(tmp_path / "p")
    codes = [(i.code, i.file) for i in result.issues]
    assert ("pack/missing-locale", "pack.toml") in codes
    assert ("pack/unknown-file", "en/notes.md.txt") in codes
    assert not any(f == "en/_signature.txt" for _c, f in codes)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_readable_output(fmt: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    body = "{{ customer | salutation }}, we regret any inconvenience. {{ order.id }}\n"
    root = _pack(tmp_path / "p", {"en/late.email.txt": body},
                 MANIFEST.replace('unused_thing = "string?"\n', ""))
    assert main(["lint", str(root), "--format", fmt]) == ExitCode.FINDINGS
    data = json.loads(capsys.readouterr().out)
    if fmt == "json":
        assert any(i["code"].startswith("TN") and i["file"] == "en/late.email.txt"
                   and i["line"] == 1 for i in data["issues"])
    else:
        results = data["runs"][0]["results"]
        assert any(r["ruleId"].startswith("TN") and r["locations"][0]["physicalLocation"]["region"]
                   ["startLine"] == 1 for r in results)
        assert data["version"] == "2.1.0"


def test_lint_accepts_changed_files_as_pre_commit_passes_them(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "p")
    files = [str(tmp_path / "p" / "en" / "repair_delayed.sms.txt"),
             str(tmp_path / "p" / "pack.toml")]
    assert main(["lint", *files]) == ExitCode.OK
    stray = tmp_path / "notes.txt"
    stray.write_text("not a template", "utf-8")
    assert main(["lint", str(stray)]) == ExitCode.OK
    assert main(["lint", str(tmp_path / "missing")]) == ExitCode.FINDINGS


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    lint, check = hooks
    assert lint["id"] == "courtesy-lint-pack"
    assert lint["entry"] == "courtesy lint"
    assert check["id"] == "courtesy-check"
    assert check["entry"] == "courtesy check"  # which takes the several files pre-commit passes
    assert {hook["language"] for hook in hooks} == {"python"}
    assert all(hook["pass_filenames"] for hook in hooks)


def test_preview_writes_the_html_part(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    customer = tmp_path / "c.json"
    customer.write_text(json.dumps({"name": {"given": "Nick<b>", "family": "Owen"}}), "utf-8")
    context = tmp_path / "x.json"
    context.write_text(json.dumps({"bike": {"model": "the red Dahon", "ticket": "W-1"},
                                   "ready_on": "2026-03-19", "discount": 10,
                                   "currency": "GBP", "mechanic": "Ola"}), "utf-8")
    out = tmp_path / "preview.html"
    code = main(["preview", "--pack", str(EXAMPLE), "--template", "repair_delayed",
                 "--customer", str(customer), "--context", str(context), "--channel", "email",
                 "--html-out", str(out)])
    assert code == ExitCode.OK
    html = out.read_text("utf-8")
    assert "<strong>Thursday 19 March</strong>" in html
    assert "Nick&lt;b&gt;" in html
    assert "£10.00" in html
    stdout = capsys.readouterr().out
    assert stdout.startswith("Subject: Repair W-1: ready on 19 March\n")
    code = main(["render", "--pack", str(EXAMPLE), "--template", "repair_delayed",
                 "--customer", str(customer), "--context", str(context), "--channel", "sms",
                 "--html-out", str(tmp_path / "none.html"), "--no-strict"])
    assert code == ExitCode.USAGE_ERROR
