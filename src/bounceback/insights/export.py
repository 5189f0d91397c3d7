"""The insights as plain JSON-able data, for `report --json` and the web dashboard."""

from __future__ import annotations

from typing import Any

from bounceback.domain.rates import Rate, SourceRates
from bounceback.insights.effort import EFFORT_LABELS
from bounceback.insights.summary import Insights


def rate_data(rate: Rate) -> dict[str, Any]:
    """A rate as its counts and its fraction."""
    return {"count": rate.count, "out_of": rate.out_of, "share": rate.share}


def source_data(row: SourceRates) -> dict[str, Any]:
    """One source's rates."""
    return {
        "source": row.source,
        "sent": row.sent,
        "answered": rate_data(row.answered),
        "ghosted": rate_data(row.ghosted),
        "interviewed": rate_data(row.interviewed),
        "median_days_to_answer": row.median_days_to_answer,
    }


def insights_data(ins: Insights) -> dict[str, Any]:
    """Everything in the report, as data."""
    return {
        "generated_at": ins.generated_at.isoformat(),
        "ghost_after_days": ins.ghost_after_days,
        "applications": ins.applications,
        "overall": source_data(ins.overall),
        "funnel": [{"stage": s.stage.value, "count": s.count} for s in ins.funnel],
        "rejections_by_stage": {stage.value: n for stage, n in ins.rejections.items()},
        "by_source": [source_data(r) for r in ins.by_source],
        "time_to_first_answer": {
            "known": ins.answer_times.known,
            "median_days": ins.answer_times.median,
            "quickest_days": ins.answer_times.quickest,
            "slowest_days": ins.answer_times.slowest,
        },
        "sankey": {
            "nodes": [
                {"column": n.column.name.lower(), "label": n.label, "count": n.count}
                for n in ins.sankey.nodes
            ],
            "links": [{"source": k.source, "target": k.target, "count": k.count} for k in ins.sankey.links],
        },
        "effort_per_week": [
            {"week": w.week.isoformat(), **{name: getattr(w, name) for name in EFFORT_LABELS}}
            for w in ins.effort
        ],
        "bounce_backs": [
            {"rejected_on": b.rejected_on.isoformat(), "company": b.company, "days": b.days}
            for b in ins.bounce_backs
        ],
        "moods": [{"day": p.day.isoformat(), "kind": p.kind.value, "value": p.value} for p in ins.moods],
        "themes": {
            "method": ins.themes.method,
            "notes": ins.themes.notes,
            "themes": [
                {
                    "name": t.name,
                    "terms": t.terms,
                    "count": t.count,
                    "applications": t.applications,
                    "recurring": t.recurring,
                    "examples": t.examples,
                }
                for t in ins.themes.themes
            ],
        },
    }
