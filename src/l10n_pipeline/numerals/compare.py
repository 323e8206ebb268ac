"""Comparing the mentions of a source and its translation, and explaining the differences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal

from ..models import Issue, Severity
from .mention import NumberMention, plain

COMPARED = frozenset({"num", "pct", "code", "time"})


class Comparison:
    """Matches two lists of mentions step by step and turns the leftovers into issues."""

    def __init__(self, source: list[NumberMention], target: list[NumberMention], locale: str) -> None:
        self.locale = locale
        self.source = [m for m in source if m.cls in COMPARED]
        self.target = [m for m in target if m.cls in COMPARED]
        self.source_months = [m for m in source if m.cls == "month"]
        self.target_months = [m for m in target if m.cls == "month"]
        self.source_currencies = [m for m in source if m.currency]
        self.target_currencies = [m for m in target if m.currency]
        self.issues: list[Issue] = []

    def run(self) -> list[Issue]:
        if self._agree():
            return self.issues
        self._match(lambda s: s.hard, lambda t: t.hard)
        self._match(lambda s: s.hard, lambda t: not t.hard)
        self._match(lambda s: not s.hard, lambda t: t.hard)
        self._match(lambda s: not s.hard, lambda t: not t.hard)
        self._match_alternatives()
        self._explain_leftovers()
        self._compare_months()
        self._compare_currencies()
        return self.issues

    def _agree(self) -> bool:
        """The common case: the same values, months and currencies on both sides.

        Then every step below pairs everything off: the four matching rounds leave no leftover
        when each value is on both sides as often, and equal months and currencies differ in none.
        """
        return (sorted(m.key for m in self.source) == sorted(m.key for m in self.target)
                and sorted(int(m.value) for m in self.source_months)
                == sorted(int(m.value) for m in self.target_months)
                and sorted(m.currency for m in self.source_currencies)  # type: ignore[type-var]
                == sorted(m.currency for m in self.target_currencies))  # type: ignore[type-var]

    def _match(self, source_ok: Callable[[NumberMention], bool],
               target_ok: Callable[[NumberMention], bool]) -> None:
        for s in list(self.source):
            if not source_ok(s):
                continue
            partner = next((t for t in self.target if target_ok(t) and t.key == s.key), None)
            if partner is not None:
                self.source.remove(s)
                self.target.remove(partner)

    def _match_alternatives(self) -> None:
        """A reading that only agrees under another separator or calendar: a warning."""
        for t in list(self.target):
            s = next((s for s in self.source if s.cls == t.cls and
                      (s.value in t.alternatives or t.value in s.alternatives)), None)
            if s is None:
                continue
            self.source.remove(s)
            self.target.remove(t)
            self.issues.append(_doubt_issue(s, t, self.locale))

    def _explain_leftovers(self) -> None:
        self._pair_ordinal_words()
        self.source = [m for m in self.source if not m.weak]  # weak words only ever match
        self.target = [m for m in self.target if not m.weak]
        for explain in (_transposed, _scaled, _sign_lost, _percent_changed, _same_kind_changed):
            for s in list(self.source):
                partner = next((t for t in self.target if explain(s, t)), None)
                if partner is not None:
                    self.source.remove(s)
                    self.target.remove(partner)
                    self.issues.append(_changed_issue(s, partner, explain(s, partner) or ""))
        for s, t in zip(list(self.source), list(self.target)):
            if _countable(s) and _countable(t):
                self.source.remove(s)
                self.target.remove(t)
                self.issues.append(_changed_issue(s, t, "different number"))
        for s in self.source:
            if _countable(s):
                self.issues.append(_missing_issue(s))
        for t in self.target:
            if _countable(t):
                self.issues.append(_added_issue(t))

    def _pair_ordinal_words(self) -> None:
        """Ordinal words left on both sides disagree ("second" and "üçüncü"): a warning.

        Alone, an ordinal word may be idiom ("second" can be a unit of time, "first" a manner
        of speaking), so it is never reported; facing another ordinal word it is a change.
        """
        source = [m for m in self.source if _ordinal_word(m)]
        target = [m for m in self.target if _ordinal_word(m)]
        for s, t in zip(source, target):
            self.source.remove(s)
            self.target.remove(t)
            self.issues.append(_changed_issue(s, t, "ordinal changed"))

    def _compare_months(self) -> None:
        if not (self.source_months or self.target_months):  # the common case: no month names
            return
        source = Counter(int(m.value) for m in self.source_months)
        target = Counter(int(m.value) for m in self.target_months)
        lost, gained = source - target, target - source
        for s_month, t_month in zip(sorted(lost.elements()), sorted(gained.elements())):
            s = next(m for m in self.source_months if int(m.value) == s_month)
            t = next(m for m in self.target_months if int(m.value) == t_month)
            self.issues.append(Issue(
                f"{quoted(s)} in the source is {quoted(t)} here: month {s_month} became month {t_month}",
                Severity.ERROR,
                {"changed": [{"source": s.text, "target": t.text, "reason": "month changed"}]}))

    def _compare_currencies(self) -> None:
        if not (self.source_currencies or self.target_currencies):
            return
        source = Counter(m.currency for m in self.source_currencies)
        target = Counter(m.currency for m in self.target_currencies)
        lost, gained = list((source - target).elements()), list((target - source).elements())
        for index, code in enumerate(lost):
            s = next(m for m in self.source_currencies if m.currency == code)
            if index < len(gained):
                t = next(m for m in self.target_currencies if m.currency == gained[index])
                message = f"{s.text} is in {code} in the source but {t.text} here is in {gained[index]}"
                details = {"changed": [{"source": code, "target": gained[index], "reason": "currency changed"}]}
            else:
                message = f"{s.text} in the source is in {code}, but no currency is named here"
                details = {"missing": [code], "reason": "currency lost"}
            self.issues.append(Issue(message, Severity.ERROR, details))
        for code in gained[len(lost):]:
            t = next(m for m in self.target_currencies if m.currency == code)
            self.issues.append(Issue(f"{t.text} here is in {code}, which the source does not name",
                                     Severity.ERROR, {"added": [code], "reason": "currency added"}))


def _countable(mention: NumberMention) -> bool:
    """Soft leftovers count only as cardinals other than one ("one of", "bir", "один")."""
    return mention.hard or (mention.kind == "cardinal" and mention.value != 1)


def _ordinal_word(mention: NumberMention) -> bool:
    return not mention.hard and mention.kind == "ordinal"


def _severity(*mentions: NumberMention) -> Severity:
    return Severity.ERROR if any(m.hard for m in mentions) else Severity.WARNING


def _digits(value: Decimal) -> str:
    return plain(abs(value)).replace(".", "")


def _transposed(s: NumberMention, t: NumberMention) -> str | None:
    if s.cls != t.cls or s.value == t.value:
        return None
    a, b = _digits(s.value), _digits(t.value)
    if len(a) >= 2 and sorted(a) == sorted(b):
        return "digits transposed"
    return None


def _scaled(s: NumberMention, t: NumberMention) -> str | None:
    if s.cls != t.cls or not s.value or not t.value or s.value == t.value:
        return None
    ratio = t.value / s.value
    for power in range(1, 16):
        if ratio == 10**power:
            return f"{10**power} times larger"
        if ratio * 10**power == 1:
            return f"{10**power} times smaller"
    return None


def _sign_lost(s: NumberMention, t: NumberMention) -> str | None:
    if s.cls == t.cls and s.value and s.value == -t.value:
        return "sign lost" if s.value < 0 else "sign added"
    return None


def _percent_changed(s: NumberMention, t: NumberMention) -> str | None:
    if s.value != t.value or {s.cls, t.cls} != {"num", "pct"}:
        return None
    return "lost its percent sign" if s.cls == "pct" else "gained a percent sign"


def _same_kind_changed(s: NumberMention, t: NumberMention) -> str | None:
    """Pair leftovers written the same way (two years, two ordinals, two Roman numerals)."""
    if s.cls == t.cls and s.hard and t.hard and s.kind == t.kind and s.kind in ("year", "ordinal", "roman", "scaled"):
        return f"{s.kind} changed"
    return None


def quoted(mention: NumberMention) -> str:
    """The mention as written, with its value when the writing does not show it: ``"on" (10)``."""
    if plain(mention.value) in mention.text:
        return mention.text
    return f'"{mention.text}" ({plain(mention.value)})'


def _changed_issue(s: NumberMention, t: NumberMention, reason: str) -> Issue:
    if reason.startswith(("lost its", "gained")):
        message = f"{quoted(s)} in the source {reason}: {quoted(t)} here"
    else:
        message = f"{quoted(s)} in the source is {quoted(t)} here: {reason}"
    if not s.hard and not t.hard:
        message = f"number words disagree: {quoted(s)} in the source, {quoted(t)} here"
    return Issue(message, _severity(s, t), {
        "changed": [{"source": s.text, "target": t.text, "reason": reason,
                     "source_value": plain(s.value), "target_value": plain(t.value)}]})


def _missing_issue(s: NumberMention) -> Issue:
    return Issue(f"{quoted(s)} in the source is missing here", _severity(s),
                 {"missing": [s.text], "values": [plain(s.value)]})


def _added_issue(t: NumberMention) -> Issue:
    return Issue(f"{quoted(t)} here is not in the source", _severity(t),
                 {"added": [t.text], "values": [plain(t.value)]})


def _doubt_issue(s: NumberMention, t: NumberMention, locale: str) -> Issue:
    if "solar-hijri-year" in (s.doubt, t.doubt):
        message = (f"{t.text} reads as a Solar Hijri year, Gregorian "
                   f"{' or '.join(plain(a) for a in t.alternatives)}; the source has {s.text}: review")
        reason = "solar hijri year"
    else:
        message = (f"{t.text} reads as {plain(t.value)} in {locale}, the source has {s.text}: "
                   f"check the separator")
        reason = "ambiguous separator"
    return Issue(message, Severity.WARNING,
                 {"changed": [{"source": s.text, "target": t.text, "reason": reason}]})
