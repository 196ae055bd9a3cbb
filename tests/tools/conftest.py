"""Shared fixtures for the tests of tests/tools (the iOS checks)."""

import pathlib
import shutil
import subprocess
import sys

import pytest

TOOLS = pathlib.Path(__file__).resolve().parent
REPO = TOOLS.parents[1]
FIXTURES = TOOLS / "fixtures"
sys.path.insert(0, str(TOOLS))


@pytest.fixture
def fake_repo(tmp_path):
    """A repository with the fixture Android strings, the real catalog
    generator, the fixture iOS app and its generated catalog."""
    res = tmp_path / "android/ui/src/main/res"
    shutil.copytree(FIXTURES / "android_res", res)
    shutil.copytree(FIXTURES / "ios_app", tmp_path / "ios")
    (tmp_path / "ios/scripts").mkdir()
    shutil.copy(REPO / "ios/scripts/make_string_catalog.py", tmp_path / "ios/scripts/")
    subprocess.run([sys.executable, str(tmp_path / "ios/scripts/make_string_catalog.py"), str(tmp_path)],
                   check=True, capture_output=True)
    return tmp_path
