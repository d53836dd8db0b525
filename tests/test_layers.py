"""The arrows of the architecture: which layer may import which (docs: ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "parley"

# layer -> parley layers it must never import
FORBIDDEN = {
    "models": {"*"},
    "errors": {"*"},
    "knowledge": {"*"},
    "ingest": {"extract", "resolve", "store", "search", "report", "api", "cli", "pipeline"},
    "nlp": {"ingest", "extract", "resolve", "store", "search", "report", "api", "cli", "pipeline"},
    "extract": {"ingest", "resolve", "store", "search", "report", "api", "cli", "pipeline"},
    "resolve": {"ingest", "store", "search", "report", "api", "cli", "pipeline"},
    "store": {"ingest", "nlp", "extract", "resolve", "search", "report", "api", "cli", "pipeline"},
    "search": {"ingest", "report", "api", "cli", "pipeline"},
    "report": {"ingest", "nlp", "extract", "store", "search", "api", "cli", "pipeline"},
    "pipeline": {"api", "cli", "report"},
    "pipeline_spark": {"api", "cli", "report"},  # pipeline.extract on PySpark: an orchestration module too
}


def layer_of(path: Path) -> str:
    rel = path.relative_to(PKG)
    return rel.parts[0].removesuffix(".py")


def parley_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "parley" and len(parts) > 1:
                found.add(parts[1])
    return found


SOURCES = sorted(p for p in PKG.rglob("*.py") if layer_of(p) in FORBIDDEN)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PKG)))
def test_layer_imports(path):
    layer = layer_of(path)
    imported = parley_imports(path) - {layer}
    forbidden = FORBIDDEN[layer]
    bad = imported if "*" in forbidden else imported & forbidden
    assert not bad, f"{path.relative_to(PKG)} ({layer}) imports {sorted(bad)}"


def test_nothing_imports_the_adapters():
    for path in PKG.rglob("*.py"):
        if layer_of(path) in {"api", "cli"}:
            continue
        assert not parley_imports(path) & {"api", "cli"}, path
