"""The names this server answers to: what stops DNS rebinding.

A web page on any hostname that the attacker points at 127.0.0.1 talks to this server from the browser, with the
browser's blessing, as long as the server accepts the page's `Host`. So only the names the server was started
for are accepted: this computer's loopback names with the port, what `--host` names, and what `--allow-host`
adds. The same list is what an `Origin` must be.
"""

from __future__ import annotations

from collections.abc import Iterable

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = frozenset({"0.0.0.0", "::", ""})


def url_host(name: str) -> str:
    """A host as it is written in a URL and a Host header: IPv6 in brackets, lower case."""
    name = name.strip().lower()
    return f"[{name}]" if ":" in name and not name.startswith("[") else name


def allowed_hosts(host: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """Every `Host` value the server accepts: each name with the port (and bare, on port 80)."""
    names = set(LOOPBACK_NAMES)
    if host.strip() not in WILDCARDS:
        names.add(url_host(host))
    names.update(url_host(name) for name in extra if name.strip())
    accepted = {f"{name}:{port}" for name in names}
    if port == 80:
        accepted |= names
    return frozenset(accepted)


def allowed_origins(hosts: Iterable[str]) -> frozenset[str]:
    """The `Origin` values of pages served by this server."""
    return frozenset(f"http://{host}" for host in hosts)
