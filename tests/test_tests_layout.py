"""The test tree mirrors the package: a test for `de06desk/x/y.py` lives in `tests/x/`.

Without a rule, folders get named after the stage of work that wrote them ("foundation",
"security") and nobody knows where the next test goes.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Suites that cut across packages by purpose: hostile input, speed, the built bundle.
CROSS_CUTTING = {"attack", "bench", "dist"}


def test_every_test_folder_is_named_after_a_package() -> None:
    packages = {p.name for p in (ROOT / "de06desk").iterdir() if (p / "__init__.py").exists()}
    tests = ROOT / "tests"
    folders = {p.parent.name for p in tests.rglob("test_*.py") if p.parent != tests}
    assert folders - packages - CROSS_CUTTING == set()


def test_every_top_level_test_names_a_module() -> None:
    modules = {p.stem for p in (ROOT / "de06desk").glob("*.py")}
    tops = {p.stem.removeprefix("test_") for p in (ROOT / "tests").glob("test_*.py")}
    assert tops - modules - {"tests_layout"} == set()
