"""Commands on contacts: add, list, link to an application."""

from __future__ import annotations

from typing import Annotated

import typer

from bounceback.cli.context import STATE, console, print_json
from bounceback.cli.options import AppName, JsonFlag, enum_value

contact_app = typer.Typer(
    help="People you meet: recruiters, interviewers, hiring managers, referrers.", no_args_is_help=True
)


@contact_app.command("add")
def add_contact(
    name: Annotated[str, typer.Argument(help="Their name.")],
    email: Annotated[str, typer.Option(help="Email address.")] = "",
    phone: Annotated[str, typer.Option(help="Phone number.")] = "",
    linkedin: Annotated[str, typer.Option(help="LinkedIn profile URL.")] = "",
    title: Annotated[str, typer.Option(help="Job title.")] = "",
    company: Annotated[str | None, typer.Option(help="Where they work.")] = None,
    application: Annotated[str | None, typer.Option("--app", help="Link to this application too.")] = None,
    role: Annotated[
        str, typer.Option(help="recruiter, interviewer, hiring_manager, referrer, other.")
    ] = "other",
) -> None:
    """Record a person (an email already known is not added twice)."""
    from bounceback.domain.model import ContactRole

    contact_role = enum_value(ContactRole, role, "contact role")
    with STATE.change(f"Add contact {name}") as tracker:
        person = tracker.add_contact(
            name, company=company, email=email, phone=phone, linkedin_url=linkedin, title=title
        )
        if application:
            tracker.link(tracker.find(application), person, contact_role)
        label = f"{person.name} (id {person.id})"
    console.print(f"Saved contact {label}.")


@contact_app.command("list")
def list_contacts(as_json: JsonFlag = False) -> None:
    """List all contacts."""
    from rich.table import Table

    from bounceback.cli.render import contact_json

    with STATE.read() as read:
        people = read.contacts()
    if as_json:
        print_json([contact_json(p) for p in people])
        return
    if not people:
        console.print("No contacts yet. Add one with `bounceback contact add NAME`.")
        return
    table = Table(show_edge=False, header_style="bold")
    for column in ("id", "name", "title", "email", "phone"):
        table.add_column(column)
    for p in people:
        table.add_row(str(p.id), p.name, p.title, p.email, p.phone)
    console.print(table)


@contact_app.command("link")
def link_contact(
    contact: Annotated[str, typer.Argument(help="Contact id, email or name.")],
    name: AppName,
    role: Annotated[
        str, typer.Option(help="recruiter, interviewer, hiring_manager, referrer, other.")
    ] = "other",
) -> None:
    """Tie a contact to an application in a role."""
    from bounceback.domain.model import ContactRole

    contact_role = enum_value(ContactRole, role, "contact role")
    with STATE.change(f"Link {contact} to {name}") as tracker:
        person = tracker.find_contact(contact)
        app = tracker.find(name)
        tracker.link(app, person, contact_role)
        message = f"{person.name} is now {contact_role.value.replace('_', ' ')} on {app.slug}."
    console.print(message)


def register(app: typer.Typer) -> None:
    """Add the contact group to the CLI."""
    app.add_typer(contact_app, name="contact")
