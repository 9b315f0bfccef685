"""README's command table is the parser's: every command, one line each, nothing stale."""

from __future__ import annotations

from de06desk.cli import build_parser
from de06desk.cli.reference import README, command_table, commands, with_table


def test_the_readme_command_table_is_the_parsers() -> None:
    readme = README.read_text(encoding="utf-8")
    expected = with_table(readme, command_table(build_parser()))
    assert readme == expected, (
        "README.md's command table differs from the commands: run "
        "`python -m de06desk.cli.reference` and commit README.md"
    )


def test_every_command_has_one_line_with_its_help() -> None:
    parser = build_parser()
    table = command_table(parser).splitlines()
    leaves = list(commands(parser))
    assert {path[0] for path, _, _ in leaves} >= {
        "sync",
        "keys",
        "hub",
        "import",
        "check",
        "followup",
        "report",
        "init",
    }
    assert len(table) == 2 + 2 + len(leaves)
    for path, _sub, help_text in leaves:
        assert help_text, f"de06desk {' '.join(path)} has no help"
        [row] = [r for r in table if r.startswith(f"| `de06desk {' '.join(path)} ")]
        assert row.endswith(f" | {help_text.replace('|', chr(92) + '|')} |")
