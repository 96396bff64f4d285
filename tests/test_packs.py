"""Packs: the built-in pack is courteous; loaders stay inside their directory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from courtesy import Customer, Pack, PackError
from courtesy.exceptions import PackNotFound, TemplateError

HARD_NAMES = [
    {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}, "locale": "en-GB"},
    {"name": {"given": "Siobhán", "family": "O'Brien"}, "locale": "en-IE"},
    {"name": {"title": "Ms", "given": "María José", "family": "de la Cruz"}, "locale": "en-US"},
    {"name": {"given": "Zoë", "family": "van der Berg"}, "locale": "en-GB",
     "formality": "informal"},
    {"name": {"given": "Bertram", "family": "Wooster", "nickname": "Bertie"},
     "formality": "informal"},
    {"name": {"title": "Dr", "given": "Amara", "family": "Okonkwo-Smith"}},
    {"name": {"given": "Teller"}},
]

CONTEXTS: dict[str, dict[str, Any]] = {
    "delay_apology": {
        "situation": {"kind": "delay", "our_fault": True, "severity": "high"},
        "order": {"id": "A-1042", "reason": "We packed it two days after we promised.",
                  "new_date": "Thursday 14 March", "tracking": "JD0012345678",
                  "refund": "£4.99"},
        "agent": "Priya Shah, Customer Care"},
    "error_refund": {
        "situation": {"kind": "error", "our_fault": True},
        "order": {"id": "A-2210", "mistake": "We charged your card twice for the kettle.",
                  "refund": "£39.99", "extra": "", "refund_by": "Friday 15 March"},
        "agent": "Priya"},
    "complaint_resolved": {
        "situation": {"kind": "complaint", "our_fault": False},
        "issue": {"summary": "the scratched lid on your kettle",
                  "what_we_did": "I have sent a new lid by first-class post today.",
                  "next_step": "It should reach you by Wednesday."},
        "agent": "Sam"},
    "inquiry_answer": {"question": "delivery to Guernsey",
                       "answer": "Yes, we deliver to Guernsey in 3 working days for £6.",
                       "agent": "Sam"},
    "thanks_praise": {"praise": "the quick repair of your bike", "agent": "Sam"},
    "follow_up": {"issue": {"fix": "replaced the router in your flat",
                            "thing": "your broadband"}, "agent": "Sam"},
}


def test_every_builtin_template_is_declared_and_has_a_context() -> None:
    pack = Pack.builtin("default")
    assert set(pack.templates) == set(CONTEXTS)


@pytest.mark.parametrize("template_id", sorted(CONTEXTS))
@pytest.mark.parametrize("customer", HARD_NAMES, ids=lambda c: str(c["name"]))
def test_builtin_templates_pass_for_hard_names(template_id: str,
                                               customer: dict[str, Any]) -> None:
    pack = Pack.builtin("default")
    context = dict(CONTEXTS[template_id])
    situation = context.pop("situation", None)
    message = pack.render(template_id, customer, situation, strict=False, **context)
    assert message.passed, message.report.render_text()
    assert message.trace.spans


def test_locale_fallback_is_reported() -> None:
    pack = Pack.builtin("default")
    customer = Customer.model_validate({"name": "Anna Müller", "locale": "de-AT"})
    assert pack.locale_chain("de-AT") == ["de-AT", "de", "en"]
    message = pack.render("thanks_praise", customer, strict=False,
                          **CONTEXTS["thanks_praise"])
    assert any("de-AT" in note and "en" in note for note in message.notes)


def test_missing_context_and_unknown_templates_are_clear() -> None:
    pack = Pack.builtin("default")
    with pytest.raises(PackError, match="needs context variable"):
        pack.render("thanks_praise", {"name": "Nick Owen"}, agent="Sam")
    with pytest.raises(PackNotFound, match="no template 'nope'"):
        pack.render("nope", {"name": "Nick Owen"})
    with pytest.raises(PackNotFound, match="no built-in pack 'fancy'"):
        Pack.builtin("fancy")


def _pack(root: Path, template: str, manifest: str | None = None) -> Path:
    (root / "en").mkdir(parents=True)
    (root / "pack.toml").write_text(manifest or (
        '[pack]\nname = "t"\n\n[templates.hello]\nkind = "inquiry"\n'), encoding="utf-8")
    (root / "en" / "hello.txt").write_text(template, encoding="utf-8")
    return root


def test_loader_cannot_leave_the_pack(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    root = _pack(tmp_path / "p", "{% include '../secret.txt' %}")
    (root / "en" / "link.txt").symlink_to(secret)
    pack = Pack.load(root)
    with pytest.raises(TemplateError, match="not found"):
        pack.render("hello", {"name": "Nick Owen"}, strict=False)
    (root / "en" / "hello.txt").write_text("{% include 'en/link.txt' %}", encoding="utf-8")
    pack = Pack.load(root)
    with pytest.raises(TemplateError, match="not found"):
        pack.render("hello", {"name": "Nick Owen"}, strict=False)
    (root / "en" / "hello.txt").write_text(f"{{% include '{secret}' %}}", encoding="utf-8")
    pack = Pack.load(root)
    with pytest.raises(TemplateError, match="not found"):
        pack.render("hello", {"name": "Nick Owen"}, strict=False)


@pytest.mark.parametrize(
    ("manifest", "fragment"),
    [
        ("[pack\nname='x'", "malformed TOML"),
        ('[pack]\nname = "x"\n[templates.hello]\nkind = "rant"\n', "templates.hello.kind"),
        ('[pack]\nname = "x"\ncolour = "blue"\n', "pack.colour"),
        ('[pack]\nname = "x"\ndefault_locale = "xx-QQ"\n', "unknown locale"),
    ],
)
def test_bad_manifests_name_the_file_and_field(tmp_path: Path, manifest: str,
                                               fragment: str) -> None:
    root = _pack(tmp_path, "Hi", manifest)
    with pytest.raises(PackError) as info:
        Pack.load(root)
    assert str(root / "pack.toml") in str(info.value)
    assert fragment in str(info.value)


def test_a_directory_without_a_manifest_is_not_a_pack(tmp_path: Path) -> None:
    with pytest.raises(PackNotFound, match=r"no pack\.toml"):
        Pack.load(tmp_path)
    with pytest.raises(PackNotFound, match="not a pack directory"):
        Pack.load(tmp_path / "missing")


def test_sample_pack_under_templates_matches_the_builtin() -> None:
    sample = Path(__file__).resolve().parents[1] / "templates" / "default"
    builtin = Pack.builtin("default").root
    for path in builtin.rglob("*"):
        if path.is_file():
            copy = sample / path.relative_to(builtin)
            assert copy.is_file(), f"templates/default lacks {path.relative_to(builtin)}"
            assert copy.read_bytes() == path.read_bytes(), f"{copy} differs from the builtin"
    assert os.listdir(sample)
