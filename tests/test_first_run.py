"""The first run, as a new user makes it: a fresh folder and HOME, a fresh virtual environment made by the system
Python, the project installed into it, then the README's commands exactly as the README writes them: the quick
start's `bounceback demo`, then every line of "Everyday use", each checked for what it should truthfully say.

The commands are read FROM the README, so a command added there without a check here fails this test.

How it installs without the network: the project's wheel is built from a copy of the working tree (setuptools
from the test environment, `--no-build-isolation`), and installed with pip into the new environment
(`--no-deps --no-index`); the new environment sees the test environment's packages as its dependencies through a
path file, which is what `--system-site-packages` would do with the test environment as the system. A full
download of every dependency takes minutes and needs the network, so that part is not repeated here.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import site
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
TODAY = date.today()


def sh_blocks(section: str) -> list[list[str]]:
    """The lines of each ```sh block under a README heading (## or ###), up to the next heading of any level."""
    text = README.read_text(encoding="utf-8")
    start = re.search(rf"^#+ {re.escape(section)}\s*$", text, flags=re.MULTILINE)
    assert start, f"the README has no section “{section}”"
    body = re.split(r"^#+ ", text[start.end() :], maxsplit=1, flags=re.MULTILINE)[0]
    blocks = re.findall(r"```sh\n(.*?)```", body, flags=re.DOTALL)
    assert blocks, f"the README's “{section}” has no sh block"
    return [[line for line in block.splitlines() if line.strip()] for block in blocks]


def bounceback_part(command_line: str) -> list[str]:
    """The words of the bounceback command in a README line (after `&&`, without a trailing # comment)."""
    part = next(p for p in command_line.split("&&") if "bounceback " in p or p.strip().endswith("bounceback"))
    words = shlex.split(part, comments=True)
    assert words[0].endswith("bounceback"), command_line
    return words[1:]


@dataclass(frozen=True)
class Check:
    """What one README command must print (standard output and error together) to be telling the truth."""

    says: Callable[[str], bool]
    why: str


def next_tuesday_line(out: str) -> bool:
    """The interview is on a Tuesday within the next two weeks, at 10:00 in Berlin."""
    found = re.search(
        r"Interview round 1 with Acme Analytics \(Data Engineer\): Tue (\d\d \w\w\w \d{4}) 10:00 Europe/Berlin",
        out,
    )
    if not found:
        return False
    day = datetime.strptime(found.group(1), "%d %b %Y").date()
    return day.weekday() == 1 and TODAY < day <= TODAY + timedelta(days=14)


# Keyed by the command's first words; every command of "Everyday use" needs one.
EVERYDAY: dict[str, Check] = {
    "add": Check(
        lambda out: "Added acme-analytics-data-engineer (applied)." in out, "the new short name and stage"
    ),
    "list": Check(
        lambda out: "acme-analytics-data-engineer" in out and TODAY.isoformat() in out and "1 of 1" in out,
        "the one application, applied today",
    ),
    "show": Check(
        lambda out: "Data Engineer at Acme Analytics" in out and "Tags: python" in out and "referral" in out,
        "the application's details",
    ),
    "move": Check(lambda out: "acme-analytics-data-engineer: Moved to interviewing." in out, "the move"),
    "interview add": Check(next_tuesday_line, "next Tuesday, in Berlin time"),
    "close": Check(
        lambda out: "said no, after you reached interviewing" in out, "a kind word on the rejection"
    ),
    "note": Check(lambda out: "Noted on acme-analytics-data-engineer." in out, "the note"),
    "contact add": Check(lambda out: "Saved contact Priya Shah" in out, "the contact"),
    "board": Check(
        lambda out: "interviewing (0)" in out and "Acme" not in out, "a board without the closed one"
    ),
    "due": Check(
        lambda out: "Bounce back from Acme Analytics" in out and "Ask Priya Shah at Acme Analytics" in out,
        "the bounce-back and the feedback request after the rejection",
    ),
    "undo": Check(lambda out: "Undone: Add contact Priya Shah." in out, "the last change taken back"),
}


def check_for(words: list[str]) -> Check:
    """The check of a README command, by its first one or two words."""
    for key in (" ".join(words[:2]), words[0]):
        if key in EVERYDAY:
            return EVERYDAY[key]
    raise AssertionError(f"The README's “bounceback {' '.join(words)}” has no check in {__name__}; add one.")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory, classifier_cache: Path) -> tuple[Path, dict[str, str]]:
    """A new folder with a new HOME and a new virtual environment holding the installed project."""
    root = tmp_path_factory.mktemp("first-run")
    home, work, venv = root / "home", root / "work", root / "venv"
    home.mkdir()
    work.mkdir()
    # The project's wheel, built from a copy of the tree (so the checkout gets no build folders).
    source = root / "source"
    shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    wheels = root / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(wheels), str(source)], cwd=root)  # fmt: skip
    (wheel,) = wheels.glob("bounceback-*.whl")
    # A virtual environment from the system's Python, its dependencies those of this test environment.
    system_python = getattr(sys, "_base_executable", sys.executable)
    run([system_python, "-m", "venv", str(venv)], cwd=root)
    python = venv / "bin" / "python"
    venv_site = run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=root)
    Path(venv_site.strip(), "test-environment.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--ignore-installed", str(wheel)],
        cwd=root)  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOUNCEBACK_", "XDG_", "VIRTUAL_ENV"))}
    # A shell of a person who has not activated anything: no virtual environment's bin on the PATH.
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p and not Path(p, "activate").exists()]
    env["PATH"] = os.pathsep.join(path)
    env |= {"HOME": str(home), "COLUMNS": "200", "NO_COLOR": "1", "BOUNCEBACK_TIMEZONE": "Europe/London"}
    env["BOUNCEBACK_CACHE_DIR"] = str(classifier_cache)  # the suite's trained classifier: no second training
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return venv, env | {"WORK": str(work)}


def run(args: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command that must succeed; its standard output."""
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, (
        f"{shlex.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    )
    return done.stdout


def as_a_person_types_it(venv: Path, env: dict[str, str], line: str) -> subprocess.CompletedProcess[str]:
    """A README line typed in a shell where the virtual environment is active, as the README says to."""
    script = f"source {shlex.quote(str(venv / 'bin' / 'activate'))} && {line}"
    return subprocess.run(
        ["bash", "-c", script],
        cwd=env["WORK"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_the_installed_project_is_the_one_that_runs(fresh) -> None:
    """GIVEN the fresh environment WHEN bounceback is imported there THEN it comes from that environment, not from
    this checkout, and carries its templates, corpus and migrations."""
    venv, env = fresh
    where = run([str(venv / "bin" / "python"), "-c", "import bounceback; print(bounceback.__file__)"],
                cwd=Path(env["WORK"]), env=env)  # fmt: skip
    package = Path(where.strip()).parent
    assert package.is_relative_to(venv) and not package.is_relative_to(REPO)
    for part in ("outreach/templates/thank_you.j2", "storage/migrations/env.py", "web/templates/base.html"):
        assert (package / part).is_file(), part
    assert list((package / "mail" / "corpus").rglob("*.jsonl"))


@pytest.mark.slow
def test_the_readme_first_run_works_command_by_command(fresh) -> None:
    """GIVEN a fresh HOME and environment WHEN the quick start's demo and then every "Everyday use" command of the
    README runs as written (the environment active, as the README says) THEN each exits 0 and says what is true:
    the demo is built in the data folder (not the current one), and the commands tell the story of one
    application from applying to a kind no."""
    venv, env = fresh
    work, home = Path(env["WORK"]), Path(env["HOME"])
    (quick_start,), (tests,) = sh_blocks("Quick start")  # two commands: the demo, and the tests
    assert tests.endswith("scripts/check.sh")
    words = bounceback_part(quick_start)
    assert words == ["demo"]
    demo = run([str(venv / "bin" / "bounceback"), *words], cwd=work, env=env)
    folder = home / ".local" / "share" / "bounceback-demo"
    assert f"Built a demo in {folder}:" in demo and "Rejections came at:" in demo
    assert (folder / "bounceback.sqlite3").is_file() and list(work.iterdir()) == []
    inactive = subprocess.run(["bash", "-c", "bounceback --version"], cwd=work, env=env, capture_output=True)
    assert inactive.returncode == 127  # as the README warns: not found until the environment is active
    (lines,) = sh_blocks("Everyday use")
    assert len(lines) >= 10
    for line in lines:
        words = bounceback_part(line)
        done = as_a_person_types_it(venv, env, line)
        said = done.stdout + done.stderr
        assert done.returncode == 0, f"{line}\n{said}"
        assert "Traceback" not in said, line
        check = check_for(words)
        assert check.says(said), (
            f"“{line.split('#')[0].strip()}” should show {check.why}; it printed:\n{said}"
        )
    assert list(work.iterdir()) == []
