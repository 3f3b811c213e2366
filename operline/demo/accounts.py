"""The demo's accounts: one person of each role, whose passwords the demo says openly.

A real desk has no default password anywhere. A demo database is the exception and says
so: ``operline demo`` gives an operator, a supervisor and an administrator a generated
password, prints them, and keeps them in the database's ``demo.accounts`` setting, which
marks the database as a demo one; its sign-in shows them under a banner.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from operline import reference_data as ref
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import DeskSetting, Operator
from operline.names import find_by_name
from operline.passwords import hash_password, is_common

#: The desk setting that marks a demo database and lists its accounts.
DEMO_ACCOUNTS_KEY = "demo.accounts"
_AUTHOR = "operline demo"


@dataclass(frozen=True)
class DemoAccount:
    login: str
    role: OperatorRole
    password: str


def _demo_person(role: OperatorRole) -> str:
    return next(spec.name for spec in ref.OPERATORS if spec.role is role)


def _new_password() -> str:
    while True:
        # 18 characters drawn from 64: long enough for every role's policy.
        password = secrets.token_urlsafe(14)[:18]
        if not is_common(password):
            return password


def create_demo_accounts(database: Database, *, now: datetime) -> list[DemoAccount]:
    """Give the first person of each role a generated password; the accounts made."""
    accounts = [DemoAccount(_demo_person(role), role, _new_password()) for role in OperatorRole]
    hashes = {account.login: hash_password(account.password) for account in accounts}
    with database.write() as session:
        everyone = session.scalars(select(Operator)).all()
        for account in accounts:
            operator = find_by_name(account.login, ((o.name, o) for o in everyone))
            if operator is None:
                operator = Operator(name=account.login, active=True, created_at=now)
                session.add(operator)
            operator.role = account.role.value
            operator.password_hash = hashes[account.login]
        listed = "\n".join(f"{a.login}\t{a.role.value}\t{a.password}" for a in accounts)
        row = session.get(DeskSetting, DEMO_ACCOUNTS_KEY)
        if row is None:
            session.add(
                DeskSetting(key=DEMO_ACCOUNTS_KEY, value=listed, updated_at=now, updated_by=_AUTHOR)
            )
        else:
            row.value, row.updated_at = listed, now
    return accounts


def demo_accounts(database: Database) -> list[DemoAccount]:
    """The demo's accounts, or none when this is not a demo database."""
    with database.read() as session:
        listed = session.scalar(
            select(DeskSetting.value).where(DeskSetting.key == DEMO_ACCOUNTS_KEY)
        )
    accounts = []
    for line in (listed or "").splitlines():
        login, role, password = line.split("\t")
        accounts.append(DemoAccount(login, OperatorRole(role), password))
    return accounts
