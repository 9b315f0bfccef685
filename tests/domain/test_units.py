import pytest

from de06desk.domain.i18n import DomainError
from de06desk.domain.text import fold
from de06desk.domain.units import (
    Commune,
    LegacyWard,
    Province,
    communes,
    convert_legacy_ward,
    get_commune,
    legacy_ward,
    province_for_old_code,
    provinces,
    search_communes,
)


def test_34_provinces() -> None:
    result = provinces()
    assert len(result) == 34
    assert len({p.code for p in result}) == 34
    assert result[0] == Province("001", "Thành phố Hà Nội", "thành phố trung ương")
    assert sum(p.type == "tỉnh" for p in result) == 28
    assert sum(p.type == "thành phố trung ương" for p in result) == 6


def test_3321_communes_by_type() -> None:
    result = communes()
    assert len(result) == 3321
    assert len({c.code for c in result}) == 3321
    types = [c.type for c in result]
    assert types.count("xã") == 2621
    assert types.count("phường") == 687
    assert types.count("đặc khu") == 13


def test_communes_per_province_add_up() -> None:
    total = 0
    for province in provinces():
        units = communes(province.code)
        assert units
        assert all(c.province_code == province.code for c in units)
        assert all(c.province_name == province.name for c in units)
        total += len(units)
    assert total == 3321
    assert len(communes("001")) == 126


def test_communes_accepts_unpadded_code() -> None:
    assert communes("1") == communes("001")


def test_communes_unknown_province() -> None:
    with pytest.raises(DomainError) as err:
        communes("087")  # Đồng Tháp's old code, merged away in 2025
    assert "087" in err.value.message.vi


def test_returned_lists_are_copies() -> None:
    communes().clear()
    provinces().clear()
    assert len(communes()) == 3321
    assert len(provinces()) == 34


def test_get_commune_and_full_name() -> None:
    commune = get_commune("03037")
    assert commune == Commune("03037", "Xã Tả Van", "xã", "015", "Tỉnh Lào Cai")
    assert commune.full_name == "Xã Tả Van, Tỉnh Lào Cai"
    assert get_commune("3037") == commune


@pytest.mark.parametrize("code", ["99999", "00001", "", "abc"])
def test_get_commune_unknown(code: str) -> None:
    with pytest.raises(DomainError) as err:
        get_commune(code)
    assert f"Mã xã {code} " in err.value.message.vi
    assert "2025" in err.value.message.vi
    assert "2025" in err.value.message.en


@pytest.mark.parametrize("query", ["ta van", "Tả Van", "TẢ VAN", "xã tả van", "  ta   van "])
def test_search_ta_van_first(query: str) -> None:
    result = search_communes(query)
    assert result[0].code == "03037"


def test_search_by_name_and_province_words() -> None:
    result = search_communes("ta van lao cai")
    assert result[0].code == "03037"
    assert all(c.province_code == "015" for c in result)


def test_search_nguyen() -> None:
    result = search_communes("nguyen", limit=500)
    assert result
    assert any(c.name == "Xã Nguyễn Huệ" for c in result)
    # Name matches come before communes matched only through the province name.
    name_hits = [("nguyen" in fold(c.name)) for c in result]
    assert name_hits == sorted(name_hits, reverse=True)
    assert any(
        c.province_name == "Tỉnh Thái Nguyên" and "nguyen" not in fold(c.name) for c in result
    )


def test_search_ranks_prefix_before_substring_before_province() -> None:
    def rank(c: Commune) -> int:
        bare = fold(c.name).removeprefix(fold(c.type)).strip()
        if bare.startswith("nguyen"):
            return 0
        return 1 if "nguyen" in bare else 2

    ranks = [rank(c) for c in search_communes("nguyen", limit=500)]
    assert ranks == sorted(ranks)
    assert set(ranks) == {0, 1, 2}


def test_search_exact_code_first() -> None:
    assert search_communes("03037")[0].code == "03037"
    assert search_communes("3037")[0].code == "03037"


def test_search_limit_and_empty() -> None:
    assert len(search_communes("xa", limit=10)) == 10
    assert len(search_communes("", limit=5)) == 5
    assert search_communes("zzzz khong co") == []


def test_legacy_ward() -> None:
    ward = legacy_ward("00001")
    assert ward == LegacyWard(
        "00001", "Phường Phúc Xá", "001", "Quận Ba Đình", "001", "Thành phố Hà Nội"
    )
    assert legacy_ward("1") == ward


def test_legacy_ward_unknown() -> None:
    with pytest.raises(DomainError) as err:
        legacy_ward("99999")
    assert "99999" in err.value.message.vi


def test_convert_whole_ward() -> None:
    assert convert_legacy_ward("00004") == [(get_commune("00004"), False)]
    assert convert_legacy_ward("00013") == [(get_commune("00004"), False)]


def test_convert_split_ward() -> None:
    result = convert_legacy_ward("00016")
    assert [(c.name, partly) for c, partly in result] == [
        ("Phường Ba Đình", True),
        ("Phường Ngọc Hà", True),
    ]


def test_convert_unknown_ward() -> None:
    with pytest.raises(DomainError) as err:
        convert_legacy_ward("99999")
    assert "99999" in err.value.message.vi


def test_province_for_old_code() -> None:
    assert province_for_old_code("087").name == "Tỉnh Đồng Tháp"
    assert province_for_old_code("002").name == "Tỉnh Tuyên Quang"
    assert province_for_old_code("001").code == "001"
    assert province_for_old_code("1").code == "001"
    with pytest.raises(DomainError):
        province_for_old_code("097")


def test_every_old_province_maps_to_a_current_one() -> None:
    from de06desk.domain.idnumber import province_codes

    current = {p.code for p in provinces()}
    targets = {province_for_old_code(code).code for code in province_codes()}
    assert targets == current
