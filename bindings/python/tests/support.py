"""Paths the tests share: the repository's example and test data."""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[3]
HEADERS = ROOT / "bindings" / "c" / "include" / "tmo"
EXAMPLES = ROOT / "examples"
RIVERSIDE = EXAMPLES / "data" / "riverside_tmo.toml"
DATA = ROOT / "tests" / "data"
BROKEN = DATA / "constitutions" / "broken"
ABERDEEN = DATA / "elections" / "scotland" / "2017" / "aberdeen_2017_ward1"
