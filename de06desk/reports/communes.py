"""The hub operator's picture of its communes: who reported, who is silent, who is behind.

One row per expected commune (`sync.hub.commune_names`: the province's official list and
every registered commune, named as every hub screen names them): its key, its packages
(`sync.hub.hub_status`), this week's figures against its target (the hub summary's own
per-commune figures, so the screen agrees with the report) and its audit-chain status.
`reminders` picks out the communes that need a call. Read-only; the Các xã and Nhắc việc
screens show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from de06desk.domain.weeks import Period, week_of
from de06desk.store import Store
from de06desk.store.summary_queries import level2_targets_in_force
from de06desk.sync.hub import DEFAULT_SILENT_DAYS, CommuneStatus, commune_names, hub_status

from .model import Summary


@dataclass(frozen=True)
class CommuneRow:
    """One expected commune as the hub sees it this week."""

    unit_code: str
    unit_name: str
    status: CommuneStatus | None  # None: no key registered yet (the commune never joined)
    sent_this_week: bool = False
    activated_week: int = 0
    activated_total: int = 0
    target: int | None = None
    # The share of the target the commune should have reached by now, at an even pace from
    # the target's start to its due date (None without a target in force).
    expected_share: float | None = None
    missing: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def registered(self) -> bool:
        """Whether the hub holds this commune's key (it can receive its packages)."""
        return self.status is not None

    @property
    def weeks_silent(self) -> int | None:
        """Whole weeks since its last package (None: it never sent one)."""
        if self.status is None or self.status.days_silent is None:
            return None
        return self.status.days_silent // 7

    @property
    def silent(self) -> bool:
        """No package for longer than the silence limit, or none ever."""
        return self.status is None or self.status.silent

    @property
    def share(self) -> float | None:
        """Activated accounts (cumulative) over the target."""
        return self.activated_total / self.target if self.target else None

    @property
    def behind(self) -> bool:
        """Below the even pace towards its target."""
        return (
            self.share is not None
            and self.expected_share is not None
            and self.share < self.expected_share
        )

    @property
    def audit_flagged(self) -> bool:
        """A package showed the commune's audit log rewritten after an earlier sync."""
        return self.status is not None and bool(self.status.audit_flags)


def commune_rows(
    store: Store,
    summary: Summary,
    *,
    silent_days: int = DEFAULT_SILENT_DAYS,
    today: date | None = None,
) -> list[CommuneRow]:
    """Every expected commune, in code order, with the hub `summary`'s figures for each
    (build it with `build_summary(store, week)` at the hub)."""
    today = today or datetime.now(UTC).date()
    week = week_of(today)
    statuses = {s.unit_code: s for s in hub_status(store, silent_days=silent_days, today=today)}
    units = {u.unit_code: u for u in summary.units}
    paces = _paces(store, summary.counted_to)
    rows = []
    for code, name in commune_names(store).items():
        status = statuses.get(code)
        unit = units.get(code)
        figures = {h.key: h for h in unit.headlines} if unit else {}
        activated = figures.get("activated")
        total = figures.get("activated_cumulative")
        rows.append(
            CommuneRow(
                unit_code=code,
                unit_name=name,
                status=status,
                sent_this_week=_in(week, status.last_package_at if status else None),
                activated_week=int(activated.value or 0) if activated else 0,
                activated_total=int(total.value or 0) if total else 0,
                target=total.target if total else None,
                expected_share=paces.get(code),
                missing=status.missing if status else {},
            )
        )
    return rows


@dataclass(frozen=True)
class Reminders:
    """The communes to call this week, each list in code order."""

    silent: tuple[CommuneRow, ...]  # no package this week
    missing: tuple[CommuneRow, ...]  # packages with gaps in their sequence numbers
    behind: tuple[CommuneRow, ...]  # below the even pace towards the target

    @property
    def empty(self) -> bool:
        """Nobody to remind."""
        return not (self.silent or self.missing or self.behind)


def reminders(rows: list[CommuneRow]) -> Reminders:
    """Who to call: silent this week, missing packages, behind target."""
    return Reminders(
        silent=tuple(r for r in rows if not r.sent_this_week),
        missing=tuple(r for r in rows if r.missing),
        behind=tuple(r for r in rows if r.behind),
    )


def _in(week: Period, timestamp: str | None) -> bool:
    if not timestamp:
        return False
    try:
        day = datetime.fromisoformat(timestamp).date()
    except ValueError:
        return False
    return week.start <= day <= week.end


def _paces(store: Store, on: date) -> dict[str, float]:
    """Unit → the share of its level-2 target due by `on` at an even pace from the target's
    start to its due date, for the target the summary counts against (`level2_targets_in_force`)."""
    return {
        unit: min(1.0, ((on - t.start_on).days + 1) / ((t.due_on - t.start_on).days + 1))
        for unit, t in level2_targets_in_force(store, on).items()
    }
