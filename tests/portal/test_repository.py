"""What a fresh clone gets: nothing tracked points at another machine's folders."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def tracked_entries():
    try:
        listing = subprocess.run(  # nosec B603 B607 - fixed git command over the project's own tree
            ["git", "ls-files", "-s", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    for record in listing.split(b"\0"):
        if record:
            meta, path = record.split(b"\t", 1)
            yield meta.split()[0].decode(), path.decode()


def test_no_tracked_symbolic_link():
    links = [path for mode, path in tracked_entries() if mode == "120000"]
    assert links == [], f"tracked symbolic links (a fresh clone gets this machine's paths): {links}"


def test_no_tracked_file_resolves_outside_the_repository():
    outside = []
    for _mode, path in tracked_entries():
        full = ROOT / path
        if os.path.lexists(full) and not full.resolve().is_relative_to(ROOT.resolve()):
            outside.append(path)
    assert outside == []


def test_media_folder_is_not_tracked():
    assert [path for _m, path in tracked_entries() if path == "media" or path.startswith("media/")] == []


def test_pinned_requirements_name_no_index_or_path_of_this_machine():
    for name in ("requirements.txt", "requirements-test.txt"):
        options = [
            line
            for line in (ROOT / name).read_text().splitlines()
            if line.startswith(("-i", "--index-url", "--extra-index-url", "-f", "--find-links"))
            or "file://" in line
        ]
        assert options == [], f"{name} names an index or folder of one machine: {options}"
