import pytest
from hypothesis import given
from hypothesis import strategies as st

from de06desk.domain.i18n import DomainError
from de06desk.domain.phone import OLD_PREFIX_MAP, is_valid_phone, normalize_phone

NEW_PREFIXES = (
    [f"03{d}" for d in range(2, 10)]
    + ["052", "056", "058", "059", "070", "076", "077", "078", "079"]
    + [f"08{d}" for d in range(1, 10)]
    + [f"09{d}" for d in range(10)]
)


def test_old_prefix_map_matches_the_2018_table() -> None:
    assert len(OLD_PREFIX_MAP) == 21
    assert OLD_PREFIX_MAP["0120"] == "070"
    assert OLD_PREFIX_MAP["0121"] == "079"
    assert OLD_PREFIX_MAP["0127"] == "081"
    assert OLD_PREFIX_MAP["0162"] == "032"
    assert OLD_PREFIX_MAP["0169"] == "039"
    assert OLD_PREFIX_MAP["0186"] == "056"
    assert OLD_PREFIX_MAP["0188"] == "058"
    assert OLD_PREFIX_MAP["0199"] == "059"
    assert all(new in NEW_PREFIXES for new in OLD_PREFIX_MAP.values())
    assert len(set(OLD_PREFIX_MAP.values())) == len(OLD_PREFIX_MAP)


@pytest.mark.parametrize(("old", "new"), sorted(OLD_PREFIX_MAP.items()))
def test_every_old_prefix_converts_in_all_forms(old: str, new: str) -> None:
    tail = "4567890"
    expected = new + tail
    rest = old[1:] + tail  # without the domestic leading 0
    for raw in (
        old + tail,
        f"{old} {tail[:3]} {tail[3:]}",
        "+84" + rest,
        "+84 " + rest,
        "0084" + rest,
        "84" + rest,
    ):
        assert normalize_phone(raw) == expected, raw


@pytest.mark.parametrize("prefix", NEW_PREFIXES)
def test_every_new_prefix_valid(prefix: str) -> None:
    number = prefix + "1234567"
    assert normalize_phone(number) == number
    assert normalize_phone("+84" + number[1:]) == number
    assert normalize_phone("0084" + number[1:]) == number
    assert normalize_phone("84" + number[1:]) == number
    assert is_valid_phone(number)


@pytest.mark.parametrize(
    "raw",
    [
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "(091) 234-5678",
        " 0912345678 ",
        "'0912345678",
    ],
)
def test_separators(raw: str) -> None:
    assert normalize_phone(raw) == "0912345678"


@pytest.mark.parametrize("raw", ["02438252525", "0243 825 2525", "+84 24 3825 2525", "0283812345"])
def test_landline_rejected(raw: str) -> None:
    with pytest.raises(DomainError) as err:
        normalize_phone(raw)
    assert "không phải số di động Việt Nam" in err.value.message.vi
    assert "landline" in err.value.message.en


def test_landline_message_names_prefix() -> None:
    with pytest.raises(DomainError) as err:
        normalize_phone("024 3825 2525")
    assert err.value.message.vi.startswith("Đầu số 024 không phải số di động Việt Nam")


@pytest.mark.parametrize(
    "raw",
    [
        *(p + "1234567" for p in ("030", "031", "050", "051", "053", "054", "055", "057")),
        *(p + "1234567" for p in ("060", "066", "071", "072", "073", "074", "075", "080", "010")),
    ],
)
def test_unknown_new_prefix_rejected(raw: str) -> None:
    with pytest.raises(DomainError) as err:
        normalize_phone(raw)
    assert f"Đầu số {raw[:3]}" in err.value.message.vi
    assert not is_valid_phone(raw)


@pytest.mark.parametrize("old", ["0130", "0110", "0119", "0161", "0170", "0187", "0189", "0198"])
def test_invalid_old_prefix_rejected(old: str) -> None:
    with pytest.raises(DomainError) as err:
        normalize_phone(old + "1234567")
    assert f"Đầu số cũ {old}" in err.value.message.vi
    assert f"Old prefix {old}" in err.value.message.en


@pytest.mark.parametrize(
    ("raw", "n"),
    [("091234567", 9), ("09123456789", 11), ("091234", 6), ("0", 1), ("091234567890", 12)],
)
def test_wrong_length(raw: str, n: int) -> None:
    with pytest.raises(DomainError) as err:
        normalize_phone(raw)
    assert f"có {n} chữ số" in err.value.message.vi
    assert "10" in err.value.message.vi


def test_lost_leading_zero_hint() -> None:
    with pytest.raises(DomainError) as err:
        normalize_phone("912345678")
    assert "số 0 ở đầu" in err.value.message.vi


@pytest.mark.parametrize("raw", ["0912abc678", "091234567O", "phone", "0912_345_678", "+"])
def test_letters_rejected(raw: str) -> None:
    with pytest.raises(DomainError):
        normalize_phone(raw)


@pytest.mark.parametrize("raw", ["", "   ", " - . "])
def test_empty(raw: str) -> None:
    with pytest.raises(DomainError) as err:
        normalize_phone(raw)
    assert "Chưa nhập" in err.value.message.vi


@pytest.mark.parametrize("raw", ["+1 912 345 678", "+85512345678", "0085512345678"])
def test_foreign_country_code_rejected(raw: str) -> None:
    with pytest.raises(DomainError) as err:
        normalize_phone(raw)
    assert "+84" in err.value.message.vi


mobile_numbers = st.builds(
    lambda prefix, rest: prefix + f"{rest:07d}",
    st.sampled_from(NEW_PREFIXES),
    st.integers(0, 9_999_999),
)


@given(mobile_numbers, st.sampled_from([" ", ".", "-", ""]))
def test_format_variants_normalize_to_themselves(number: str, sep: str) -> None:
    national = number[1:]
    variants = [
        number,
        sep.join([number[:4], number[4:7], number[7:]]),
        "+84" + national,
        "+84 " + sep.join([national[:3], national[3:6], national[6:]]),
        "0084" + national,
        "84" + national,
        f"({number[:3]}) {number[3:6]}{sep}{number[6:]}",
    ]
    for variant in variants:
        assert normalize_phone(variant) == number, variant
    assert normalize_phone(number) == normalize_phone(normalize_phone(number))


@given(st.text(max_size=20))
def test_never_crashes_with_other_errors(text: str) -> None:
    try:
        result = normalize_phone(text)
    except DomainError:
        return
    assert len(result) == 10
    assert result[:3] in NEW_PREFIXES


def test_fullwidth_digits_accepted() -> None:
    assert normalize_phone("０９１２ ３４５ ６７８") == "0912345678"
