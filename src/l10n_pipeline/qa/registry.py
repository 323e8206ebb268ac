"""Every check the pipeline knows, in one explicit list."""

from __future__ import annotations

from ..errors import ConfigError
from .base import Check
from .glossary import GlossaryCheck, GlossaryVariantCheck
from .numbers import NumbersCheck

CHECKS: tuple[type[Check], ...] = (NumbersCheck, GlossaryCheck, GlossaryVariantCheck)
BY_ID: dict[str, type[Check]] = {check.check_id: check for check in CHECKS}


def enabled_checks(check_ids: tuple[str, ...] | None = None) -> list[Check]:
    """Instances of the chosen checks (all when ``check_ids`` is None), in registry order."""
    if check_ids is None:
        return [check() for check in CHECKS]
    unknown = [cid for cid in check_ids if cid not in BY_ID]
    if unknown:
        raise ConfigError(
            f"unknown check {unknown[0]!r}", hint=f"known checks: {', '.join(BY_ID)}"
        )
    return [check() for check in CHECKS if check.check_id in check_ids]
