"""courtesy_snapshot: create, compare, update."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TEST_FILE = """
    import pytest

    TEMPLATE = ("{{{{ customer | salutation }}}},\\n\\nI'm sorry: your order {{{{ order }}}} is "
                "late, and that is our fault. It will reach you on {date}. Thank you for your "
                "patience; just reply to this email if anything else goes wrong.\\n\\nPriya")

    def test_delay(courtesy_snapshot, courtesy_customer):
        from courtesy import render
        message = render(TEMPLATE, courtesy_customer, {{"kind": "delay", "our_fault": True}},
                         order="A-1042", strict=False)
        courtesy_snapshot(message)
        courtesy_snapshot(message.report, name="report only")
"""


def _write_test(pytester: pytest.Pytester, date: str) -> None:
    pytester.makepyfile(test_app=TEST_FILE.format(date=date))


def test_snapshot_is_created_then_compared_then_updated(pytester: pytest.Pytester) -> None:
    _write_test(pytester, "Thursday 14 March")
    snapshots = pytester.path / "snapshots" / "test_app"

    # 1. No snapshot yet: the files are written, and the test fails until they are committed.
    first = pytester.runpytest()
    first.assert_outcomes(failed=1)
    first.stdout.fnmatch_lines(["*no approved snapshot yet; wrote:*",
                                "*snapshots/test_app/test_delay.txt",
                                "*snapshots/test_app/test_delay.report.json"])
    text = (snapshots / "test_delay.txt").read_text(encoding="utf-8")
    assert text.startswith("Dear Ms van der Berg,\n\nI'm sorry: your order A-1042 is late")
    report = json.loads((snapshots / "test_delay.report.json").read_text(encoding="utf-8"))
    assert report["passed"] is True
    assert report["elements"]["apology"][0]["text"] == "I'm sorry"
    # The second call in the test stops at the first failure; the next run writes it.
    second = pytester.runpytest()
    second.assert_outcomes(failed=1)
    assert (snapshots / "test_delay.report_only.txt").read_text(encoding="utf-8") == text

    # 2. Unchanged: passes, files untouched.
    before = {p.name: p.stat().st_mtime_ns for p in snapshots.iterdir()}
    pytester.runpytest().assert_outcomes(passed=1)
    assert {p.name: p.stat().st_mtime_ns for p in snapshots.iterdir()} == before

    # 3. The template changes: a readable unified diff, and the files stay as approved.
    _write_test(pytester, "Friday 15 March")
    changed = pytester.runpytest()
    changed.assert_outcomes(failed=1)
    changed.stdout.fnmatch_lines([
        "*the rendered message differs from its approved snapshot:*",
        "E       --- */snapshots/test_app/test_delay.txt (approved)",
        "E       +++ */snapshots/test_app/test_delay.txt (rendered now)",
        "E       -I'm sorry: your order A-1042 is late, and that is our fault. It will reach you "
        "on Thursday 14 March.*",
        "E       +I'm sorry: your order A-1042 is late, and that is our fault. It will reach you "
        "on Friday 15 March.*",
        "*re-run with --courtesy-update-snapshots*",
    ])
    assert "Thursday 14 March" in (snapshots / "test_delay.txt").read_text(encoding="utf-8")

    # 4. Approving the change rewrites both snapshots of the test.
    pytester.runpytest("--courtesy-update-snapshots").assert_outcomes(passed=1)
    for name in ("test_delay.txt", "test_delay.report_only.txt"):
        assert "Friday 15 March" in (snapshots / name).read_text(encoding="utf-8")
    pytester.runpytest().assert_outcomes(passed=1)


def test_snapshot_keeps_line_endings_and_names_parametrized_tests(tmp_path: Path) -> None:
    from courtesy import check
    from courtesy.testing import Snapshot, SnapshotMismatch

    snap = Snapshot(tmp_path, "test_x_en-GB_", update=True)
    snap("Hi Ana,\r\nthanks!", customer={"name": "Ana Lima"})
    assert (tmp_path / "test_x_en-GB_.txt").read_bytes() == b"Hi Ana,\r\nthanks!"
    again = Snapshot(tmp_path, "test_x_en-GB_")
    with pytest.raises(SnapshotMismatch, match=r"(?s)-Hi Ana,\r?\n.*\+Hi Ana,\n"):
        again(check("Hi Ana,\nthanks!"))
    with pytest.raises(TypeError, match="not int"):
        again(3)  # type: ignore[arg-type]


def test_snapshot_file_names_are_safe_for_parametrized_ids(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_ids="""
        import pytest

        @pytest.mark.parametrize("who", ["Zoë van der Berg", "../etc"])
        def test_name(courtesy_snapshot, who):
            courtesy_snapshot(f"Hi {who}, thanks for writing.")
    """)
    pytester.runpytest("--courtesy-update-snapshots").assert_outcomes(passed=2)
    names = sorted(p.name for p in (pytester.path / "snapshots" / "test_ids").iterdir())
    assert names == ["test_name_.._etc.report.json", "test_name_.._etc.txt",
                     "test_name_Zo_xeb_van_der_Berg.report.json",
                     "test_name_Zo_xeb_van_der_Berg.txt"]
