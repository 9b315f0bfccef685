import pytest
from hypothesis import given
from hypothesis import strategies as st

from de06desk.domain.text import fold

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđbcdghklmnpqrstvx"
)
ALL_LETTERS = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper()


def test_example_name() -> None:
    assert fold("Nguyễn Thị Hường") == "nguyen thi huong"


def test_every_tone_mark_on_every_vowel() -> None:
    assert fold("aàáảãạ ăằắẳẵặ âầấẩẫậ") == "aaaaaa aaaaaa aaaaaa"
    assert fold("eèéẻẽẹ êềếểễệ iìíỉĩị") == "eeeeee eeeeee iiiiii"
    assert fold("oòóỏõọ ôồốổỗộ ơờớởỡợ") == "oooooo oooooo oooooo"
    assert fold("uùúủũụ ưừứửữự yỳýỷỹỵ") == "uuuuuu uuuuuu yyyyyy"


def test_uppercase_and_d_with_stroke() -> None:
    assert fold("ĐẶNG VĂN ĐỨC") == "dang van duc"
    assert fold("Đắk Lắk") == "dak lak"
    assert fold("ỨNG HÒA") == "ung hoa"


def test_whitespace_collapsed_and_stripped() -> None:
    assert fold("  Lê\t\tVăn \n Tám  ") == "le van tam"
    assert fold("") == ""
    assert fold("   ") == ""


def test_decomposed_input_same_as_precomposed() -> None:
    decomposed = "Nguye\u0302\u0303n Thi\u0323 Hu\u031bo\u031b\u0300ng"
    assert fold(decomposed) == "nguyen thi huong"


def test_other_latin_and_non_letters_kept() -> None:
    assert fold("Café Müller 12/3") == "cafe muller 12/3"
    assert fold("Số 5, ngõ 10") == "so 5, ngo 10"


@given(st.text(alphabet=ALL_LETTERS + " \t", max_size=40))
def test_vietnamese_letters_fold_to_ascii(text: str) -> None:
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower()
    assert "  " not in folded
    assert folded == folded.strip()


@given(st.text(max_size=60))
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@given(st.text(alphabet=ALL_LETTERS, min_size=1, max_size=20))
def test_fold_keeps_length_of_a_word(word: str) -> None:
    assert len(fold(word)) == len(word)


def test_untrusted_text_gate_refuses_what_no_field_may_hold() -> None:
    from de06desk.domain.text import UnsafeText, check_untrusted

    assert check_untrusted("Nguyễn\tThị") == "Nguyễn\tThị"
    assert check_untrusted("dòng 1\ndòng 2", multiline=True) == "dòng 1\ndòng 2"
    for bad in ("a\x00b", "\ud800", "x\x1b[2J", "a\nb", "a\rb", "\u202egnp.exe", "\x85"):
        with pytest.raises(UnsafeText):
            check_untrusted(bad)


def test_printable_shows_escapes_instead_of_running_them() -> None:
    from de06desk.domain.text import printable

    assert printable("tệp\nĐÃ NHẬP\x1b[31m") == "tệp\\nĐÃ NHẬP\\x1b[31m"
    assert printable("\ud800") == "\\ud800"
    assert printable("x" * 300, limit=10) == "x" * 10 + "…"


def test_is_safe_agrees_with_the_gate() -> None:
    from de06desk.domain.text import UnsafeText, check_untrusted, is_safe

    for text in ["Nguyễn\tThị", "a\nb", "\ud800", "x\x00", "\x1b[2J", "\u202e", "ok"]:
        for multiline in (False, True):
            try:
                check_untrusted(text, multiline=multiline)
                accepted = True
            except UnsafeText:
                accepted = False
            assert is_safe(text, multiline=multiline) == accepted, (text, multiline)
