"""Encryption at rest for personal data (ID numbers) and a keyed digest for exact-match lookups."""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

__all__ = ["decrypt", "digest", "encrypt"]


def _fernet() -> Fernet:
    key = hashlib.sha256(("fernet:" + settings.FIELD_ENCRYPTION_KEY).encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(plain: str) -> str:
    return _fernet().encrypt(plain.encode()).decode() if plain else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""


def digest(plain: str) -> str:
    """HMAC of a normalised value: lets us find duplicates without storing the value in clear."""
    if not plain:
        return ""
    key = hashlib.sha256(("digest:" + settings.FIELD_ENCRYPTION_KEY).encode()).digest()
    return hmac.new(key, plain.upper().encode(), hashlib.sha256).hexdigest()
