"""``piptui import``: recreate a programme file from a JSON export, exactly.

The export is checked completely before anything is written; a bad file writes nothing.
The new file is written with the store's atomic write under the programme's lock, so
other piptui processes see the old file or the new one, never a mix. An existing
programme is only replaced when asked (``replace=True``), e.g. to restore a backup over a
damaged file. The undo history does not travel: the imported programme starts a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from piptui.errors import ProgrammeExists
from piptui.export.json_format import ProgrammeExport, read_export
from piptui.store.atomic import make_folder
from piptui.store.locations import programme_path, validate_name
from piptui.store.migrate import migrate_ids
from piptui.store.programme_file import PROGRAMME_KEY, PROGRAMME_TABLE, write_programme_file
from piptui.store.storage import META_KEY, META_TABLE, SCHEMA_VERSION, check_data


@dataclass(frozen=True, slots=True)
class Imported:
    name: str
    path: Path
    replaced: bool
    counts: dict[str, int]  # documents per table

    def summary(self) -> str:
        parts = [f"{self.counts.get(t, 0)} {t}" for t in ("participants", "sessions", "cards")]
        verb = "Replaced" if self.replaced else "Imported"
        return f"{verb} programme '{self.name}' ({', '.join(parts)}) in {self.path}"


def import_programme(
    sessions_dir: Path, blob: bytes, *, source: str, name: str | None = None, replace: bool = False
) -> Imported:
    """Write the programme in ``blob`` (an export) as ``<sessions_dir>/<name>.json``.

    ``name`` defaults to the name in the export. Refuses an existing programme unless
    ``replace``. Raises :class:`PiptuiError` (nothing written) on any problem.
    """
    export = read_export(blob, source)
    target = validate_name(name if name is not None else export.name)
    path = programme_path(sessions_dir, target, must_exist=False)
    data = programme_data(export, target)
    check_data(path, data)
    make_folder(sessions_dir)
    try:
        existed = write_programme_file(path, data, replace=replace)
    except ProgrammeExists:
        raise ProgrammeExists(
            f"A programme '{target}' exists already ({path}); nothing was changed. Import it under "
            "another name with --name NAME, or replace it with --replace."
        ) from None
    counts = {table: len(docs) for table, docs in export.tables.items()}
    return Imported(name=target, path=path, replaced=existed, counts=counts)


def programme_data(export: ProgrammeExport, name: str) -> dict[str, dict[str, Any]]:
    """The programme file's tables: fresh bookkeeping, then the export's tables, named ``name``."""
    data: dict[str, dict[str, Any]] = {META_TABLE: {META_KEY: {"schema": export.schema, "seq": 0}}}
    for table, docs in export.tables.items():
        data[table] = docs
    header = data[PROGRAMME_TABLE]
    data[PROGRAMME_TABLE] = {**header, PROGRAMME_KEY: {**header[PROGRAMME_KEY], "name": name}}
    if export.schema < SCHEMA_VERSION:  # an older export: its ids as this schema writes them
        data = migrate_ids(data, schema=SCHEMA_VERSION)
    return data
