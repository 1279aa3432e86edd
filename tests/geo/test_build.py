"""The packaged data regenerates byte for byte from the shared source files."""
from __future__ import annotations

import gzip

from warwire.geo.build import UA_FILE, _data_dir, regenerate_data


def test_build_regenerates_packaged_data(shared, tmp_path):
    regenerate_data(shared / "data" / "gazetteer", tmp_path)
    packaged = _data_dir() / "gazetteer"
    assert gzip.decompress((tmp_path / UA_FILE).read_bytes()) == gzip.decompress((packaged / UA_FILE).read_bytes())
    assert (tmp_path / "geonames_admin1.json").read_text() == (packaged / "geonames_admin1.json").read_text()


def test_build_packaged_table_has_every_settlement():
    with gzip.open(_data_dir() / "gazetteer" / UA_FILE, "rt", encoding="utf-8") as handle:
        assert sum(1 for _ in handle) == 29_709
