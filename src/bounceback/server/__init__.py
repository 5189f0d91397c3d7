"""Server mode for a career-services office: many job seekers and their advisors on one PostgreSQL.

It talks to the searches only through the workspace door (`workspace.server.Directory`, `Workspace`), and
builds on the local web app (`web.app.create_app`) for everything a seeker does."""
