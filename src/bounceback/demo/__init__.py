"""A realistic demo search to try every command on, built in a workspace of its own."""

from bounceback.demo.builder import Built, build_demo, moments_count
from bounceback.demo.folder import choose_folder, clear_demo, demo_settings, write_marker
from bounceback.demo.story import SEARCHER, STORY

__all__ = [
    "SEARCHER",
    "STORY",
    "Built",
    "build_demo",
    "choose_folder",
    "clear_demo",
    "demo_settings",
    "moments_count",
    "write_marker",
]
