"""GitHub Actions workflow commands: one annotation per finding (``::error file=…,line=…::…``)."""

from __future__ import annotations

from ..baseline import Gate, State
from ..models import Finding
from ..pipeline import CheckRun

# Waived and baselined findings are shown as notices: visible, never failing.
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions runner expects.

    >>> escape_data("50%\\nnext")
    '50%25%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, where ``:`` and ``,`` also separate fields.

    >>> escape_property("a:b,c")
    'a%3Ab%2Cc'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, state: State) -> str:
    """The workflow command for one finding."""
    command = COMMANDS[finding.severity.value]
    title = f"{finding.check} ({finding.severity.value})"
    if state in (State.WAIVED, State.BASELINED):
        command, title = "notice", f"{finding.check} ({finding.severity.value}, {state.value})"
    properties = []
    if finding.file:
        properties.append(f"file={escape_property(finding.file)}")
        if finding.line:
            properties.append(f"line={finding.line}")
    properties.append(f"title={escape_property(title)}")
    return f"::{command} {','.join(properties)}::{escape_data(finding.message)}"


def to_github(run: CheckRun, gate: Gate | None = None) -> str:
    """Every finding as a workflow command line, in the report's stable order."""
    gate = gate or Gate()
    lines = [annotation(finding, gate.state(finding)) for finding in run.findings]
    return "\n".join(lines) + ("\n" if lines else "")
