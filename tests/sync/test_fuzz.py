"""Mutated packages — random flips, cuts and insertions — only ever meet a clean refusal."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from de06desk.store import Store
from de06desk.sync import PackageRefused, export_package, public_key_file
from de06desk.sync.importer import import_package
from de06desk.sync.keys import load_own_keys
from de06desk.sync.package import Header
from tests.conftest import connect

from .sealing import seal, unseal

_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass
class Setup:
    hub: Store
    commune: Store
    package: bytes
    header: Header
    zip_bytes: bytes
    work: Path


@pytest.fixture
def setup(store: Store, hub: Store, tmp_path: Path) -> Iterator[Setup]:
    connect(hub, store)
    for name in ("Thôn Đông", "Thôn Tây", "Bản Cát Cát"):
        store.save_record("village", {"name": name, "population": 120}, user="admin")
    result = export_package(store, tmp_path / "usb")
    assert result is not None
    own = load_own_keys(hub)
    assert own is not None
    header, zip_bytes = unseal(result.path, own)
    yield Setup(hub, store, result.path.read_bytes(), header, zip_bytes, tmp_path)


_mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.integers(0, 255)),
)


def _mutate(data: bytes, mutations: list[tuple[str, int, int]]) -> bytes:
    out = bytearray(data)
    for kind, position, value in mutations:
        at = position % (len(out) + 1)
        if kind == "flip" and at < len(out):
            out[at] ^= value
        elif kind == "cut":
            del out[at:]
        elif kind == "insert":
            out[at:at] = bytes([value])
    return bytes(out)


@_SETTINGS
@given(mutations=st.lists(_mutation, min_size=1, max_size=3))
def test_mutated_file_is_refused(setup: Setup, mutations: list[tuple[str, int, int]]) -> None:
    data = _mutate(setup.package, mutations)
    assume(data != setup.package)
    path = setup.work / "mutated.de06sync"
    path.write_bytes(data)
    with pytest.raises(PackageRefused) as refused:
        import_package(setup.hub, path)
    assert str(refused.value) and "\n" not in str(refused.value)


@_SETTINGS
@given(mutations=st.lists(_mutation, min_size=1, max_size=3))
def test_mutated_content_signed_by_the_sender_never_crashes(
    setup: Setup, mutations: list[tuple[str, int, int]]
) -> None:
    """Even a sender holding the real key cannot crash the hub with a malformed inside."""
    inner = _mutate(setup.zip_bytes, mutations)
    assume(inner != setup.zip_bytes)
    own = load_own_keys(setup.commune)
    assert own is not None
    path = seal(
        setup.work / "resealed.de06sync",
        inner,
        like=setup.header,
        signer=own.signing,
        recipient=public_key_file(setup.hub),
    )
    try:
        outcome = import_package(setup.hub, path)
    except PackageRefused as exc:
        assert str(exc)
    else:  # a mutation the format cannot tell from data (e.g. inside a stored name) may apply
        assert outcome.status in ("applied", "already")
