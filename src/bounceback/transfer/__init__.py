"""Moving a search in and out: the lossless JSON document, other trackers' CSV exports, and a CSV of applications.

Nothing here prints: the CLI turns plans and reports into tables and sentences.
"""
