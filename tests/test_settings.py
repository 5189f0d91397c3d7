"""Settings: defaults, environment, flags winning over both, plain sentences for bad values, documentation."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from bounceback.domain.errors import InvalidInput
from bounceback.settings import DATABASE_FILE, Settings, documented_settings, load_settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_defaults_without_environment(tmp_path: Path) -> None:
    """GIVEN no BOUNCEBACK_ variables WHEN settings load THEN the documented defaults apply, on SQLite."""
    settings = load_settings({}, home=tmp_path)
    assert (settings.ghost_after_days, settings.upcoming_days, settings.timezone) == (21, 14, "")
    assert settings.url == f"sqlite:///{tmp_path / DATABASE_FILE}"
    assert settings.is_sqlite
    assert settings.sqlite_path == tmp_path / DATABASE_FILE


def test_environment_sets_every_value(tmp_path: Path) -> None:
    """GIVEN every variable set WHEN settings load THEN each is read with its type."""
    settings = load_settings(
        {
            "BOUNCEBACK_HOME": str(tmp_path / "env-home"),
            "BOUNCEBACK_DATABASE_URL": "postgresql+psycopg://me@db.example/search",
            "BOUNCEBACK_GHOST_AFTER_DAYS": "30",
            "BOUNCEBACK_UPCOMING_DAYS": " 7 ",
            "BOUNCEBACK_TIMEZONE": "Europe/Berlin",
        }
    )
    assert settings.home == tmp_path / "env-home"
    assert settings.url == "postgresql+psycopg://me@db.example/search"
    assert (settings.is_sqlite, settings.sqlite_path) == (False, None)
    assert (settings.ghost_after_days, settings.upcoming_days, settings.timezone) == (30, 7, "Europe/Berlin")


def test_flags_win_over_the_environment(tmp_path: Path) -> None:
    """GIVEN a home and a database in the environment WHEN flags name others THEN the flags win."""
    env = {"BOUNCEBACK_HOME": str(tmp_path / "env"), "BOUNCEBACK_DATABASE_URL": "sqlite:////tmp/env.sqlite3"}
    settings = load_settings(env, home=tmp_path / "flag", database_url="sqlite:////tmp/flag.sqlite3")
    assert settings.home == tmp_path / "flag"
    assert settings.url == "sqlite:////tmp/flag.sqlite3"


def test_empty_variables_count_as_unset(tmp_path: Path) -> None:
    """GIVEN variables set to empty strings WHEN settings load THEN the defaults stay."""
    settings = load_settings(
        {"BOUNCEBACK_GHOST_AFTER_DAYS": "", "BOUNCEBACK_DATABASE_URL": ""}, home=tmp_path
    )
    assert settings.ghost_after_days == 21
    assert settings.is_sqlite


def test_home_expands_the_users_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """GIVEN BOUNCEBACK_HOME=~/search WHEN settings load THEN ~ becomes the home folder."""
    monkeypatch.setenv("HOME", str(tmp_path))
    assert load_settings({"BOUNCEBACK_HOME": "~/search"}).home == tmp_path / "search"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"BOUNCEBACK_GHOST_AFTER_DAYS": "three weeks"},
            "BOUNCEBACK_GHOST_AFTER_DAYS must be a whole number, not “three weeks”.",
        ),
        ({"BOUNCEBACK_UPCOMING_DAYS": "7.5"}, "BOUNCEBACK_UPCOMING_DAYS must be a whole number, not “7.5”."),
        ({"BOUNCEBACK_GHOST_AFTER_DAYS": "0"}, "BOUNCEBACK_GHOST_AFTER_DAYS must be at least 1."),
    ],
)
def test_bad_numbers_give_one_plain_sentence(env: dict[str, str], message: str) -> None:
    """GIVEN a variable that is not a usable number WHEN settings load THEN InvalidInput names it."""
    with pytest.raises(InvalidInput) as raised:
        load_settings(env)
    assert raised.value.message == message


def test_a_negative_horizon_is_refused() -> None:
    """GIVEN BOUNCEBACK_UPCOMING_DAYS=-3 WHEN settings load THEN a plain sentence refuses it."""
    with pytest.raises(InvalidInput):
        load_settings({"BOUNCEBACK_UPCOMING_DAYS": "-3"})


def test_an_unknown_zone_is_refused_at_start_up() -> None:
    """GIVEN BOUNCEBACK_TIMEZONE=Mars/Phobos WHEN settings load THEN a plain sentence refuses it."""
    with pytest.raises(InvalidInput):
        load_settings({"BOUNCEBACK_TIMEZONE": "Mars/Phobos"})


def test_every_setting_has_a_variable_and_help() -> None:
    """GIVEN the settings object WHEN documented THEN every field has a BOUNCEBACK_ variable and a help sentence."""
    documented = documented_settings()
    assert len(documented) == len(fields(Settings))
    for env, help_text in documented:
        assert env.startswith("BOUNCEBACK_")
        assert help_text.strip()
    assert len({env for env, _ in documented}) == len(documented)


@pytest.mark.skipif(not README.exists(), reason="README.md does not exist yet (the lead is writing it)")
def test_every_setting_is_in_the_readme() -> None:
    """GIVEN the README WHEN read THEN it names every setting's environment variable."""
    text = README.read_text(encoding="utf-8")
    assert [env for env, _ in documented_settings() if env not in text] == []


def test_cli_home_flag_wins_over_the_environment(sqlite_cli: Any, tmp_path: Path) -> None:
    """GIVEN BOUNCEBACK_HOME set WHEN --home names another folder THEN the data goes there only."""
    flag_home = tmp_path / "flag-home"
    sqlite_cli("--home", str(flag_home), "add", "Acme", "Data Engineer")
    assert (flag_home / DATABASE_FILE).exists()
    assert not (sqlite_cli.home / DATABASE_FILE).exists()
    listed = json.loads(sqlite_cli("--home", str(flag_home), "list", "--json").stdout)
    assert [a["name"] for a in listed] == ["acme-data-engineer"]


def test_cli_database_flag_wins_over_the_environment(
    sqlite_cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GIVEN BOUNCEBACK_DATABASE_URL set WHEN --database names another file THEN the data goes there only."""
    from_env, from_flag = tmp_path / "env.sqlite3", tmp_path / "flag.sqlite3"
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", f"sqlite:///{from_env}")
    sqlite_cli("--database", f"sqlite:///{from_flag}", "add", "Acme", "Data Engineer")
    assert from_flag.exists()
    assert not from_env.exists()


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        (
            "BOUNCEBACK_GHOST_AFTER_DAYS",
            "abc",
            "BOUNCEBACK_GHOST_AFTER_DAYS must be a whole number, not “abc”.",
        ),
        ("BOUNCEBACK_GHOST_AFTER_DAYS", "-2", "BOUNCEBACK_GHOST_AFTER_DAYS must be at least 1."),
        ("BOUNCEBACK_UPCOMING_DAYS", "soon", "BOUNCEBACK_UPCOMING_DAYS must be a whole number, not “soon”."),
    ],
)
def test_cli_bad_number_in_the_environment_is_one_sentence(
    sqlite_cli: Any, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    """GIVEN a bad number in the environment WHEN any command runs THEN one sentence on stderr and exit 1."""
    monkeypatch.setenv(variable, value)
    done = sqlite_cli("list", check=False)
    assert (done.returncode, done.stdout, done.stderr.strip()) == (1, "", message)


def test_cli_unknown_zone_is_one_sentence_when_a_time_is_read(
    sqlite_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GIVEN BOUNCEBACK_TIMEZONE=Mars/Phobos WHEN an interview time without a zone is given THEN one sentence."""
    sqlite_cli("add", "Acme", "Data Engineer")
    monkeypatch.setenv("BOUNCEBACK_TIMEZONE", "Mars/Phobos")
    done = sqlite_cli("interview", "add", "acme", "2030-01-07 10:00", check=False)
    assert done.returncode == 1
    assert (
        done.stderr.strip() == "“Mars/Phobos” is not a time zone name like Europe/Berlin or America/New_York."
    )
