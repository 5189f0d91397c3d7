"""Where the demo goes: a folder of its own, never one that already holds someone's data."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from bounceback.domain.errors import InvalidInput
from bounceback.settings import Settings, load_settings

DEFAULT_NAME = "bounceback-demo"
# The demo always lives in SQLite in its folder; a configured server (a real search) is never touched.
IGNORED_ENV = ("BOUNCEBACK_DATABASE_URL", "BOUNCEBACK_HOME")


def fresh_folder(parent: Path) -> Path:
    """A name in `parent` that nothing uses yet: bounceback-demo, then bounceback-demo-2, -3, …"""
    candidate, number = parent / DEFAULT_NAME, 2
    while candidate.exists():
        candidate, number = parent / f"{DEFAULT_NAME}-{number}", number + 1
    return candidate


def demo_settings(folder: Path, environ: Mapping[str, str] | None = None) -> Settings:
    """Settings for a demo in `folder`: SQLite there, whatever database the environment names."""
    env = os.environ if environ is None else environ
    return load_settings({k: v for k, v in env.items() if k not in IGNORED_ENV}, home=folder)


def choose_folder(wanted: Path | None, parent: Path) -> Path:
    """The folder to build in: the one asked for if it is safe, else a fresh one in `parent`."""
    if wanted is None:
        return fresh_folder(parent).absolute()
    folder = wanted.expanduser().absolute()
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder} is a file; the demo needs a folder.")
    database = demo_settings(folder).sqlite_path
    if database is not None and database.exists():
        raise InvalidInput(
            f"{folder} already holds a bounceback database; choose another folder for the demo."
        )
    return folder
