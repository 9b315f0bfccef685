"""Reading the bundled tab-separated data files (resources/data/*.tsv)."""

from __future__ import annotations

from de06desk.config import resource_path


def read_tsv(name: str) -> list[list[str]]:
    """Rows of `resources/data/<name>` without the header row, cells split on tabs."""
    text = resource_path("data", name).read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip()]
