"""The cheap language guess: scripts, letters that split a script, English among Latin."""
from __future__ import annotations

import pytest

from warwire.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two people were injured when a drone hit a warehouse, the mayor said.", "en"),
        ("Уночі ворожі дрони влучили в енергетичний об'єкт, повідомила обласна адміністрація.", "uk"),
        ("Ночью беспилотники атаковали нефтебазу, сообщил губернатор области.", "ru"),
        ("قالت وزارة الصحة إن غارة جوية أصابت مبنى سكنيا في المدينة.", "ar"),
        ("פגז נפל ליד בית ספר בעיר, אמרה המשטרה.", "he"),
        ("无人机昨晚袭击了城市的发电厂。", "zh"),
        ("昨夜、ドローンが発電所を攻撃しました。", "ja"),
        ("Trois personnes ont été blessées quand un drone a frappé un entrepôt, a déclaré le préfet.", "fr"),
        ("Drei Menschen wurden verletzt, als eine Drohne ein Lagerhaus traf, sagte der Bürgermeister.", "de"),
        ("Tres personas resultaron heridas cuando un dron alcanzó un almacén, según el alcalde.", "es"),
        ("1234 5678 -- 90", "und"),
    ],
)
def test_language_detects_by_script_and_letters(text, expected):
    assert detect_language(text) == expected


def test_language_short_english_without_th_is_still_english():
    assert detect_language("On 3 May 2024, drones hit Sumy. Casualties unknown.") == "en"


def test_language_long_accentless_latin_without_th_is_not_english():
    text = "Pasukan menyerang kota pada malam hari dan warga mengungsi ke desa lain. " * 8
    assert detect_language(text) == "und"


def test_language_english_article_quoting_cyrillic_stays_english():
    text = "The regional governor wrote on Telegram that the strike hit a school (школа) in the city centre."
    assert detect_language(text) == "en"


def test_language_english_naming_accented_places_stays_english():
    text = (
        "At least three people were injured when grenades exploded in the Czułów district, "
        "and the army said it retook Río Grande."
    )
    assert detect_language(text) == "en"
