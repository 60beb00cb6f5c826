"""export: the Markdown notes of a 10,000-card programme, as the CLI and the TUI make them.

``run_export`` from opening the file to the notes written (atomically) beside it, with the
exercise library already loaded (the TUI has it; the CLI loads it once). The baseline is the
least any notes export does: read the same file, write its card texts one a line. Median of
a few runs.

Goal: at most 1 s.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import orjson

from bench import Context
from bench.data import programme
from bench.table import Row, median, ms, not_available, times

GOAL = 1.0


def floor(path: Path, out: Path) -> None:
    """Read the programme, write its card texts one a line (atomically, like the export)."""
    from piptui.store.storage import atomic_write_bytes

    cards = orjson.loads(path.read_bytes())["cards"]
    blob = "\n".join(doc["text"] for doc in cards.values()).encode()
    os.close(atomic_write_bytes(out, blob))


def run(ctx: Context) -> list[Row]:
    try:
        from piptui.exercises import load_library
        from piptui.export.exporter import ExportFormat, ExportRequest, run_export
    except ImportError as exc:
        return [not_available("export", f"the exporter does not import ({exc})", f"<= {GOAL} s")]
    n = ctx.size(10_000, 300)
    folder = ctx.folder("export")
    path = programme(folder / "programme.json", n, seed=ctx.seed)
    library = load_library()
    request = ExportRequest(programme=path, format=ExportFormat.MARKDOWN, output=folder / "notes.md")
    ours: list[float] = []
    base: list[float] = []
    for _ in range(ctx.size(5, 1)):
        start = time.perf_counter()
        run_export(request, library)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        floor(path, folder / "texts.txt")
        base.append(time.perf_counter() - start)
    took = median(ours)
    size = (folder / "notes.md").stat().st_size
    return [
        Row(f"export {n:,} cards", f"{ms(took)} Markdown ({size / 1e6:.1f} MB)", f"texts only {ms(median(base))}",
            times(took / median(base)), f"<= {GOAL} s", took <= GOAL,
            note="whole programme's notes, library loaded, file read to notes written; median of runs"),
    ]  # fmt: skip
