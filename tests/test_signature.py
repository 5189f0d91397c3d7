"""The person's name under every draft (asked once, kept in the workspace, the same in the CLI and on the web),
and the person's own templates under the names the commands use."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from tests.conftest import CLI
from tests.test_web_helpers import add_application, messages, sqlite_settings, web_client

HINT = 'bounceback config name "Your Name"'


def rejected_with_a_person(cli: CLI) -> None:
    """An application at Acme, turned down after an interview with Jane."""
    cli("add", "Acme", "Data Engineer", "--stage", "interviewing")
    cli(
        "contact", "add", "Jane Doe", "--email", "jane@acme.example", "--app", "acme", "--role", "interviewer"
    )
    cli("close", "acme", "rejected")


def test_the_name_is_kept_in_the_workspace_and_signs_every_draft(cli: CLI) -> None:
    """GIVEN no name yet WHEN a draft is made without a terminal THEN it ends without a name and says how to set
    one; AFTER `config name "Sam Lee"` every kind of draft ends with Sam Lee, --sign still wins for one draft,
    and `config name ""` leaves drafts unsigned without asking again."""
    rejected_with_a_person(cli)
    first = cli("draft", "feedback", "acme")
    assert first.stdout.rstrip().endswith("Best wishes,") and HINT in first.stderr
    assert cli("config", "name").stdout.startswith("No name yet.")
    assert cli("config", "name", "  Sam   Lee ").stdout.strip() == "Drafts are signed “Sam Lee”."
    for kind in ("thank-you", "follow-up", "feedback", "reconnect", "withdrawal", "accept", "decline"):
        done = cli("draft", kind, "acme")
        assert done.stdout.rstrip().endswith("Best wishes,\nSam Lee"), kind
        assert HINT not in done.stderr
    once = cli("draft", "feedback", "acme", "--sign", "Samantha")
    assert once.stdout.rstrip().endswith("Best wishes,\nSamantha")
    assert cli("config", "name").stdout.strip() == "Drafts are signed “Sam Lee”."
    cli("config", "name", "")
    unsigned = cli("draft", "feedback", "acme")
    assert unsigned.stdout.rstrip().endswith("Best wishes,") and HINT not in unsigned.stderr


def test_a_name_that_cannot_be_kept_is_one_sentence(cli: CLI) -> None:
    """GIVEN a name of 300 characters WHEN set THEN one sentence says why, and nothing is kept."""
    done = cli("config", "name", "x" * 300, check=False)
    assert done.returncode == 1
    assert done.stderr.strip() == "That name is 300 characters long; 200 is the most it can be."
    assert cli("config", "name").stdout.startswith("No name yet.")


@pytest.mark.slow
def test_the_first_draft_in_a_terminal_asks_for_the_name_once(sqlite_cli: CLI) -> None:
    """GIVEN a terminal and no name yet WHEN the first draft is made THEN it asks once and signs with the answer;
    the next draft signs the same without asking."""
    rejected_with_a_person(sqlite_cli)
    env = {**os.environ, "BOUNCEBACK_HOME": str(sqlite_cli.home), "COLUMNS": "200", "NO_COLOR": "1"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "bounceback", "draft", "feedback", "acme"],
        env=env,
        encoding="utf-8",
        timeout=60,
    )
    child.expect("Your name, to sign your drafts with")
    child.sendline("Priya Raman")
    child.expect(pexpect.EOF)
    assert "Best wishes,\r\nPriya Raman" in (child.before or "")
    again = pexpect.spawn(
        sys.executable,
        ["-m", "bounceback", "draft", "feedback", "acme"],
        env=env,
        encoding="utf-8",
        timeout=60,
    )
    output = again.read()
    assert "Your name" not in output and "Best wishes,\r\nPriya Raman" in output


def test_the_web_draft_asks_for_the_name_once_and_signs_with_it(settings) -> None:  # type: ignore[no-untyped-def]
    """GIVEN no name yet WHEN a draft page is opened THEN it offers a field for the name; once given, the draft
    is signed with it, the field is gone, and the CLI signs the same way (one setting for both)."""
    with web_client(settings) as web:
        app_id = add_application(web, "Acme", "Data Engineer")
        page = web.get(f"/applications/{app_id}/draft?kind=follow_up").text
        assert 'action="/applications/' in page and 'name="name"' in page
        response = web.post(
            f"/applications/{app_id}/draft/name", {"name": "Sam Lee", "kind": "follow_up", "detail": ""}
        )
        assert messages(response.text) == ["Your drafts are signed “Sam Lee”."]
        assert "Best wishes,\nSam Lee" in response.text.split("</textarea>")[0]
        assert 'name="name"' not in response.text
    home = settings.home
    cli = CLI(home, None if settings.is_sqlite else settings.database_url)
    assert cli("draft", "follow-up", "acme").stdout.rstrip().endswith("Best wishes,\nSam Lee")


def test_own_templates_go_by_the_commands_names_and_a_stray_file_is_named(sqlite_cli: CLI) -> None:
    """GIVEN <home>/templates/thank-you.j2 WHEN a thank-you is drafted THEN it is used (the shipped name
    thank_you.j2 works too, and the command's name wins); a file no draft reads is named in one sentence."""
    rejected_with_a_person(sqlite_cli)
    folder = sqlite_cli.home / "templates"
    folder.mkdir()
    (folder / "thank_you.j2").write_text("Subject: Old name\n\n{{ greeting }} from thank_you.j2\n")
    assert "from thank_you.j2" in sqlite_cli("draft", "thank-you", "acme").stdout
    (folder / "thank-you.j2").write_text("Subject: New name\n\n{{ greeting }} from thank-you.j2\n")
    (folder / "feedback.j2").write_text("Subject: Asking\n\n{{ greeting }} what could I do better?\n")
    done = sqlite_cli("draft", "thank-you", "acme")
    assert "Subject: New name" in done.stdout and "from thank-you.j2" in done.stdout
    assert "what could I do better?" in sqlite_cli("draft", "feedback", "acme").stdout
    (folder / "thankyou.j2").write_text("Subject: Typo\n\nnever read\n")
    warned = sqlite_cli("draft", "thank-you", "acme")
    assert "never read" not in warned.stdout
    said = " ".join(warned.stderr.split())  # the terminal may wrap the sentence
    assert (
        f"thankyou.j2 in {folder} is not used: own templates are named thank-you.j2, follow-up.j2, "
        "follow-up-second.j2, feedback.j2, reconnect.j2, withdrawal.j2, accept.j2 or decline.j2." in said
    )


def test_the_web_names_a_stray_template_file(tmp_path: Path) -> None:
    """GIVEN a misspelt template file WHEN a draft page is opened THEN the page says it is not used."""
    settings = sqlite_settings(tmp_path)
    (settings.home / "templates").mkdir(parents=True)
    (settings.home / "templates" / "follow_up.j2").write_text("Subject: x\n\ny\n")
    with web_client(settings) as web:
        app_id = add_application(web, "Acme", "Data Engineer")
        page = web.get(f"/applications/{app_id}/draft?kind=follow_up").text
    assert "Not used, because no draft goes by that name: follow_up.j2." in page
