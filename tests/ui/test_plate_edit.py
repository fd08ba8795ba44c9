"""The plate field: home province pre-filled, one-click province grid, cleaned as typed, kind and colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.plate import PROVINCES
from tests.ui.helpers_orders import ime_commit
from ui.widgets.plate_edit import PlateEdit, put_char


def make(qtbot: QtBot, home: str = "沪") -> PlateEdit:
    edit = PlateEdit(home)
    qtbot.addWidget(edit)
    edit.show()
    edit.line.setFocus()
    return edit


def test_home_province_is_prefilled_and_typing_continues_after_it(qtbot: QtBot) -> None:
    edit = make(qtbot)
    assert edit.plate() == "沪"
    assert edit.line.cursorPosition() == 1
    qtbot.keyClicks(edit.line, "a12345")
    assert edit.plate() == "沪A12345"


def test_letters_upper_case_and_noise_disappears_as_typed(qtbot: QtBot) -> None:
    edit = make(qtbot)
    qtbot.keyClicks(edit.line, "b1 2-3.")
    ime_commit(edit.line, "４·５")
    assert edit.line.text() == "沪B12345"
    assert edit.line.cursorPosition() == len("沪B12345")


def test_ordinary_plate_is_named_and_blue_proposed(qtbot: QtBot) -> None:
    edit = make(qtbot)
    qtbot.keyClicks(edit.line, "A12345")
    assert "7" in edit.kind_label.text()
    assert edit.plate_colour() == 1


def test_new_energy_plate_is_named_and_green_proposed(qtbot: QtBot) -> None:
    edit = make(qtbot)
    qtbot.keyClicks(edit.line, "AD12345")
    assert "新能源" in edit.kind_label.text() and "8" in edit.kind_label.text()
    assert edit.plate_colour() == 94


def test_incomplete_plate_says_how_many_characters_are_missing(qtbot: QtBot) -> None:
    edit = make(qtbot)
    qtbot.keyClicks(edit.line, "A12")
    assert "3" in edit.kind_label.text()


def test_the_users_colour_choice_stays_until_the_kind_of_plate_changes(qtbot: QtBot) -> None:
    edit = make(qtbot)
    qtbot.keyClicks(edit.line, "A12345")
    edit.set_plate_colour(3)  # black: the clerk knows better
    qtbot.keyClick(edit.line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit.line, "6")
    assert edit.plate_colour() == 3
    qtbot.keyClicks(edit.line, "D")  # 沪A12346D: a large new-energy plate
    assert edit.plate_colour() == 93


def test_large_vehicles_get_yellow_proposed(qtbot: QtBot) -> None:
    edit = make(qtbot)
    qtbot.keyClicks(edit.line, "A12345")
    edit.set_large_vehicle(True)
    assert edit.plate_colour() == 2


def test_province_grid_has_every_province_and_one_click_replaces_the_first_character(qtbot: QtBot) -> None:
    edit = make(qtbot)
    qtbot.keyClicks(edit.line, "A12345")
    for char in PROVINCES + "使领挂学警港澳":
        assert char in edit.picker.buttons
    edit.picker_button.click()
    assert edit.picker.isVisible()
    edit.picker.buttons["粤"].click()
    assert edit.plate() == "粤A12345"
    assert not edit.picker.isVisible()
    assert edit.window().focusWidget() is edit.line  # typing goes on in the plate field


def test_f4_opens_the_grid_from_the_keyboard(qtbot: QtBot) -> None:
    edit = make(qtbot)
    edit.activateWindow()
    qtbot.waitUntil(edit.line.hasFocus)
    qtbot.keyClick(edit.line, Qt.Key.Key_F4)
    assert edit.picker.isVisible()


def test_tail_characters_go_last() -> None:
    assert put_char("沪A1234", "学") == "沪A1234学"
    assert put_char("沪A1234学", "警") == "沪A1234警"
    assert put_char("A12345", "京") == "京A12345"
    assert put_char("沪A12345", "京") == "京A12345"


def test_problem_names_the_position_of_a_letter_o(qtbot: QtBot) -> None:
    edit = make(qtbot)
    qtbot.keyClicks(edit.line, "AO2345")
    problem = edit.problem()
    assert problem is not None and problem.code == "plate.letter_io"
    qtbot.keyClick(edit.line, Qt.Key.Key_Backspace)
    edit.set_plate("沪A02345")
    assert edit.problem() is None


def test_shop_province_arrives_later_and_an_untouched_field_follows(qtbot: QtBot) -> None:
    edit = make(qtbot, home="")
    assert edit.plate() == ""
    edit.set_home_province("粤")
    assert edit.plate() == "粤"
