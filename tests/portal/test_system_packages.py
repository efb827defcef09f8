"""scripts/system-packages.sh, which `make install` runs: quiet when Debian's packages are there,
installs only what is missing, with one apt-get update first.

The first test runs it as it is on this machine (make test installed the packages first). The
others put a dpkg-query and an apt-get of their own first on PATH, which say which packages are
missing and write down how they were called, so nothing is installed by the test."""

import shutil
import subprocess  # nosec B404 # runs the project's own script
from pathlib import Path

import pytest
from django.conf import settings

SCRIPT = settings.BASE_DIR / "scripts" / "system-packages.sh"
BASH = shutil.which("bash")

pytestmark = pytest.mark.skipif(shutil.which("apt-get") is None, reason="not a Debian machine")


def run(env=None):
    return subprocess.run(  # nosec B603 # a fixed script
        [BASH, str(SCRIPT)], capture_output=True, text=True, env=env, check=False, timeout=120
    )


def test_quiet_and_successful_when_everything_is_installed():
    result = run()
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def fake_debian(tmp_path, missing):
    """A PATH whose dpkg-query reports `missing` as not installed and whose apt-get logs its calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    dpkg = bin_dir / "dpkg-query"
    dpkg.write_text(
        f'#!/bin/sh\nfor p in {" ".join(missing)}; do [ "$3" = "$p" ] && exit 1; done\nprintf installed\n'
    )
    apt = bin_dir / "apt-get"
    apt.write_text(f'#!/bin/sh\necho "$@" >>"{log}"\n')
    for tool in (dpkg, apt):
        tool.chmod(0o755)
    path = f"{bin_dir}:{Path(BASH).parent}:/usr/bin:/bin"
    return {"PATH": path, "HOME": str(tmp_path)}, log


def test_installs_only_the_missing_packages_after_one_update(tmp_path):
    env, log = fake_debian(tmp_path, ["fonts-noto-cjk", "libpangoft2-1.0-0"])
    result = run(env)
    assert result.returncode == 0, result.stderr
    assert "installing libpangoft2-1.0-0 fonts-noto-cjk" in result.stdout
    calls = log.read_text().splitlines()
    assert len(calls) == 2 and calls[0] == "update -qq"
    installed = calls[1].split()
    assert installed[:2] == ["install", "-y"]
    assert installed[-2:] == ["libpangoft2-1.0-0", "fonts-noto-cjk"]


def test_no_update_when_nothing_is_missing(tmp_path):
    env, log = fake_debian(tmp_path, [])
    result = run(env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert not log.exists(), "apt-get was not called"
