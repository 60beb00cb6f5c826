"""The cards as CSV, one row per card, for a spreadsheet.

- UTF-8 with a byte-order mark, so Excel opens accents and dashes correctly when the
  file is double-clicked (LibreOffice and Python's ``encoding="utf-8-sig"`` read it too);
  rows end in CRLF and fields are quoted when needed (RFC 4180).
- Formula injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return gets a leading apostrophe (``'=SUM(A1)``), so a spreadsheet shows it as text and
  never runs it. This applies to every cell (:mod:`piptui.textfmt.csv_cells`).
- Confidential cards are left out unless asked for, as in the Markdown notes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from piptui.domain.model import Card, Cluster, Objective
from piptui.export.markdown_plan import due_text, note_text, owners_text
from piptui.export.plan_view import build_plan
from piptui.export.snapshot import Data, Snapshot, read_snapshot
from piptui.textfmt.csv_cells import BOM, rows_csv, safe_cell

__all__ = ["BOM", "COLUMNS", "export_csv", "plan_csv", "safe_cell"]

COLUMNS = (
    "id",
    "session",
    "step",
    "column",
    "cluster",
    "objective",
    "text",
    "tags",
    "sector",
    "voiced_as",
    "confidential",
    "author",
    "created",
)


def export_csv(data: Data, *, session: int | None = None, include_confidential: bool = False) -> bytes:
    """The cards of ``store.raw()``'s dict (of one ``session``, or all), in capture order."""
    snap = read_snapshot(data)
    if session is not None:
        snap.session(session)  # refuses a session the programme does not have
    clusters = {k.id: k for k in snap.clusters}
    objective_of = _objective_per_cluster(snap.clusters, snap.objectives)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for card in snap.cards:
        if session is not None and card.session != session:
            continue
        if card.confidential and not include_confidential:
            continue
        writer.writerow([safe_cell(v) for v in _row(card, clusters, objective_of)])
    return BOM + out.getvalue().encode("utf-8")


def _row(card: Card, clusters: Mapping[str, Cluster], objective_of: Mapping[str, Objective]) -> list[object]:
    cluster = clusters.get(card.cluster or "")
    objective = objective_of.get(cluster.id) if cluster is not None else None
    return [
        card.id,
        card.session,
        card.step,
        card.column,
        cluster.title if cluster is not None else "",
        objective.title if objective is not None else "",
        card.text,
        " ".join(card.tags),
        card.sector.value if card.sector is not None else "",
        card.voiced_as.value if card.voiced_as is not None else "",
        "yes" if card.confidential else "no",
        card.author,
        card.created,
    ]


def _objective_per_cluster(clusters: tuple[Cluster, ...], objectives: tuple[Objective, ...]) -> dict[str, Objective]:
    """Each cluster's objective: the one it was promoted into, else the earliest plan's holding it."""
    by_id = {o.id: o for o in objectives}
    out: dict[str, Objective] = {}
    for objective in objectives:  # already in plan, position order: the earliest wins
        for cluster_id in objective.clusters:
            out.setdefault(cluster_id, objective)
    for cluster in clusters:
        if cluster.objective in by_id:
            out[cluster.id] = by_id[cluster.objective]
    return out


PLAN_COLUMNS = (
    "plan",
    "objective",
    "leads",
    "timescale",
    "review_date",
    "action",
    "owners",
    "due",
    "status",
    "rag",
    "latest_review_note",
)


def plan_csv(snap: Snapshot) -> bytes:
    """The action plan, one row per action (an objective without actions gets one row of its own)."""
    rows: list[list[object]] = []
    for version in build_plan(snap).versions:
        for o in version.objectives:
            head: list[object] = [
                version.version,
                o.objective.title,
                o.leads_text(),
                o.objective.timescale,
                o.objective.review_date or "",
            ]
            if not o.actions:
                rows.append([*head, "", "", "", "", "", ""])
            for a in o.actions:
                rows.append(
                    [
                        *head,
                        a.action.text,
                        owners_text(a),
                        due_text(a),
                        a.status.value,
                        a.rag.value if a.rag is not None else "",
                        note_text(a),
                    ]
                )
    return rows_csv(PLAN_COLUMNS, rows)
