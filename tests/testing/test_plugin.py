"""The pytest plugin, run on small test suites with pytester."""

from __future__ import annotations

import pytest

# The seed article's reply: wrong name, boilerplate, blame, no-reply, no thanks.
BAD_REPLY = (
    "Dear Mr N.Owenn, we take your complaint very seriously.\\n"
    "Please do not reply to this email."
)
NICK = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}

# A reply whose only finding is a warning: NM004, an initial for a name we know in full.
WARNING_ONLY = (
    "Dear Mr N. Owen,\\n\\nThank you for telling us about order A-1042. I'm sorry it arrived "
    "late, and that is our fault. I have sent a replacement and it will reach you by Friday "
    "14 March. If it does not, just reply to this email and it comes straight to me.\\n\\n"
    "Priya Shah, Customer Care"
)


def test_failing_assertion_lists_each_finding_with_snippet_underline_and_suggestion(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(f"""
        import pytest

        @pytest.mark.courtesy(customer={NICK!r},
                              situation={{"kind": "complaint", "our_fault": True}})
        def test_reply(courteous):
            courteous("{BAD_REPLY}")
    """)
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    # pytest prints the failure message indented after "E"; these lines are verbatim.
    result.stdout.fnmatch_lines(["E       " + line for line in [
        "courtesy.testing.MessageNotCourteous: message is not courteous: 6 findings at or "
        "above 'error'",
        "",
        "message:1:11: error NM001 misspelt-name: 'Owenn' misspells the customer's name, "
        "'Owen'.",
        "    Dear Mr N.Owenn, we take your complaint very seriously.",
        "              ~~~~~",
        "    suggestion: Owen",
        "message:1:18: error EL001 missing-apology: *",
        "    Dear Mr N.Owenn, we take your complaint very seriously.",
        "                     ^",
        "    suggestion: *",
        "message:1:18: error FL001 form-letter: *",
        "    Dear Mr N.Owenn, we take your complaint very seriously.",
        "                     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
        "    suggestion: *",
        "message:2:1: error CT001 no-reply-sender: 'Please do not reply to this email' tells "
        "the customer they cannot answer us.",
        "    Please do not reply to this email.",
        "    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
        "    suggestion: Send from an address a person reads, and say so.",
        "message:2:35: error EL002 missing-thanks: The message never thanks the customer.",
        "*",
        "*",
        "*",
        "message:2:35: error EL003 missing-next-steps: *",
        "*",
        "*",
        "*",
        "message: failed (6 errors)",
        "(3 findings below 'error' not shown)",
    ]], consecutive=True)
    # The traceback stops at the test: assert_courteous's own frames are hidden, and the
    # fixture shows as one readable line.
    assert "_assertions.py" not in result.stdout.str()
    result.stdout.fnmatch_lines(["courteous = courteous(customer='Mr Nick Owen', "
                                 "situation={'kind': 'complaint', 'our_fault': True})"])


def test_default_customer_and_pack_render_a_courteous_message(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile("""
        import pytest

        @pytest.mark.courtesy(situation={"kind": "delay", "our_fault": True})
        def test_delay(courteous, courtesy_customer, courtesy_pack):
            assert courtesy_customer.name.full == "Ms Zoë van der Berg"
            assert courtesy_pack.name == "default"
            message = courtesy_pack.render(
                "delay_apology", courtesy_customer, {"kind": "delay", "our_fault": True},
                order={"id": "A-1042", "reason": "We packed it late.",
                       "new_date": "Thursday 14 March", "tracking": "JD0012345678"},
                agent="Priya Shah, Customer Care", strict=False,
            )
            report = courteous(message)
            assert report.passed
            assert message.text.startswith("Dear Ms van der Berg,")
    """)
    pytester.runpytest().assert_outcomes(passed=1)


def test_marker_and_redefined_fixtures_set_the_defaults(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(f"""
        import pytest

        @pytest.fixture
        def courtesy_customer():
            return {NICK!r}

        @pytest.fixture
        def courtesy_config():
            return {{"ignore": ["NM004"], "fail_on": "warning"}}
    """)
    pytester.makepyfile(f"""
        import pytest

        pytestmark = pytest.mark.courtesy(situation={{"kind": "delay", "our_fault": True}})

        def test_initial_is_ignored_by_config(courteous):
            courteous("{WARNING_ONLY}")

        def test_wrong_name_for_the_conftest_customer(courteous):
            with pytest.raises(AssertionError, match="NM001 misspelt-name"):
                courteous("{WARNING_ONLY}".replace("N. Owen", "Nick Owne"))

        @pytest.mark.courtesy(ignore=[])
        def test_closest_marker_wins_over_config(courteous):
            with pytest.raises(AssertionError, match="warning NM004 initial-for-name"):
                courteous("{WARNING_ONLY}")

        @pytest.mark.courtesy(situation={{"kind": "inquiry"}})
        def test_function_marker_overrides_module_marker(courteous):
            report = courteous("Dear Mr Owen, thank you for asking. The blue jacket comes "
                               "in size 14; I've reserved one and it ships tomorrow. Just "
                               "reply to this email with any other question. Priya",
                               ignore=["NM004"])
            assert not report.fails("warning")
    """)
    pytester.runpytest().assert_outcomes(passed=4)


def test_marker_rejects_unknown_arguments(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        import pytest

        @pytest.mark.courtesy(situaton={"kind": "delay"})
        def test_typo(courteous):
            pass
    """)
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*unknown argument(s) situaton; use channel, customer, *"])


def test_marker_is_registered_for_strict_markers(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        import pytest

        @pytest.mark.courtesy(channel="email")
        def test_marked():
            pass
    """)
    pytester.runpytest("--strict-markers").assert_outcomes(passed=1)
    result = pytester.runpytest("--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.courtesy(situation=..., channel=..., *"])


@pytest.mark.parametrize(("args", "ini", "outcome"), [
    ((), "", {"passed": 2}),
    (("--courtesy-fail-on=warning",), "", {"failed": 2}),
    ((), "courtesy_fail_on = warning", {"failed": 2}),
    (("--courtesy-fail-on=error",), "courtesy_fail_on = warning", {"passed": 2}),
])
def test_fail_on_option_and_ini_make_warnings_fail(
    pytester: pytest.Pytester, args: tuple[str, ...], ini: str, outcome: dict[str, int]
) -> None:
    pytester.makeini(f"[pytest]\n{ini}\n")
    pytester.makepyfile(f"""
        import pytest
        from courtesy.testing import assert_courteous

        SITUATION = {{"kind": "delay", "our_fault": True}}

        @pytest.mark.courtesy(customer={NICK!r}, situation=SITUATION)
        def test_fixture(courteous):
            courteous("{WARNING_ONLY}")

        def test_direct_call_follows_the_session_too():
            assert_courteous("{WARNING_ONLY}", customer={NICK!r}, situation=SITUATION)
    """)
    result = pytester.runpytest(*args)
    result.assert_outcomes(**outcome)
    if "failed" in outcome:
        result.stdout.fnmatch_lines(["*1 finding at or above 'warning'*"])


def test_bad_fail_on_ini_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\ncourtesy_fail_on = warn\n")
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*courtesy_fail_on = 'warn': use one of error, warning, info"])


def test_courtesy_pack_reads_a_pack_directory_from_the_ini(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\ncourtesy_pack = packs/mini\n")
    pack = pytester.mkdir("packs").joinpath("mini")
    (pack / "en").mkdir(parents=True)
    (pack / "pack.toml").write_text(
        '[pack]\nname = "mini"\n\n[templates.thanks_praise]\nkind = "thanks"\n'
        'context = ["praise", "agent"]\n', encoding="utf-8")
    (pack / "en" / "thanks_praise.txt").write_text(
        "{{ customer | salutation }},\n\nThank you for your kind words about {{ praise }}; I "
        "have passed them to the team today. Just reply to this email if you need anything "
        "for {{ praise }}.\n\n"
        "{{ agent }}\n", encoding="utf-8")
    pytester.makepyfile("""
        def test_pack(courtesy_pack, courtesy_customer, courteous):
            assert courtesy_pack.name == "mini"
            message = courtesy_pack.render("thanks_praise", courtesy_customer,
                                           praise="the boots you exchanged",
                                           agent="Priya", strict=False)
            courteous(message)
    """)
    pytester.runpytest().assert_outcomes(passed=1)


def test_plugin_loads_without_importing_courtesy_or_hypothesis(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile("""
        import sys

        def test_nothing_heavy_was_imported(request):
            assert request.config.pluginmanager.has_plugin("courtesy")
            heavy = [m for m in ("courtesy", "pydantic", "jinja2", "hypothesis", "babel")
                     if m in sys.modules]
            assert heavy == []
    """)
    # A fresh interpreter: this process has imported all of them already.
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
