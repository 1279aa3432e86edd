"""One gazetteer per test session, built into a temporary cache directory."""
from __future__ import annotations

import pytest

from warwire.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        path = tmp_path_factory.mktemp("warwire-cache")
        patch.setenv("WARWIRE_CACHE_DIR", str(path))
        yield path


@pytest.fixture(scope="session")
def gaz(gazetteer_cache) -> Gazetteer:
    from warwire.geo.build import load_index

    return Gazetteer(load_index())
