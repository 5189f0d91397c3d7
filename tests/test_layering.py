"""The shape of the house, checked from the code's own imports (every import counts: top of file, inside a
function, or under TYPE_CHECKING).

    domain                     the standard library only
    settings, dates            domain
    storage                    domain and settings; the only package that imports SQLAlchemy or Alembic
    tracker                    domain, dates and storage (the rules of a change, over storage's unit of work)
    workspace                  storage and tracker: the one door every front end and service comes in by
    coach, mail, outreach,     domain, settings, dates, tracker and workspace, and each other where one
    insights, transfer, demo   serves another; never storage
    cli, web                   anything above; nothing imports them (but `python -m bounceback`, and `serve`
                               starting the web server)
    server                     the workspace door (workspace.server for people and consent) and the services
                               above; it builds on the web app, and only `cli.server` imports it; never storage
                               or the tracker
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import bounceback

SRC = Path(bounceback.__file__).parent


@dataclass(frozen=True)
class Import:
    """One import statement: which module has it, what it names, and where."""

    module: str  # bounceback.cli.main
    target: str  # bounceback.domain.errors, sqlalchemy.orm, os
    line: int

    @property
    def where(self) -> str:
        return f"{self.module}:{self.line} imports {self.target}"


def module_name(path: Path) -> str:
    """bounceback.cli.main for src/bounceback/cli/main.py."""
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_in(path: Path) -> Iterator[Import]:
    """Every import in one file, relative ones made absolute."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield Import(name, base, node.lineno)


def all_imports() -> list[Import]:
    """Every import of every module of the package."""
    return [found for path in sorted(SRC.rglob("*.py")) for found in imports_in(path)]


def room(module: str) -> str:
    """The package a module belongs to: 'storage' for bounceback.storage.schema, 'settings' for
    bounceback.settings; '' for anything outside bounceback."""
    parts = module.split(".")
    if parts[0] != "bounceback":
        return ""
    return parts[1] if len(parts) > 1 else "bounceback"


def is_ours(target: str) -> bool:
    return target == "bounceback" or target.startswith("bounceback.")


# The rules ---------------------------------------------------------------------------------------------------
def domain_is_pure(found: list[Import]) -> list[str]:
    """domain imports only the standard library and itself."""
    stdlib = sys.stdlib_module_names | {"__future__"}
    return [
        i.where
        for i in found
        if room(i.module) == "domain"
        and room(i.target) != "domain"
        and not (not is_ours(i.target) and i.target.split(".")[0] in stdlib)
    ]


def storage_sits_on_domain(found: list[Import]) -> list[str]:
    """storage imports only domain and settings of the project (settings: the database URL and file)."""
    allowed = {"domain", "settings", "storage"}
    return [
        i.where
        for i in found
        if room(i.module) == "storage" and is_ours(i.target) and room(i.target) not in allowed
    ]


def only_storage_speaks_sql(found: list[Import]) -> list[str]:
    """SQLAlchemy and Alembic are imported in storage alone (its migrations included)."""
    return [
        i.where
        for i in found
        if i.target.split(".")[0] in {"sqlalchemy", "alembic"} and room(i.module) != "storage"
    ]


def storage_is_reached_through_the_door(found: list[Import]) -> list[str]:
    """Only the tracker and the workspace facade import storage: everyone else comes in by the workspace."""
    allowed = {"storage", "tracker", "workspace"}
    return [i.where for i in found if room(i.target) == "storage" and room(i.module) not in allowed]


def nothing_imports_the_front_ends(found: list[Import]) -> list[str]:
    """Nothing imports cli or web but themselves; `python -m bounceback` runs the CLI, and `serve` the web."""
    exceptions = {("bounceback.__main__", "cli"), ("bounceback.cli.serve", "web")}
    server_builds_on_web = {(i.module, "web") for i in found if room(i.module) == "server"}
    exceptions |= server_builds_on_web
    return [
        i.where
        for i in found
        if room(i.target) in {"cli", "web"}
        and room(i.module) != room(i.target)
        and (i.module, room(i.target)) not in exceptions
    ]


def server_comes_in_by_the_door(found: list[Import]) -> list[str]:
    """server (the office's app) reaches the data through the workspace alone, and only the CLI starts it."""
    barred = {"storage", "tracker"}
    inward = [i.where for i in found if room(i.module) == "server" and room(i.target) in barred]
    starters = {"server", "cli"}
    outward = [i.where for i in found if room(i.target) == "server" and room(i.module) not in starters]
    return inward + outward


RULES: dict[str, Callable[[list[Import]], list[str]]] = {
    "domain imports nothing of bounceback": domain_is_pure,
    "storage imports only domain and settings": storage_sits_on_domain,
    "only storage imports SQLAlchemy": only_storage_speaks_sql,
    "only tracker and workspace import storage": storage_is_reached_through_the_door,
    "nothing imports cli or web": nothing_imports_the_front_ends,
    "server talks to the workspace only": server_comes_in_by_the_door,
}


@pytest.mark.parametrize("rule", list(RULES))
def test_layering(rule: str) -> None:
    """GIVEN every import in src/bounceback WHEN held against one rule of the layering THEN none breaks it."""
    assert RULES[rule](all_imports()) == []


def test_the_rules_see_what_they_check() -> None:
    """GIVEN the import scan WHEN it reads the package THEN it finds imports of each kind the rules judge, so an
    empty list of violations means something."""
    found = all_imports()
    assert {room(i.module) for i in found} >= {"domain", "storage", "cli", "web", "tracker", "server"}
    assert any(room(i.module) == "server" and room(i.target) == "workspace" for i in found)
    assert any(i.target.startswith("sqlalchemy") for i in found)
    assert any(room(i.module) == "domain" and room(i.target) == "domain" for i in found)
    assert room("bounceback.storage.schema") == "storage" and room("bounceback.settings") == "settings"
    assert room("sqlalchemy.orm") == ""
