"""link stage: reports of one incident, across articles, linked into incidents."""
