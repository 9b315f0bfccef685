"""The one way the program writes a file for a user: whole or not at all.

Reports, list exports, refused-row files, sync packages, backups, key files and the log-in
lock-out counts all go through `atomic_write` (or, for a package whose name is known only once
it is written, `replace_durably`). Each step is there for a reason:

- The content goes to a temporary file *in the target's own folder*: `os.replace` is atomic
  only within one file system, and a temp folder is often another one (or another drive).
- The temporary file is fsynced *before* the rename: otherwise, after a power cut, the rename
  can reach the disk before the data (ext4 delayed allocation, USB sticks), leaving an empty or
  truncated file under the real name — the old one lost with it.
- `os.replace` swaps the name in one step: a reader sees the old file or the new one, never a
  mix, and it replaces an existing file on Windows too (`os.rename` does not).
- The folder is fsynced after the rename (POSIX): the rename itself is durable only then.
  Windows cannot open a folder for that; NTFS journals the rename itself.
- On any error (full disk, a cancel, a bug) the temporary file is removed and the target is
  exactly as it was: the old file, or none.
- `private=True` creates the file 0600 from its first byte (never widened later), for files
  holding keys or personal data kept by the program itself (backups, key files, lock-out
  counts), so no other account on the PC can read them even for a moment. Files the officer
  saves to hand on (reports, exports, refused rows) follow the umask, as any saved file does.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from de06desk.config import PRIVATE_FILE


@contextmanager
def atomic_write(
    target: Path | str, *, private: bool = False, temp_name: str | None = None
) -> Iterator[Path]:
    """Yield the path of a new, empty temporary file beside `target` to write the content to;
    when the block ends normally it replaces `target` durably (see the module docstring).

    `temp_name` names the temporary file (for callers that sweep leftovers of killed writers
    by name); a leftover of that name is removed first. Creating the temporary file raises
    OSError (missing folder, no permission) before the block runs; an exception in the block
    removes it and propagates, leaving `target` untouched.
    """
    target = Path(target)
    folder = target.parent
    tmp = folder / (temp_name or f".{target.name}.{secrets.token_hex(4)}.part")
    if temp_name:
        tmp.unlink(missing_ok=True)  # a leftover may carry an older, looser mode
    # O_EXCL: never write through a file (or a planted link) that is already there.
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE if private else 0o666))
    try:
        yield tmp
        replace_durably(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def replace_durably(written: Path, target: Path) -> None:
    """fsync `written`, rename it over `target` in one step, fsync the folder; `written` must
    be a finished file in `target`'s folder (`atomic_write` does all of it for you)."""
    with open(written, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(written, target)
    fsync_dir(target.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows cannot open a folder (and NTFS
    journals the rename), so there it is skipped."""
    if os.name != "posix":
        return
    fd = os.open(str(folder) or ".", os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
