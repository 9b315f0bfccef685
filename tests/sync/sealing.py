"""Test helpers that build packages by hand: to forge, re-sign or fuzz the inner layer."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from de06desk.sync.keys import OwnKeys, PublicKeyFile
from de06desk.sync.package import (
    MAGIC,
    MANIFEST_NAME,
    PREFIX,
    SIGNATURE_BYTES,
    Header,
    derive_key,
    read_header,
    recipient_key,
    signed_message,
)


def unseal(path: Path, recipient: OwnKeys) -> tuple[Header, bytes]:
    """The header and the ZIP bytes of a package, decrypted with the recipient's key."""
    data = path.read_bytes()
    header, aad = read_header(data)
    plain = AESGCM(recipient_key(header, recipient.agreement)).decrypt(
        header.nonce, data[len(aad) :], aad
    )
    return header, plain[:-SIGNATURE_BYTES]


def seal(
    out: Path,
    zip_bytes: bytes,
    *,
    like: Header,
    signer: Ed25519PrivateKey,
    recipient: PublicKeyFile,
    sender_fingerprint: str | None = None,
    format_version: int | None = None,
) -> Path:
    """A package with these ZIP bytes, signed by `signer` and encrypted for `recipient`."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    salt, nonce = os.urandom(32), os.urandom(12)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.agreement_key))
    key = derive_key(shared, salt, ephemeral_public, recipient.agreement_key)
    version = format_version or like.format_version
    header = Header(
        format_version=version,
        kind=like.kind,
        sender=like.sender,
        sender_fingerprint=sender_fingerprint or like.sender_fingerprint,
        device_id=like.device_id,
        recipient=recipient.unit_code,
        recipient_fingerprint=recipient.fingerprint,
        seq=like.seq,
        created_at=like.created_at,
        ephemeral_key=ephemeral_public,
        salt=salt,
        nonce=nonce,
    )
    header_json = header.to_json()
    aad = PREFIX.pack(MAGIC, version, len(header_json)) + header_json
    signature = signer.sign(signed_message(aad, hashlib.sha256(zip_bytes).digest()))
    out.write_bytes(aad + AESGCM(key).encrypt(nonce, zip_bytes + signature, aad))
    return out


def members_of(zip_bytes: bytes) -> tuple[dict[str, bytes], dict[str, Any]]:
    """The members of a package's ZIP by name (manifest left out) and the parsed manifest."""
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as archive:
        members = {
            info.filename: archive.read(info.filename)
            for info in archive.infolist()
            if info.filename != MANIFEST_NAME
        }
        manifest = json.loads(archive.read(MANIFEST_NAME))
    return members, manifest


def build_zip(members: dict[str, bytes], manifest: dict[str, Any]) -> bytes:
    """A ZIP as the writer makes it: the members, then a manifest listing their true sizes,
    hashes and row counts (so only the content can be hostile, never the bookkeeping)."""
    entries = []
    for name, data in members.items():
        entry: dict[str, Any] = {
            "name": name,
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        if name.endswith(".jsonl"):
            entry["form"] = name[: -len(".jsonl")]
            entry["rows"] = data.count(b"\n")
        entries.append(entry)
    manifest = dict(manifest, members=entries)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        archive.writestr(MANIFEST_NAME, json.dumps(manifest))
    return out.getvalue()


def rows_of(data: bytes) -> list[dict[str, Any]]:
    """The rows of a `<form>.jsonl` member."""
    return [json.loads(line) for line in data.splitlines() if line]


def jsonl(rows: list[dict[str, Any]]) -> bytes:
    """Rows as a `<form>.jsonl` member (ASCII-escaped, so lone surrogates survive as `\\ud800`)."""
    return b"".join(json.dumps(r).encode("ascii") + b"\n" for r in rows)
