"""Allow `python -m bounceback`."""

from bounceback.cli.main import run

run()
