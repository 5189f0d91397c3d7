"""A realistic demo search to try every command on, built in a workspace of its own."""

from bounceback.demo.builder import build_demo
from bounceback.demo.folder import choose_folder, demo_settings
from bounceback.demo.story import SEARCHER, STORY

__all__ = ["SEARCHER", "STORY", "build_demo", "choose_folder", "demo_settings"]
