"""Digests that let the service recognise a receipt, an author or a client without keeping secrets in clear."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from typing import Any


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def email_hash(email: str) -> str:
    """Groups an author's comments for their history; e-mail case is not significant."""
    return sha256_hex(email.strip().casefold())


def client_fingerprint(secret: str, address: str | None) -> str | None:
    """Keyed, so the stored value cannot be turned back into an IP address by trying them all."""
    if not address:
        return None
    return hmac.new(secret.encode("utf-8"), address.encode("utf-8"), hashlib.sha256).hexdigest()


def new_receipt() -> tuple[str, str]:
    """A token for the author and the digest the database keeps instead of it."""
    token = secrets.token_urlsafe(24)
    return token, sha256_hex(token)


def receipt_matches(token: str, stored_digest: str) -> bool:
    return hmac.compare_digest(sha256_hex(token), stored_digest)


def canonical_digest(document: dict[str, Any]) -> str:
    return sha256_hex(json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")))
