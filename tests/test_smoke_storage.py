"""GIVEN a fresh database WHEN an application is added and undone THEN it is gone again (SQLite and PostgreSQL)."""

from bounceback.domain.stages import Stage
from bounceback.tracker import Tracker


def test_add_then_undo(workspace):
    with workspace.change("add") as session:
        app = Tracker(session, 1).add("Acme", "Data Engineer", stage=Stage.REJECTED)
        assert app.furthest_stage is Stage.APPLIED
    with workspace.read() as session:
        assert [a.slug for a in Tracker(session, 1).applications()] == ["acme-data-engineer"]
    assert workspace.undo() == "add"
    with workspace.read() as session:
        assert Tracker(session, 1).applications() == []
