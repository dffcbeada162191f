"""People who moderate, administer and audit: their roles, API tokens and web passwords.

Tokens are random and shown once; only their SHA-256 is stored, and a token is found by that digest.
Passwords are hashed with argon2. A web session is a signed cookie that stays valid in every copy of it, so it
is ended on the server: logout and a new password move the user's session generation on.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from moderation import audit
from moderation.db import SessionFactory
from moderation.errors import ModerationError, NotFound
from moderation.hashing import sha256_hex
from moderation.models import ApiToken, Role, User, utcnow

TOKEN_PREFIX = "mod_"
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# Actors the service writes on the record itself: a person by one of these names would pass for it there
RESERVED_NAMES = frozenset({"system", "author", "cli", "site", "service"})
_hasher = PasswordHasher()


class AccountError(ModerationError):
    title = "Account request refused"


@dataclass(frozen=True)
class Principal:
    """Who is calling: the user behind a token or a login session."""

    user_id: int
    name: str
    role: Role


def create_user(sessions: SessionFactory, name: str, role: Role, password: str | None = None) -> tuple[User, str]:
    """A new user and their first API token (the token is returned once, never stored)."""
    if not NAME.match(name):
        raise AccountError("a user name is 1 to 64 lower-case letters, digits, dots, dashes or underscores")
    if name in RESERVED_NAMES:
        raise AccountError(f"{name!r} names the service itself on the record: choose another name")
    if password is not None:
        _check_password(password)
    with sessions() as session:
        user = User(name=name, role=role, password_hash=_hasher.hash(password) if password else None)
        session.add(user)
        try:
            session.flush()
        except IntegrityError:
            raise AccountError(f"a user named {name!r} already exists") from None
        token = _new_token(session, user)
        audit.append(session, action="user_created", actor="cli", actor_role="admin",
                     details={"user": name, "role": role.value})
        session.commit()
        return user, token


def _check_password(password: str) -> None:
    if len(password) < 12:
        raise AccountError("a password has at least 12 characters")


def _new_token(session, user: User) -> str:  # type: ignore[no-untyped-def]
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=sha256_hex(token), prefix=token[:12]))
    return token


def issue_token(sessions: SessionFactory, name: str) -> str:
    with sessions() as session:
        user = session.exec(select(User).where(User.name == name)).first()
        if user is None:
            raise NotFound(f"no user named {name!r}")
        token = _new_token(session, user)
        audit.append(session, action="token_issued", actor="cli", actor_role="admin", details={"user": name})
        session.commit()
        return token


def revoke_tokens(sessions: SessionFactory, name: str, prefix: str | None = None) -> int:
    """Revokes a user's tokens (all, or the one whose first characters are `prefix`)."""
    with sessions() as session:
        user = session.exec(select(User).where(User.name == name)).first()
        if user is None:
            raise NotFound(f"no user named {name!r}")
        statement = update(ApiToken).where(col(ApiToken.user_id) == user.id, col(ApiToken.revoked_at).is_(None))
        if prefix:
            statement = statement.where(col(ApiToken.prefix) == prefix[:12])
        revoked = session.execute(statement.values(revoked_at=utcnow())).rowcount
        audit.append(session, action="tokens_revoked", actor="cli", actor_role="admin",
                     details={"user": name, "count": revoked})
        session.commit()
        return revoked


def set_disabled(sessions: SessionFactory, name: str, disabled: bool) -> None:
    """Locks a user out of every way in (tokens, password, a web session already open), or lets them back. The
    sessions open when they were disabled stay ended: a cookie copied before must not come back with them."""
    with sessions() as session:
        user = session.exec(select(User).where(User.name == name)).first()
        if user is None:
            raise NotFound(f"no user named {name!r}")
        user.disabled_at = utcnow() if disabled else None
        if disabled:
            user.session_generation += 1
        session.add(user)
        audit.append(session, action="user_disabled" if disabled else "user_enabled", actor="cli",
                     actor_role="admin", details={"user": name})
        session.commit()


def session_principal(sessions: SessionFactory, user_id: int, generation: int) -> Principal | None:
    """The user behind a web session, read afresh on each request: a session of a disabled user, or one issued
    before their last logout or password change (an older generation), ends here."""
    with sessions.reading() as session:
        row = session.exec(select(User.id, User.name, User.role)
                           .where(User.id == user_id, User.session_generation == generation,
                                  col(User.disabled_at).is_(None))).first()
    return Principal(row[0], row[1], Role(row[2])) if row else None


def end_sessions(sessions: SessionFactory, user_id: int) -> None:
    """Ends every web session of a user, on every device: a cookie copied before now carries an old generation.

    One UPDATE that counts on in the database, so two logouts at once both take effect."""
    with sessions() as session:
        session.execute(update(User).where(col(User.id) == user_id)
                        .values(session_generation=col(User.session_generation) + 1))
        session.commit()


def set_password(sessions: SessionFactory, name: str, password: str) -> None:
    """A new web login password; whoever held a session under the old one is logged out."""
    _check_password(password)
    with sessions() as session:
        user = session.exec(select(User).where(User.name == name)).first()
        if user is None:
            raise NotFound(f"no user named {name!r}")
        session.execute(update(User).where(col(User.id) == user.id)
                        .values(password_hash=_hasher.hash(password),
                                session_generation=col(User.session_generation) + 1))
        audit.append(session, action="password_changed", actor="cli", actor_role="admin", details={"user": name})
        session.commit()


def authenticate_token(sessions: SessionFactory, token: str) -> Principal | None:
    """The user a live token belongs to; the lookup is by digest, so timing reveals nothing of the token."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    with sessions.reading() as session:
        row = session.exec(
            select(User.id, User.name, User.role)
            .join(ApiToken, col(ApiToken.user_id) == col(User.id))
            .where(ApiToken.token_hash == sha256_hex(token), col(ApiToken.revoked_at).is_(None),
                   col(User.disabled_at).is_(None))
        ).first()
    return Principal(row[0], row[1], Role(row[2])) if row else None


@dataclass(frozen=True)
class Login:
    """A password that matched: who logged in, and the session generation their session must carry."""

    principal: Principal
    session_generation: int


def password_hash_of(sessions: SessionFactory, name: str) -> str | None:
    """The active user's stored password hash (None: no such user, disabled, or no password). It changes with every
    new password, so what is bound to it (a login device, api/web.py) ends with the password."""
    with sessions.reading() as session:
        return session.exec(select(User.password_hash).where(User.name == name,
                                                              col(User.disabled_at).is_(None))).first()


def authenticate_password(sessions: SessionFactory, name: str, password: str) -> Login | None:
    with sessions() as session:
        user = session.exec(select(User).where(User.name == name, col(User.disabled_at).is_(None))).first()
    if user is None or not user.password_hash:
        _hasher.hash(password)  # spend the same time whether or not the user exists
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    assert user.id is not None
    return Login(Principal(user.id, user.name, Role(user.role)), user.session_generation)
