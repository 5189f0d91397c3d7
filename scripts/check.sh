#!/usr/bin/env bash
# One command for lint, types and tests: the README's test command ends here, and so does CI.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
echo "== ruff"
"$PY" -m ruff check src tests benchmarks
"$PY" -m ruff format --check src tests benchmarks
echo "== mypy"
"$PY" -m mypy
echo "== pytest"
"$PY" -m pytest "$@"
