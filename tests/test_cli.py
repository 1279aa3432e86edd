"""``warwire extract`` end to end, in process: JSON Lines that keep the contract, a table,
help that opens with an example, and one line per bad input while the good ones still
come through. Every article here is written by the test (no third-party text)."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire.cli import app

GOOD = (
    "Drone strike hits fuel depot near Kharkiv\n\n"
    "Russian drones struck a fuel depot in Kharkiv on Monday, killing two workers and injuring "
    "five others, the regional governor said. Firefighters put out the blaze by the evening.\n"
)
# latin-1 bytes of an English report that names a café: must be decoded, not refused
LATIN1 = (
    "Shelling damaged the Café Lviv in Kherson on Monday, killing one man, the city's military "
    "administration said. The owner said the windows of the café were blown out.\n"
).encode("latin-1")
CYRILLIC = "Російські війська обстріляли Херсон у понеділок, загинули двоє людей, ще п'ятеро поранені.\n"

TYPES = {"strike", "clash", "territory", "interception", "violence_against_civilians", "protest", "meeting",
         "agreement", "aid", "sanction", "statement"}
QUALIFIERS = {"exact", "at_least", "more_than", "about", "up_to"}
PRECISIONS = {"place", "admin1", "country"}
STATUSES = {"occurred", "claimed", "unverified", "planned"}
SOURCE_KINDS = {"military", "government", "local_official", "media", "ngo", "person"}
TARGETS = {"civilians", "residential", "energy", "water", "port", "oil", "military", "transport", "industrial",
           "government", "medical", "education", "infrastructure"}
WEAPON_KINDS = {"drone", "missile", "guided_bomb", "artillery", "rocket", "aircraft"}
FIELDS = {"article", "type", "subtype", "date", "date_precision", "place", "actor1", "actor2", "participants",
          "targets", "killed", "killed_qualifier", "injured", "injured_qualifier", "weapons", "status", "source",
          "evidence"}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def is_country(code: object) -> bool:
    return code is None or (isinstance(code, str) and len(code) == 2 and code.isupper())


def check_span(span: dict, text: str) -> None:
    assert set(span) == {"start", "end"}
    assert isinstance(span["start"], int) and isinstance(span["end"], int)
    assert 0 <= span["start"] < span["end"] <= len(text)


def check_party(party: dict | None) -> None:
    if party is not None:
        assert set(party) == {"name", "country"}
        assert isinstance(party["name"], str) and party["name"].strip()
        assert is_country(party["country"])


def check_event(event: dict, text: str) -> None:
    """Every field of ANNOTATION.md present, of the right type, offsets inside ``text``."""
    assert FIELDS <= set(event), FIELDS - set(event)
    assert event["type"] in TYPES
    assert event["subtype"] is None or isinstance(event["subtype"], str)
    if event["date"] is not None:
        date.fromisoformat(event["date"])
        assert event["date_precision"] in {"day", "week", "month"}
    place = event["place"]
    if place is not None:
        assert {"name", "admin1_iso", "country", "lat", "lon", "precision"} <= set(place)
        assert isinstance(place["name"], str) and place["name"].strip()
        assert place["precision"] in PRECISIONS
        assert is_country(place["country"])
        assert place["admin1_iso"] is None or place["admin1_iso"].startswith(f"{place['country']}-")
        for axis, bound in (("lat", 90), ("lon", 180)):
            assert place[axis] is None or (isinstance(place[axis], float | int) and abs(place[axis]) <= bound)
    check_party(event["actor1"])
    check_party(event["actor2"])
    assert isinstance(event["participants"], list)
    for party in event["participants"]:
        check_party(party)
    assert isinstance(event["targets"], list) and set(event["targets"]) <= TARGETS
    for figure in ("killed", "injured"):
        value, qualifier = event[figure], event[f"{figure}_qualifier"]
        if value is None:
            assert qualifier is None
        else:
            assert isinstance(value, int) and not isinstance(value, bool) and value >= 0
            assert qualifier in QUALIFIERS
    assert isinstance(event["weapons"], list)
    for weapon in event["weapons"]:
        assert {"kind", "count", "qualifier", "model"} <= set(weapon)
        assert weapon["kind"] in WEAPON_KINDS
        assert weapon["count"] is None or (isinstance(weapon["count"], int) and weapon["count"] >= 0)
        assert weapon["qualifier"] in QUALIFIERS
        assert weapon["model"] is None or isinstance(weapon["model"], str)
    assert event["status"] in STATUSES
    source = event["source"]
    if source is not None:
        assert set(source) == {"name", "side", "kind"}
        assert isinstance(source["name"], str) and source["name"].strip()
        assert is_country(source["side"]) and source["kind"] in SOURCE_KINDS
    assert event["evidence"], "every event states the text that supports it"
    for span in event["evidence"]:
        check_span(span, text)
    for span in event.get("field_evidence", {}).values():
        check_span(span, text)


def events_of(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_cli_extract_prints_json_lines_of_the_contract(runner, tmp_path):
    path = write(tmp_path, "kharkiv-depot.txt", GOOD)
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-01-07"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    events = events_of(result.stdout)
    assert events, "the sample reports a strike"
    for event in events:
        check_event(event, path.read_text(encoding="utf-8"))
        assert event["article"] == "kharkiv-depot"
    strike = next(e for e in events if e["type"] == "strike")
    assert (strike["killed"], strike["injured"]) == (2, 5)
    assert strike["place"]["name"] == "Kharkiv"
    assert strike["date"] == "2025-01-06"


def test_cli_extract_keeps_the_contract_on_the_bundled_samples(runner):
    from warwire.cli import samples_path
    from warwire.ingest import iter_articles
    from warwire.models import Article

    texts = {a.id: a.text for a in iter_articles([samples_path()]) if isinstance(a, Article)}
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 0, result.output
    events = events_of(result.stdout)
    assert {e["article"] for e in events} <= set(texts)
    assert len({e["article"] for e in events}) >= 3
    for event in events:
        check_event(event, texts[event["article"]])


def test_cli_extract_table_prints_a_table(runner, tmp_path):
    path = write(tmp_path, "kharkiv-depot.txt", GOOD)
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-01-07", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "event" in result.stdout and "Kharkiv" in result.stdout
    assert any(ch in result.stdout for ch in "┏━│|"), "a table has borders"
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout.splitlines()[0])


@pytest.mark.parametrize("command", ["extract", "ingest", "stats", "events", "brief", "export", "version"])
def test_cli_every_command_help_opens_with_an_example(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert lines[0].startswith("Usage:")
    assert lines[1] == "Example:"
    assert lines[2].startswith(f"warwire {command}") and lines[2].count("warwire") == 1


def test_cli_every_command_is_in_the_readmes_use_section():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    use = readme.split("## Use", 1)[1].split("\n## ", 1)[0]
    usage = [line for line in use.splitlines() if line.startswith("    warwire ")]
    for command in ("extract", "ingest", "stats", "events", "brief", "export"):
        assert any(re.search(rf"(warwire|\|) {command}\b", line) for line in usage), command


@pytest.mark.parametrize("bad", ["2025-13-01", "yesterday", "07/12/2025"])
def test_cli_extract_bad_published_date_is_a_clear_error(runner, tmp_path, bad):
    path = write(tmp_path, "kharkiv-depot.txt", GOOD)
    result = runner.invoke(app, ["extract", str(path), "--published", bad])
    assert result.exit_code != 0
    assert "--published" in result.stderr and repr(bad) in result.stderr and "YYYY-MM-DD" in result.stderr
    assert result.stdout == ""


def test_cli_extract_reports_each_bad_file_in_one_line_and_goes_on(runner, tmp_path):
    good = write(tmp_path, "good.txt", GOOD)
    bad = {
        "empty": write(tmp_path, "empty.txt", ""),
        "binary": write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"),
        "cyrillic": write(tmp_path, "kherson-uk.txt", CYRILLIC),
        "huge": write(tmp_path, "huge.txt", "Shelling hit the town on Monday. " * 340_000),  # ~11 MB
        "no text": write(tmp_path, "tags.html", "<html><head><title></title></head><body><div><p></div></b></table>"),
        "missing": tmp_path / "missing.txt",
    }
    latin1 = write(tmp_path, "cafe-latin1.txt", LATIN1)
    broken = write(tmp_path, "broken.html", "<html><body><p>Artillery shelling <b>killed three <div>civilians in "
                                           "Kherson on Monday, the regional governor said</p></span>")
    assert bad["huge"].stat().st_size > 11_000_000
    paths = [good, bad["empty"], bad["binary"], latin1, bad["cyrillic"], bad["huge"], broken, bad["no text"],
             bad["missing"]]

    result = runner.invoke(app, ["extract", *map(str, paths), "--published", "2025-01-07"])

    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == len(bad), result.stderr
    for line, (what, path) in zip(errors, bad.items(), strict=True):
        assert line.startswith("warwire: [I") and str(path) in line, (what, line)
    events = events_of(result.stdout)
    articles = {e["article"] for e in events}
    assert {"good", "cafe-latin1", "broken"} <= articles, "good, latin-1 and recoverable HTML files are read"
    latin_events = [e for e in events if e["article"] == "cafe-latin1"]
    assert all(e["place"]["name"] == "Kherson" for e in latin_events if e["place"])


def test_cli_extract_error_lines_stay_one_line_for_odd_names(runner, tmp_path):
    odd = tmp_path / "two\nlines.txt"
    odd.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(odd)])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("warwire: [I003]")
