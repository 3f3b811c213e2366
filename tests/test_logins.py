"""Logins: hashed passwords, the policy, the lockout and its end, the first administrator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import Type, extract_parameters
from sqlalchemy import select

from operline.actors import ActionRefused
from operline.codes import OperatorRole
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.db.models import AuditLog, Operator
from operline.errors import InvalidInput
from operline.lockout import LOCK_AFTER, unlock_operator
from operline.logins import (
    LoginProblem,
    SignInRefused,
    first_administrator,
    needs_first_administrator,
    set_password,
    sign_in,
    sign_out,
)
from operline.passwords import (
    PasswordRefused,
    check_password,
    hash_password,
    is_common,
    needs_rehash,
    password_matches,
)
from tests.actors import COMMAND_LINE, PASSWORD, signed_in, with_password

NOW = datetime(2026, 11, 27, 20, 0, tzinfo=UTC)  # 21:00 in Paris


def _actions(database: Database) -> list[tuple[str, str | None]]:
    with database.read() as session:
        rows = session.execute(
            select(AuditLog.action, AuditLog.details)
            .where(AuditLog.action.like("operator.%"))
            .order_by(AuditLog.id)
        ).all()
    return [(action, details) for action, details in rows]


def test_no_password_is_kept_in_clear_in_the_database_file(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    database = open_database(f"sqlite:///{path}")
    upgrade_database(database, now=NOW)
    secret = "Lapin-Vert-Sous-La-Pluie-42"
    first_administrator(database, "Claire Dumont", secret, workstation="poste-1", now=NOW)
    with_password(database, "Zoé Martin", OperatorRole.OPERATOR, "Escargot-Bleu-1984")
    sign_in(database, "Claire Dumont", secret, workstation="poste-1", now=NOW)
    with pytest.raises(SignInRefused):
        sign_in(database, "Zoé Martin", "Escargot-Bleu-1985", workstation="poste-1", now=NOW)
    with database.read() as session:
        stored = session.scalars(select(Operator.password_hash)).all()
    database.dispose()

    written = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("desk"))
    for password in (secret, "Escargot-Bleu-1984", "Escargot-Bleu-1985"):
        assert password.encode() not in written
    assert all(h is not None and h.startswith("$argon2id$") for h in stored)


def test_passwords_are_hashed_with_argon2id_at_its_recommended_cost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cheap = hash_password("un mot de passe")  # the tests' cheap hasher (see conftest)
    monkeypatch.undo()  # the hasher as shipped

    shipped = extract_parameters(hash_password("un mot de passe"))

    # argon2-cffi's default: RFC 9106's second recommended profile (64 MiB, 3 passes).
    assert shipped.type is Type.ID
    assert (shipped.time_cost, shipped.memory_cost, shipped.parallelism) >= (3, 65536, 4)
    # A hash made cheaper than that is redone at the next good sign-in.
    assert needs_rehash(cheap)
    assert password_matches(cheap, "un mot de passe")


@pytest.mark.parametrize(
    ("role", "password", "why"),
    [
        (OperatorRole.OPERATOR, "court-11car", "holds 11 characters: operators choose at least 12"),
        (OperatorRole.SUPERVISOR, "douze-chars-ok!", "supervisors choose at least 16"),
        (OperatorRole.ADMINISTRATOR, "quinze-chars-ok", "administrators choose at least 16"),
        (OperatorRole.OPERATOR, "password1234", "among the most common ones"),
        (OperatorRole.OPERATOR, "Qwerty123456!!", "among the most common ones"),
        (OperatorRole.SUPERVISOR, "iloveyouiloveyou", "among the most common ones"),
        (OperatorRole.OPERATOR, "aaaaaaaaaaaaaa", "among the most common ones"),
    ],
)
def test_the_policy_refuses_short_and_common_passwords(
    role: OperatorRole, password: str, why: str
) -> None:
    with pytest.raises(PasswordRefused, match=why):
        check_password(password, role)


def test_the_policy_accepts_long_uncommon_passwords() -> None:
    check_password("douze-chars!", OperatorRole.OPERATOR)
    check_password("seize caractères", OperatorRole.SUPERVISOR)
    check_password(PASSWORD, OperatorRole.ADMINISTRATOR)
    assert not is_common("Tartine de confiture bleue")


def test_five_wrong_passwords_lock_the_account_for_ten_minutes(database: Database) -> None:
    with_password(database, "Zoé Martin", OperatorRole.OPERATOR)
    for attempt in range(1, LOCK_AFTER):
        with pytest.raises(SignInRefused) as wrong:
            sign_in(database, "Zoé Martin", f"faux {attempt}", workstation="p1", now=NOW)
        assert wrong.value.problem is LoginProblem.WRONG
    with pytest.raises(SignInRefused) as fifth:
        sign_in(database, "Zoé Martin", "faux 5", workstation="p1", now=NOW)
    assert str(fifth.value).startswith(
        "Too many wrong passwords: this account is locked until 21:10."
    )

    # Locked: even the good password is refused, until the lock ends.
    with pytest.raises(SignInRefused, match="locked until 21:10"):
        sign_in(database, "Zoé Martin", PASSWORD, workstation="p1", now=NOW + timedelta(minutes=9))
    actor = sign_in(
        database, "Zoé Martin", PASSWORD, workstation="p1", now=NOW + timedelta(minutes=10)
    )
    assert actor.name == "Zoé Martin"
    actions = _actions(database)
    assert actions[-8:] == [
        ("operator.login_failed", "attempt 1 of 5"),
        ("operator.login_failed", "attempt 2 of 5"),
        ("operator.login_failed", "attempt 3 of 5"),
        ("operator.login_failed", "attempt 4 of 5"),
        ("operator.login_failed", "attempt 5 of 5"),
        ("operator.locked", "until 2026-11-27T21:10:00+01:00"),
        ("operator.login_failed", "account locked"),
        ("operator.sign_in", None),
    ]
    # After the lock the count starts again: four wrong ones do not lock.
    for _ in range(LOCK_AFTER - 1):
        with pytest.raises(SignInRefused, match="is wrong"):
            sign_in(database, "Zoé Martin", "faux", workstation="p1", now=NOW + timedelta(hours=1))


def test_a_good_password_clears_the_wrong_ones_before_it(database: Database) -> None:
    with_password(database, "Zoé Martin", OperatorRole.OPERATOR)
    for _ in range(LOCK_AFTER - 1):
        with pytest.raises(SignInRefused):
            sign_in(database, "Zoé Martin", "faux", workstation="p1", now=NOW)
    sign_in(database, "Zoé Martin", PASSWORD, workstation="p1", now=NOW)
    with pytest.raises(SignInRefused, match="is wrong"):
        sign_in(database, "Zoé Martin", "faux", workstation="p1", now=NOW)


def test_an_unknown_login_is_refused_as_a_wrong_password_and_not_kept(database: Database) -> None:
    with_password(database, "Zoé Martin", OperatorRole.OPERATOR)
    with pytest.raises(SignInRefused) as refused:
        sign_in(database, "Mot-De-Passe-Tapé-Ici", PASSWORD, workstation="p1", now=NOW)
    assert refused.value.problem is LoginProblem.WRONG
    with database.read() as session:
        row = session.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
    assert row is not None
    assert (row.action, row.actor, row.details) == (
        "operator.login_failed",
        "unknown login (system) @ p1",
        "unknown login",
    )
    assert "Mot-De-Passe" not in f"{row.target}{row.details}{row.actor}"


def test_an_administrator_unlocks_an_account_before_the_end(database: Database) -> None:
    with_password(database, "Zoé Martin", OperatorRole.OPERATOR)
    for _ in range(LOCK_AFTER):
        with pytest.raises(SignInRefused):
            sign_in(database, "Zoé Martin", "faux", workstation="p1", now=NOW)
    supervisor = signed_in(database, "Amine Benali", OperatorRole.SUPERVISOR)
    with pytest.raises(ActionRefused, match="only an administrator"):
        unlock_operator(database, "Zoé Martin", actor=supervisor, now=NOW)

    assert unlock_operator(database, "zoe martin", actor=COMMAND_LINE, now=NOW)

    sign_in(database, "Zoé Martin", PASSWORD, workstation="p1", now=NOW + timedelta(minutes=1))
    assert ("operator.unlock", "was locked") in _actions(database)


def test_the_first_administrator_is_made_once_on_an_empty_database(database: Database) -> None:
    assert needs_first_administrator(database)
    with pytest.raises(PasswordRefused, match="administrators choose at least 16"):
        first_administrator(database, "Claire Dumont", "trop-court", workstation="p1", now=NOW)

    admin = first_administrator(database, " Claire  Dumont ", PASSWORD, workstation="p1", now=NOW)

    assert (admin.name, admin.role, admin.workstation) == (
        "Claire Dumont",
        OperatorRole.ADMINISTRATOR,
        "p1",
    )
    assert not needs_first_administrator(database)
    with pytest.raises(InvalidInput, match="already has its administrator"):
        first_administrator(database, "Intrus", PASSWORD, workstation="p1", now=NOW)
    assert sign_in(database, "claire dumont", PASSWORD, workstation="p1", now=NOW) == admin
    assert [action for action, _ in _actions(database)] == [
        "operator.add",
        "operator.password",
        "operator.sign_in",
        "operator.sign_in",
    ]


def test_an_older_database_s_person_becomes_its_first_administrator(database: Database) -> None:
    supervisor = signed_in(database, "Claire Dumont", OperatorRole.SUPERVISOR)
    assert needs_first_administrator(database)  # people, but nobody with a password
    admin = first_administrator(database, "claire dumont", PASSWORD, workstation="p1", now=NOW)
    assert (admin.operator_id, admin.role) == (supervisor.operator_id, OperatorRole.ADMINISTRATOR)


def test_a_person_changes_their_own_password_and_nobody_else_s(database: Database) -> None:
    operator = with_password(database, "Zoé Martin", OperatorRole.OPERATOR)
    with_password(database, "Amine Benali", OperatorRole.OPERATOR)
    set_password(database, "Zoé Martin", "nouveau mot de passe", actor=operator, now=NOW)
    with pytest.raises(ActionRefused, match="Zoé Martin is not an administrator"):
        set_password(database, "Amine Benali", "nouveau mot de passe", actor=operator, now=NOW)
    assert sign_in(database, "Zoé Martin", "nouveau mot de passe", workstation="p", now=NOW)


def test_signing_out_is_audited(database: Database) -> None:
    operator = with_password(database, "Zoé Martin", OperatorRole.OPERATOR)
    sign_out(database, operator, now=NOW, why="handover")
    assert _actions(database)[-1] == ("operator.logout", "handover")
