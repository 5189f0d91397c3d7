"""Insights: the search in numbers and pictures, computed once (summary.py) and drawn by the terminal report,
the self-contained HTML page and the web dashboard."""
