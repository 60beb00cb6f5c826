"""publish: ``piptui findings`` over 33 programmes of 1,000 cards, and the HTML area report of one.

The programmes are :func:`bench.data.programme` (the demo with generated cards), each with an
area of its own. The baseline of the findings is the least any reading of them does: load
every file (orjson) and count its cards' tags; the report's baseline reads one file and
writes its card texts, as the export row's.

Goals: findings <= 2 s; the HTML area report <= 0.5 s. ``python -m bench.publish DIR N``
writes N such programmes (1,000 cards each) into DIR, to try ``piptui findings`` on.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import orjson

from bench import Context
from bench.data import programme
from bench.table import Row, median, ms, not_available, times

FINDINGS_GOAL = 2.0
REPORT_GOAL = 0.5
AREAS = (
    "Barnsley", "Bolton", "Bradford", "Calderdale", "Darlington", "Doncaster", "Durham", "Gateshead", "Halton",
    "Hartlepool", "Kirklees", "Knowsley", "Leeds", "Liverpool", "Manchester", "Middlesbrough", "Newcastle",
    "North Tyneside", "Oldham", "Redcar", "Rochdale", "Rotherham", "Salford", "Sefton", "Sheffield",
    "South Tyneside", "St Helens", "Stockport", "Stockton", "Sunderland", "Tameside", "Wakefield", "Wigan",
)  # fmt: skip


def area_programme(path: Path, n: int, *, seed: int, area: str) -> Path:
    """A generated programme of ``n`` cards whose area (and name) are its own."""
    from piptui.store.programme_file import PROGRAMME_KEY, PROGRAMME_TABLE, write_programme_file

    programme(path, n, seed=seed)
    data = orjson.loads(path.read_bytes())
    header = data[PROGRAMME_TABLE][PROGRAMME_KEY]
    data[PROGRAMME_TABLE][PROGRAMME_KEY] = {
        **header,
        "area": area,
        "name": path.stem,
        "title": f"{area} Partnership Improvement Programme",
    }
    write_programme_file(path, data, replace=True)
    return path


def areas(folder: Path, count: int, n: int, seed: int) -> list[Path]:
    return [area_programme(folder / f"{AREAS[i % len(AREAS)].lower().replace(' ', '-')}-{i}.json", n,
                           seed=seed + i, area=AREAS[i % len(AREAS)]) for i in range(count)]  # fmt: skip


def floor_findings(folder: Path) -> int:
    tags = 0
    for path in sorted(folder.glob("*.json")):
        for doc in orjson.loads(path.read_bytes()).get("cards", {}).values():
            tags += len(doc.get("tags", ()))
    return tags


def floor_report(path: Path, out: Path) -> None:
    cards = orjson.loads(path.read_bytes())["cards"]
    out.write_text("\n".join(doc["text"] for doc in cards.values()))


def run(ctx: Context) -> list[Row]:
    try:
        from piptui.exercises import load_library
        from piptui.export.contents import Content
        from piptui.export.exporter import ExportFormat, ExportRequest, run_export
        from piptui.export.findings import findings_bytes
    except ImportError as exc:
        return [not_available("publish", f"the findings do not import ({exc})", f"<= {FINDINGS_GOAL} s")]
    library = load_library()
    count, n = ctx.size(33, 3), ctx.size(1_000, 100)
    folder = ctx.folder("findings")
    paths = areas(folder, count, n, ctx.seed)
    ours, base = [], []
    for _ in range(ctx.size(3, 1)):
        start = time.perf_counter()
        blob = findings_bytes(folder, library, "markdown")
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        floor_findings(folder)
        base.append(time.perf_counter() - start)
    took = median(ours)
    rows = [
        Row(
            f"findings {count} x {n:,} cards",
            f"{ms(took)} ({len(blob) / 1e3:.0f} kB)",
            f"read + count tags {ms(median(base))}",
            times(took / median(base)),
            f"<= {FINDINGS_GOAL} s",
            took <= FINDINGS_GOAL,
            note="piptui findings (Markdown), every programme read, themes matched",
        )
    ]
    out = ctx.folder("report")
    request = ExportRequest(
        programme=paths[0], format=ExportFormat.HTML, content=Content.REPORT, output=out / "report.html"
    )
    ours, base = [], []
    for _ in range(ctx.size(5, 1)):
        start = time.perf_counter()
        run_export(request, library)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        floor_report(paths[0], out / "texts.txt")
        base.append(time.perf_counter() - start)
    took = median(ours)
    size = (out / "report.html").stat().st_size
    rows.append(
        Row(
            f"HTML area report {n:,} cards",
            f"{ms(took)} ({size / 1e3:.0f} kB)",
            f"texts only {ms(median(base))}",
            times(took / median(base)),
            f"<= {REPORT_GOAL} s",
            took <= REPORT_GOAL,
            note="export --content report --format html, file read to page written",
        )
    )
    return rows


if __name__ == "__main__":
    target, number = Path(sys.argv[1]), int(sys.argv[2])
    target.mkdir(parents=True, exist_ok=True)
    for made in areas(target, number, 1_000, 2008):
        print(made)
