"""Reading a file someone handed us, never more than a stated size and never waiting forever.

Key files and packages come off USB sticks and out of shared folders: a "file" may be a device
that never ends (`/dev/urandom`), a named pipe nobody writes to, or a folder. Each is read at most
`limit + 1` bytes (enough to know it is too large) and only if it is a regular file or a device.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 1024 * 1024


class NotAFile(OSError):
    """The path is a folder, a named pipe or a socket: nothing a person would hand over."""


def read_bounded(path: Path, limit: int) -> bytes | None:
    """The bytes of `path`, or None if it holds more than `limit` (never reading more than
    `limit + 1` bytes; a regular file's size is looked at first).

    Raises OSError (NotAFile for a folder, pipe or socket). Opening does not wait for a
    writer on a named pipe: the pipe is opened without blocking and then refused.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode)):
            raise NotAFile(0, "không phải tệp / not a file", str(path))
        if stat.S_ISREG(mode) and os.fstat(fd).st_size > limit:
            return None
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks) if size <= limit else None
    finally:
        os.close(fd)
