"""The weekly summary's words: the figures of one commune or area laid out as a `Summary`.

`lay_out` turns `figures.UnitFigures` into sections, tables, headlines and the chart data the
dashboard, the PDF and the Excel file read. Only words and arithmetic on the figures here;
what is counted and how communes add up is declared in `figures.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from de06desk.domain.i18n import Msg
from de06desk.domain.weeks import Period, format_date
from de06desk.forms import FormSet
from de06desk.quality.checks import CHECK_LABELS, CHECKS, CRITERION_LABELS

from .figures import (
    ACTIVATED,
    APPROVED,
    BY_NAME,
    CUM,
    CUM_PREV,
    LEVEL1,
    MEASURES,
    PREV,
    RECEIVED,
    THIS,
    Cleanup,
    Key,
    Support,
    UnitFigures,
    Value,
    at,
)
from .formats import (
    PeriodWords,
    format_int,
    format_pct,
    period_wording,
    report_language_now,
    t,
)
from .model import Cell, ColumnKind, Headline, Scope, Section, Summary, Table

NO_VILLAGE = "Không xác định thôn, tổ"
NO_REASON = "Chưa rõ lý do"
NO_SERVICE = "Chưa ghi dịch vụ"
NO_DATA_NOTE = "Chưa có số liệu"
TOTAL = "Tổng cộng"
CUMULATIVE = "Lũy kế"
ACTIVATED_SHARE = "Hồ sơ mức 2 đã có tài khoản kích hoạt (lũy kế)"
ROMAN = ("I", "II", "III", "IV", "V", "VI")


def _place(label: Key) -> str:
    """A place as printed: a village (a commune at a hub), or "no village"."""
    return str(label) if label is not None else t(NO_VILLAGE)


def _support(values: Sequence[Value]) -> Support:
    return Support(*(int(v or 0) for v in values))


def _cleanup(values: Sequence[Value]) -> Cleanup:
    opened, verified, corrected, rejected, backlog = (int(v or 0) for v in values[:5])
    oldest = values[5]
    return Cleanup(opened, verified, corrected, rejected, backlog, str(oldest) if oldest else None)


def _supports(f: UnitFigures, name: str) -> dict[Key, Support]:
    return {key: _support(values) for key, values in f.of(name).items()}


def _rate(part: int, whole: int | None) -> float | None:
    return part / whole if whole else None


def _pct_text(value: float | None) -> str:
    return format_pct(value) if value is not None else "–"


def _lower_first(label: str) -> str:
    """A label inside a sentence: "Cài đặt VNeID" → "cài đặt VNeID" (acronyms kept)."""
    return label[:1].lower() + label[1:]


def make_table(
    key: str,
    title: str,
    columns: Iterable[tuple[str, ColumnKind]],
    rows: Iterable[Sequence[Cell]],
    *,
    total: Sequence[Cell] | None = None,
) -> Table:
    heads = tuple(columns)
    body = [tuple(r) for r in rows]
    if total is not None:
        body.append(tuple(total))
    return Table(
        key=key,
        title=title,
        columns=tuple(h for h, _ in heads),
        kinds=tuple(k for _, k in heads),
        rows=tuple(body),
        total_row=total is not None,
    )


def _labeller(forms: FormSet, form_id: str, field_name: str) -> Callable[[Key], str]:
    spec = forms[form_id].field(field_name)
    lang = report_language_now()
    return lambda value: spec.choice_label(None if value is None else str(value), lang)


def _label(label: Msg) -> str:
    """A bilingual label of the quality checks in the report language."""
    return label.en if report_language_now() == "en" else label.vi


def lay_out(
    forms: FormSet,
    f: UnitFigures,
    period: Period,
    as_of: date,
    scope: Scope,
    *,
    units: Sequence[UnitFigures] = (),
    unit_summaries: tuple[Summary, ...] = (),
    tiers: Sequence[UnitFigures] = (),
) -> Summary:
    """The summary of one commune (`scope` "commune") or of an area ("hub": `units` are its
    communes, ranked, and `unit_summaries` their own summaries) for `period` counted to
    `as_of`, in the report language. `tiers` are the hubs below an upper hub, each the sum of
    its communes: ranked too, and then the area's places are its own communes and those hubs."""
    words = period_wording(period)
    now_word, before_word = words.now, words.before
    place_head = t("Xã, phường") if scope == "hub" else t("Thôn, tổ dân phố")
    if tiers:
        place_head = t("Đơn vị trực thuộc")
    sections = [
        _eid_section(forms, f, period, as_of, scope, place_head, units, tiers),
        _cleanup_section(forms, f, period, as_of, now_word, before_word),
        _support_section(forms, f, period, scope, place_head),
    ]
    if f.quality is not None:
        sections.append(_quality_section(f.quality))
    numbered = tuple(
        Section(number, s.title, s.paragraphs, s.tables)
        for number, s in zip(ROMAN, sections, strict=False)
    )
    return Summary(
        period=period,
        unit_code=f.unit_code,
        unit_name=f.unit_name,
        scope=scope,
        headlines=_headlines(f),
        sections=numbered,
        activations_by_place=tuple(
            (_place(place), int(counts[at(THIS, ACTIVATED)] or 0))
            for place, counts in f.of("eid").items()
        ),
        compare=_compare(f),
        units=unit_summaries,
        as_of=as_of,
        lang=report_language_now(),
    )


def _headlines(f: UnitFigures) -> tuple[Headline, ...]:
    cleanup = _cleanup(f.total("cleanup"))
    cleanup_prev = _cleanup(f.total("cleanup_prev"))
    support = _support(f.total("support_places"))
    support_prev = _support(f.total("support_prev"))

    def eid(measure: int) -> tuple[int, int]:
        return f.eid_total(THIS, measure), f.eid_total(PREV, measure)

    return (
        Headline("received", t("Hồ sơ mức 2 tiếp nhận"), *eid(RECEIVED)),
        Headline("approved", t("Hồ sơ mức 2 được phê duyệt"), *eid(APPROVED)),
        Headline("activated", t("Tài khoản mức 2 kích hoạt"), *eid(ACTIVATED)),
        # Of every level-2 application received so far, the share with an active account.
        # (This week's activations over this week's applications mixed two weeks' flows and
        # read 112,5% when last week's applications were activated this week.)
        Headline(
            "activated_share",
            t(ACTIVATED_SHARE),
            _rate(f.eid_total(CUM, ACTIVATED), f.eid_total(CUM, RECEIVED)),
            _rate(f.eid_total(CUM_PREV, ACTIVATED), f.eid_total(CUM_PREV, RECEIVED)),
            kind="pct",
        ),
        Headline(
            "activated_cumulative",
            t("Tài khoản mức 2 đã kích hoạt (lũy kế)"),
            f.eid_total(CUM, ACTIVATED),
            f.eid_total(CUM_PREV, ACTIVATED),
            target=f.target,
        ),
        Headline("level1", t("Tài khoản mức 1 đăng ký"), *eid(LEVEL1)),
        Headline(
            "cleanup_backlog", t("Hồ sơ làm sạch tồn đọng"), cleanup.backlog, cleanup_prev.backlog
        ),
        Headline(
            "cleanup_closed",
            t("Hồ sơ làm sạch đã xử lý xong"),
            cleanup.corrected + cleanup.rejected,
            cleanup_prev.corrected + cleanup_prev.rejected,
        ),
        Headline(
            "support_sessions",
            t("Buổi hỗ trợ người dân"),
            support.sessions,
            support_prev.sessions,
        ),
        Headline(
            "support_helped", t("Lượt người dân được hỗ trợ"), support.helped, support_prev.helped
        ),
    )


def _compare(f: UnitFigures) -> tuple[tuple[str, int, int], ...]:
    cleanup = _cleanup(f.total("cleanup"))
    cleanup_prev = _cleanup(f.total("cleanup_prev"))
    support = _support(f.total("support_places"))
    support_prev = _support(f.total("support_prev"))
    return (
        (t("Mức 1"), f.eid_total(PREV, LEVEL1), f.eid_total(THIS, LEVEL1)),
        (t("Tiếp nhận"), f.eid_total(PREV, RECEIVED), f.eid_total(THIS, RECEIVED)),
        (t("Phê duyệt"), f.eid_total(PREV, APPROVED), f.eid_total(THIS, APPROVED)),
        (t("Kích hoạt"), f.eid_total(PREV, ACTIVATED), f.eid_total(THIS, ACTIVATED)),
        (
            t("Làm sạch xong"),
            cleanup_prev.corrected + cleanup_prev.rejected,
            cleanup.corrected + cleanup.rejected,
        ),
        (t("Người được hỗ trợ"), support_prev.helped, support.helped),
    )


def _eid_section(
    forms: FormSet,
    f: UnitFigures,
    period: Period,
    as_of: date,
    scope: Scope,
    place_head: str,
    units: Sequence[UnitFigures],
    tiers: Sequence[UnitFigures] = (),
) -> Section:
    words = period_wording(period)
    tables = [*_eid_tables(f, words, period, as_of)]
    if tiers:
        tables.append(
            _ranking(
                tiers,
                "ranking_hubs",
                t("Xếp hạng các đơn vị cấp dưới theo tỷ lệ hoàn thành chỉ tiêu kích hoạt"),
                t("Đơn vị"),
            )
        )
    if scope == "hub":
        tables.append(_ranking(units))
    tables.append(_eid_by_place(f, words, scope, place_head, bool(tiers)))
    reasons, reasons_text = _not_activated(forms, f, as_of)
    drives, drives_text = _drives(forms, f, words)
    tables += [reasons, drives]
    paragraphs = [_eid_flows_text(f, words), drives_text, _eid_cumulative_text(f, as_of)]
    paragraphs += reasons_text
    if scope == "hub":
        silent = [u.unit_name for u in units if not u.has_data]
        paragraphs.append(
            t("Số xã, phường trên địa bàn: {n}; chưa có số liệu: ").format(n=format_int(len(units)))
            + (", ".join(silent) + "." if silent else t("không."))
        )
    if tiers:
        silent = [u.unit_name for u in tiers if not u.has_data]
        paragraphs.append(
            t("Số đơn vị cấp dưới: {n}; chưa gửi số liệu kỳ này: ").format(n=format_int(len(tiers)))
            + (", ".join(silent) + "." if silent else t("không."))
        )
    return Section(
        "",
        t("Kết quả cấp, kích hoạt tài khoản định danh điện tử"),
        tuple(paragraphs),
        tuple(tables),
    )


def _eid_spans(f: UnitFigures, span: int) -> dict[int, int]:
    """Every e-ID measure of one span, summed over places."""
    return {m: f.eid_total(span, m) for m in range(len(MEASURES))}


def _eid_tables(f: UnitFigures, words: PeriodWords, period: Period, as_of: date) -> list[Table]:
    """The overview, the activation rates and the target."""
    w, p, c, cp = (_eid_spans(f, span) for span in (THIS, PREV, CUM, CUM_PREV))
    measures = (
        (LEVEL1, t("Tài khoản mức 1 đăng ký")),
        (RECEIVED, t("Hồ sơ mức 2 tiếp nhận")),
        (APPROVED, t("Hồ sơ mức 2 được phê duyệt")),
        (ACTIVATED, t("Tài khoản mức 2 đã kích hoạt")),
    )
    return [
        make_table(
            "eid_overview",
            t("Kết quả cấp, kích hoạt tài khoản định danh điện tử"),
            [
                (t("Nội dung"), "text"),
                (words.now, "int"),
                (words.before, "int"),
                (t(CUMULATIVE), "int"),
            ],
            [(label, w[m], p[m], c[m]) for m, label in measures],
        ),
        make_table(
            "eid_rates",
            t("Tỷ lệ kích hoạt (lũy kế)"),
            [
                (t("Tỷ lệ"), "text"),
                (t("Đến ngày {d}").format(d=format_date(as_of)), "pct"),
                (t("Đến ngày {d}").format(d=format_date(period.previous().end)), "pct"),
            ],
            [
                (
                    t("Hồ sơ mức 2 đã tiếp nhận có tài khoản kích hoạt"),
                    _rate(c[ACTIVATED], c[RECEIVED]),
                    _rate(cp[ACTIVATED], cp[RECEIVED]),
                ),
                (
                    t("Tài khoản đã kích hoạt so với chỉ tiêu"),
                    _rate(c[ACTIVATED], f.target),
                    _rate(cp[ACTIVATED], f.target),
                ),
            ],
        ),
        make_table(
            "eid_target",
            t("Thực hiện chỉ tiêu tài khoản định danh điện tử mức 2 được kích hoạt"),
            [
                (t("Chỉ tiêu"), "int"),
                (t("Đã kích hoạt (lũy kế)"), "int"),
                (t("Còn phải thực hiện"), "int"),
                (t("Tỷ lệ hoàn thành"), "pct"),
            ],
            [
                (
                    f.target,
                    c[ACTIVATED],
                    max(0, f.target - c[ACTIVATED]) if f.target is not None else None,
                    _rate(c[ACTIVATED], f.target),
                )
            ],
        ),
    ]


def _eid_by_place(
    f: UnitFigures, words: PeriodWords, scope: Scope, place_head: str, tiers: bool
) -> Table:
    """The e-ID flows per village (per commune at a hub; per unit below an upper hub)."""
    w, c = _eid_spans(f, THIS), _eid_spans(f, CUM)
    now = words.now.lower()

    def row(place: str, v: Sequence[Value]) -> tuple[Cell, ...]:
        cum_received, cum_activated = (
            int(v[at(CUM, RECEIVED)] or 0),
            int(v[at(CUM, ACTIVATED)] or 0),
        )
        this = (v[at(THIS, RECEIVED)], v[at(THIS, APPROVED)], v[at(THIS, ACTIVATED)])
        return (place, *this, cum_received, cum_activated, _rate(cum_activated, cum_received))

    return make_table(
        "eid_by_unit" if scope == "hub" else "eid_by_village",
        t(
            "Kết quả theo đơn vị trực thuộc"
            if tiers
            else "Kết quả theo xã, phường"
            if scope == "hub"
            else "Kết quả theo thôn, tổ dân phố"
        ),
        [
            (place_head, "text"),
            (t("Tiếp nhận ({now})").format(now=now), "int"),
            (t("Phê duyệt ({now})").format(now=now), "int"),
            (t("Kích hoạt ({now})").format(now=now), "int"),
            (t("Tiếp nhận (lũy kế)"), "int"),
            (t("Kích hoạt (lũy kế)"), "int"),
            (t("Tỷ lệ kích hoạt (lũy kế)"), "pct"),
        ],
        [row(_place(key), values) for key, values in f.of("eid").items()],
        total=(
            t(TOTAL),
            w[RECEIVED],
            w[APPROVED],
            w[ACTIVATED],
            c[RECEIVED],
            c[ACTIVATED],
            _rate(c[ACTIVATED], c[RECEIVED]),
        ),
    )


def _not_activated(forms: FormSet, f: UnitFigures, as_of: date) -> tuple[Table, list[str]]:
    """Citizens approved or refused and not activated, by reason; a sentence naming the
    commonest reason when there are any."""
    reason_label = _labeller(forms, "drive_roster", "failure_reason")
    reason_order = [o.value for o in forms["drive_roster"].field("failure_reason").choices]
    counted = {r: int(v[0] or 0) for r, v in f.of("reasons").items()}
    reasons = sorted(
        ((r, n) for r, n in counted.items() if n),
        key=lambda item: (
            item[0] is None,
            reason_order.index(item[0]) if item[0] in reason_order else len(reason_order),
            str(item[0]),
        ),
    )
    not_activated = sum(counted.values())
    table = make_table(
        "eid_not_activated",
        t("Hồ sơ đã phê duyệt hoặc không đạt, chưa kích hoạt (đến ngày {d})").format(
            d=format_date(as_of)
        ),
        [(t("Lý do"), "text"), (t("Số công dân"), "int")],
        [(reason_label(str(r)) if r else t(NO_REASON), n) for r, n in reasons],
        total=(t(TOTAL), not_activated),
    )
    if not not_activated:
        return table, []
    top, top_n = max(reasons, key=lambda item: item[1])
    top_label = reason_label(str(top)) if top else t(NO_REASON)
    text = t(
        "Còn {n} công dân đã phê duyệt hoặc không đạt nhưng chưa kích hoạt; lý do nhiều "
        "nhất: {reason} ({top})."
    ).format(n=format_int(not_activated), reason=_lower_first(top_label), top=format_int(top_n))
    return table, [text]


def _drives(forms: FormSet, f: UnitFigures, words: PeriodWords) -> tuple[Table, str]:
    """Drives held by kind, and the sentence counting this period's."""
    kind_label = _labeller(forms, "activation_drive", "kind")
    drives = {str(k): [int(n or 0) for n in v] for k, v in f.of("drives").items()}
    table = make_table(
        "eid_drives",
        t("Số đợt cấp, kích hoạt tài khoản theo hình thức"),
        [
            (t("Hình thức"), "text"),
            (words.now, "int"),
            (words.before, "int"),
            (t(CUMULATIVE), "int"),
        ],
        [(kind_label(k), *v) for k, v in drives.items()],
        total=(t(TOTAL), *(sum(v[i] for v in drives.values()) for i in range(3))),
    )
    parts = ", ".join(
        f"{_lower_first(kind_label(k))} {format_int(v[0])}" for k, v in drives.items() if v[0]
    )
    now = sum(v[0] for v in drives.values())
    text = t("Tổ chức {n} đợt cấp, kích hoạt tài khoản").format(n=format_int(now))
    return table, text + (f" ({parts})." if parts else ".")


def _eid_flows_text(f: UnitFigures, words: PeriodWords) -> str:
    w, p = _eid_spans(f, THIS), _eid_spans(f, PREV)
    return t(
        "{within}, tiếp nhận {received} hồ sơ mức 2, phê duyệt {approved}, kích hoạt "
        "{activated} tài khoản; đăng ký {level1} tài khoản mức 1. So với {before}: tiếp "
        "nhận {received_before}, kích hoạt {activated_before}."
    ).format(
        within=words.within,
        received=format_int(w[RECEIVED]),
        approved=format_int(w[APPROVED]),
        activated=format_int(w[ACTIVATED]),
        level1=format_int(w[LEVEL1]),
        before=words.previous,
        received_before=format_int(p[RECEIVED]),
        activated_before=format_int(p[ACTIVATED]),
    )


def _eid_cumulative_text(f: UnitFigures, as_of: date) -> str:
    c = _eid_spans(f, CUM)
    text = t(
        "Lũy kế đến ngày {d}: tiếp nhận {received} hồ sơ mức 2, kích hoạt {activated} tài "
        "khoản ({share} số hồ sơ đã tiếp nhận)"
    ).format(
        d=format_date(as_of),
        received=format_int(c[RECEIVED]),
        activated=format_int(c[ACTIVATED]),
        share=_pct_text(_rate(c[ACTIVATED], c[RECEIVED])),
    )
    if f.target is None:
        return text + t("; chưa có chỉ tiêu được giao cho thời điểm này.")
    return text + t(", đạt {share} chỉ tiêu ({target} tài khoản).").format(
        share=_pct_text(_rate(c[ACTIVATED], f.target)), target=format_int(f.target)
    )


def _ranking(
    units: Sequence[UnitFigures],
    key: str = "ranking",
    title: str | None = None,
    head: str | None = None,
) -> Table:
    """Communes (or hubs below) by completion of their target (best first); no target or no
    data come last."""

    def order(u: UnitFigures) -> tuple[bool, float, int, str]:
        rate = _rate(u.eid_total(CUM, ACTIVATED), u.target)
        return (rate is None, -(rate or 0.0), -u.eid_total(CUM, ACTIVATED), u.unit_code)

    rows = []
    for rank, u in enumerate(sorted(units, key=order), start=1):
        cum = u.eid_total(CUM, ACTIVATED)
        rows.append(
            (
                rank,
                u.unit_name,
                u.eid_total(THIS, ACTIVATED),
                cum,
                u.target,
                _rate(cum, u.target),
                "" if u.has_data else t(NO_DATA_NOTE),
            )
        )
    return make_table(
        key,
        title or t("Xếp hạng các xã, phường theo tỷ lệ hoàn thành chỉ tiêu kích hoạt"),
        [
            (t("Hạng"), "int"),
            (head or t("Xã, phường"), "text"),
            (t("Kích hoạt trong kỳ"), "int"),
            (t("Kích hoạt (lũy kế)"), "int"),
            (t("Chỉ tiêu"), "int"),
            (t("Tỷ lệ so với chỉ tiêu"), "pct"),
            (t("Ghi chú"), "text"),
        ],
        rows,
    )


def _cleanup_section(
    forms: FormSet, f: UnitFigures, period: Period, as_of: date, now_word: str, before_word: str
) -> Section:
    figure = BY_NAME["cleanup"]
    total = _cleanup(f.total("cleanup"))
    prev = _cleanup(f.total("cleanup_prev"))
    end = as_of
    criterion_label = _labeller(forms, "cleanup_case", "criterion")
    error_label = _labeller(forms, "cleanup_case", "error_type")
    criteria = [o.value for o in forms["cleanup_case"].field("criterion").choices]
    summed: dict[str, list[Value]] = {c: figure.zeros() for c in criteria}
    summed_errors: dict[str, list[Value]] = {}
    for key, values in f.of("cleanup").items():
        criterion, error = key if isinstance(key, tuple) else (str(key), "")
        figure.add(summed.setdefault(criterion, figure.zeros()), values)
        figure.add(summed_errors.setdefault(error, figure.zeros()), values)
    by_criterion = {c: _cleanup(v) for c, v in summed.items()}
    by_error = {e: _cleanup(v) for e, v in summed_errors.items()}
    error_order = [o.value for o in forms["cleanup_case"].field("error_type").choices]

    def age(item: Cleanup) -> int | None:
        return (end - date.fromisoformat(item.oldest_open)).days if item.oldest_open else None

    tables = [
        make_table(
            "cleanup_overview",
            t("Kết quả làm sạch dữ liệu dân cư"),
            [(t("Nội dung"), "text"), (now_word, "int"), (before_word, "int")],
            [
                (t("Trường hợp phát hiện mới"), total.opened, prev.opened),
                (t("Đã xác minh, đang xử lý"), total.verified, prev.verified),
                (t("Đã chỉnh sửa"), total.corrected, prev.corrected),
                (t("Xác định không phải sai sót"), total.rejected, prev.rejected),
                (t("Tồn đọng cuối kỳ"), total.backlog, prev.backlog),
            ],
        ),
        make_table(
            "cleanup_by_criterion",
            t("Theo tiêu chí “đúng, đủ, sạch, sống”"),
            [
                (t("Tiêu chí"), "text"),
                (t("Phát hiện mới"), "int"),
                (t("Đã chỉnh sửa"), "int"),
                (t("Không phải sai sót"), "int"),
                (t("Tồn đọng"), "int"),
                (t("Lâu nhất (ngày)"), "days"),
            ],
            [
                (
                    criterion_label(c),
                    item.opened,
                    item.corrected,
                    item.rejected,
                    item.backlog,
                    age(item),
                )
                for c, item in by_criterion.items()
            ],
            total=(
                t(TOTAL),
                total.opened,
                total.corrected,
                total.rejected,
                total.backlog,
                age(total),
            ),
        ),
        make_table(
            "cleanup_backlog",
            t("Trường hợp tồn đọng theo loại sai sót (đến ngày {d})").format(d=format_date(end)),
            [(t("Loại sai sót"), "text"), (t("Tồn đọng"), "int"), (t("Lâu nhất (ngày)"), "days")],
            [
                (error_label(e), item.backlog, age(item))
                for e, item in sorted(
                    by_error.items(),
                    key=lambda kv: (
                        error_order.index(kv[0]) if kv[0] in error_order else len(error_order)
                    ),
                )
                if item.backlog
            ],
            total=(t(TOTAL), total.backlog, age(total)),
        ),
    ]
    text = _cleanup_text(period_wording(period), total, by_criterion, criterion_label, end, age)
    return Section("", t("Làm sạch dữ liệu dân cư"), tuple(text), tuple(tables))


def _cleanup_text(
    words: PeriodWords,
    total: Cleanup,
    by_criterion: dict[str, Cleanup],
    criterion_label: Callable[[Key], str],
    end: date,
    age: Callable[[Cleanup], int | None],
) -> list[str]:
    """The cleanup section's sentences: this period's flows, then the backlog at its end."""
    text = [
        t(
            "{within}, phát hiện mới {opened} trường hợp cần làm sạch; đã chỉnh sửa "
            "{corrected}, xác định không phải sai sót {rejected}; {verified} trường hợp đã "
            "xác minh đang xử lý."
        ).format(
            within=words.within,
            opened=format_int(total.opened),
            corrected=format_int(total.corrected),
            rejected=format_int(total.rejected),
            verified=format_int(total.verified),
        )
    ]
    if not total.backlog:
        text.append(t("Đến ngày {d} không còn trường hợp tồn đọng.").format(d=format_date(end)))
        return text
    parts = ", ".join(
        f"{_lower_first(criterion_label(c))} {format_int(item.backlog)}"
        for c, item in by_criterion.items()
        if item.backlog
    )
    text.append(
        t(
            "Đến ngày {d} còn tồn đọng {n} trường hợp ({parts}); trường hợp lâu nhất đã "
            "{days} ngày."
        ).format(
            d=format_date(end),
            n=format_int(total.backlog),
            parts=parts,
            days=format_int(age(total) or 0),
        )
    )
    return text


def _support_section(
    forms: FormSet, f: UnitFigures, period: Period, scope: Scope, place_head: str
) -> Section:
    total = _support(f.total("support_places"))
    support_types = _supports(f, "support_types")
    type_label = _labeller(forms, "support_session", "support_types")
    service_label = _labeller(forms, "support_session", "public_service")
    service_order = [o.value for o in forms["support_session"].field("public_service").choices]
    services = sorted(
        ((s, item) for s, item in _supports(f, "support_services").items() if item.sessions),
        key=lambda kv: (
            kv[0] is None,
            service_order.index(kv[0]) if kv[0] in service_order else len(service_order),
        ),
    )
    tables = [
        make_table(
            "support_by_type",
            t("Hỗ trợ người dân theo nội dung (một buổi có thể hỗ trợ nhiều nội dung)"),
            [
                (t("Nội dung hỗ trợ"), "text"),
                (t("Số buổi"), "int"),
                (t("Số người được hỗ trợ"), "int"),
            ],
            [(type_label(k), item.sessions, item.helped) for k, item in support_types.items()],
            total=(t("Tổng số (không tính trùng)"), total.sessions, total.helped),
        ),
        make_table(
            "support_online_services",
            t("Dịch vụ công trực tuyến được hỗ trợ"),
            [
                (t("Dịch vụ công"), "text"),
                (t("Số buổi"), "int"),
                (t("Số người được hỗ trợ"), "int"),
            ],
            [
                (service_label(s) if s else t(NO_SERVICE), item.sessions, item.helped)
                for s, item in services
            ],
            total=(
                t(TOTAL),
                sum(item.sessions for _, item in services),
                sum(item.helped for _, item in services),
            ),
        ),
        make_table(
            "support_by_unit" if scope == "hub" else "support_by_village",
            t(
                "Hỗ trợ người dân theo xã, phường"
                if scope == "hub"
                else "Hỗ trợ người dân theo thôn, tổ dân phố"
            ),
            [
                (place_head, "text"),
                (t("Số buổi"), "int"),
                (t("Số người được hỗ trợ"), "int"),
                (t("Trong đó nữ"), "int"),
                (t("Người cao tuổi"), "int"),
                (t("Người dân tộc thiểu số"), "int"),
            ],
            [
                (place, item.sessions, item.helped, item.women, item.elderly, item.minority)
                for place, item in (
                    (_place(k), item) for k, item in _supports(f, "support_places").items()
                )
            ],
            total=(
                t(TOTAL),
                total.sessions,
                total.helped,
                total.women,
                total.elderly,
                total.minority,
            ),
        ),
    ]
    text = _support_text(period_wording(period), total, support_types, type_label)
    return Section("", t("Hỗ trợ người dân"), tuple(text), tuple(tables))


def _support_text(
    words: PeriodWords,
    total: Support,
    support_types: dict[Key, Support],
    type_label: Callable[[Key], str],
) -> list[str]:
    """The support section's sentences: sessions and people helped, by kind and by group."""
    if not total.sessions:
        return [t("{within} chưa ghi nhận buổi hỗ trợ người dân nào.").format(within=words.within)]
    parts = "; ".join(
        t("{what} {n} người").format(what=_lower_first(type_label(k)), n=format_int(item.helped))
        for k, item in support_types.items()
        if item.sessions
    )
    return [
        t("{within}, tổ chức {n} buổi hỗ trợ, giúp {helped} lượt người dân ({parts}).").format(
            within=words.within,
            n=format_int(total.sessions),
            helped=format_int(total.helped),
            parts=parts,
        ),
        t(
            "Trong đó nữ {women}, người cao tuổi {elderly}, người dân tộc thiểu số "
            "{minority} (theo số liệu được ghi nhận)."
        ).format(
            women=format_int(total.women),
            elderly=format_int(total.elderly),
            minority=format_int(total.minority),
        ),
    ]


def _quality_section(counts: dict[str, int]) -> Section:
    by_criterion: Counter[str] = Counter()
    for check, n in counts.items():
        by_criterion[CHECKS[check][0]] += n
    total = sum(counts.values())
    table = make_table(
        "quality_checks",
        t("Kết quả kiểm tra chất lượng dữ liệu (số trường hợp)"),
        [(t("Tiêu chí"), "text"), (t("Nội dung kiểm tra"), "text"), (t("Số trường hợp"), "int")],
        [
            (_label(CRITERION_LABELS[CHECKS[check][0]]), _label(CHECK_LABELS[check]), n)
            for check, n in counts.items()
        ],
        total=(t(TOTAL), "", total),
    )
    parts = ", ".join(
        f"{_lower_first(_label(CRITERION_LABELS[c]))} {format_int(by_criterion[c])}"
        for c in CRITERION_LABELS
    )
    text = (
        t("Kiểm tra tự động phát hiện {n} trường hợp dữ liệu cần rà soát ({parts}).").format(
            n=format_int(total), parts=parts
        ),
    )
    return Section("", t("Chất lượng dữ liệu"), text, (table,))
