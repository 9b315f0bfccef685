"""Passwords: which new ones are accepted, and hashing with scrypt (memory-hard, stdlib).

Anyone who copies the database can guess offline at one scrypt per guess, and the first
guesses are always the common passwords; so a new password needs 8 characters and must not
be one of them (English or Vietnamese, with digits or symbols added), nor repetitive, nor a
run of the keyboard or the alphabet, nor the user name. One function, `password_problem`,
decides for the CLI, the store and the screens.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import re
import secrets
import string

from de06desk.domain.i18n import Msg, msg
from de06desk.domain.text import fold

# Once the file is encrypted an offline guess costs one scrypt; 8 characters is the floor.
MIN_PASSWORD_LENGTH = 8

# The first guesses of any attacker, as folded words without spaces: the top of the leaked
# lists, Vietnamese favourites, and words anyone would try against this program.
COMMON_PASSWORDS = frozenset(
    """
    password passw0rd p@ssw0rd p@ssword pass admin administrator root user guest test
    login welcome letmein changeme default secret master shadow monkey dragon
    football baseball sunshine princess superman batman trustno1 iloveyou iloveu
    whatever freedom starwars computer internet hello hellohello qwerty qwertyuiop
    qwertyui qwerty123 asdfgh asdfghjkl zxcvbnm 1q2w3e4r 1q2w3e4r5t 1qaz2wsx zaq12wsx
    qazwsx qazwsxedc abc abcd abcdef abc123 a123456 123456a 123abc 123456789
    1234567890 0123456789 12345678 87654321 11111111 00000000 123123123 147258369
    159357 147258 789456123 987654321 666666 888888 999999 121212 112233 123321
    matkhau matkhaumoi matkhaucu quenmatkhau khongbiet khongco anhyeuem emyeuanh yeuem
    toiyeuem iloveyou anhyeu emyeu yeuanh vietnam vietnam1 hanoi saigon hochiminh
    danang haiphong xinchao chaoban conmeo concho caphe hoilamgi congan conganxa
    conganphuong canbo quantri quantrivien nguoidung congdan dean06 de06 de06desk
    vneid cccd dinhdanh
    """.split()  # noqa: SIM905 - a word list reads better as words
)

_KEYBOARD_RUNS = (
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "1234567890",
    "1qaz2wsx3edc4rfv5tgb",
    "qazwsxedcrfvtgbyhn",
    "zaq1xsw2cde3vfr4",
    "!@#$%^&*()",
)
_TRAILING = re.compile(r"[\d\W_]+$")
_LEADING = re.compile(r"^[\d\W_]+")


def password_problem(password: str, username: str = "") -> Msg | None:
    """Why `password` is not accepted as a new password, or None if it is."""
    if not password.isprintable() or any(0xD800 <= ord(c) <= 0xDFFF for c in password):
        return msg(
            "Mật khẩu chứa ký tự điều khiển hoặc ký tự không hợp lệ; hãy chỉ dùng chữ, số, "
            "dấu câu và dấu cách.",
            "The password holds control or invalid characters; use letters, digits, "
            "punctuation and spaces only.",
        )
    if len(password) < MIN_PASSWORD_LENGTH:
        return msg(
            "Mật khẩu cần ít nhất {n} ký tự.",
            "The password needs at least {n} characters.",
            n=MIN_PASSWORD_LENGTH,
        )
    if _guessable(password, username):
        return msg(
            "Mật khẩu này quá dễ đoán (mật khẩu phổ biến, tên đăng nhập, ký tự lặp lại hoặc "
            "theo dãy). Hãy chọn mật khẩu khác, ví dụ ba từ ghép lại với một con số.",
            "This password is too easy to guess (a common password, the user name, repeated "
            "or sequential characters). Choose another, e.g. three words joined with a number.",
        )
    return None


def _guessable(password: str, username: str) -> bool:
    text = fold(password).replace(" ", "")
    core = _LEADING.sub("", _TRAILING.sub("", text))
    if text in COMMON_PASSWORDS or core in COMMON_PASSWORDS:
        return True
    name = fold(username).replace(" ", "")
    if len(name) >= 3 and (name in text or text in name):
        return True
    return any(_weak_shape(s) for s in {text, core} if len(s) >= 4) or _weak_shape(text)


def _weak_shape(text: str) -> bool:
    """Few distinct characters, one block repeated, or a run of the alphabet or keyboard."""
    if len(set(text)) <= 2:
        return True
    if (text + text).find(text, 1) < len(text):  # "abcabcabc", "12341234"
        return True
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    if steps in ({1}, {-1}):  # "12345678", "abcdefgh", "87654321"
        return True
    runs = (*_KEYBOARD_RUNS, string.ascii_lowercase)
    return any(text in run or text in run[::-1] for run in runs)


# n=2**15, r=8 uses 32 MiB per hash: slow for an attacker, ~0.1 s for a log-in on an old PC.
_N, _R, _P = 2**15, 8, 1
_MAXMEM = 64 * 1024 * 1024


def hash_password(password: str) -> str:
    """A self-describing scrypt hash: `scrypt$n$r$p$salt$digest` (base64)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, maxmem=_MAXMEM)
    return "$".join(["scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=_MAXMEM,
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
