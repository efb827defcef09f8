"""What a fresh clone gets: nothing tracked points at another machine's folders."""

import ast
import os
import subprocess
import sys
from importlib.metadata import packages_distributions
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


PROJECT_PACKAGES = ("portal", "employers", "campaigns", "stories", "search", "api", "impact")


def _normalised(name):
    return name.lower().replace("_", "-").replace(".", "-")


def test_requirements_in_declares_every_package_the_code_imports():
    """A package the code imports only because another one happens to pull it in (django-ninja
    through Wagtail, elasticsearch through elasticsearch-dsl) disappears the day that one drops
    it: requirements.in names each directly (issue 15)."""

    declared = {
        _normalised(line.split("#")[0].split("[")[0].split(">")[0].split("<")[0].split("=")[0].strip())
        for line in (ROOT / "requirements.in").read_text().splitlines()
        if line.split("#")[0].strip()
    }
    distributions = packages_distributions()
    local = {path.name for path in ROOT.iterdir() if path.is_dir()} | {"manage"}
    undeclared = {}
    for package in PROJECT_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:  # generated: they name what the models used
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top in sys.stdlib_module_names or top in local:
                        continue
                    owners = {_normalised(owner) for owner in distributions.get(top, [top])}
                    if not owners & declared:
                        undeclared.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    assert undeclared == {}, f"imported but not in requirements.in: {undeclared}"
