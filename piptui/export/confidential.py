"""What an export withholds when confidential cards are left out. Pure.

A confidential card never appears in an export unless ``--include-confidential``; nor does a
cluster made only of confidential cards, nor an objective made only of such clusters (with its
actions): their titles were typed from what was said in confidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Data = Mapping[str, Mapping[str, Any]]


def confidential_clusters(data: Data) -> set[str]:
    """Clusters whose cards are all confidential (a cluster with no cards is not one)."""
    open_ones: set[str] = set()
    secret: set[str] = set()
    for card in data.get("cards", {}).values():
        cluster = card.get("cluster")
        if cluster:
            (secret if card.get("confidential") else open_ones).add(cluster)
    return secret - open_ones


def withhold_confidential(data: Data) -> dict[str, Mapping[str, Any]]:
    """``data`` without the clusters and objectives made only of confidential cards (nor those
    objectives' actions). Cards themselves are left to the renderers, which count them."""
    clusters = confidential_clusters(data)
    if not clusters:
        return dict(data)
    objectives = {
        oid
        for oid, o in data.get("objectives", {}).items()
        if o.get("clusters") and all(c in clusters for c in o["clusters"])
    }
    out = dict(data)
    out["clusters"] = {k: v for k, v in data.get("clusters", {}).items() if k not in clusters}
    if objectives:
        out["objectives"] = {k: v for k, v in data.get("objectives", {}).items() if k not in objectives}
        out["actions"] = {k: v for k, v in data.get("actions", {}).items() if v.get("objective") not in objectives}
    return out
