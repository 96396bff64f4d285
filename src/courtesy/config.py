"""Project configuration: ``[tool.courtesy]`` in ``pyproject.toml``, or ``courtesy.toml``.

Both files take the same keys (in ``courtesy.toml`` they sit at the top level)::

    select = ["EL", "TN", "NM"]          # rule codes, families, names or categories
    ignore = ["JG001"]
    fail_on = "warning"                  # error | warning | info
    default_locale = "en-GB"             # for customers given without a locale
    channel = "email"                    # when a check does not say

    [severity]                           # [tool.courtesy.severity] in pyproject.toml
    TN = "error"

    [per-situation.delay]                # tighten freely...
    severity = {EL004 = "error"}

    [per-situation.announcement]         # ...loosen only with a reason
    ignore = ["FL"]
    reason = "announcements go to every customer on purpose"

    [response-policy]                    # the response-time policy (TM rules, lateness note)
    first-reply = {high = "8h"}          # other severities keep the documented defaults
    fix = {critical = "1d", low = "6w"}
    escalate-after = 3                   # repeat contacts that raise the severity (0: never)
    restitution-from = "critical"        # or "never"
    vague-from = "medium"

:func:`load_config` finds the file from a directory upwards (stopping at a ``.git``
directory or the filesystem root). Every error names the file and the key path
(``pyproject.toml: tool.courtesy.severity.EL004: ...``); a typo never passes silently.
:meth:`Config.for_situation` resolves the selectors once per situation kind and caches the
result, so :func:`courtesy.check` pays nothing per message for having a config.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    model_validator,
)

from courtesy.exceptions import CourtesyError
from courtesy.profiles import Channel, LocaleTag, SituationKind
from courtesy.rules import registry
from courtesy.rules.model import Rule, Severity
from courtesy.rules.policy import (
    DEFAULT_POLICY,
    SEVERITIES,
    ResponsePolicy,
    format_duration,
    parse_duration,
)

__all__ = ["CONFIG_FILES", "Config", "ConfigError", "PolicySettings", "ResolvedRules",
           "SituationOverride", "find_config", "load_config", "resolve_severities"]

#: Resolved rule sets kept per Config (situation kind x caller's select/ignore).
_MAX_CACHED = 128

#: File names looked for in each directory, in this order.
CONFIG_FILES = ("courtesy.toml", "pyproject.toml")


class ConfigError(CourtesyError, ValueError):
    """A configuration file is malformed or names something courtesy does not know.

    ``file`` is the file (``""`` for a config built in code) and ``key`` the dotted key path
    (``"tool.courtesy.per-situation.delay.severity.EL004"``).
    """

    def __init__(self, message: str, *, file: str = "", key: str = "") -> None:
        where = ": ".join(part for part in (file, key) if part)
        super().__init__(f"{where}: {message}" if where else message)
        self.file = file
        self.key = key
        self.detail = message


class _AtKey(ValueError):
    """A validation error that knows which nested key it is about."""

    def __init__(self, path: tuple[str, ...], message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


# -- field types ------------------------------------------------------------------------------

def _as_selectors(value: object) -> object:
    if isinstance(value, str):
        return (value,)
    return value


def _known_selectors(value: tuple[str, ...]) -> tuple[str, ...]:
    for index, selector in enumerate(value):
        try:
            registry.resolve((selector,))
        except KeyError as exc:
            raise _AtKey((str(index),), exc.args[0]) from None
    return value


#: Rule selectors: codes (``EL001``), families (``EL``), names or categories; a string or a list.
Selectors = Annotated[
    tuple[str, ...], BeforeValidator(_as_selectors), AfterValidator(_known_selectors)
]


def _known_severity_keys(value: Mapping[str, Severity]) -> Mapping[str, Severity]:
    for selector in value:
        try:
            registry.resolve((selector,))
        except KeyError as exc:
            raise _AtKey((selector,), exc.args[0]) from None
    return MappingProxyType(dict(sorted(value.items())))


#: ``{selector: severity}``, a TOML table; read-only after validation.
SeverityTable = Annotated[Mapping[str, Severity], AfterValidator(_known_severity_keys)]


def _read_only(value: Mapping[SituationKind, SituationOverride]
               ) -> Mapping[SituationKind, SituationOverride]:
    return MappingProxyType(dict(value))


def _specificity(selector: str) -> int:
    """Categories are the broadest selectors, then families, then codes and names."""
    for rule in registry.all_rules(include_removed=True):
        if selector in (rule.code, rule.name):
            return 2
    return 1 if len(selector) == 2 and selector.isupper() else 0


def resolve_severities(table: Mapping[str, Severity]) -> dict[str, Severity]:
    """Rule code → severity for a ``{selector: severity}`` table.

    A more specific selector wins over a broader one (code or name, then family, then
    category). Unknown selectors raise ``KeyError`` naming them.
    """
    out: dict[str, Severity] = {}
    for selector, level in sorted(table.items(), key=lambda item: _specificity(item[0])):
        for code in registry.resolve((selector,)):
            out[code] = level
    return out


# -- the response-time policy -----------------------------------------------------------------

#: Severities as the policy tables list them, most severe first.
_SEVERITY_LIST = ", ".join(reversed(SEVERITIES))


def _duration(value: object) -> timedelta:
    if isinstance(value, timedelta):
        if value <= timedelta(0):
            raise ValueError(f"a target must be longer than zero, not {value}")
        return value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"must be a duration such as \"4h\" or \"1d 12h\", not "
                         f"{type(value).__name__} {value!r}")
    if isinstance(value, float):
        raise ValueError(f"{value!r} has no unit: write a string of whole numbers with units, "
                         "such as \"1h 30m\"")
    if isinstance(value, int):
        raise ValueError(f"{value} has no unit: write \"{value}h\" for {value} hours or "
                         f"\"{value}d\" for {value} days")
    return parse_duration(value)


def _targets(value: object) -> dict[str, timedelta]:
    if not isinstance(value, Mapping):
        raise ValueError("must be a table of severity = duration, like "
                         "{ high = \"4h\", medium = \"1d\" }")
    out: dict[str, timedelta] = {}
    for severity, target in value.items():
        if severity not in SEVERITIES:
            raise _AtKey((str(severity),), f"unknown severity {severity!r}; courtesy knows "
                                           f"{_SEVERITY_LIST}")
        try:
            out[severity] = _duration(target)
        except ValueError as exc:
            raise _AtKey((severity,), str(exc)) from None
    return out


def _threshold(value: object) -> str:
    if value == "never" or value in SEVERITIES:
        return str(value)
    raise ValueError(f"unknown severity {value!r}; courtesy knows {_SEVERITY_LIST}, "
                     "or \"never\"")


def _repeat_contacts(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"must be a whole number of repeat contacts (0: never), not {value!r}")
    return value


def _read_only_targets(value: Mapping[str, timedelta]) -> Mapping[str, timedelta]:
    return MappingProxyType(dict(value))


#: ``{severity: duration}``; given keys only, read-only after validation.
Targets = Annotated[Mapping[str, timedelta], BeforeValidator(_targets),
                    AfterValidator(_read_only_targets)]


class PolicySettings(BaseModel):
    """``[response-policy]``: the response-time policy, key by key over the defaults.

    Durations are strings with units (``"30m"``, ``"4h"``, ``"1d 12h"``, ``"2w"``; see
    :func:`~courtesy.rules.policy.parse_duration`). Keys left out keep the documented
    defaults (:data:`~courtesy.rules.policy.DEFAULT_POLICY`). :attr:`policy` is the
    resulting :class:`~courtesy.rules.policy.ResponsePolicy`, built once at validation.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    first_reply: Targets = Field(alias="first-reply",
                                 default_factory=lambda: MappingProxyType({}))
    fix: Targets = Field(default_factory=lambda: MappingProxyType({}))
    escalate_after: Annotated[int, BeforeValidator(_repeat_contacts)] | None = Field(
        alias="escalate-after", default=None)
    restitution_from: Annotated[str, BeforeValidator(_threshold)] | None = Field(
        alias="restitution-from", default=None)
    vague_from: Annotated[str, BeforeValidator(_threshold)] | None = Field(
        alias="vague-from", default=None)

    _policy: ResponsePolicy = PrivateAttr(default_factory=lambda: DEFAULT_POLICY)

    @model_validator(mode="before")
    @classmethod
    def _a_table(cls, data: Any) -> Any:
        if not isinstance(data, Mapping | PolicySettings):
            raise ValueError("must be a table with first-reply, fix, escalate-after, "
                             "restitution-from or vague-from")
        return data

    @model_validator(mode="after")
    def _build(self) -> PolicySettings:
        response = {**DEFAULT_POLICY.response, **self.first_reply}
        promise = {**DEFAULT_POLICY.promise, **self.fix}
        _grows(response, self.first_reply, "first-reply")
        _grows(promise, self.fix, "fix")
        base = DEFAULT_POLICY
        self._policy = ResponsePolicy(
            response=response,
            promise=promise,
            escalate_after=(self.escalate_after if self.escalate_after is not None
                            else base.escalate_after),
            restitution_from=_never(self.restitution_from, base.restitution_from),
            vague_from=_never(self.vague_from, base.vague_from),
        )
        return self

    @property
    def policy(self) -> ResponsePolicy:
        """The response-time policy these settings describe."""
        return self._policy

    def __hash__(self) -> int:
        return hash(self._policy)

    @classmethod
    def from_mapping(cls, data: object, *, file: str = "",
                     prefix: str = "response-policy") -> PolicySettings:
        """Validate a ``[response-policy]`` table (a pack's, say); errors become
        :class:`ConfigError` naming ``file`` and the key under ``prefix``."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise _config_error(exc, file=file, prefix=prefix,
                                within=("response-policy",)) from None


def _never(value: str | None, default: str | None) -> str | None:
    if value is None:
        return default
    return None if value == "never" else value


def _grows(merged: Mapping[str, timedelta], given: Mapping[str, timedelta], key: str) -> None:
    """The bigger the grievance, the shorter the target: blame a key the user gave."""
    for index, severity in enumerate(SEVERITIES):  # low first
        for worse in SEVERITIES[index + 1:]:
            if merged[severity] >= merged[worse]:
                continue
            if severity in given:
                blamed, other, relation = severity, worse, "shorter"
            else:
                blamed, other, relation = worse, severity, "longer"
            default = "" if other in given else ", the default"
            raise _AtKey((key, blamed),
                         f"{format_duration(merged[blamed])} is {relation} than the "
                         f"{other}-severity target ({format_duration(merged[other])}{default}): "
                         "the bigger the grievance, the sooner the answer")


# -- models -----------------------------------------------------------------------------------

class SituationOverride(BaseModel):
    """``[per-situation.<kind>]``: changes for messages of one situation kind.

    Raising a severity tightens and needs nothing. Lowering one, or ignoring rules,
    loosens the defaults, and needs a ``reason``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    severity: SeverityTable = Field(default_factory=lambda: MappingProxyType({}))
    ignore: Selectors = ()
    reason: Annotated[str, Field(min_length=1)] | None = None

    def _key(self) -> tuple[Any, ...]:
        return (tuple(self.severity.items()), self.ignore, self.reason)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SituationOverride):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


@dataclass(frozen=True, slots=True)
class ResolvedRules:
    """The rules to run for one situation kind, with their effective severities and threshold.

    ``severities`` holds only the rules whose severity differs from the rule's default.
    """

    rules: tuple[Rule, ...]
    severities: Mapping[str, Severity]
    fail_on: Severity

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(rule.code for rule in self.rules)

    def severity_of(self, code: str) -> Severity:
        return self.severities.get(code) or registry.get(code).severity


class Config(BaseModel):
    """A validated courtesy configuration (see the module docstring for the file format).

    Build one with :func:`load_config`, or directly: ``Config(ignore=("JG",))``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    select: Selectors | None = None
    ignore: Selectors = ()
    fail_on: Severity = Severity.ERROR
    severity: SeverityTable = Field(default_factory=lambda: MappingProxyType({}))
    per_situation: Annotated[
        Mapping[SituationKind, SituationOverride],
        AfterValidator(_read_only),
    ] = Field(alias="per-situation", default_factory=lambda: MappingProxyType({}))
    default_locale: LocaleTag | None = None
    channel: Channel | None = None
    response_policy: PolicySettings | None = Field(alias="response-policy", default=None)

    _cache: dict[tuple[SituationKind | None, tuple[str, ...] | None, tuple[str, ...]],
                 ResolvedRules] = PrivateAttr(default_factory=dict)

    def _key(self) -> tuple[Any, ...]:
        return (self.select, self.ignore, self.fail_on, tuple(self.severity.items()),
                tuple(self.per_situation.items()), self.default_locale, self.channel,
                self.policy)

    def __eq__(self, other: object) -> bool:
        """Equal settings compare equal (the private resolution cache does not count)."""
        if not isinstance(other, Config):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    @property
    def policy(self) -> ResponsePolicy | None:
        """The configured response-time policy; ``None`` without a ``[response-policy]``."""
        return self.response_policy.policy if self.response_policy is not None else None

    @model_validator(mode="after")
    def _loosening_needs_a_reason(self) -> Config:
        base = _resolve(self, None)
        for kind, override in self.per_situation.items():
            if override.reason is not None:
                continue
            prefix = ("per-situation", str(kind))
            if override.ignore:
                dropped = sorted(registry.resolve(override.ignore) & base.codes)
                if dropped:
                    raise _AtKey((*prefix, "ignore"),
                                 f"ignoring {', '.join(dropped)} for {kind} messages loosens "
                                 "the checks; add reason = \"...\" to this table")
            for selector, level in override.severity.items():
                for code in sorted(registry.resolve((selector,)) & base.codes):
                    current = base.severity_of(code)
                    if level < current:
                        raise _AtKey((*prefix, "severity", selector),
                                     f"lowering {code} from {current} to {level} for {kind} "
                                     "messages loosens the checks; add reason = \"...\" to "
                                     "this table")
        return self

    def for_situation(
        self,
        kind: SituationKind | str | None,
        *,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
    ) -> ResolvedRules:
        """The rules, severities and fail level for messages of this situation ``kind``.

        ``None`` gives the project-wide settings. ``select`` (from a caller or the command
        line) replaces the configured ``select``; ``ignore`` adds to the configured one.
        Resolved once per combination, then cached: checks pay a dictionary look-up.
        """
        # The hot path: one dict look-up (a StrEnum member and its string hash alike).
        cache: dict[Any, ResolvedRules] = self.__pydantic_private__["_cache"]  # type: ignore[index]
        cached = cache.get((kind, select, ignore))
        if cached is None:
            if len(cache) >= _MAX_CACHED:  # callers with ever-new selections
                cache.clear()
            situation = SituationKind(kind) if kind is not None else None
            cached = cache[(situation, select, ignore)] = _resolve(self, situation, select, ignore)
        return cached

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, file: str = "", prefix: str = "") -> Config:
        """Validate ``data``; errors become :class:`ConfigError` naming ``file`` and the key."""
        try:
            return cls.model_validate(dict(data))
        except ValidationError as exc:
            raise _config_error(exc, file=file, prefix=prefix) from None


def _resolve(
    config: Config,
    key: SituationKind | None,
    select: tuple[str, ...] | None = None,
    ignore: tuple[str, ...] = (),
) -> ResolvedRules:
    from courtesy.rules.engine import select_rules

    chosen = select if select is not None else config.select
    rules = select_rules(chosen, tuple(dict.fromkeys((*config.ignore, *ignore))))
    severities = resolve_severities(config.severity)
    override = config.per_situation.get(key) if key is not None else None
    if override is not None:
        if override.ignore:
            dropped = registry.resolve(override.ignore)
            rules = tuple(r for r in rules if r.code not in dropped)
        severities.update(resolve_severities(override.severity))
    defaults = {rule.code: rule.severity for rule in registry.all_rules()}
    return ResolvedRules(
        rules=rules,
        severities=MappingProxyType({
            code: level for code, level in sorted(severities.items())
            if defaults.get(code) != level
        }),
        fail_on=config.fail_on,
    )


def _config_error(exc: ValidationError, *, file: str, prefix: str,
                  within: tuple[str, ...] = ()) -> ConfigError:
    """``exc`` as a :class:`ConfigError`; ``within`` is where the validated table sits in a
    configuration (for the hint listing the known keys)."""
    first = exc.errors(include_url=False)[0]
    path = [str(part) for part in first["loc"] if part != "[key]"]
    message = first["msg"].removeprefix("Value error, ")
    error = (first.get("ctx") or {}).get("error")
    if isinstance(error, _AtKey):
        path += list(error.path)
        message = error.message
    elif first["type"] == "extra_forbidden":
        message = "unknown key; " + _known_keys_hint([*within, *path])
        if path == ["tool"] and not prefix:
            message += " (only pyproject.toml nests them under [tool.courtesy])"
    if path and path[0] in _ALIASES:
        path[0] = _ALIASES[path[0]]
    key = ".".join(part for part in (prefix, *path) if part)
    more = exc.error_count() - 1
    if more:
        message += f" (and {more} more error{'s' if more > 1 else ''})"
    return ConfigError(message, file=file, key=key)


_ALIASES = {"per_situation": "per-situation", "response_policy": "response-policy"}


def _known_keys_hint(path: list[str]) -> str:
    top = _ALIASES.get(path[0], path[0]) if path else ""
    if len(path) > 2 and top == "per-situation":
        names = ["severity", "ignore", "reason"]
    elif len(path) > 1 and top == "response-policy":
        names = ["first-reply", "fix", "escalate-after", "restitution-from", "vague-from"]
    else:
        names = ["select", "ignore", "fail_on", "severity", "per-situation",
                 "default_locale", "channel", "response-policy"]
    return "courtesy knows " + ", ".join(names)


# -- files ------------------------------------------------------------------------------------

def _courtesy_table(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The courtesy settings in ``path`` (``None`` if a pyproject has none) and their prefix."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"malformed TOML: {exc}", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", file=str(path)) from None
    if path.name != "pyproject.toml":
        return data, ""
    table = data.get("tool", {}).get("courtesy")
    if table is None:
        return None, ""
    if not isinstance(table, dict):
        raise ConfigError("must be a table", file=str(path), key="tool.courtesy")
    return table, "tool.courtesy"


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``courtesy.toml``, or ``pyproject.toml`` with ``[tool.courtesy]``.

    Looks in ``start`` (default: the current directory) and its parents, and stops after a
    directory holding ``.git`` (the top of the repository) or at the filesystem root.
    """
    here = (start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name == "courtesy.toml":
                    return candidate
                table, _prefix = _courtesy_table(candidate)
                if table is not None:
                    return candidate
        if (folder / ".git").exists():
            return None
    return None


def load_config(start: Path | None = None, *, path: Path | None = None) -> Config:
    """Load the configuration that applies in ``start`` (see :func:`find_config`).

    ``path`` names a file directly (``--config``). Without any file, the defaults apply:
    ``Config()``. Raises :class:`ConfigError` naming the file and key on any problem.
    """
    if path is None:
        path = find_config(start)
        if path is None:
            return Config()
    elif not path.is_file():
        raise ConfigError("no such file", file=str(path))
    table, prefix = _courtesy_table(path)
    if table is None:
        raise ConfigError("has no [tool.courtesy] table", file=str(path))
    return Config.from_mapping(table, file=str(path), prefix=prefix)
