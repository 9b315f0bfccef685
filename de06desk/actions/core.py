"""What every action shares: the role check (audited when refused) and what it changed.

An action is a function `f(store, user, ...)` decorated with `@action("operation")`: the
decorator checks `user` against the role table before the body runs, so no action can forget
it. The body runs its database change in one transaction and returns `Done(value, changes)`;
the UI refreshes every screen from `changes` (Anki's CollectionOp → OpChanges shape).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Concatenate, Generic, ParamSpec, TypeVar

from de06desk.domain.i18n import DomainError, Msg, msg
from de06desk.domain.roles import ROLE_RANK
from de06desk.store import Store
from de06desk.store.users import User

from .roles import ROLE_LABELS, ROLE_TABLE

P = ParamSpec("P")
T = TypeVar("T")
# Done only hands its value out: a Done[Trusted] is a Done[object].
T_co = TypeVar("T_co", covariant=True)

# Names of what changed besides form records (screens that show them refresh on these).
USERS, KEYS, SYNC, IMPORTS, FILES = "users", "keys", "sync", "imports", "files"


class ActionRefused(DomainError):
    """The logged-in account's role may not do this; nothing was changed (the refusal is
    audited)."""


@dataclass(frozen=True)
class Changes:
    """What an action changed: form ids whose records changed, and other parts by name.

    `everything` stands for a change too wide to list (a sync import, a restore).
    """

    forms: frozenset[str] = frozenset()
    parts: frozenset[str] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, forms: Iterable[str] = (), parts: Iterable[str] = ()) -> Changes:
        """Changes to these forms and parts."""
        return cls(frozenset(forms), frozenset(parts))

    @classmethod
    def all(cls) -> Changes:
        """Anything may have changed."""
        return cls(everything=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.forms | other.forms, self.parts | other.parts, self.everything or other.everything
        )

    def touches(self, name: str) -> bool:
        """True when the form or part `name` changed."""
        return self.everything or name in self.forms or name in self.parts

    @property
    def empty(self) -> bool:
        """Nothing changed."""
        return not (self.forms or self.parts or self.everything)


NOTHING = Changes()


@dataclass(frozen=True)
class Done(Generic[T_co]):
    """An action's result: its value and what it changed."""

    value: T_co
    changes: Changes = field(default=NOTHING)
    # Things the person should know although the action succeeded (one line each).
    warnings: tuple[Msg, ...] = ()


# operation → the action functions that perform it (the role test walks this).
REGISTRY: dict[str, list[Callable[..., object]]] = {}


def register(operation: str, function: Callable[..., object]) -> None:
    """Record that `function` performs `operation`: its `.operation`, and REGISTRY."""
    # A function object takes any attribute; typeshed's Callable declares none.
    function.operation = operation  # type: ignore[attr-defined]
    REGISTRY.setdefault(operation, []).append(function)


def require(store: Store, user: User, operation: str) -> None:
    """Refuse (with an audit row, committed) unless `user` may do `operation` here."""
    rule = ROLE_TABLE[operation]
    need = rule.needs(store.role)
    if need is not None and user.active and ROLE_RANK.get(user.role, -1) >= ROLE_RANK[need]:
        return
    with store.transaction():
        store.audit(
            "refused",
            user.username,
            detail=f"{operation} (role {user.role}, needs {need or 'n/a on ' + store.role})",
        )
    if need is None:
        where = msg("cấp trên", "a hub") if store.role == "hub" else msg("xã/phường", "a commune")
        raise ActionRefused(
            msg(
                "Không thể {op} trên cơ sở dữ liệu {w}.",
                "Cannot {op_en} on {w_en} database.",
                op=rule.label.vi,
                op_en=rule.label.en,
                w=where.vi,
                w_en=where.en,
            )
        )
    raise ActionRefused(
        msg(
            "Tài khoản {u} ({r}) không được {op}: cần quyền {n}.",
            "Account {u} ({r_en}) may not {op_en}: it needs {n_en}.",
            u=user.username,
            r=ROLE_LABELS[user.role].vi,
            r_en=ROLE_LABELS[user.role].en,
            op=rule.label.vi,
            op_en=rule.label.en,
            n=ROLE_LABELS[need].vi,
            n_en=ROLE_LABELS[need].en,
        )
    )


def action(
    operation: str,
) -> Callable[[Callable[Concatenate[Store, User, P], T]], Callable[Concatenate[Store, User, P], T]]:
    """Declare the operation an action performs; its role is checked before the body runs."""
    if operation not in ROLE_TABLE:
        raise KeyError(f"{operation!r} is not in the role table (actions/roles.py)")

    def wrap(
        body: Callable[Concatenate[Store, User, P], T],
    ) -> Callable[Concatenate[Store, User, P], T]:
        @functools.wraps(body)
        def run(store: Store, user: User, /, *args: P.args, **kwargs: P.kwargs) -> T:
            require(store, user, operation)
            return body(store, user, *args, **kwargs)

        register(operation, run)
        return run

    return wrap
