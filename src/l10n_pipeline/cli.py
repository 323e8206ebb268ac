"""The ``l10n`` command: thin adapters from the command line to the stages."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_common import guarded, say
from .cli_glossary import glossary_app
from .catalog import Catalog
from .config import Config, load_config
from .errors import ExitCode, PipelineError
from .progress import progress

app = typer.Typer(
    help="Localise news articles: segments, gettext catalogs, glossary and number checks.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ProjectOption = Annotated[
    Optional[Path], typer.Option("--project", "-C", help="Project folder (default: the current one).")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but the requested output.")]
JobsOption = Annotated[
    Optional[int], typer.Option("--jobs", "-j", min=1, help="Parallel processes (default: the number of cores).")
]


def jobs_or_cores(jobs: int | None) -> int:
    return jobs or os.cpu_count() or 1


def parse_shard(text: str | None) -> tuple[int, int] | None:
    """``"2/4"`` → (2, 4); shards count from 1."""
    if text is None:
        return None
    index, _, count = text.partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise typer.BadParameter("write I/N with 1 <= I <= N, e.g. 2/4", param_hint="--shard")
    return int(index), int(count)


def config_for(project: Path | None) -> Config:
    return load_config(project)


@app.command()
@guarded
def segment(
    file: Annotated[str, typer.Argument(help="A Markdown article, or - for standard input.")] = "-",
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
) -> None:
    """Split an article into translatable segments, one per line."""
    from .ingest import parse_article
    from .segment import article_segments

    if file == "-":
        data = sys.stdin.buffer.read()
        shown = "<stdin>"
    else:
        data = Path(file).read_bytes()
        shown = file
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise PipelineError("not UTF-8 text", path=shown, line=line, hint="save the file as UTF-8") from None
    article = parse_article(text, shown, Path(shown).stem if file != "-" else "stdin")
    texts = [seg.text for seg in article_segments(article)]
    if as_json:
        typer.echo(json.dumps(texts, ensure_ascii=False, indent=2))
    else:
        for text in texts:
            typer.echo(text.replace("\n", " "))


@app.command()
@guarded
def extract(project: ProjectOption = None, quiet: QuietOption = False) -> None:
    """Write the template catalog (POT) from the source articles."""
    from . import pipeline

    config = config_for(project)
    template, changed = pipeline.extract(config)
    state = "written" if changed else "unchanged"
    say(f"{config.relative(config.pot_path)}: {len(template.entries)} segments, {state}", quiet)


@app.command()
@guarded
def update(project: ProjectOption = None, quiet: QuietOption = False) -> None:
    """Create or merge every locale's PO catalog from the template."""
    from . import pipeline

    config = config_for(project)
    for locale, stats in pipeline.update(config).items():
        say(
            f"{config.relative(config.po_path(locale))}: {stats.exact} kept, {stats.fuzzy} fuzzy, "
            f"{stats.new} new, {stats.obsolete} obsolete",
            quiet,
        )


@app.command()
@guarded
def merge(
    template: Annotated[Path, typer.Argument(help="The new template (POT).")],
    catalog: Annotated[Path, typer.Argument(help="The catalog (PO) to merge it into.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of CATALOG.")] = None,
    no_fuzzy_matching: Annotated[bool, typer.Option("--no-fuzzy-matching", "-N")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parallel processes; more than one pays only on idle cores.")] = 1,
    quiet: QuietOption = False,
) -> None:
    """Merge a template into a catalog, as msgmerge does: exact, fuzzy, obsolete."""
    from .fileio import atomic_write_stream
    from .merge import merge_catalog, read_for_merge
    from .pofile import write_po

    merged, stats = merge_catalog(
        *read_for_merge(template, catalog, jobs), fuzzy_matching=not no_fuzzy_matching, consume=True, jobs=jobs
    )
    atomic_write_stream(output or catalog, lambda stream: write_po(merged, stream, jobs=jobs))
    say(f"{stats.exact} kept, {stats.fuzzy} fuzzy, {stats.new} new, {stats.obsolete} obsolete", quiet)


@app.command(name="compile")
@guarded
def compile_(
    catalogs: Annotated[Optional[list[Path]], typer.Argument(help="PO files (default: the project's).")] = None,
    jobs: JobsOption = None,
    project: ProjectOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write a binary MO beside each PO catalog (fuzzy entries left out)."""
    from . import pipeline

    config = config_for(project)
    written = pipeline.compile_catalogs(config, catalogs or None, jobs=jobs_or_cores(jobs))
    say(f"{len(written)} MO file(s) written", quiet)


@app.command()
@guarded
def check(
    catalogs: Annotated[Optional[list[Path]], typer.Argument(help="PO files (default: every catalog of the project).")] = None,
    glossary: Annotated[Optional[Path], typer.Option("--glossary", help="Glossary YAML to check against.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json, junit, sarif or github")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="error, warning or never")] = "error",
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Accept the findings in this baseline; fail on new ones only.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", help="Record today's findings as a baseline in FILE.")] = None,
    jobs: JobsOption = None,
    shard: Annotated[Optional[str], typer.Option("--shard", help="Check only shard I of N catalogs (I/N), for CI jobs.")] = None,
    project: ProjectOption = None,
    quiet: QuietOption = False,
) -> None:
    """Check translations: numbers, glossary terms, release thresholds."""
    from . import pipeline, report
    from .baseline import Baseline, Gate, read_baseline, write_baseline as record_baseline
    from .fileio import atomic_write

    if output_format not in report.FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(report.FORMATS)}", param_hint="--format")
    if fail_on not in report.FAIL_ON:
        raise typer.BadParameter("choose error, warning or never", param_hint="--fail-on")
    config = config_for(project)
    gate = Gate(fail_on, read_baseline(baseline) if baseline else Baseline())
    with progress("checking", quiet) as bar:
        run = pipeline.check(
            config, catalogs or None, glossary, progress=bar, jobs=jobs_or_cores(jobs), shard=parse_shard(shard)
        )
    if write_baseline is not None:
        count = record_baseline(write_baseline, run.findings)
        say(f"{write_baseline}: baseline of {count} finding(s) written", quiet)
        raise typer.Exit(ExitCode.CLEAN)
    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = report.render(run, output_format, gate, color=color)
    if output is not None:
        atomic_write(output, text)
    else:
        typer.echo(text, nl=False)
    say(report.summary_line(run, gate), quiet)
    raise typer.Exit(gate.exit_code(run.findings))


@app.command()
@guarded
def status(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    project: ProjectOption = None,
) -> None:
    """Show how far each locale is: segments, translated share, findings, release readiness."""
    from . import pipeline
    from .status import status_json, status_table

    config = config_for(project)
    run = pipeline.check(config)
    typer.echo(status_json(config, run) if as_json else status_table(config, run), nl=False)


@app.command()
@guarded
def todo(
    locale: Annotated[str, typer.Argument(help="The locale to work on, e.g. az.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, po or json")] = "text",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the list to FILE.")] = None,
    project: ProjectOption = None,
    quiet: QuietOption = False,
) -> None:
    """List the entries of LOCALE that need work, with sources, glossary forms and numbers to keep."""
    from .fileio import atomic_write
    from .todo import TODO_FORMATS, locale_todo, render_todo

    if output_format not in TODO_FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(TODO_FORMATS)}", param_hint="--format")
    work = locale_todo(config_for(project), locale)
    text = render_todo(work, "json" if as_json else output_format)
    if output is not None:
        atomic_write(output, text)
    else:
        typer.echo(text, nl=False)
    reasons = ", ".join(f"{count} {reason}" for reason, count in work.counts().items())
    say(f"{work.file}: {len(work.items)} entries need work" + (f" ({reasons})" if reasons else ""), quiet)


@app.command()
@guarded
def render(
    locales: Annotated[Optional[list[str]], typer.Argument(help="Locales (default: all).")] = None,
    project: ProjectOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write the translated articles to build/<lang>/<slug>.md."""
    render_locales(config_for(project), locales, quiet)


def render_locales(config: Config, locales: list[str] | None, quiet: bool) -> None:
    """Render each locale that passes its threshold; every input is read before any file is written."""
    from .ingest import read_articles
    from .qa.runner import catalog_stats
    from .render import render_article, translations_of, write_rendered

    articles = read_articles(config.source_dir, config.root)
    catalogs = {locale: render_catalog(config, locale) for locale in locales or config.all_locales}
    for locale, catalog in catalogs.items():
        stats = catalog_stats(catalog, locale, config.relative(config.po_path(locale)))
        threshold = config.policy(locale).min_translated
        if stats.translated_share < threshold:
            say(
                f"{locale}: not rendered: {stats.translated_share:.1f}% translated, below the threshold of "
                f"{threshold:g}%; earlier output left as it was",
                quiet,
            )
            continue
        translations = translations_of(catalog)
        rendered = [render_article(article, locale, translations) for article in articles]
        write_rendered(config, locale, rendered)
        fallbacks = sum(article.fallbacks for article in rendered)
        say(
            f"{locale}: {len(rendered)} article(s) in {config.relative(config.render_dir / locale)}, "
            f"{fallbacks} segment(s) fell back to the source",
            quiet,
        )


def render_catalog(config: Config, locale: str) -> Catalog:
    """The catalog of a configured locale, ready to render from."""
    from . import pipeline

    if locale not in config.all_locales:
        raise PipelineError(
            f"locale {locale!r} is not configured",
            path=config.relative(config.pyproject) if config.pyproject else None,
            hint=f"choose from {', '.join(config.all_locales)}",
        )
    path = config.po_path(locale)
    if not path.exists():
        raise PipelineError("no catalog for this locale", path=config.relative(path), hint="run `l10n update` first")
    return pipeline.read_catalog(path)


@app.command()
@guarded
def run(
    project: ProjectOption = None,
    quiet: QuietOption = False,
    fail_on: Annotated[str, typer.Option("--fail-on", help="error, warning or never")] = "error",
) -> None:
    """The main job: extract, update, check, compile, render; prints a per-locale table."""
    from . import pipeline, report
    from .status import status_table

    config = config_for(project)
    inputs = pipeline.read_inputs(config)
    template, _ = pipeline.extract(config, inputs)
    pipeline.update(config, template, inputs)
    result = pipeline.check(config)
    pipeline.compile_catalogs(config)
    render_locales(config, None, quiet)
    typer.echo(status_table(config, result), nl=False)
    if result.findings:
        say(report.to_text(result, color=sys.stderr.isatty()).rstrip("\n"), quiet)
    say(report.summary_line(result), quiet)
    raise typer.Exit(report.exit_code(result.findings, fail_on))


app.add_typer(glossary_app, name="glossary", help="List, look up and export the glossary.")


def main() -> None:
    app()
