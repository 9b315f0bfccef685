"""The .de06sync file: a cleartext header, then a signed ZIP encrypted for one recipient.

Byte layout (docs/SYNC.md has the full description)::

    0      8   magic b"DE06SYNC"
    8      2   format version, unsigned big-endian
    10     4   header length N, unsigned big-endian (≤ 4096)
    14     N   header: UTF-8 JSON (sender, recipient, sequence, ephemeral key, salt, nonce)
    14+N   …   AES-256-GCM ciphertext of  ZIP bytes ‖ Ed25519 signature (64 bytes)
    end-16 16  GCM tag

AES key = HKDF-SHA256(X25519(ephemeral, recipient), salt, info ‖ ephemeral pub ‖ recipient pub);
AAD = bytes 0 … 14+N, so any change to the header fails decryption. The signature covers
SHA-256(AAD) and SHA-256(ZIP), so the sender vouches for both. Nothing in a package is ever
executed; every size is bounded before it is trusted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import re
import secrets
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any, Literal

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, CipherContext, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from de06desk.domain.i18n import Msg, msg
from de06desk.domain.text import check_untrusted, is_safe

from .errors import PackageRefused
from .keys import OwnKeys, PublicKeyFile, is_unit_code

MAGIC = b"DE06SYNC"
FORMAT_VERSION = 1
PREFIX = struct.Struct(">8sHI")
MAX_HEADER_BYTES = 4096
MAX_PACKAGE_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 64
MAX_MEMBER_BYTES = 1024 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
# JSON rows deflate 5–20×; far beyond that is a decompression bomb, not data.
MAX_COMPRESSION_RATIO = 200
MAX_MANIFEST_BYTES = 1024 * 1024
# One row is a few KiB; strings are capped at 100 000 characters. A longer line is not a row,
# and holding it would let one line cost the memory of the whole member.
MAX_LINE_BYTES = 8 * 1024 * 1024
# Rows members are decompressed this much at a time.
_READ_BYTES = 1024 * 1024
TAG_BYTES = 16
SIGNATURE_BYTES = 64
HKDF_INFO = b"de06sync/1 x25519-hkdf-sha256 aes-256-gcm"
SIGNATURE_CONTEXT = b"de06sync/1 ed25519 sha256(aad) sha256(zip)\x00"
MANIFEST_NAME = "manifest.json"
ACKS_NAME = "acks.json"
# In "down" packages: the form set and commune settings the hub published (docs/SYNC.md §11).
FORMS_NAME = "forms.json"
_ROWS_MEMBER = re.compile(r"^[a-z][a-z0-9_]{0,39}\.jsonl$")
_SHA256_HEX = re.compile(r"^[0-9a-f]{64}\Z")
# Earlier heads a package may prove its audit chain against (docs/SYNC.md §3).
MAX_AUDIT_ANCHORS = 64
_FINGERPRINT = re.compile(r"[0-9A-F]{4}(?: [0-9A-F]{4}){4}")
# Fixed ZIP timestamps: the same rows give the same members (and hashes) on every machine.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

Kind = Literal["up", "down", "summary", "device_up", "device_down"]
# Packages between the devices of one commune (docs/SYNC.md §10): a field laptop made by
# `sync clone-device` → its commune's office PC, and that PC → its field devices.
DEVICE_KINDS: frozenset[str] = frozenset({"device_up", "device_down"})
KINDS: frozenset[str] = frozenset({"up", "down", "summary"}) | DEVICE_KINDS
# The one member of a `summary` package (hub → upper hub): weekly figures per commune, no rows.
SUMMARY_NAME = "summary.jsonl"
# In "device_down" packages: the hub's devices the PC knows, so a field device refuses to
# edit what the hub set (targets) as the PC does.
HUB_DEVICES_NAME = "hub_devices.json"


def refused(vi: str, en: str, **values: object) -> PackageRefused:
    """A refusal with a bilingual one-line message."""
    return PackageRefused(msg(vi, en, **values))


@dataclass(frozen=True, kw_only=True)
class Header:
    """The cleartext header: enough to route and decrypt, nothing personal."""

    format_version: int
    kind: Kind
    sender: str
    sender_fingerprint: str
    device_id: str
    recipient: str
    recipient_fingerprint: str
    seq: int
    created_at: str
    ephemeral_key: bytes
    salt: bytes
    nonce: bytes

    def to_json(self) -> bytes:
        """The header's JSON bytes as written in the file."""
        data = {
            "kind": self.kind,
            "sender": self.sender,
            "sender_fingerprint": self.sender_fingerprint,
            "device_id": self.device_id,
            "recipient": self.recipient,
            "recipient_fingerprint": self.recipient_fingerprint,
            "seq": self.seq,
            "created_at": self.created_at,
            "ephemeral_key": _b64(self.ephemeral_key),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
        }
        return json.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8")


@dataclass(frozen=True, kw_only=True)
class MemberEntry:
    """One ZIP member as the manifest describes it."""

    name: str
    size: int
    sha256: str
    form: str | None = None
    rows: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The manifest entry."""
        data: dict[str, Any] = {"name": self.name, "bytes": self.size, "sha256": self.sha256}
        if self.form is not None:
            data["form"] = self.form
            data["rows"] = self.rows
        return data


@dataclass(frozen=True, kw_only=True)
class AuditChainHead:
    """The sender's audit chain when it wrote the package (docs/SYNC.md §3, `audit_chain`).

    `head_id`/`head_hash`: its newest entry and the hash the chain recomputed from its first
    entry gives it. `anchors`: (id, hash) at the heads of packages this device sent the same
    recipient before (hash None: that entry is gone), so the receiver can check that the new
    head extends the one it already holds. `whole`: the sender's own verification passed.
    """

    head_id: int
    head_hash: str
    anchors: tuple[tuple[int, str | None], ...] = ()
    whole: bool = True

    def to_json(self) -> dict[str, Any]:
        """The manifest's `audit_chain` object."""
        return {
            "head": {"id": self.head_id, "hash": self.head_hash},
            "anchors": [{"id": i, "hash": h} for i, h in self.anchors],
            "whole": self.whole,
        }


@dataclass(frozen=True, kw_only=True)
class Manifest:
    """What the package holds; checked against the header and every member."""

    format_version: int
    kind: Kind
    app_version: str
    sender: str
    sender_fingerprint: str
    device_id: str
    recipient: str
    recipient_fingerprint: str
    seq: int
    created_at: str
    change_from: int
    change_to: int
    full: bool
    forms: dict[str, int]
    members: tuple[MemberEntry, ...]
    # None in packages written before the audit chain (still read, never refused for it).
    audit_chain: AuditChainHead | None = None

    def to_json(self) -> bytes:
        """The manifest member's bytes."""
        data = {
            "format": self.format_version,
            "kind": self.kind,
            "app_version": self.app_version,
            "sender": {
                "unit_code": self.sender,
                "fingerprint": self.sender_fingerprint,
                "device_id": self.device_id,
            },
            "recipient": {"unit_code": self.recipient, "fingerprint": self.recipient_fingerprint},
            "sequence": self.seq,
            "created_at": self.created_at,
            "change_range": {"from": self.change_from, "to": self.change_to},
            "full": self.full,
            "forms": self.forms,
            "members": [m.to_json() for m in self.members],
        }
        if self.audit_chain is not None:
            data["audit_chain"] = self.audit_chain.to_json()
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")

    @property
    def total_rows(self) -> int:
        """Rows in all row members."""
        return sum(m.rows or 0 for m in self.members)


def package_file_name(header: Header) -> str:
    """`<unit>_<seq:06d>_<yyyymmdd>.de06sync`; hub → commune: `<hub>_to_<commune>_…`;
    hub → upper hub: `<hub>_summary_to_<upper>_…`; field device → commune PC:
    `<unit>_device_<device id, 8>_…`; commune PC → its devices: `<unit>_to_devices_…` (each
    device numbers its own packages, so the name needs it)."""
    day = header.created_at[:10].replace("-", "")
    if header.kind == "up":
        who = header.sender
    elif header.kind == "device_up":
        device = "".join(c for c in header.device_id if c.isascii() and c.isalnum())[:8]
        who = f"{header.sender}_device_{device}"
    elif header.kind == "summary":
        who = f"{header.sender}_summary_to_{header.recipient}"
    elif header.kind == "device_down":
        who = f"{header.sender}_to_devices"
    else:
        who = f"{header.sender}_to_{header.recipient}"
    return f"{who}_{header.seq:06d}_{day}.de06sync"


# ---- writing ---------------------------------------------------------------------------------


class _EncryptingSink(io.RawIOBase):
    """A write-only stream for ZipFile: hashes the ZIP bytes and writes them encrypted."""

    def __init__(self, out: IO[bytes], encryptor: CipherContext, file_hash: Any) -> None:
        super().__init__()
        self._out = out
        self._encryptor = encryptor
        self._file_hash = file_hash
        self.plain_hash = hashlib.sha256()
        self._pos = 0
        self.discarding = False

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        return self._pos

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        if self.discarding:
            return len(chunk)
        self.plain_hash.update(chunk)
        self._pos += len(chunk)
        self.write_encrypted(chunk)
        return len(chunk)

    def write_encrypted(self, chunk: bytes) -> None:
        """Encrypt and write bytes that are not part of the ZIP (the signature)."""
        encrypted = self._encryptor.update(chunk)
        self._file_hash.update(encrypted)
        self._out.write(encrypted)


@dataclass(frozen=True, kw_only=True)
class Written:
    """A package written: its file hash and size, and what the writer needs to verify it."""

    sha256: str
    size: int
    header: Header
    key: bytes


class PackageWriter:
    """Streams members into an encrypted, signed package.

    `add_member` as many times as needed, then `finish(manifest_fields)`; rows never sit in
    memory as a whole and the plaintext never touches the disk.
    """

    def __init__(
        self,
        out: IO[bytes],
        *,
        kind: Kind,
        own: OwnKeys,
        sender: str,
        device_id: str,
        recipient: PublicKeyFile,
        seq: int,
        created_at: str,
    ) -> None:
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = ephemeral.public_key().public_bytes_raw()
        # Fresh salt and nonce per package (never a fixed IV/salt, unlike Epi Info).
        salt, nonce = secrets.token_bytes(32), secrets.token_bytes(12)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.agreement_key))
        self.key = derive_key(shared, salt, ephemeral_public, recipient.agreement_key)
        self.header = Header(
            format_version=FORMAT_VERSION,
            kind=kind,
            sender=sender,
            sender_fingerprint=own.fingerprint,
            device_id=device_id,
            recipient=recipient.unit_code,
            recipient_fingerprint=recipient.fingerprint,
            seq=seq,
            created_at=created_at,
            ephemeral_key=ephemeral_public,
            salt=salt,
            nonce=nonce,
        )
        header_json = self.header.to_json()
        self._aad = PREFIX.pack(MAGIC, FORMAT_VERSION, len(header_json)) + header_json
        self._own = own
        self._out = out
        self._file_hash = hashlib.sha256(self._aad)
        out.write(self._aad)
        encryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        encryptor.authenticate_additional_data(self._aad)
        self._encryptor = encryptor
        self._sink = _EncryptingSink(out, encryptor, self._file_hash)
        self._zip = zipfile.ZipFile(self._sink, "w", compression=zipfile.ZIP_DEFLATED)
        self.members: list[MemberEntry] = []

    def add_member(
        self, name: str, chunks: Iterable[bytes], *, form: str | None = None
    ) -> MemberEntry:
        """Write one member from byte chunks; for a rows member, counts its lines."""
        info = zipfile.ZipInfo(name, _ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        digest, size, lines = hashlib.sha256(), 0, 0
        with self._zip.open(info, "w", force_zip64=True) as member:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                lines += chunk.count(b"\n")
                member.write(chunk)
        entry = MemberEntry(
            name=name,
            size=size,
            sha256=digest.hexdigest(),
            form=form,
            rows=lines if form else None,
        )
        self.members.append(entry)
        return entry

    def abort(self) -> None:
        """Give up (on Cancel or an error): close the ZIP without writing anything more."""
        self._sink.discarding = True
        self._zip.close()

    def finish(
        self,
        *,
        app_version: str,
        change_from: int,
        change_to: int,
        full: bool,
        forms: dict[str, int],
        audit_chain: AuditChainHead | None = None,
    ) -> tuple[Written, Manifest]:
        """Write the manifest, sign, finish the encryption; returns the file's hash."""
        h = self.header
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            kind=h.kind,
            app_version=app_version,
            sender=h.sender,
            sender_fingerprint=h.sender_fingerprint,
            device_id=h.device_id,
            recipient=h.recipient,
            recipient_fingerprint=h.recipient_fingerprint,
            seq=h.seq,
            created_at=h.created_at,
            change_from=change_from,
            change_to=change_to,
            full=full,
            forms=dict(forms),
            members=tuple(self.members),
            audit_chain=audit_chain,
        )
        self.add_member(MANIFEST_NAME, [manifest.to_json()])
        self._zip.close()
        signature = self._own.signing.sign(
            signed_message(self._aad, self._sink.plain_hash.digest())
        )
        self._sink.write_encrypted(signature)
        tail = self._encryptor.finalize()
        tag = self._encryptor.tag
        for chunk in (tail, tag):
            self._file_hash.update(chunk)
            self._out.write(chunk)
        size = len(self._aad) + self._sink.tell() + SIGNATURE_BYTES + TAG_BYTES
        written = Written(sha256=self._file_hash.hexdigest(), size=size, header=h, key=self.key)
        return written, manifest


def derive_key(
    shared: bytes, salt: bytes, ephemeral_public: bytes, recipient_public: bytes
) -> bytes:
    """The AES-256 key: HKDF-SHA256 over the X25519 secret, bound to both public keys."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=salt,
        info=HKDF_INFO + ephemeral_public + recipient_public,
    ).derive(shared)


def signed_message(aad: bytes, zip_sha256: bytes) -> bytes:
    """What the Ed25519 signature signs: a context string, SHA-256(AAD), SHA-256(ZIP)."""
    return SIGNATURE_CONTEXT + hashlib.sha256(aad).digest() + zip_sha256


# ---- reading ---------------------------------------------------------------------------------


def read_header(data: bytes) -> tuple[Header, bytes]:
    """Parse the cleartext header; returns it and the AAD bytes. Refuses anything malformed."""
    if len(data) < PREFIX.size or data[:8] != MAGIC:
        raise refused(
            "Tệp không phải gói đồng bộ de06desk.", "The file is not a de06desk sync package."
        )
    _, version, length = PREFIX.unpack_from(data)
    if version > FORMAT_VERSION:
        raise refused(
            "Gói dùng định dạng phiên bản {v}, mới hơn phiên bản phần mềm này hiểu ({k}); "
            "hãy cập nhật de06desk.",
            "The package uses format version {v}, newer than this de06desk understands ({k}); "
            "update de06desk.",
            v=version,
            k=FORMAT_VERSION,
        )
    if version < 1:
        raise _damaged("format version 0")
    if length > MAX_HEADER_BYTES or len(data) < PREFIX.size + length + SIGNATURE_BYTES + TAG_BYTES:
        raise _truncated()
    aad = data[: PREFIX.size + length]
    try:
        raw: Any = json.loads(aad[PREFIX.size :].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged("header is not JSON") from None
    return _parse_header(raw, version), aad


def _parse_header(raw: Any, version: int) -> Header:
    keys = {
        "kind",
        "sender",
        "sender_fingerprint",
        "device_id",
        "recipient",
        "recipient_fingerprint",
        "seq",
        "created_at",
        "ephemeral_key",
        "salt",
        "nonce",
    }
    if not isinstance(raw, dict) or set(raw) != keys:
        raise _damaged("header fields")
    text_keys = keys - {"seq"}
    if not all(isinstance(raw[k], str) and len(raw[k]) <= 100 for k in text_keys):
        raise _damaged("header values")
    seq = raw["seq"]
    if not isinstance(seq, int) or isinstance(seq, bool) or not 0 < seq < 10**9:
        raise _damaged("sequence")
    if raw["kind"] not in KINDS:
        raise _damaged("kind")
    if not (is_unit_code(raw["sender"]) and is_unit_code(raw["recipient"])):
        raise _damaged("unit code")
    fingerprints = (raw["sender_fingerprint"], raw["recipient_fingerprint"])
    if not all(_FINGERPRINT.fullmatch(f) for f in fingerprints):
        raise _damaged("header fingerprints")
    if not raw["device_id"] or not is_safe(raw["device_id"]):
        raise _damaged("header device id")
    if parse_time(raw["created_at"]) is None:
        raise _damaged("header time")
    ephemeral, salt, nonce = (_unb64(raw[k]) for k in ("ephemeral_key", "salt", "nonce"))
    if ephemeral is None or salt is None or nonce is None:
        raise _damaged("header keys")
    if (len(ephemeral), len(salt), len(nonce)) != (32, 32, 12):
        raise _damaged("header key sizes")
    return Header(
        format_version=version,
        kind=raw["kind"],
        sender=raw["sender"],
        sender_fingerprint=raw["sender_fingerprint"],
        device_id=raw["device_id"],
        recipient=raw["recipient"],
        recipient_fingerprint=raw["recipient_fingerprint"],
        seq=seq,
        created_at=raw["created_at"],
        ephemeral_key=ephemeral,
        salt=salt,
        nonce=nonce,
    )


def parse_time(text: str) -> datetime | None:
    """An ISO 8601 time with its UTC offset (as packages carry them), or None."""
    if len(text) > 40:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def recipient_key(header: Header, own: X25519PrivateKey) -> bytes:
    """The AES key, as the recipient derives it with its private X25519 key."""
    own_public = own.public_key().public_bytes_raw()
    try:
        shared = own.exchange(X25519PublicKey.from_public_bytes(header.ephemeral_key))
    except ValueError:  # a low-order point gives an all-zero secret: refused by OpenSSL
        raise _damaged("ephemeral key") from None
    return derive_key(shared, header.salt, header.ephemeral_key, own_public)


class OpenedPackage:
    """A decrypted package whose signature was checked; members are read on demand, bounded."""

    def __init__(self, header: Header, manifest: Manifest, archive: zipfile.ZipFile) -> None:
        self.header = header
        self.manifest = manifest
        self._zip = archive

    def member(self, name: str) -> bytes:
        """A member's bytes, checked against its size and hash in the manifest."""
        entry = next((m for m in self.manifest.members if m.name == name), None)
        if entry is None:
            raise _damaged(f"no member {name}")
        return _read_member(self._zip, entry)

    def lines(self, name: str) -> Iterator[bytes]:
        """A rows member line by line, read in bounded pieces (never the whole member at once);
        its size and hash are checked when the last line has been read, so a caller must use
        nothing before it has read to the end.
        """
        entry = next((m for m in self.manifest.members if m.name == name), None)
        if entry is None:
            raise _damaged(f"no member {name}")
        limit = min(entry.size, MAX_MEMBER_BYTES)
        digest, size, number = hashlib.sha256(), 0, 0
        # The unfinished line's pieces, joined once when its end arrives: joining them at every
        # piece made one long line cost time and memory growing with its square.
        pending: list[bytes] = []
        pending_size = 0
        try:
            with self._zip.open(name) as handle:
                # Never read past the declared size plus one byte: ZIP directories can lie.
                while piece := handle.read(min(_READ_BYTES, limit + 1 - size)):
                    size += len(piece)
                    if size > limit:
                        raise _damaged(f"{name} is larger than declared")
                    digest.update(piece)
                    parts = piece.split(b"\n")
                    tail = parts.pop()
                    if parts and pending:
                        parts[0] = b"".join([*pending, parts[0]])
                        pending, pending_size = [], 0
                    for part in parts:
                        number += 1
                        if len(part) > MAX_LINE_BYTES:
                            raise _line_too_long(name, number)
                        yield part
                    if tail:
                        pending.append(tail)
                        pending_size += len(tail)
                        if pending_size > MAX_LINE_BYTES:
                            raise _line_too_long(name, number + 1)
        except PackageRefused:
            raise
        except _ZIP_ERRORS as exc:
            raise _damaged(f"{name}: {type(exc).__name__}") from None
        if pending:
            yield b"".join(pending)
        if size != entry.size or digest.hexdigest() != entry.sha256:
            raise _damaged(f"{name} does not match its hash")

    def verify_members(self) -> None:
        """Read every member once, checking sizes and hashes (the writer's read-back check)."""
        for entry in self.manifest.members:
            _read_member(self._zip, entry)


def open_package(
    data: bytes, header: Header, aad: bytes, key: bytes, signer_public: bytes
) -> OpenedPackage:
    """Decrypt with `key`, check the signature against the sender's Ed25519 public key,
    then the ZIP's structure and the manifest (see `read_header` for `header` and `aad`).
    """
    if len(data) > MAX_PACKAGE_BYTES:
        raise refused(
            "Gói quá lớn ({n} byte).", "The package is too large ({n} bytes).", n=len(data)
        )
    try:
        plaintext = AESGCM(key).decrypt(header.nonce, data[len(aad) :], aad)
    except InvalidTag:
        raise refused(
            "Gói bị hỏng, bị cụt hoặc bị sửa (không giải mã được); không có gì thay đổi.",
            "The package is damaged, truncated or altered (decryption failed); "
            "nothing was changed.",
        ) from None
    if len(plaintext) < SIGNATURE_BYTES:
        raise _damaged("too short")
    zip_bytes, signature = plaintext[:-SIGNATURE_BYTES], plaintext[-SIGNATURE_BYTES:]
    public = Ed25519PublicKey.from_public_bytes(signer_public)
    try:
        public.verify(signature, signed_message(aad, hashlib.sha256(zip_bytes).digest()))
    except InvalidSignature:
        raise refused(
            "Chữ ký của gói không khớp khóa đã đăng ký của {s}; gói bị từ chối.",
            "The package's signature does not match the registered key of {s}; refused.",
            s=header.sender,
        ) from None
    _check_directory(zip_bytes)
    try:
        archive = zipfile.ZipFile(io.BytesIO(zip_bytes))
        manifest = _check_archive(archive, header)
    except PackageRefused:
        raise
    except _ZIP_ERRORS as exc:
        raise _damaged(f"archive: {type(exc).__name__}") from None
    return OpenedPackage(header, manifest, archive)


_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    ValueError,
    OSError,
    EOFError,
    zlib.error,
    RuntimeError,
    struct.error,
    KeyError,
    UnicodeDecodeError,
)


_END_RECORD = struct.Struct("<4s4H2LH")
# 65 entries of a few hundred bytes each; a directory far larger is a bomb of its own (a million
# empty members would make a million objects before any count could be checked).
MAX_DIRECTORY_BYTES = 256 * 1024


def _check_directory(zip_bytes: bytes) -> None:
    """Refuse an archive whose end record announces too many members or too large a
    directory, before `zipfile` parses the directory (it reads exactly that many bytes)."""
    tail = zip_bytes[-(_END_RECORD.size + 0xFFFF) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _END_RECORD.size:
        raise _damaged("no end of archive")
    _, _, _, _, entries, directory_size, _, _ = _END_RECORD.unpack_from(tail, at)
    if entries > MAX_MEMBERS + 1:
        raise _damaged("too many members")
    if directory_size > MAX_DIRECTORY_BYTES:
        raise _damaged("archive directory too large")


def _check_archive(archive: zipfile.ZipFile, header: Header) -> Manifest:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS + 1:
        raise _damaged("too many members")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names) or not names or names[-1] != MANIFEST_NAME:
        raise _damaged("member list")
    total = 0
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged("compression method")
        if info.flag_bits & 0x1:
            raise _damaged("encrypted member")
        if info.file_size > MAX_MEMBER_BYTES:
            raise _damaged("member too large")
        if info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1024):
            raise _damaged("compression ratio")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _damaged("too large when unpacked")
    manifest_bytes = _bounded_read(archive, MANIFEST_NAME, MAX_MANIFEST_BYTES)
    try:
        raw: Any = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged("manifest is not JSON") from None
    manifest = _parse_manifest(raw)
    if [m.name for m in manifest.members] != names[:-1]:
        raise _damaged("manifest does not list the members")
    h = header
    same = (
        manifest.kind == h.kind
        and manifest.sender == h.sender
        and manifest.sender_fingerprint == h.sender_fingerprint
        and manifest.device_id == h.device_id
        and manifest.recipient == h.recipient
        and manifest.recipient_fingerprint == h.recipient_fingerprint
        and manifest.seq == h.seq
        and manifest.created_at == h.created_at
    )
    if not same:
        raise _damaged("manifest does not match the header")
    if manifest.format_version > FORMAT_VERSION:
        raise refused(
            "Nội dung gói dùng định dạng phiên bản {v}, mới hơn phiên bản phần mềm này hiểu "
            "({k}); hãy cập nhật de06desk.",
            "The package content uses format version {v}, newer than this de06desk "
            "understands ({k}); update de06desk.",
            v=manifest.format_version,
            k=FORMAT_VERSION,
        )
    return manifest


def _parse_manifest(raw: Any) -> Manifest:
    try:
        sender, recipient = raw["sender"], raw["recipient"]
        change = raw["change_range"]
        members = tuple(_parse_member(m) for m in raw["members"])
        manifest = Manifest(
            format_version=_int(raw["format"]),
            kind=raw["kind"],
            app_version=_str(raw["app_version"]),
            sender=_str(sender["unit_code"]),
            sender_fingerprint=_str(sender["fingerprint"]),
            device_id=_str(sender["device_id"]),
            recipient=_str(recipient["unit_code"]),
            recipient_fingerprint=_str(recipient["fingerprint"]),
            seq=_int(raw["sequence"]),
            created_at=_str(raw["created_at"]),
            change_from=_int(change["from"]),
            change_to=_int(change["to"]),
            full=bool(raw["full"]),
            forms={_str(k): _int(v) for k, v in raw["forms"].items()},
            members=members,
            audit_chain=_parse_audit_chain(raw.get("audit_chain")),
        )
    except (KeyError, TypeError, AttributeError, ValueError):
        raise _damaged("manifest fields") from None
    if manifest.kind not in KINDS or len(members) > MAX_MEMBERS:
        raise _damaged("manifest values")
    return manifest


def _parse_audit_chain(raw: Any) -> AuditChainHead | None:
    if raw is None:
        return None
    anchors = raw["anchors"]
    if not isinstance(anchors, list) or len(anchors) > MAX_AUDIT_ANCHORS:
        raise ValueError("anchors")
    whole = raw["whole"]
    if not isinstance(whole, bool):
        raise ValueError("whole")
    return AuditChainHead(
        head_id=_int(raw["head"]["id"]),
        head_hash=_sha256(raw["head"]["hash"]),
        anchors=tuple(
            (_int(a["id"]), None if a["hash"] is None else _sha256(a["hash"])) for a in anchors
        ),
        whole=whole,
    )


def _sha256(value: Any) -> str:
    if not isinstance(value, str) or not _SHA256_HEX.match(value):
        raise ValueError(value)
    return value


def _parse_member(raw: Any) -> MemberEntry:
    name = _str(raw["name"])
    form = raw.get("form")
    if form is None:
        if name not in (ACKS_NAME, SUMMARY_NAME, HUB_DEVICES_NAME, FORMS_NAME):
            raise ValueError(name)
        return MemberEntry(name=name, size=_int(raw["bytes"]), sha256=_str(raw["sha256"]))
    if not _ROWS_MEMBER.match(name) or name != f"{form}.jsonl":
        raise ValueError(name)
    return MemberEntry(
        name=name,
        size=_int(raw["bytes"]),
        sha256=_str(raw["sha256"]),
        form=form,
        rows=_int(raw["rows"]),
    )


def _read_member(archive: zipfile.ZipFile, entry: MemberEntry) -> bytes:
    try:
        data = _bounded_read(archive, entry.name, min(entry.size, MAX_MEMBER_BYTES))
    except PackageRefused:
        raise
    except _ZIP_ERRORS as exc:
        raise _damaged(f"{entry.name}: {type(exc).__name__}") from None
    if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
        raise _damaged(f"{entry.name} does not match its hash")
    return data


def _bounded_read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    # The sizes in a ZIP's directory can lie; never read more than the limit plus one byte.
    with archive.open(name) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _damaged(f"{name} is larger than declared")
    return data


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
        raise ValueError(value)
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 200:
        raise ValueError(value)
    return check_untrusted(value)


def _damaged(detail: str) -> PackageRefused:
    return PackageRefused(
        Msg(
            f"Gói bị hỏng hoặc không đúng định dạng ({detail}); không có gì thay đổi.",
            f"The package is damaged or malformed ({detail}); nothing was changed.",
        )
    )


def _line_too_long(name: str, number: int) -> PackageRefused:
    mib = MAX_LINE_BYTES // (1024 * 1024)
    return refused(
        "Gói có dòng dữ liệu dài quá {m} MiB ({n}:{k}); gói bị từ chối.",
        "The package has a row line longer than {m} MiB ({n}:{k}); refused.",
        m=mib,
        n=name,
        k=number,
    )


def _truncated() -> PackageRefused:
    return refused(
        "Gói bị cụt (chép chưa hết?); không có gì thay đổi.",
        "The package is truncated (incomplete copy?); nothing was changed.",
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
