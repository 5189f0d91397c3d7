"""GIVEN a fresh database WHEN an application is added and undone THEN it is gone again (SQLite and PostgreSQL)."""

from bounceback.domain.stages import Stage


def test_add_then_undo(workspace):
    with workspace.change("add") as change:
        app = change.tracker.add("Acme", "Data Engineer", stage=Stage.REJECTED)
        assert app.furthest_stage is Stage.APPLIED
    with workspace.read() as read:
        assert [v.app.slug for v in read.applications()] == ["acme-data-engineer"]
    assert workspace.undo() == "add"
    with workspace.read() as read:
        assert read.applications() == []
