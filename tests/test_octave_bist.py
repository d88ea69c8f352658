"""Run the BIST blocks (%!test, %!assert, %!error) of every Octave file."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchop_dask.octave_tree import octave_tree

TEST_METHODS = Path(__file__).resolve().parent / "octave_methods"

pytestmark = pytest.mark.slow


def _octave_files() -> list[Path]:
    return sorted(octave_tree().rglob("*.m")) + sorted(TEST_METHODS.rglob("*.m"))


@pytest.mark.parametrize("path", _octave_files(), ids=lambda p: p.stem)
def test_bist(octave, path: Path, tmp_path: Path):
    log = tmp_path / "bist.log"
    fid = octave.call("fopen", str(log), "w")
    try:
        passed, total = octave.call("test", path.stem, "quiet", fid, nout=2, timeout=300)
    finally:
        octave.call("fclose", fid)
    assert total > 0, f"{path.name} has no BIST blocks"
    assert passed == total, f"{path.name}: {int(passed)} of {int(total)} passed\n{log.read_text()}"
