"""Vietnamese alphabetical order of names and places."""

from __future__ import annotations

import random

from de06desk.domain.vnsort import name_sort_key, sort_key


def test_letters_follow_the_vietnamese_alphabet() -> None:
    words = ["An", "Ăn", "Ân", "Bình", "Cúc", "Dung", "Đào", "Em", "Êm", "Giang", "Ông", "Ơn", "Ưu"]
    shuffled = words[:]
    random.Random(6).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == words
    # Code-point order gets it wrong: Đ (U+0110) and Ư (U+01AF) sort after every plain letter.
    assert sorted(words) != words


def test_tones_come_after_the_letters_in_their_order() -> None:
    tones = ["ma", "mà", "má", "mả", "mã", "mạ"]  # none, huyền, sắc, hỏi, ngã, nặng
    assert sorted(reversed(tones), key=sort_key) == tones
    # The letters of the whole word decide before any tone: "mạc" after "mà", before "mai".
    assert sorted(["mai", "mạc", "mà"], key=sort_key) == ["mà", "mạc", "mai"]


def test_case_and_spaces_do_not_matter_and_shorter_comes_first() -> None:
    assert sort_key("thôn  đông") == sort_key("Thôn Đông")
    assert sorted(["An Bình", "An"], key=sort_key) == ["An", "An Bình"]


def test_people_sort_by_given_name_then_family_name() -> None:
    people = ["Bùi A Huy", "Lò Văn An", "Bùi A Hùng", "Đặng Thị Ánh", "Sùng A Hùng"]
    assert sorted(people, key=name_sort_key) == [
        "Lò Văn An",
        "Đặng Thị Ánh",
        "Bùi A Hùng",
        "Sùng A Hùng",
        "Bùi A Huy",
    ]


def test_keys_are_ascii_so_sqlite_can_compare_them_bytewise() -> None:
    for text in ("Nguyễn Thị Hường", "Ưng Hoàng Phúc", "Thôn 4"):
        assert sort_key(text).isascii() and name_sort_key(text).isascii()
    assert name_sort_key(None) == sort_key("") == ""
