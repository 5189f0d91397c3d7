"""The server's own pages: login and logout, a seeker's sharing (consent, who looked, advisor notes, export
and delete), an advisor's seekers, cohort outcomes, and the admin's people."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from bounceback.domain.accounts import SHARING_WORDS, Role, Sharing, clean_email
from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.server import limits
from bounceback.server.auth import LOGIN_COOKIE, Person, login_cookie, new_token, token_hash
from bounceback.server.passwords import check_strength, dummy_hash, hash_password, needs_rehash, verify
from bounceback.web.templating import redirect, render

router = APIRouter()
INVITE_GONE = "This invitation has been used or has expired; ask your career-services office for a new one."
WRONG_PASSWORD = "That email and password do not match an account here. Check both and try again."


def _state(request: Request) -> Any:
    return request.app.state.server


def _person(request: Request) -> Person:
    person: Person | None = getattr(request.state, "person", None)
    if person is None:
        raise NotFound("There is no page here.")
    return person


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _set_login(response: Response, request: Request, token: str) -> None:
    secure = _state(request).config.is_https
    response.set_cookie(LOGIN_COOKIE, token, path="/", httponly=True, samesite="lax", secure=secure)


def _new_session(state: Any, request: Request, user_id: int) -> str:
    """A new login session for a person, the browser's old one ended (the token rotates at every login)."""
    old = login_cookie(request.scope.get("headers", []))
    if old:
        state.directory.end_session(token_hash(old))
    token = new_token()
    state.directory.start_session(user_id, token_hash(token))
    return token


def _login_page(request: Request, status_code: int = 200, **context: Any) -> Response:
    """The login form, with the single sign-on button when it is set up."""
    config = _state(request).config
    context = {"section": "login", "sso_name": config.sso_name if config.sso else "", **context}
    return render(request, "server_login.html", context, status_code=status_code)


# Login and logout ------------------------------------------------------------------------------------------
@router.get("/healthz")
def healthz() -> PlainTextResponse:
    return PlainTextResponse("ok")


@router.get("/login")
def login_page(request: Request) -> Response:
    person: Person | None = getattr(request.state, "person", None)
    if person is not None:
        return redirect(person.home)
    return _login_page(request)


@router.post("/login")
async def login(request: Request) -> Response:
    """1. the limits; 2. the password (an unknown email costs as long); 3. a new session, the old one ended."""
    from anyio import to_thread

    form = await request.form()
    email = str(form.get("email", "")).strip().lower()[:320]
    password = str(form.get("password", ""))
    state, address, now = _state(request), _address(request), datetime.now(UTC)

    def attempt() -> tuple[str | None, Any]:
        limit = limits.check(state.directory, email, address, now)
        if limit is not None:
            return limit.sentence, None
        found = state.directory.account_by_email(email)
        ok = verify(found[1] if found else dummy_hash(), password) and found is not None and found[0].active
        state.directory.record_attempt(email, address, succeeded=ok, at=now)
        if not ok or found is None:
            return WRONG_PASSWORD, None
        account, stored = found
        if needs_rehash(stored):
            state.directory.set_password(account.user_id, hash_password(password))
        return None, (account, _new_session(state, request, account.user_id))

    problem, done = await to_thread.run_sync(attempt)
    if problem is not None:
        status = 429 if problem != WRONG_PASSWORD else 401
        return _login_page(request, status, error=problem, email=email)
    account, token = done
    response = redirect(Person(account.user_id, account.email, account.role).home)
    _set_login(response, request, token)
    return response


@router.get("/login/sso")
async def sso_start(request: Request) -> Response:
    """Off to the provider, with the pending sign-in (state, nonce, PKCE verifier) sealed in a cookie. A link,
    not a form: nothing changes here until the callback, and a form's redirect elsewhere is what the pages'
    Content-Security-Policy (form-action 'self') forbids."""
    from bounceback.server.sso import PENDING_COOKIE, PENDING_PATH, PENDING_SECONDS, Refused

    state = _state(request)
    if not state.config.sso:
        raise NotFound("There is no page here.")
    try:
        url, sealed = await state.single_sign_on().start()
    except Refused as refused:
        return _login_page(request, refused.status, error=refused.sentence)
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(
        PENDING_COOKIE,
        sealed,
        max_age=PENDING_SECONDS,
        path=PENDING_PATH,
        httponly=True,
        samesite="lax",
        secure=state.config.is_https,
    )
    return response


@router.get("/login/sso/callback")
async def sso_finish(request: Request) -> Response:
    """Back from the provider: every check of sso.finish and sso.admit, then the same session as a password
    login; any refusal is the login page with one sentence, and no session."""
    from anyio import to_thread

    from bounceback.server.sso import PENDING_COOKIE, PENDING_PATH, Refused, admit

    state = _state(request)
    if not state.config.sso:
        raise NotFound("There is no page here.")

    def enter(email: str) -> tuple[Any, str]:
        account = admit(state.directory, state.config, email)
        return account, _new_session(state, request, account.user_id)

    response: Response
    try:
        email = await state.single_sign_on().finish(
            dict(request.query_params), request.cookies.get(PENDING_COOKIE)
        )
        account, token = await to_thread.run_sync(enter, email)
    except Refused as refused:
        response = _login_page(request, refused.status, error=refused.sentence)
    else:
        response = redirect(Person(account.user_id, account.email, account.role).home)
        _set_login(response, request, token)
    response.delete_cookie(PENDING_COOKIE, path=PENDING_PATH)
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    token = login_cookie(request.scope.get("headers", []))
    if token:
        _state(request).directory.end_session(token_hash(token))
    response = redirect("/login", message="You are logged out.")
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


# Joining by invitation -------------------------------------------------------------------------------------
def _invite_page(request: Request, token: str, status_code: int = 200, **context: Any) -> Response:
    return render(
        request,
        "server_invite.html",
        {"section": "login", "token": token, **context},
        status_code=status_code,
    )


def _invite_gone(request: Request, token: str, *, known: bool) -> Response:
    """Used or expired: 410; a token that was never made: 404; the same sentence for both."""
    return _invite_page(request, token, 410 if known else 404, gone=INVITE_GONE)


@router.get("/invite/{token}")
def invite_page(request: Request, token: str) -> Response:
    found = _state(request).directory.invitation(token)
    if found is None or not found.open_at(datetime.now(UTC)):
        return _invite_gone(request, token, known=found is not None)
    return _invite_page(request, token, email=found.email)


@router.post("/invite/{token}")
async def accept_invite(request: Request, token: str) -> Response:
    """Choose a password (the rules of `user add`), then the account and a session as after a password login."""
    from anyio import to_thread

    state = _state(request)
    found = state.directory.invitation(token)
    if found is None or not found.open_at(datetime.now(UTC)):
        return _invite_gone(request, token, known=found is not None)
    form = await request.form()
    password, again = str(form.get("password", "")), str(form.get("password_again", ""))
    if password != again:
        return _invite_page(
            request, token, 400, email=found.email, error="The two passwords differ; type the same one twice."
        )
    try:
        check_strength(password)
    except InvalidInput as problem:
        return _invite_page(request, token, 400, email=found.email, error=str(problem))

    def join() -> tuple[Any, str] | None:
        account = state.directory.accept_invite(token, hash_password(password))
        if account is None:
            return None
        return account, _new_session(state, request, account.user_id)

    done = await to_thread.run_sync(join)
    if done is None:
        return _invite_gone(request, token, known=True)
    account, session = done
    response = redirect(Person(account.user_id, account.email, account.role).home, message="Welcome.")
    _set_login(response, request, session)
    return response


# A seeker's sharing ----------------------------------------------------------------------------------------
def _seeker(request: Request) -> Person:
    person = _person(request)
    if person.role is not Role.SEEKER:
        raise NotFound("There is no page here.")
    return person


@router.get("/sharing")
def sharing_page(request: Request) -> Response:
    person = _seeker(request)
    directory = _state(request).directory
    shared = {grant.advisor_id: grant.sharing for grant in directory.shared_with(person.user_id)}
    advisors = [a for a in directory.accounts(role=Role.ADVISOR) if a.active]
    context = {
        "section": "sharing",
        "advisors": [(a, shared.get(a.user_id, Sharing.NOTHING)) for a in advisors],
        "words": SHARING_WORDS,
        "choices": list(Sharing),
        "log": directory.access_log(person.user_id),
        "notes": directory.notes(person.user_id, acting=person.user_id),
    }
    return render(request, "server_sharing.html", context)


@router.post("/sharing")
async def share(request: Request) -> Response:
    person = _seeker(request)
    form = await request.form()
    try:
        sharing = Sharing(str(form.get("sharing", "")))
    except ValueError:
        raise InvalidInput("Choose nothing, a summary or the whole search.") from None
    advisor = _state(request).directory.share(
        person.user_id, clean_email(str(form.get("advisor", ""))), sharing
    )
    return redirect("/sharing", message=f"{advisor.email} now sees {SHARING_WORDS[sharing]}.")


@router.get("/account/export")
def export(request: Request) -> Response:
    from bounceback.transfer.json_export import export_document

    person = _seeker(request)
    with _state(request).directory.workspace_for(person.user_id).read() as read:
        document = export_document(read)
    return Response(
        json.dumps(document, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="bounceback-search.json"'},
    )


@router.post("/account/delete")
async def delete_account(request: Request) -> Response:
    person = _seeker(request)
    form = await request.form()
    if str(form.get("confirm", "")).strip().lower() != person.email:
        raise InvalidInput("Type your email address to confirm; nothing was deleted.")
    state = _state(request)
    state.directory.delete(person.email)
    state.contexts.forget(person.user_id)
    response = redirect("/login", message="Your account and your whole search are erased.")
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


# An advisor's seekers --------------------------------------------------------------------------------------
def _advisor(request: Request) -> Person:
    person = _person(request)
    if person.role is Role.SEEKER:
        raise NotFound("There is no page here.")
    return person


@router.get("/advisor")
def advisor_page(request: Request) -> Response:
    person = _advisor(request)
    grants = _state(request).directory.sharing_with(person.user_id)
    return render(
        request, "server_advisor.html", {"section": "advisor", "grants": grants, "words": SHARING_WORDS}
    )


@router.get("/advisor/seekers/{seeker_id}")
def seeker_page(request: Request, seeker_id: int) -> Response:
    from bounceback.server.summary import summarise

    person = _advisor(request)
    directory = _state(request).directory
    shared = directory.shared_workspace(seeker_id, person.user_id)
    if shared is None:
        raise NotFound("There is no such person among those who share with you.")
    workspace, sharing = shared
    with workspace.read() as read:
        summary = summarise(read, sharing)
    account = directory.account(seeker_id)
    context = {
        "section": "advisor",
        "seeker_id": seeker_id,
        "seeker": account.email if account else "",
        "summary": summary,
        "notes": directory.notes(seeker_id, acting=person.user_id),
    }
    return render(request, "server_seeker.html", context)


@router.post("/advisor/seekers/{seeker_id}/notes")
async def add_note(request: Request, seeker_id: int) -> Response:
    person = _advisor(request)
    form = await request.form()
    _state(request).directory.add_note(seeker_id, person.user_id, str(form.get("text", "")))
    return redirect(
        f"/advisor/seekers/{seeker_id}", message="Note kept; they can read it on their sharing page."
    )


# Cohorts ---------------------------------------------------------------------------------------------------
def _cohort_cells(request: Request, cohort_id: int) -> tuple[str, list[Any]]:
    from bounceback.server.cohort import outcomes
    from bounceback.server.summary import summarise

    person = _advisor(request)
    directory = _state(request).directory
    cohort = next((c for c in directory.cohorts() if c.id == cohort_id), None)
    if cohort is None:
        raise NotFound("There is no such cohort.")
    if person.role is Role.ADVISOR:
        counted = {g.seeker_id: g.sharing for g in directory.sharing_with(person.user_id)}
    else:
        counted = dict.fromkeys(directory.counted_seekers(), Sharing.SUMMARY)
    summaries = []
    for member in directory.accounts(role=Role.SEEKER, cohort=cohort.name):
        if member.active and member.user_id in counted:
            with directory.workspace_for(member.user_id).read() as read:
                summaries.append(summarise(read, Sharing.SUMMARY))
    return cohort.name, outcomes(summaries)


@router.get("/cohorts")
def cohorts_page(request: Request) -> Response:
    _advisor(request)
    return render(
        request, "server_cohorts.html", {"section": "cohorts", "cohorts": _state(request).directory.cohorts()}
    )


@router.get("/cohorts/{cohort_id}")
def cohort_page(request: Request, cohort_id: int) -> Response:
    name, cells = _cohort_cells(request, cohort_id)
    return render(
        request,
        "server_cohort.html",
        {"section": "cohorts", "name": name, "cells": cells, "cohort_id": cohort_id},
    )


@router.get("/cohorts/{cohort_id}/outcomes.csv")
def cohort_csv(request: Request, cohort_id: int) -> Response:
    from bounceback.server.cohort import as_csv

    name, cells = _cohort_cells(request, cohort_id)
    return Response(
        as_csv(name, cells),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="cohort-{cohort_id}-outcomes.csv"'},
    )


# The admin's people ----------------------------------------------------------------------------------------
def _admin(request: Request) -> Person:
    person = _person(request)
    if person.role is not Role.ADMIN:
        raise NotFound("There is no page here.")
    return person


def _admin_page(request: Request, me: Person, **context: Any) -> Response:
    directory = _state(request).directory
    context = {
        "section": "admin",
        "me": me.user_id,
        "people": directory.accounts(),
        "roles": list(Role),
        "cohorts": directory.cohorts(),
        **context,
    }
    return render(request, "server_admin.html", context)


def _form_role(form: Any) -> Role:
    """The role an admin's form chose (add or invite), or one sentence."""
    try:
        return Role(str(form.get("role", "")))
    except ValueError:
        raise InvalidInput("Choose seeker, advisor or admin.") from None


@router.get("/admin")
def admin_page(request: Request) -> Response:
    return _admin_page(request, _admin(request))


@router.post("/admin/invites")
async def admin_invite(request: Request) -> Response:
    """An invitation whose link is shown once, on the page this answers with (never kept, never redirected)."""
    me = _admin(request)
    form = await request.form()
    role = _form_role(form)
    cohort = str(form.get("cohort", "")).strip() or None
    state = _state(request)
    found, token = state.directory.invite(str(form.get("email", "")), role, cohort=cohort)
    link = f"{state.config.public_url.rstrip('/')}/invite/{token}"
    return _admin_page(request, me, invited=found, invite_link=link)


def _other(request: Request, user_id: int, doing: str) -> Any:
    """The account an admin acts on; never their own (another admin can do that)."""
    me = _admin(request)
    if user_id == me.user_id:
        raise InvalidInput(f"You cannot {doing} your own account; another admin can.")
    account = _state(request).directory.account(user_id)
    if account is None:
        raise NotFound("There is no such person.")
    return account


@router.post("/admin/people")
async def admin_add(request: Request) -> Response:
    _admin(request)
    form = await request.form()
    role = _form_role(form)
    email = clean_email(str(form.get("email", "")))
    directory = _state(request).directory
    directory.add_account(email, hash_password(str(form.get("password", ""))), role)
    cohort = str(form.get("cohort", "")).strip()
    if cohort:
        directory.join_cohort(email, cohort)
    return redirect("/admin", message=f"Added {email} as {role.value}.")


@router.post("/admin/people/{user_id}/deactivate")
def admin_deactivate(request: Request, user_id: int) -> Response:
    account = _other(request, user_id, "deactivate")
    _state(request).directory.deactivate(account.email)
    _state(request).contexts.forget(user_id)
    return redirect("/admin", message=f"{account.email} can no longer log in; their data is kept.")


@router.post("/admin/people/{user_id}/reactivate")
def admin_reactivate(request: Request, user_id: int) -> Response:
    account = _other(request, user_id, "reactivate")
    _state(request).directory.reactivate(account.email)
    return redirect("/admin", message=f"{account.email} can log in again.")


@router.post("/admin/people/{user_id}/delete")
async def admin_delete(request: Request, user_id: int) -> Response:
    """Erase a person and every row of theirs, once their email is typed again."""
    account = _other(request, user_id, "delete")
    form = await request.form()
    if str(form.get("confirm", "")).strip().lower() != account.email:
        raise InvalidInput(f"Type {account.email} to confirm; nothing was erased.")
    state = _state(request)
    state.directory.delete(account.email)
    state.contexts.forget(user_id)
    return redirect("/admin", message=f"Erased {account.email} and everything of theirs.")


@router.post("/admin/cohorts")
async def admin_cohort(request: Request) -> Response:
    _admin(request)
    form = await request.form()
    cohort = _state(request).directory.add_cohort(str(form.get("name", "")))
    return redirect("/admin", message=f"Added the cohort {cohort.name}.")
