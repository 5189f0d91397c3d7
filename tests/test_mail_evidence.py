"""Why mail moved an application, end to end: the import summary, `show` and `mail review` cite the decision
sentence; calendar invitations record interviews with their time and zone; a first recruiter call moves to
screening; mail with nothing to read waits. Real mbox and .eml files, the real CLI, SQLite and PostgreSQL."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

from tests.mailfactory import mail, search_story, write_mbox

DATA = Path(__file__).parent / "data" / "mail"
REJECTION_SENTENCE = "we have decided to move forward with another candidate for the Controls Engineer role"


def _apps(cli) -> dict[str, dict]:
    return {a["company"]: a for a in json.loads(cli("list", "--json").stdout)}


def _show(cli, name: str) -> dict:
    return json.loads(cli("show", name, "--json").stdout)


def test_the_summary_and_show_explain_a_rejection_by_its_sentence(cli, tmp_path: Path) -> None:
    """GIVEN a search whose last message is a rejection WHEN imported THEN the summary names the rejection by
    company and role with its sentence and the commands that follow, before the counts; `show` keeps the
    sentence on the email."""
    done = cli("mail", "import", str(write_mbox(tmp_path / "inbox.mbox", search_story())))
    lines = done.stdout.splitlines()
    named = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("Rejection: Fernhill Robotics, Controls Engineer")
    )
    counts = next(i for i, line in enumerate(lines) if "messages read" in line)
    assert named < counts
    assert REJECTION_SENTENCE in " ".join(lines[named : named + 2])
    slug = _apps(cli)["Fernhill Robotics"]["name"]
    shown = _show(cli, slug)
    rejection = next(m for m in shown["emails"] if m["label"] == "rejection")
    assert f"bounceback bounce {slug}" in done.stdout
    assert f"bounceback mail relabel {rejection['id']} acknowledgment" in done.stdout
    assert REJECTION_SENTENCE in rejection["evidence"]
    assert rejection["because"].startswith("Rejection, because: “")
    interview = next(m for m in shown["emails"] if m["label"] == "interview")
    assert interview["evidence"] and "invite you to a 45-minute video interview" in interview["evidence"]
    table = cli("show", slug).stdout
    assert "Rejection, because:" in table


def test_mail_with_nothing_to_read_waits_for_review_and_says_why(sqlite_cli, tmp_path: Path) -> None:
    """GIVEN a job message whose body is only an image WHEN imported THEN nothing is closed, it waits for
    review, and the review says there was no text to read."""
    image_only = EmailMessage()
    image_only["From"] = "Northgate Labs Careers <careers@northgate-labs.example>"
    image_only["To"] = "robin.ayres@example.org"
    image_only["Subject"] = "Update on your application: Data Engineer"
    image_only["Date"] = "Tue, 06 Oct 2026 09:00:00 +0000"
    image_only["Message-ID"] = "<image-only-1@northgate-labs.example>"
    image_only.set_content("")
    image_only.add_attachment(
        b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png", filename="letter.png"
    )
    box = write_mbox(tmp_path / "image.mbox", [*search_story()[:2], image_only])
    done = sqlite_cli("mail", "import", str(box))
    assert "1 waiting for review" in done.stdout
    assert all(a["stage"] != "rejected" for a in _apps(sqlite_cli).values())
    waiting = json.loads(sqlite_cli("mail", "review", "--json").stdout)
    assert [w["subject"] for w in waiting] == ["Update on your application: Data Engineer"]
    assert waiting[0]["label"] != "rejection"
    assert "no text to read" in waiting[0]["because"]


def test_calendar_invitations_record_the_interview_with_its_time_and_zone(cli, tmp_path: Path) -> None:
    """GIVEN a Google Calendar and an Outlook invitation (.eml files with text/calendar parts) WHEN imported
    THEN each opens or moves its application to interviewing and records the interview at the invitation's
    own time, in its own zone (Outlook's Windows zone name mapped to IANA), named in the summary."""
    folder = tmp_path / "invites"
    folder.mkdir()
    for name in ("google-invite.eml", "outlook-invite.eml"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    done = cli("mail", "import", str(folder))
    assert "2 interviews scheduled" in done.stdout
    assert "Tue 20 Oct 2026 14:00 America/New_York" in done.stdout
    interviews = {}
    for app in _apps(cli).values():
        assert app["stage"] == "interviewing"
        interviews.update({app["company"]: _show(cli, app["name"])["interviews"]})
    by_zone = {i["timezone"]: i for found in interviews.values() for i in found}
    assert set(by_zone) == {"Europe/London", "America/New_York"}
    london, new_york = by_zone["Europe/London"], by_zone["America/New_York"]
    assert (london["starts_at"], london["duration_minutes"], london["kind"]) == (
        "2026-10-13T09:00:00+00:00",
        45,
        "video",
    )
    assert (new_york["starts_at"], new_york["duration_minutes"]) == ("2026-10-20T18:00:00+00:00", 60)
    again = cli("mail", "import", str(folder))
    assert "(2 already seen)" in again.stdout
    assert sum(len(_show(cli, a["name"])["interviews"]) for a in _apps(cli).values()) == 2


def test_a_first_recruiter_call_moves_to_screening_and_relabel_can_say_so(sqlite_cli, tmp_path: Path) -> None:
    """GIVEN an acknowledgment then a recruiter's invitation to a short phone screen WHEN imported THEN the
    application is at screening; GIVEN an interview read as a full interview WHEN relabelled `screening`
    THEN it moves back to screening."""
    ack = mail(
        "Northgate Labs <no-reply@northgate-labs.example>",
        "Thanks for applying to Northgate Labs",
        "Hi Robin,\n\nThanks for applying for the Data Engineer position at Northgate Labs. We have your "
        "application and will review it shortly.\n\nNorthgate Labs Talent",
        n=1,
    )
    screen = mail(
        "Sam Price <sam.price@northgate-labs.example>",
        "Data Engineer - quick call?",
        "Hi Robin,\n\nThanks for applying for the Data Engineer role. I'm the recruiter for the team and "
        "would love to set up a quick 20-minute phone screen this week. Are you free on Thursday at 11:00?"
        "\n\nSam Price\nRecruiter, Northgate Labs",
        n=5,
    )
    sqlite_cli("mail", "import", str(write_mbox(tmp_path / "screen.mbox", [ack, screen])))
    assert _apps(sqlite_cli)["Northgate Labs"]["stage"] == "screening"
    story = search_story()[:3]
    sqlite_cli("mail", "import", str(write_mbox(tmp_path / "story.mbox", story)))
    fernhill = _apps(sqlite_cli)["Fernhill Robotics"]
    assert fernhill["stage"] == "interviewing"
    interview = next(m for m in _show(sqlite_cli, fernhill["name"])["emails"] if m["label"] == "interview")
    said = sqlite_cli("mail", "relabel", str(interview["id"]), "screening")
    assert "is now a screening call" in said.stdout
    assert _apps(sqlite_cli)["Fernhill Robotics"]["stage"] == "screening"
    relabelled = next(m for m in _show(sqlite_cli, fernhill["name"])["emails"] if m["id"] == interview["id"])
    assert relabelled["because"].startswith("Screening call")
