"""Writing an output file so that a crash or a full disk never leaves half a report behind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from de06desk.domain.files import atomic_write
from de06desk.domain.i18n import DomainError, Msg, msg


@contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temporary path next to `out`; on success it replaces `out` in one rename
    (`domain.files.atomic_write`, with the umask's mode: a report is for others to open too).

    A folder that does not exist or cannot be written is refused with a readable message.
    """
    out = Path(out)
    if out.is_dir():
        raise DomainError(
            msg(
                "“{path}” là một thư mục; hãy ghi rõ tên tệp, ví dụ {path}/BaoCao.pdf.",
                "“{path}” is a folder; give a file name, e.g. {path}/Report.pdf.",
                path=str(out),
            )
        )
    with ExitStack() as stack:
        try:
            tmp = stack.enter_context(atomic_write(out))
        except OSError as exc:
            raise DomainError(_cannot_write(out, exc)) from None
        yield tmp


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
