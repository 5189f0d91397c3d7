"""Reaching out around the search: the due list read from storage, email drafts, the calendar file and
interview preparation. The rules themselves live in the pure domain."""
