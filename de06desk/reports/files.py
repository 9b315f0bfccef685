"""Writing an output file so that a crash or a full disk never leaves half a report behind."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from de06desk.domain.i18n import DomainError, Msg, msg


@contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temporary path next to `out`; on success it replaces `out` in one rename.

    The temporary file lives in the same folder so the rename never crosses file systems.
    A folder that does not exist or cannot be written is refused with a readable message.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise DomainError(
            msg(
                "“{path}” là một thư mục; hãy ghi rõ tên tệp, ví dụ {path}/BaoCao.pdf.",
                "“{path}” is a folder; give a file name, e.g. {path}/Report.pdf.",
                path=str(out),
            )
        )
    tmp = folder / f".{out.name}.{secrets.token_hex(4)}.part"
    try:
        # Not mkstemp: its 0600 would make a report others on the PC cannot open; the umask
        # decides, as for any file the user saves.
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError as exc:
        raise DomainError(_cannot_write(out, exc)) from None
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _cannot_write(out: Path, exc: OSError) -> Msg:
    if isinstance(exc, FileNotFoundError):
        return msg(
            "Không ghi được tệp {path}: thư mục {folder} không tồn tại.",
            "Cannot write {path}: folder {folder} does not exist.",
            path=str(out),
            folder=str(out.parent),
        )
    if isinstance(exc, PermissionError):
        return msg(
            "Không ghi được tệp {path}: không có quyền ghi vào thư mục {folder}. Hãy chọn "
            "thư mục khác.",
            "Cannot write {path}: no permission to write in {folder}. Choose another folder.",
            path=str(out),
            folder=str(out.parent),
        )
    return msg(
        "Không ghi được tệp {path}: {reason}.",
        "Cannot write {path}: {reason}.",
        path=str(out),
        reason=exc.strerror or str(exc),
    )
