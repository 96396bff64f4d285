"""The ``courtesy`` command: argument parsing, exit codes and output; no logic of its own.

Data goes to stdout, messages to stderr. Exit status: 0 every message passed, 1 findings at
or above ``--fail-on``, 2 bad input or usage (stderr names the file and field), 3 an
internal error (a bug in courtesy: the traceback goes to stderr).
"""

from __future__ import annotations

import argparse
import enum
import json
import sys
import traceback
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, NoReturn

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from courtesy.config import Config
    from courtesy.profiles import Customer, Situation
    from courtesy.report import Report

__all__ = ["ExitCode", "console_main", "main"]

PROG = "courtesy"
#: Longest JSON Lines record courtesy reads (characters); longer lines get an error record.
MAX_RECORD_CHARS = 1_000_000


class ExitCode(enum.IntEnum):
    OK = 0  #: every message passed
    FINDINGS = 1  #: findings at or above --fail-on
    USAGE_ERROR = 2  #: bad input or usage; stderr names the file and field
    INTERNAL_ERROR = 3  #: a bug in courtesy; the traceback goes to stderr


class UsageError(Exception):
    """Bad command-line usage or input that is not a CourtesyError (missing file...)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE_ERROR, f"{self.prog}: error: {message}\n")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("courtesy")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


_EPILOG = """\
exit status: 0 passed, 1 findings at or above --fail-on, 2 bad input or usage,
3 internal error.

configuration: `check`, `render` and `preview` read [tool.courtesy] in pyproject.toml
or courtesy.toml from the current directory upwards (--config PATH, --no-config); flags
override it. A pack's own [response-policy] wins over the configuration's.

examples:
  courtesy check reply.txt --customer nick.json --situation delay.json
  echo "Dear Sir or Madam, ..." | courtesy check - --format json
  courtesy check macros/*.txt --format sarif > courtesy.sarif
  courtesy check --jsonl outbox.jsonl --out results.jsonl --jobs 0
  courtesy render template.txt --customer nick.json --context order.json
  courtesy rules
  courtesy demo
"""


def _parser(commands: dict[str, argparse.ArgumentParser] | None = None,
            ) -> argparse.ArgumentParser:
    """The command-line parser; ``commands`` receives each command's own parser."""
    parser = _Parser(
        prog=PROG,
        description="Check customer messages for courtesy: the right name and title, an "
                    "apology, thanks and next steps when the situation calls for them, "
                    "and no form letters.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add_profile_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--customer", metavar="C.json", type=Path,
                       help="customer profile as a JSON file, or the JSON itself "
                            "(name, locale, formality)")
        p.add_argument("--situation", metavar="S.json", type=Path,
                       help="situation as a JSON file, or the JSON itself (kind, our_fault, "
                            "severity, customer_message)")
        p.add_argument("--channel", choices=("email", "sms", "chat", "public"),
                       help="where the message goes")

    def add_config_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", metavar="PATH", type=Path,
                       help="read settings from this courtesy.toml or pyproject.toml instead "
                            "of the nearest one above the current directory")
        p.add_argument("--no-config", action="store_true",
                       help="ignore configuration files; use the built-in defaults")

    def add_output_options(p: argparse.ArgumentParser, formats: tuple[str, ...] = ("text", "json"),
                           fail_on: str | None = "error") -> None:
        p.add_argument("--format", choices=formats, default="text",
                       help="output format (default: text)")
        p.add_argument("--fail-on", choices=("error", "warning", "info"), default=fail_on,
                       help="lowest severity that makes the command exit 1 (default: "
                            + ("fail_on from the config file, else error)" if fail_on is None
                               else "error)"))
        p.add_argument("--select", metavar="RULES", type=_csv,
                       help="only these rules: comma-separated codes, families or names "
                            "(e.g. NM,EL001,non-apology)")
        p.add_argument("--ignore", metavar="RULES", type=_csv, default=(),
                       help="skip these rules (same syntax as --select)")
        p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour text output (default: auto, when stdout is a terminal)")

    check = sub.add_parser(
        "check", help="check a message (or a JSON Lines batch) and report findings",
        description="Check one message, from PATH or standard input ('-'), or a batch of "
                    "messages from a JSON Lines file (--jsonl).",
        epilog="JSON Lines records: {\"id\": ..., \"text\": ..., \"customer\": {...}, "
               "\"situation\": {...}, \"channel\": ...}; id, customer, situation and channel "
               "are optional. Every input line gives exactly one output line, in order: "
               "{\"id\", \"passed\", \"findings\", \"elements\"} or {\"id\", \"error\"}.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH|-",
                       help="files holding one message each, or '-' for standard input; "
                            "with several, text output reports each in turn, JSON is a list "
                            "of {\"path\", \"report\"} and SARIF one log")
    check.add_argument("--jsonl", metavar="IN.jsonl", type=Path,
                       help="check every record of a JSON Lines file")
    check.add_argument("--out", metavar="OUT.jsonl", type=Path,
                       help="with --jsonl: write results here instead of standard output")
    check.add_argument("--jobs", metavar="N", type=_jobs, default=1,
                       help="with --jsonl: check in N processes (0: one per CPU); the output "
                            "keeps the input order (default: 1)")
    check.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="with --jsonl: show progress on standard error (default: when "
                            "it is a terminal and --out is given; needs rich: pip install "
                            "'courtesy[progress]')")
    check.add_argument("--near-duplicates", action="store_true",
                       help="with --jsonl: also find clusters of near-identical messages "
                            "(names, numbers and dates masked); after the per-record lines, "
                            "one {\"near_duplicates\": [ids...]} line per cluster")
    add_profile_options(check)
    add_output_options(check, formats=("text", "json", "sarif"), fail_on=None)
    add_config_options(check)

    render = sub.add_parser(
        "render", help="render a template for a customer, check it, and print it",
        description="Render a template file (or --pack/--template from a pack) for a "
                    "customer, check the result, and print the message. Exits 1 if the "
                    "message fails the checks (findings go to stderr).",
    )
    render.add_argument("template_file", nargs="?", type=Path, metavar="TEMPLATE",
                        help="a template file (Jinja2 syntax)")
    render.add_argument("--pack", metavar="PACK",
                        help="a pack directory, or the name of a built-in pack ('default')")
    render.add_argument("--template", metavar="ID", help="template id within --pack")
    render.add_argument("--context", metavar="X.json", type=Path,
                        help="JSON object of extra template variables (order, agent...)")
    render.add_argument("--no-strict", action="store_true",
                        help="print the message even if it fails the checks (exit 0)")
    render.add_argument("--html-out", metavar="FILE.html", type=Path,
                        help="with --pack: write the e-mail's HTML part to this file")
    add_profile_options(render)
    add_output_options(render, fail_on=None)
    add_config_options(render)

    preview = sub.add_parser(
        "preview", help="render a pack template and write its HTML part to a file",
        description="Render --template from --pack for --customer (like 'render "
                    "--no-strict') and write the HTML part to --html-out, the subject and "
                    "text to standard output, findings to stderr.")
    preview.add_argument("--pack", metavar="PACK", required=True,
                         help="a pack directory, or the name of a built-in pack")
    preview.add_argument("--template", metavar="ID", required=True)
    preview.add_argument("--context", metavar="X.json", type=Path,
                         help="JSON object of template variables")
    preview.add_argument("--html-out", metavar="FILE.html", type=Path, required=True,
                         help="where to write the HTML part")
    add_profile_options(preview)
    add_config_options(preview)

    lint = sub.add_parser(
        "lint", help="validate a message pack and check every template, locale and channel",
        description="Validate pack.toml, find variables used but not declared (and declared "
                    "but unused), render every template x locale x channel for hard-name "
                    "customers and run all checks. Findings are reported as "
                    "template-file:line.")
    lint.add_argument("pack_dir", metavar="PACK", nargs="+", type=Path,
                      help="pack directory (several may be given, e.g. by pre-commit)")
    lint.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    lint.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                      help="lowest severity that makes lint exit 1 (default: error)")

    rules = sub.add_parser("rules", help="list every rule with its code, severity and why",
                           description="List the rule catalogue.")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    sub.add_parser("demo", help="render good and bad messages from the built-in pack and "
                                "show what courtesy finds",
                   description="A tour: renders courteous messages from the built-in pack, "
                               "then checks discourteous ones and shows the findings.")
    if commands is not None:
        commands.update(sub.choices)
    return parser


def reference() -> str:
    """The command-line reference (``docs/cli.md``): the help of ``courtesy`` and of every
    command, as it prints on a 100-column terminal (a test keeps the page in step)."""
    import os

    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"  # argparse wraps help to the terminal's width
    try:
        commands: dict[str, argparse.ArgumentParser] = {}
        parser = _parser(commands)
        parts = ["# Command-line reference\n",
                 "Generated from the parser (`python -c \"from courtesy.cli import reference; "
                 "print(reference(), end='')\" > docs/cli.md`); a test keeps it in step.\n",
                 "```text", parser.format_help().rstrip(), "```\n"]
        for name, command in commands.items():
            parts += [f"## courtesy {name}\n", "```text", command.format_help().rstrip(),
                      "```\n"]
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return "\n".join(parts)


def _csv(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


# -- input ----------------------------------------------------------------------------------

def _read_text(path: str | None) -> tuple[str, str]:
    if path is None or path == "-":
        if path is None and sys.stdin.isatty():
            raise UsageError("no message given: pass a PATH, '-' for standard input, "
                             "or --jsonl FILE")
        return sys.stdin.read(), "<stdin>"
    file = Path(path)
    try:
        # utf-8-sig: a byte-order mark (as Windows editors write) is not part of the text
        return file.read_text(encoding="utf-8-sig"), str(file)
    except FileNotFoundError:
        raise UsageError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{file}: is a directory, not a message file") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{file}: not UTF-8 text (byte {exc.start})") from None


def _read_json_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except (IsADirectoryError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read: {exc}") from None


def _load_profiles(args: argparse.Namespace) -> tuple[Customer | None, Situation | None]:
    from courtesy.profiles import Customer, Situation, load_model

    customer = situation = None
    if args.customer is not None:
        text, source = _json_argument(args.customer, "--customer")
        customer = load_model(Customer, text, source=source)
    if args.situation is not None:
        text, source = _json_argument(args.situation, "--situation")
        situation = load_model(Situation, text, source=source)
    return customer, situation


def _json_argument(value: Path, option: str) -> tuple[str, str]:
    """The JSON an option names, and where it came from for error messages: a file, or the
    JSON itself when the value is no file and opens an object (``--situation
    '{"kind": "delay", "our_fault": true}'``)."""
    written = str(value)
    if written.lstrip().startswith("{") and not value.exists():
        return written, option
    return _read_json_file(value), written


# -- output ---------------------------------------------------------------------------------

def _use_color(choice: str, stream: IO[str]) -> bool:
    return choice == "always" or (choice == "auto" and stream.isatty())


def _emit_report(report: Report, args: argparse.Namespace, source: str,
                 stream: IO[str] | None = None) -> None:
    stream = stream or sys.stdout
    if args.format == "sarif":
        from courtesy.report import render_sarif

        stream.write(render_sarif([(source, report)]))
    elif args.format == "json":
        stream.write(report.to_json() + "\n")
    else:
        stream.write(report.render_text(source=source, color=_use_color(args.color, stream)))


def _emit_reports(reports: list[tuple[str, Report]], args: argparse.Namespace) -> None:
    """The reports of several files: one after the other as text, a JSON list of
    ``{"path", "report"}``, or one SARIF log."""
    if args.format == "sarif":
        from courtesy.report import render_sarif

        sys.stdout.write(render_sarif(reports))
    elif args.format == "json":
        sys.stdout.write(json.dumps([{"path": source, "report": report.to_dict()}
                                     for source, report in reports],
                                    ensure_ascii=False, indent=2) + "\n")
    else:
        for source, report in reports:
            _emit_report(report, args, source)


# -- commands -------------------------------------------------------------------------------

def _cmd_check(args: argparse.Namespace) -> ExitCode:
    if args.jsonl is not None:
        if args.paths:
            raise UsageError("give either PATH or --jsonl, not both")
        return _cmd_check_jsonl(args)
    if args.out is not None:
        raise UsageError("--out only applies with --jsonl")
    if args.near_duplicates:
        raise UsageError("--near-duplicates only applies with --jsonl")
    if args.jobs != 1:
        raise UsageError("--jobs only applies with --jsonl")
    if args.progress:
        raise UsageError("--progress only applies with --jsonl")
    from courtesy.checking import check

    if args.paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    customer, situation = _load_profiles(args)
    config = _load_config(args)

    def checked(text: str) -> Report:
        return check(text, customer=customer, situation=situation, channel=args.channel,
                     select=args.select, ignore=args.ignore, fail_on=args.fail_on,
                     config=config)

    if len(args.paths) <= 1:
        text, source = _read_text(args.paths[0] if args.paths else None)
        report = checked(text)
        _emit_report(report, args, source)
        return ExitCode.OK if report.passed else ExitCode.FINDINGS
    # Several files: each is checked and reported; one that cannot be read is an error
    # on stderr, and the others are still checked.
    reports: list[tuple[str, Report]] = []
    unreadable = 0
    for path in args.paths:
        try:
            text, source = _read_text(path)
        except UsageError as exc:
            print(f"{PROG}: error: {exc}", file=sys.stderr)
            unreadable += 1
            continue
        reports.append((source, checked(text)))
    _emit_reports(reports, args)
    if unreadable:
        return ExitCode.USAGE_ERROR
    return ExitCode.OK if all(r.passed for _s, r in reports) else ExitCode.FINDINGS


def _load_config(args: argparse.Namespace) -> Config | None:
    """The configuration: --config, else the nearest file, unless --no-config."""
    if args.no_config:
        if args.config is not None:
            raise UsageError("give either --config or --no-config, not both")
        return None
    from courtesy.config import load_config

    return load_config(path=args.config)


def _records(path: Path) -> Iterator[tuple[int, str]]:
    """The numbered lines of a JSON Lines file; the file is opened here, so that a missing
    one is a usage error before any output."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from None

    def lines() -> Iterator[tuple[int, str]]:
        with handle:
            for number, line in enumerate(handle, start=1):
                yield number, line.rstrip("\r\n")

    return lines()


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0, not {value!r}")
    return jobs


class _Result(NamedTuple):
    """One batch record's output: the JSON line to write, and what the summary needs."""

    line: str
    id: Any
    passed: bool
    #: the error of a bad record (its line is then ``{"id", "error"}``)
    error: str | None
    #: the text checked, when the batch wants it back (--near-duplicates)
    text: str | None


@dataclass(frozen=True)
class _Batch:
    """What checking one record of a batch needs; worker processes (``--jobs``) build their
    own from the command's arguments."""

    source: str
    args: argparse.Namespace
    defaults: dict[str, Any]
    texts: bool

    @classmethod
    def of(cls, args: argparse.Namespace) -> _Batch:
        customer, situation = _load_profiles(args)
        return cls(str(args.jsonl), args, {"customer": customer, "situation": situation,
                                           "config": _load_config(args)},
                   bool(args.near_duplicates))

    def check(self, item: tuple[int, str]) -> _Result:
        """The output of one numbered line, serialised here (in the worker, with --jobs)."""
        number, line = item
        record, passed, text = _check_record(number, line, self.source, self.args,
                                             self.defaults)
        return _Result(json.dumps(record, ensure_ascii=False) + "\n", record["id"],
                       bool(passed), record.get("error"), text if self.texts else None)


#: the batch a worker process checks records of (set by _start_worker)
_WORKER_BATCH: list[_Batch] = []


def _start_worker(args: argparse.Namespace) -> None:
    _WORKER_BATCH[:] = [_Batch.of(args)]


def _check_in_worker(item: tuple[int, str]) -> _Result:
    return _WORKER_BATCH[0].check(item)


def _checked(batch: _Batch, lines: Iterator[tuple[int, str]], jobs: int) -> Iterator[_Result]:
    """One result per line, in order: checked here, or by ``jobs`` worker processes
    (``0``: one per CPU)."""
    import os

    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        yield from map(batch.check, lines)
        return
    import multiprocessing

    from courtesy.rules.engine import matcher

    if sys.platform == "linux":
        # compile the lexicons once, here: forked workers share them, and each builds only
        # the automata of the languages its records show
        matcher()
        start = multiprocessing.get_context("fork").Pool
    else:
        start = multiprocessing.get_context().Pool
    chunk = 64
    with start(jobs, initializer=_start_worker, initargs=(batch.args,)) as pool:
        # a window of lines at a time: Pool.imap would read the whole file ahead
        while window := list(islice(lines, jobs * chunk * 8)):
            yield from pool.imap(_check_in_worker, window, chunksize=chunk)


def _with_progress(results: Iterator[_Result], path: Path, show: bool, *,
                   explicit: bool) -> Iterator[_Result]:
    """``results``, with a progress bar on standard error while they come (rich)."""
    if not show:
        yield from results
        return
    try:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )
    except ImportError:
        if explicit:
            raise UsageError("--progress needs rich: pip install 'courtesy[progress]'") from None
        yield from results  # the default: no bar without rich
        return
    total = _count_lines(path)
    console = Console(file=sys.stderr, force_terminal=explicit or None)
    with Progress(TextColumn(f"{PROG}: checking"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=console, transient=False) as progress:
        task = progress.add_task("records", total=total)
        for result in results:
            yield result
            progress.advance(task)


def _count_lines(path: Path) -> int:
    """The number of lines of a file (a last line without a line break counts too)."""
    count = 0
    last = b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _check_record(
    number: int, line: str, source: str, args: argparse.Namespace, defaults: dict[str, Any],
) -> tuple[dict[str, Any], bool | None, str | None]:
    """One output record for one input line, whether it passed (``None``: bad input), and
    the text checked."""
    from courtesy.checking import check
    from courtesy.exceptions import CourtesyError
    from courtesy.profiles import Customer, Situation, load_model

    where = f"{source}:{number}"
    record_id: Any = number
    try:
        if len(line) > MAX_RECORD_CHARS:
            raise ValueError(f"record longer than {MAX_RECORD_CHARS:,} characters")
        if not line.strip():
            raise ValueError("empty line")
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"malformed JSON: {exc.msg} at column {exc.colno}") from None
        if not isinstance(data, dict):
            raise ValueError(f"a record must be a JSON object, not {type(data).__name__}")
        record_id = data.get("id", number)
        unknown = set(data) - {"id", "text", "customer", "situation", "channel"}
        if unknown:
            raise ValueError(f"unknown field {sorted(unknown)[0]!r}")
        text = data.get("text")
        if not isinstance(text, str):
            raise ValueError("field 'text' is missing or not a string")
        customer = defaults.get("customer")
        if data.get("customer") is not None:
            customer = load_model(Customer, data["customer"], source=f"{where}: customer")
        situation = defaults.get("situation")
        if data.get("situation") is not None:
            situation = load_model(Situation, data["situation"], source=f"{where}: situation")
        report = check(text, customer=customer, situation=situation,
                       channel=data.get("channel") or args.channel, select=args.select,
                       ignore=args.ignore, fail_on=args.fail_on, config=defaults.get("config"))
    except (CourtesyError, ValueError) as exc:
        message = str(exc)
        if not message.startswith(source):
            message = f"{where}: {message}"
        return {"id": record_id, "error": message}, None, None
    result = report.to_dict()
    return {"id": record_id, "passed": result["passed"], "findings": result["findings"],
            "elements": result["elements"]}, report.passed, text


def _cmd_check_jsonl(args: argparse.Namespace) -> ExitCode:
    batch = _Batch.of(args)  # profiles and config read (and any error raised) before writing
    lines = _records(args.jsonl)
    out: IO[str]
    if args.out is not None:
        try:
            out = args.out.open("w", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{args.out}: cannot write: {exc.strerror}") from None
    else:
        out = sys.stdout
    failed = bad = total = 0
    finder = None
    ids: list[Any] = []
    if args.near_duplicates:
        from courtesy.formletter import NearDuplicateFinder

        finder = NearDuplicateFinder()
    show = args.progress if args.progress is not None else (
        args.out is not None and sys.stderr.isatty())
    try:
        for result in _with_progress(_checked(batch, lines, args.jobs), args.jsonl, show,
                                     explicit=args.progress is not None):
            out.write(result.line)
            if finder is not None and result.text is not None:
                finder.add(result.text)
                ids.append(result.id)
            total += 1
            if result.error is not None:
                bad += 1
                print(f"{PROG}: error: {result.error}", file=sys.stderr)
            elif not result.passed:
                failed += 1
        if finder is not None:
            clusters = finder.clusters()
            for cluster in clusters:
                out.write(json.dumps({"near_duplicates": [ids[i] for i in cluster]},
                                     ensure_ascii=False) + "\n")
            print(f"{PROG}: {len(clusters)} near-duplicate cluster(s) covering "
                  f"{sum(map(len, clusters))} message(s)", file=sys.stderr)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{PROG}: {total} record(s): {total - failed - bad} passed, {failed} failed, "
          f"{bad} bad input", file=sys.stderr)
    if bad:
        return ExitCode.USAGE_ERROR
    return ExitCode.FINDINGS if failed else ExitCode.OK


def _cmd_render(args: argparse.Namespace) -> ExitCode:
    from courtesy.exceptions import DiscourteousMessage

    customer, situation = _load_profiles(args)
    if customer is None:
        raise UsageError("render needs --customer C.json")
    context: dict[str, Any] = {}
    if args.context is not None:
        loaded = _parse_json(_read_json_file(args.context), str(args.context))
        if not isinstance(loaded, dict):
            raise UsageError(f"{args.context}: must hold a JSON object of template variables")
        context = loaded
    try:
        message = _render(args, customer, situation, context)
        _write_html(message, args.html_out)
    except DiscourteousMessage as exc:
        print(f"{PROG}: the rendered message fails the checks; fix the template or the "
              "data (or pass --no-strict to see it):", file=sys.stderr)
        _emit_report(exc.report, args, "<rendered>", sys.stderr)
        return ExitCode.FINDINGS
    if args.format == "json":
        sys.stdout.write(json.dumps({"text": message.text, "report": message.report.to_dict(),
                                     "notes": list(message.notes)}, ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        sys.stdout.write(message.text if message.text.endswith("\n") else message.text + "\n")
        if message.report.findings:
            _emit_report(message.report, args, "<rendered>", sys.stderr)
        for note in message.notes:
            print(f"{PROG}: note: {note}", file=sys.stderr)
    return ExitCode.OK


#: Keyword arguments of the render functions; a context file cannot use them as variables.
_RENDER_KEYWORDS = ("channel", "config", "fail_on", "limits", "policy", "strict",
                    "template_name")


def _render(args: argparse.Namespace, customer: Customer, situation: Situation | None,
            context: dict[str, Any]) -> Any:
    strict = not args.no_strict
    clash = [name for name in _RENDER_KEYWORDS if name in context]
    if clash:
        raise UsageError(f"{args.context}: {clash[0]!r} cannot be a template variable (it is "
                         "an option of render); rename it")
    config = _load_config(args)
    if args.pack is not None or args.template is not None:
        if args.template_file is not None:
            raise UsageError("give either TEMPLATE or --pack/--template, not both")
        if args.pack is None or args.template is None:
            raise UsageError("--pack and --template go together")
        from courtesy.packs import Pack

        pack = Pack.load(args.pack) if Path(args.pack).is_dir() else Pack.builtin(args.pack)
        return pack.render(args.template, customer, situation, channel=args.channel,
                           strict=strict, fail_on=args.fail_on, config=config, **context)
    if args.template_file is None:
        raise UsageError("render needs a TEMPLATE file, or --pack and --template")
    from courtesy.rendering import render

    source, name = _read_text(str(args.template_file))
    return render(source, customer, situation, channel=args.channel, strict=strict,
                  fail_on=args.fail_on, template_name=name, config=config, **context)


def _cmd_lint(args: argparse.Namespace) -> ExitCode:
    from courtesy.packs._lint import lint_pack
    from courtesy.rules.model import Severity

    fail_on = Severity(args.fail_on)
    failed = False
    for directory in dict.fromkeys(_pack_root(p) for p in args.pack_dir):
        if directory.is_file():  # a changed file outside any pack (pre-commit): not ours
            print(f"{PROG}: note: {directory} is not inside a pack; skipped", file=sys.stderr)
            continue
        result = lint_pack(directory, fail_on=fail_on)
        output = {"json": result.to_json, "sarif": result.to_sarif}.get(args.format,
                                                                       result.render_text)()
        sys.stdout.write(output)
        failed = failed or result.fails(fail_on)
    return ExitCode.FINDINGS if failed else ExitCode.OK


def _pack_root(path: Path) -> Path:
    """The pack directory holding ``path`` (pre-commit passes the changed files)."""
    for candidate in (path, *path.resolve().parents):
        if (candidate / "pack.toml").is_file():
            return candidate
    return path


def _cmd_preview(args: argparse.Namespace) -> ExitCode:
    args.no_strict = True
    args.template_file = None
    args.fail_on = None
    args.format = "text"
    args.color = "auto"
    customer, situation = _load_profiles(args)
    if customer is None:
        raise UsageError("preview needs --customer C.json")
    context: dict[str, Any] = {}
    if args.context is not None:
        loaded = _parse_json(_read_json_file(args.context), str(args.context))
        if not isinstance(loaded, dict):
            raise UsageError(f"{args.context}: must hold a JSON object of template variables")
        context = loaded
    message = _render(args, customer, situation, context)
    _write_html(message, args.html_out)
    if message.subject:
        sys.stdout.write(f"Subject: {message.subject}\n\n")
    sys.stdout.write(message.text if message.text.endswith("\n") else message.text + "\n")
    if message.report.findings:
        _emit_report(message.report, args, "<rendered>", sys.stderr)
    for note in message.notes:
        print(f"{PROG}: note: {note}", file=sys.stderr)
    return ExitCode.OK


def _write_html(message: Any, path: Path | None) -> None:
    if path is None:
        return
    if message.html is None:
        raise UsageError("this template has no HTML part for the chosen channel and locale "
                         "(e.g. en/<template>.email.html with --channel email)")
    try:
        path.write_text(message.html, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror}") from None
    print(f"{PROG}: wrote the HTML part to {path}", file=sys.stderr)


def _parse_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{source}:{exc.lineno}: malformed JSON: {exc.msg}") from None


def _cmd_rules(args: argparse.Namespace) -> ExitCode:
    from courtesy.rules.docs import rules_as_json, rules_as_markdown, rules_as_text

    render = {"text": rules_as_text, "json": rules_as_json, "markdown": rules_as_markdown}
    sys.stdout.write(render[args.format]())
    return ExitCode.OK


def _cmd_demo(args: argparse.Namespace) -> ExitCode:
    from courtesy.demo import run_demo

    run_demo(sys.stdout, color=sys.stdout.isatty())
    return ExitCode.OK


_COMMANDS = {"check": _cmd_check, "render": _cmd_render, "lint": _cmd_lint,
             "preview": _cmd_preview, "rules": _cmd_rules,
             "demo": _cmd_demo}


def main(argv: Sequence[str] | None = None) -> ExitCode:
    """Run the CLI; returns the exit code instead of exiting (for tests and embedding)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors 2
        return ExitCode(exc.code if isinstance(exc.code, int) else ExitCode.USAGE_ERROR)
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE_ERROR
    from courtesy.exceptions import CourtesyError

    try:
        return _COMMANDS[args.command](args)
    except (CourtesyError, UsageError) as exc:
        print(f"{PROG}: error: {_one_line(str(exc))}", file=sys.stderr)
        return ExitCode.USAGE_ERROR
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return ExitCode.USAGE_ERROR
    except BrokenPipeError:
        raise
    except Exception:
        traceback.print_exc(file=sys.stderr)
        print(f"{PROG}: internal error: this is a bug in courtesy; please report it with "
              "the traceback above", file=sys.stderr)
        return ExitCode.INTERNAL_ERROR


def _one_line(message: str) -> str:
    return " ".join(message.split("\n")[:1]) + (" (...)" if "\n" in message else "")


def console_main() -> None:
    """Entry point of the ``courtesy`` script; survives a closed pipe (``| head``)."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = ExitCode.OK
    sys.exit(int(code))
