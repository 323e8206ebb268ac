"""Time each pipeline stage as a whole process against the reference tools, in one run.

    python benchmarks/run.py --sizes 10k,100k

Every stage runs ``--runs`` times; the report gives the median wall time, the peak memory of the
largest process, and each of our stages as a ratio to its anchor measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import Corpus, parse_size, write_articles, write_catalog_corpus, write_project  # noqa: E402

TIME = Path("/usr/bin/time")
TIMED_LOCALE = "az"
MSGMERGE_FUZZY_LIMIT = 10_000  # msgmerge's fuzzy matching is quadratic: above this only with a flag
QUOTED_MSGMERGE_100K = 470.0  # seconds, the measurement at 100k on 2 threads
OURS = [sys.executable, "-m", "l10n_pipeline"]


@dataclass
class Timing:
    """The runs of one command."""

    size: str
    stage: str
    tool: str
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds) if self.cpu_seconds else float("nan")

    @property
    def peak_mib(self) -> float:
        return max(self.peak_kib) / 1024 if self.peak_kib else float("nan")


# ------------------------------------------------------------------ measuring one process


def ensure_time_tool() -> bool:
    """GNU time reports peak memory; install it with apt when missing and we are allowed to."""
    if TIME.exists():
        return True
    if shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-q", "time"], capture_output=True, check=False)
    return TIME.exists()


def measure(command: list[str], cwd: Path, use_time: bool) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS (KiB) of the largest process, and the exit code of one run."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        wrapped = [str(TIME), "-f", "%M %U %S", "-o", report.name, *command] if use_time else command
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(wrapped, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        # Without GNU time, the largest child so far is the best the kernel tells us.
        peak = _peak_from_time(report.name) if use_time else after.ru_maxrss
    return elapsed, cpu, peak, done.returncode


def _peak_from_time(path: str) -> int:
    """GNU time's last line is "MAXRSS USER SYS" (earlier lines may hold a child's exit message)."""
    found = re.findall(r"^(\d+) [\d.]+ [\d.]+$", Path(path).read_text(), re.M)
    return int(found[-1]) if found else 0


def time_runs(timing: Timing, cwd: Path, runs: int, use_time: bool, before=None) -> Timing:
    for _ in range(runs):
        if before:
            before()
        seconds, cpu, peak, code = measure(timing.command, cwd, use_time)
        timing.seconds.append(seconds)
        timing.cpu_seconds.append(cpu)
        timing.peak_kib.append(peak)
        timing.exit_codes.append(code)
    shown = f"{timing.median:8.2f} s {timing.cpu_median:8.2f} s CPU {timing.peak_mib:7.0f} MiB"
    print(f"  {timing.size:>5} {timing.stage:<10} {timing.tool:<34} {shown}", file=sys.stderr, flush=True)
    return timing


# ------------------------------------------------------------------ the stages


@dataclass(frozen=True)
class Options:
    runs: int
    jobs: int | None
    msgmerge_fuzzy_all: bool
    only: frozenset[str] | None
    use_time: bool


def wanted(options: Options, tool: str) -> bool:
    return options.only is None or tool in options.only


def catalog_stages(size: str, folder: Path, options: Options) -> list[Timing]:
    """check, merge, compile and their anchors on one catalog size."""
    po, out = f"{TIMED_LOCALE}.po", folder / "out"
    out.mkdir(exist_ok=True)
    jobs = [] if options.jobs is None else ["--jobs", str(options.jobs)]
    entries = parse_size(size)
    plans: list[tuple[str, str, list[str], object]] = [
        ("check", "l10n check", [*OURS, "check", po, "--glossary", "glossary.yaml", *jobs,
                                 "--fail-on", "never", "-f", "json", "-o", "out/check.json", "-q"], None),
        ("check", "l10n check -j1", [*OURS, "check", po, "--glossary", "glossary.yaml", "--jobs", "1",
                                     "--fail-on", "never", "-f", "json", "-o", "out/check-j1.json", "-q"], None),
        ("check", "pofilter -t numbers", ["pofilter", "-t", "numbers", po, "out/pofilter.po"], None),
        ("parse", "polib pofile()", [sys.executable, "-c", f"import polib; polib.pofile({po!r})"], None),
        ("compile", "l10n compile", [*OURS, "compile", "out/compile.po", *jobs, "-C", ".", "-q"],
         lambda: _fresh_copy(folder / po, out / "compile.po")),
        ("compile", "msgfmt --check-format", ["msgfmt", "--check-format", "-o", "out/msgfmt.mo", po], None),
        ("merge", "l10n merge", [*OURS, "merge", "v2.pot", po, "-o", "out/merged-ours.po", "-q"], None),
        ("merge", "l10n merge -N", [*OURS, "merge", "v2.pot", po, "-N", "-o", "out/merged-ours-N.po", "-q"], None),
        ("merge", "msgmerge -N", ["msgmerge", "-q", "--previous", "-N", "-o", "out/merged-msgmerge-N.po", po, "v2.pot"], None),
    ]
    if entries <= MSGMERGE_FUZZY_LIMIT or options.msgmerge_fuzzy_all:
        plans.append(("merge", "msgmerge", ["msgmerge", "-q", "--previous", "-o", "out/merged-msgmerge.po", po, "v2.pot"], None))
    timings = []
    for stage, tool, command, before in plans:
        if not wanted(options, tool) or not shutil.which(command[0]):
            continue
        runs = 1 if tool == "msgmerge" and entries > MSGMERGE_FUZZY_LIMIT else options.runs
        timings.append(time_runs(Timing(size, stage, tool, command), folder, runs, options.use_time, before))
    return timings


def _fresh_copy(source: Path, target: Path) -> None:
    """A copy of the catalog without its MO, so that every compile run writes one."""
    shutil.copyfile(source, target)
    target.with_suffix(".mo").unlink(missing_ok=True)


def extract_stage(size: str, folder: Path, options: Options) -> list[Timing]:
    if not wanted(options, "l10n extract"):
        return []
    command = [*OURS, "extract", "--project", ".", "-q"]
    before = lambda: shutil.rmtree(folder / "locales", ignore_errors=True)  # noqa: E731
    return [time_runs(Timing(size, "extract", "l10n extract", command), folder, options.runs, options.use_time, before)]


# ------------------------------------------------------------------ merge quality


def merge_quality(folder: Path, merged_name: str) -> dict[str, float] | None:
    """Share of edited entries whose old translation became their fuzzy candidate."""
    import polib

    merged_path = folder / "out" / merged_name
    if not merged_path.exists():
        return None
    old = {entry.msgid: entry.msgstr for entry in polib.pofile(str(folder / f"{TIMED_LOCALE}.po")) if entry.msgstr}
    merged = {entry.msgid: entry for entry in polib.pofile(str(merged_path))}
    edits = [edit for edit in json.loads((folder / "edits.json").read_text(encoding="utf-8")) if edit["old"] in old]
    hits = sum(
        1
        for edit in edits
        if (entry := merged.get(edit["new"])) is not None and entry.fuzzy and entry.msgstr == old[edit["old"]]
    )
    fuzzy = sum(1 for entry in merged.values() if entry.fuzzy and not entry.obsolete)
    return {"edited": len(edits), "recovered": hits, "share": hits / len(edits) if edits else 1.0, "fuzzy_total": fuzzy}


# ------------------------------------------------------------------ corpus


def catalog_folder(corpus: Path, size: str) -> Path:
    """The generated project for ``size`` entries, generated once and reused."""
    folder = corpus / f"catalog-{size}"
    if not (folder / "manifest.json").exists():
        print(f"generating {size} entries in {folder}", file=sys.stderr, flush=True)
        write_catalog_corpus(folder, parse_size(size))
    return folder


def article_folder(corpus: Path, size: str) -> Path:
    folder = corpus / f"articles-{size}"
    stamp = folder / "articles.done"
    if not stamp.exists():
        print(f"generating {size} of Markdown in {folder}", file=sys.stderr, flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        count = write_articles(folder / "source_texts", parse_size(size))
        write_project(folder, Corpus(0).people)
        stamp.write_text(f"{count}\n", encoding="utf-8")
    return folder


# ------------------------------------------------------------------ the report


def machine() -> dict[str, str]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines() if line.startswith("model name")),
        platform.processor() or "unknown",
    )
    memory = next((line.split(":", 1)[1].strip() for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), "?")
    gettext = _first_line(["msgfmt", "--version"])
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "python": platform.python_version(),
        "gettext": gettext,
        "translate-toolkit": _first_line([sys.executable, "-c", "import translate.__version__ as v; print(v.sver)"]),
        "code": _code_version(),
        "load average (start)": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _code_version() -> str:
    """The commit measured, and whether the working tree had changes on top of it."""
    head = _first_line(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", str(HERE.parent), "status", "--porcelain", "--", "src"],
                           capture_output=True, text=True, check=False).stdout.strip()
    return f"{head} (src/ with uncommitted changes)" if dirty else head


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _first_line(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.splitlines()[0]
    except (OSError, IndexError):
        return "not installed"


RATIOS = [
    # (our tool, anchor, what the target asks: the anchor must be this many times slower)
    ("l10n check", "pofilter -t numbers", 4.0),
    ("l10n check", "msgfmt --check-format", 1.0),
    ("l10n check -j1", "pofilter -t numbers", 4.0),
    ("l10n merge", "msgmerge", 30.0),
    ("l10n merge -N", "msgmerge -N", 1.0),
    ("l10n compile", "msgfmt --check-format", 0.5),
]


def ratio_rows(timings: list[Timing]) -> list[str]:
    by_key = {(t.size, t.tool): t for t in timings}
    rows = []
    for size in dict.fromkeys(t.size for t in timings):
        for ours, anchor, target in RATIOS:
            if (size, ours) in by_key and (size, anchor) in by_key:
                speedup = by_key[(size, anchor)].median / by_key[(size, ours)].median
                cpu_speedup = by_key[(size, anchor)].cpu_median / by_key[(size, ours)].cpu_median
                verdict = "met" if speedup >= target else "MISSED"
                rows.append(f"| {size} | {ours} | {anchor} | {speedup:.2f}× | {cpu_speedup:.2f}× | ≥ {target:g}× | {verdict} |")
        if (size, "l10n merge") in by_key and (size, "msgmerge") not in by_key and parse_size(size) == 100_000:
            speedup = QUOTED_MSGMERGE_100K / by_key[(size, "l10n merge")].median
            verdict = "met" if speedup >= 30 else "MISSED"
            rows.append(f"| {size} | l10n merge | msgmerge (quoted 470 s, not run) | {speedup:.1f}× | – | ≥ 30× | {verdict} |")
    return rows


def scaling_rows(timings: list[Timing]) -> list[str]:
    """Seconds per unit of input between sizes: near 1.0 is linear."""
    rows = []
    by_tool: dict[str, list[Timing]] = {}
    for timing in timings:
        by_tool.setdefault(timing.tool, []).append(timing)
    for tool, series in by_tool.items():
        series = sorted(series, key=lambda t: parse_size(t.size))
        for small, large in zip(series, series[1:]):
            growth = parse_size(large.size) / parse_size(small.size)
            factor = large.median / small.median / growth
            rows.append(f"| {tool} | {small.size} → {large.size} | ×{growth:g} input | ×{large.median / small.median:.1f} time | {factor:.2f} |")
    return rows


def memory_rows(timings: list[Timing], corpus: Path) -> list[str]:
    rows = []
    for timing in timings:
        if timing.stage in {"check", "merge", "compile"} and timing.tool.startswith("l10n"):
            po = corpus / f"catalog-{timing.size}" / f"{TIMED_LOCALE}.po"
            file_mib = po.stat().st_size / 2**20
            rows.append(f"| {timing.size} | {timing.tool} | {file_mib:.1f} | {timing.peak_mib:.0f} | {timing.peak_mib / file_mib:.1f}× |")
    return rows


def report(timings: list[Timing], quality: dict, info: dict[str, str], command: str, corpus: Path) -> str:
    lines = ["# Benchmark run", "", f"Command: `{command}`", "", "| machine | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    lines += ["", "## Wall time (median of runs) and peak memory (largest process)", "",
              "| size | stage | tool | median s | min s | max s | CPU s (median) | runs | peak MiB | exit |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for t in timings:
        lines.append(
            f"| {t.size} | {t.stage} | {t.tool} | {t.median:.2f} | {min(t.seconds):.2f} | {max(t.seconds):.2f} | "
            f"{t.cpu_median:.2f} | {len(t.seconds)} | {t.peak_mib:.0f} | {','.join(map(str, sorted(set(t.exit_codes))))} |"
        )
    lines += ["", "## Ratios (anchor time / our time; higher is faster)", "",
              "| size | ours | anchor | speed-up (wall) | speed-up (CPU) | target | verdict |", "|---|---|---|---|---|---|---|",
              *ratio_rows(timings)]
    lines += ["", "## Scaling (time growth / input growth; 1.0 is linear)", "",
              "| tool | sizes | input | time | factor |", "|---|---|---|---|---|", *scaling_rows(timings)]
    lines += ["", "## Peak memory against the catalog's size (target at 500k: under 3×)", "",
              "| size | tool | PO MiB | peak MiB | ratio |", "|---|---|---|---|---|", *memory_rows(timings, corpus)]
    lines += ["", "## Merge quality: edited entries whose old translation is the fuzzy candidate", "",
              "| size | tool | edited | recovered | share | fuzzy entries |", "|---|---|---|---|---|---|"]
    for (size, tool), q in quality.items():
        lines.append(f"| {size} | {tool} | {q['edited']} | {q['recovered']} | {q['share']:.1%} | {q['fuzzy_total']} |")
    lines.append(f"\nLoad average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k", help="catalog sizes in entries, e.g. 10k,100k,500k")
    parser.add_argument("--extract-sizes", default="2MB,10MB", help="Markdown source sizes for l10n extract ('' to skip)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="--jobs for our stages (default: theirs, the core count)")
    parser.add_argument("--msgmerge-fuzzy-all", action="store_true",
                        help=f"run msgmerge's fuzzy matching above {MSGMERGE_FUZZY_LIMIT} entries too (~8 min at 100k)")
    parser.add_argument("--only", help="comma-separated tool names to run, e.g. 'l10n check,msgfmt --check-format'")
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--output", type=Path, default=HERE / "corpus" / "results.md")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    options = Options(
        runs=args.runs,
        jobs=args.jobs,
        msgmerge_fuzzy_all=args.msgmerge_fuzzy_all,
        only=frozenset(t.strip() for t in args.only.split(",")) if args.only else None,
        use_time=ensure_time_tool(),
    )
    info = machine()
    timings: list[Timing] = []
    quality: dict[tuple[str, str], dict] = {}
    for size in [s for s in args.sizes.split(",") if s]:
        folder = catalog_folder(args.corpus, size)
        timings += catalog_stages(size, folder, options)
        for tool, name in (("l10n merge", "merged-ours.po"), ("msgmerge", "merged-msgmerge.po")):
            if any(t.size == size and t.tool == tool for t in timings) and (q := merge_quality(folder, name)):
                quality[(size, tool)] = q
    for size in [s for s in args.extract_sizes.split(",") if s]:
        timings += extract_stage(size, article_folder(args.corpus, size), options)
    command = shlex.join(["python", "benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])])
    text = report(timings, quality, info, command, args.corpus)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    (args.output.with_suffix(".json")).write_text(
        json.dumps({"machine": info, "timings": [asdict(t) for t in timings],
                    "quality": {f"{s} {t}": q for (s, t), q in quality.items()}}, indent=1) + "\n",
        encoding="utf-8",
    )
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
