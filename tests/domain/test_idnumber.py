from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from de06desk.domain import idnumber
from de06desk.domain.i18n import DomainError
from de06desk.domain.idnumber import (
    IdInfo,
    check_id_consistency,
    country_codes,
    describe_id,
    parse_id_number,
    province_codes,
)

EXPECTED_PROVINCE_CODES = (  # noqa: SIM905 - a list literal would take 63 lines
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 "
    "035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 "
    "070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096"
).split()


@pytest.fixture
def fixed_year(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(idnumber, "_this_year", lambda: 2026)
    return 2026


def test_example_from_the_circular() -> None:
    info = parse_id_number("087084000999")
    assert info == IdInfo("087084000999", "cccd", "087", "Đồng Tháp", False, "male", 1984)


def test_province_table_has_63_codes() -> None:
    assert sorted(province_codes()) == EXPECTED_PROVINCE_CODES
    assert province_codes()["001"] == "Hà Nội"
    assert province_codes()["079"] == "Hồ Chí Minh"


@pytest.mark.parametrize("code", EXPECTED_PROVINCE_CODES)
def test_every_province_code_parses(code: str) -> None:
    info = parse_id_number(f"{code}190123456")
    assert info.place_code == code
    assert info.place_name == province_codes()[code]
    assert info.place_name
    assert not info.abroad
    assert info.kind == "cccd"


def test_country_table_covers_101_to_295() -> None:
    assert sorted(country_codes()) == [str(n) for n in range(101, 296)]


@pytest.mark.parametrize("code", ["101", "102", "200", "295"])
def test_country_code_means_abroad(code: str) -> None:
    info = parse_id_number(f"{code}090123456")
    assert info.abroad
    assert info.place_code == code
    assert info.place_name == country_codes()[code]
    assert info.birth_year == 1990


@pytest.mark.parametrize(
    ("digit", "sex", "year"),
    [
        (0, "male", 1905),
        (1, "female", 1905),
        (2, "male", 2005),
        (3, "female", 2005),
    ],
)
def test_century_and_sex_digit(fixed_year: int, digit: int, sex: str, year: int) -> None:
    info = parse_id_number(f"001{digit}05123456")
    assert info.sex == sex
    assert info.birth_year == year


@pytest.mark.parametrize("digit", [4, 5, 6, 7, 8, 9])
def test_future_centuries_rejected(fixed_year: int, digit: int) -> None:
    with pytest.raises(DomainError) as err:
        parse_id_number(f"001{digit}05123456")
    century = 1900 + 100 * (digit // 2)
    assert str(century + 5) in err.value.message.vi
    assert "tương lai" in err.value.message.vi
    assert "future" in err.value.message.en


@pytest.mark.parametrize("digit", range(10))
def test_century_sex_formula_for_all_digits(monkeypatch: pytest.MonkeyPatch, digit: int) -> None:
    monkeypatch.setattr(idnumber, "_this_year", lambda: 9999)
    info = parse_id_number(f"001{digit}42123456")
    assert info.sex == ("female" if digit % 2 else "male")
    assert info.birth_year == 1900 + 100 * (digit // 2) + 42


def test_birth_year_this_year_ok_next_year_rejected(fixed_year: int) -> None:
    assert parse_id_number("001226000001").birth_year == 2026
    with pytest.raises(DomainError):
        parse_id_number("001227000001")


def test_1900_and_2000_boundaries() -> None:
    assert parse_id_number("001000000001").birth_year == 1900
    assert parse_id_number("001099000001").birth_year == 1999
    assert parse_id_number("001200000001").birth_year == 2000


@pytest.mark.parametrize(
    "raw",
    ["087 084 000 999", "087.084.000.999", "087-084-000-999", " 087084000999 ", "'087084000999"],
)
def test_separators_ignored(raw: str) -> None:
    assert parse_id_number(raw).number == "087084000999"


def test_fullwidth_digits_accepted() -> None:
    assert parse_id_number("０８７０８４０００９９９").number == "087084000999"


@pytest.mark.parametrize(("raw", "n"), [("08708400099", 11), ("0870840009991", 13), ("1234", 4)])
def test_wrong_length(raw: str, n: int) -> None:
    with pytest.raises(DomainError) as err:
        parse_id_number(raw)
    assert err.value.message.vi.startswith(
        f"Số định danh cá nhân phải gồm 12 chữ số (đang có {n})."
    )
    assert f"must have 12 digits (it has {n})" in err.value.message.en


def test_eleven_digits_hints_lost_leading_zero() -> None:
    with pytest.raises(DomainError) as err:
        parse_id_number("87084000999")
    assert "số 0 ở đầu" in err.value.message.vi


@pytest.mark.parametrize("raw", ["", "   ", " . - "])
def test_empty(raw: str) -> None:
    with pytest.raises(DomainError) as err:
        parse_id_number(raw)
    assert "Chưa nhập" in err.value.message.vi


@pytest.mark.parametrize("raw", ["08708400099A", "O87084000999", "087084000999x", "087/084/000"])
def test_letters_rejected(raw: str) -> None:
    with pytest.raises(DomainError) as err:
        parse_id_number(raw)
    assert "chỉ được gồm chữ số" in err.value.message.vi


@pytest.mark.parametrize("code", ["000", "003", "097", "099", "100"])
def test_unknown_province_code(code: str) -> None:
    with pytest.raises(DomainError) as err:
        parse_id_number(f"{code}084000999")
    assert err.value.message.vi.startswith(
        f"Mã tỉnh {code} trong số định danh không có trong danh mục nơi đăng ký khai sinh."
    )
    assert f"Province code {code}" in err.value.message.en


@pytest.mark.parametrize("code", ["296", "300", "999"])
def test_code_beyond_countries(code: str) -> None:
    with pytest.raises(DomainError) as err:
        parse_id_number(f"{code}084000999")
    assert code in err.value.message.vi
    assert "101–295" in err.value.message.vi


def test_cmnd_refused_by_default() -> None:
    with pytest.raises(DomainError) as err:
        parse_id_number("123456789")
    assert "12 chữ số" in err.value.message.vi
    assert "9" in err.value.message.vi


def test_cmnd_allowed() -> None:
    info = parse_id_number("123 456 789", allow_cmnd=True)
    assert info == IdInfo("123456789", "cmnd", None, None, False, None, None)


def test_allow_cmnd_still_requires_12_for_other_lengths() -> None:
    with pytest.raises(DomainError):
        parse_id_number("1234567890", allow_cmnd=True)


def test_consistency_ok_and_unknown() -> None:
    info = parse_id_number("087084000999")
    assert check_id_consistency(info) == []
    assert check_id_consistency(info, birth_year=1984, sex="male") == []
    assert check_id_consistency(info, birth_year=None, sex=None) == []
    assert check_id_consistency(info, sex="") == []


def test_consistency_birth_year_mismatch() -> None:
    info = parse_id_number("087084000999")
    problems = check_id_consistency(info, birth_year=1985)
    assert len(problems) == 1
    assert "1985" in problems[0].vi and "1984" in problems[0].vi
    assert "1985" in problems[0].en and "1984" in problems[0].en


def test_consistency_sex_mismatch() -> None:
    info = parse_id_number("087184000999")
    assert info.sex == "female"
    problems = check_id_consistency(info, sex="male")
    assert len(problems) == 1
    assert "Giới tính nam" in problems[0].vi and "nữ" in problems[0].vi
    assert "female" in problems[0].en


def test_consistency_both_mismatches() -> None:
    info = parse_id_number("087084000999")
    assert len(check_id_consistency(info, birth_year=2000, sex="female")) == 2


def test_consistency_cmnd_not_checked() -> None:
    info = parse_id_number("123456789", allow_cmnd=True)
    assert check_id_consistency(info, birth_year=1950, sex="female") == []


def test_describe_in_both_languages() -> None:
    info = parse_id_number("087084000999")
    assert describe_id(info, "vi") == "Nam, sinh năm 1984, đăng ký khai sinh tại Đồng Tháp"
    assert describe_id(info, "en") == "Male, born 1984, birth registered in Đồng Tháp"


def test_describe_female_abroad() -> None:
    japan = next(code for code, name in country_codes().items() if name.startswith("Nhật Bản"))
    info = parse_id_number(f"{japan}195000001")
    name = country_codes()[japan]
    assert describe_id(info, "vi") == f"Nữ, sinh năm 1995, đăng ký khai sinh ở nước ngoài ({name})"
    assert describe_id(info, "en") == f"Female, born 1995, birth registered abroad ({name})"


def test_describe_cmnd() -> None:
    info = parse_id_number("123456789", allow_cmnd=True)
    assert describe_id(info, "vi") == "Số CMND cũ (9 chữ số)"
    assert "CMND" in describe_id(info, "en")


def test_describe_follows_current_language() -> None:
    from de06desk.domain.i18n import set_language

    info = parse_id_number("087084000999")
    set_language("en")
    try:
        assert describe_id(info).startswith("Male")
    finally:
        set_language("vi")
    assert describe_id(info).startswith("Nam")


@given(
    code=st.sampled_from(EXPECTED_PROVINCE_CODES),
    digit=st.sampled_from("0123"),
    yy=st.integers(0, 99),
    rest=st.integers(0, 999_999),
)
def test_roundtrip_property(code: str, digit: str, yy: int, rest: int) -> None:
    number = f"{code}{digit}{yy:02d}{rest:06d}"
    year = 1900 + 100 * (int(digit) // 2) + yy
    if year > date.today().year:
        with pytest.raises(DomainError):
            parse_id_number(number)
        return
    info = parse_id_number(number)
    assert info.number == number
    assert info.birth_year == year
    assert check_id_consistency(info, birth_year=info.birth_year, sex=info.sex) == []
