"""Where the demo goes: its own folder in the platform's data folder (never the current one, never one that
holds someone's own data); building it again there replaces the demo and keeps everything else."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from bounceback.domain.errors import InvalidInput
from bounceback.settings import DATABASE_FILE, Settings, load_settings

DEFAULT_NAME = "bounceback-demo"
MARKER = "ABOUT-THIS-DEMO.txt"
MAIL_FOLDER = "mail"
# The demo always lives in SQLite in its folder; a configured server (a real search) is never touched.
IGNORED_ENV = ("BOUNCEBACK_DATABASE_URL", "BOUNCEBACK_HOME")


def default_folder() -> Path:
    """The demo's own data folder, beside the app's (e.g. ~/.local/share/bounceback-demo on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(DEFAULT_NAME, appauthor=False))


def demo_settings(folder: Path, environ: Mapping[str, str] | None = None) -> Settings:
    """Settings for a demo in `folder`: SQLite there, whatever database the environment names."""
    env = os.environ if environ is None else environ
    return load_settings({k: v for k, v in env.items() if k not in IGNORED_ENV}, home=folder)


def is_demo(folder: Path) -> bool:
    """True when the folder holds a demo this command built (and may build again)."""
    return (folder / MARKER).is_file()


def choose_folder(wanted: Path | None) -> Path:
    """The folder to build in: the one asked for, else the default, when it is safe to write the demo there."""
    folder = (wanted.expanduser() if wanted is not None else default_folder()).absolute()
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder} is a file; the demo needs a folder.")
    if is_demo(folder):
        return folder
    database = demo_settings(folder).sqlite_path
    if database is not None and database.exists():
        raise InvalidInput(
            f"{folder} already holds a bounceback database that is not a demo; choose another folder for "
            "the demo (bounceback demo DIR)."
        )
    return folder


def clear_demo(folder: Path) -> bool:
    """Remove an earlier demo's database and mail from the folder, keeping anything else (the trained classifier,
    your own files); True when there was one."""
    if not is_demo(folder):
        return False
    for name in (DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm", f"{DATABASE_FILE}-journal"):
        (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / MAIL_FOLDER, ignore_errors=True)
    (folder / MARKER).unlink()
    return True


def write_marker(folder: Path, built_on: date) -> None:
    """Say in the folder what it is, how to use it, and how to get rid of it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(
        f"This folder holds the bounceback demo: an invented job search, built on {built_on.isoformat()} and\n"
        "dated around that day. Nothing in it is anyone's real data.\n\n"
        f"Use it:        bounceback --home {folder} due\n"
        "Rebuild it:    bounceback demo   (the database and the mail folder are replaced; other files stay)\n"
        "Remove it:     delete this folder; nothing else refers to it.\n",
        encoding="utf-8",
    )
