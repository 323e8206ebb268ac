"""What a check is: metadata plus one comparison. Skipping and waivers live here, not in checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..models import Issue, Severity

if TYPE_CHECKING:
    from ..glossary import Glossary


@dataclass(frozen=True)
class CheckContext:
    """What a check may know besides the two strings."""

    locale: str
    source_locale: str = "en"
    glossary: "Glossary | None" = None


class Check:
    """A translation check. Subclasses set the metadata and implement ``check``."""

    check_id: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    source_side: ClassVar[bool] = False  # looks at the source text only; run once on the template

    @classmethod
    def ignore_flag(cls) -> str:
        return f"ignore-{cls.check_id}"

    def waived_by(self, flags: list[str]) -> bool:
        return self.ignore_flag() in flags or "ignore-all-checks" in flags

    def check(self, source: str, target: str, ctx: CheckContext) -> list[Issue]:
        raise NotImplementedError
