"""Allow `python -m bounceback`."""

from bounceback.cli.main import run

if __name__ == "__main__":  # not when a child process of `serve` imports this module
    run()
