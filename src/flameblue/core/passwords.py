"""Password rules beyond Django's (等保 2.0 complexity and common-sense refusals).

- :class:`MinimumLengthValidator`: length, counting a run of whitespace as one character (padding a short
  password with spaces does not make it long);
- :class:`CharacterClassValidator`: at least three of four character classes — ASCII lowercase, ASCII
  uppercase, digits and "other" (symbols, spaces and any non-ASCII character such as Chinese);
- :class:`WhitespacePaddingValidator`: no leading or trailing whitespace, not whitespace only;
- :class:`CommonPasswordValidator`: not a common password — Django's list of about 20,000 plus
  ``core/data/common-passwords-zh.txt`` — after undoing case, look-alike substitutions (``P@ssw0rd``) and
  digits or symbols stuck on either end (``Password1234!``), and never the published demo password;
- :class:`PasswordHistoryValidator`: not the current password nor one of the last
  ``PASSWORD_HISTORY_COUNT`` (the user model provides ``previous_password_hashes()``).
"""

from __future__ import annotations

import functools
import gzip
import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

__all__ = [
    "CharacterClassValidator",
    "CommonPasswordValidator",
    "MinimumLengthValidator",
    "PUBLISHED_DEMO_PASSWORD",
    "PasswordHistoryValidator",
    "WhitespacePaddingValidator",
    "character_classes",
    "password_variants",
]

#: The demo password printed in the README; refused even where ``FLAMEBLUE_DEMO_PASSWORD`` differs.
PUBLISHED_DEMO_PASSWORD = "Huoyan#Lan2026"
ZH_LIST = Path(__file__).resolve().parent / "data" / "common-passwords-zh.txt"
_LEET = str.maketrans(
    {"@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s", "5": "s", "7": "t"}
)
_ENDS = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_SYMBOLS = re.compile(r"[\W_]+")


def _collapsed_length(password: str) -> int:
    return len(re.sub(r"\s+", " ", password))


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule, with whitespace runs counted once and a message in our catalogue."""

    def validate(self, password: str, user: Any = None) -> None:
        if _collapsed_length(password) < self.min_length:
            raise ValidationError(
                self.get_error_message(), code="password_too_short", params={"min_length": self.min_length}
            )

    def get_error_message(self) -> str:
        return _("密码太短：至少需要 %(n)d 个字符。") % {"n": self.min_length}

    def get_help_text(self) -> str:
        return _("密码至少 %(n)d 个字符。") % {"n": self.min_length}


def _class_of(char: str) -> str:
    if "a" <= char <= "z":
        return "lower"
    if "A" <= char <= "Z":
        return "upper"
    if "0" <= char <= "9":
        return "digit"
    return "other"


def character_classes(password: str) -> int:
    """How many of the four classes (lowercase, uppercase, digit, other) the password uses."""
    return len({_class_of(c) for c in password})


class CharacterClassValidator:
    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    @staticmethod
    def classes(password: str) -> int:
        return character_classes(password)

    def validate(self, password: str, user: Any = None) -> None:
        found = character_classes(password)
        if found < self.min_classes:
            raise ValidationError(
                _("密码必须包含小写字母、大写字母、数字、符号中的至少 %(n)d 类（当前只有 %(found)d 类）。")
                % {"n": self.min_classes, "found": found},
                code="password_too_simple",
                params={"min_classes": self.min_classes, "found": found},
            )

    def get_help_text(self) -> str:
        return _("密码须包含小写字母、大写字母、数字、符号中的至少 %(n)d 类。") % {"n": self.min_classes}


class WhitespacePaddingValidator:
    def validate(self, password: str, user: Any = None) -> None:
        if password and password != password.strip():
            raise ValidationError(_("密码开头或结尾不能是空格。"), code="password_padded")

    def get_help_text(self) -> str:
        return _("密码开头和结尾不能是空格。")


@functools.cache
def _common_passwords() -> frozenset[str]:
    django_list = Path(password_validation.__file__).resolve().parent / "common-passwords.txt.gz"
    with gzip.open(django_list, "rt", encoding="utf-8") as handle:
        words = {line.strip() for line in handle}
    for line in ZH_LIST.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(w for w in words if w)


def password_variants(password: str) -> set[str]:
    """The forms compared with the common-password lists: lowercased, look-alikes undone, ends stripped of
    digits and symbols, symbols removed. Forms shorter than 4 characters are left out."""
    lower = password.strip().lower()
    forms = {lower, lower.translate(_LEET)}
    forms |= {_ENDS.sub("", form) for form in list(forms)}
    forms |= {_SYMBOLS.sub("", form) for form in list(forms)}
    return {form for form in forms if len(form) >= 4}


class CommonPasswordValidator:
    def validate(self, password: str, user: Any = None) -> None:
        demo = {PUBLISHED_DEMO_PASSWORD.lower(), str(getattr(settings, "DEMO_PASSWORD", "")).lower()}
        if password.strip().lower() in demo:
            raise ValidationError(_("不能使用公开的演示密码。"), code="password_demo")
        if password_variants(password) & _common_passwords():
            raise ValidationError(
                _("密码过于常见（或只是常见密码加上数字、符号或字符替换），请换一个。"),
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return _("不能使用常见密码或公开的演示密码。")


class PasswordHistoryValidator:
    def validate(self, password: str, user: Any = None) -> None:
        previous = getattr(user, "previous_password_hashes", None)
        if not callable(previous):
            return
        if any(check_password(password, encoded) for encoded in previous()):
            raise ValidationError(
                _("不能使用当前密码或最近 %(n)d 次用过的密码。") % {"n": settings.PASSWORD_HISTORY_COUNT},
                code="password_reused",
            )

    def get_help_text(self) -> str:
        return _("不能使用当前密码或最近用过的密码。")
