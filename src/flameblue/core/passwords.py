"""Password rules beyond Django's: at least three of four character classes (等保 2.0 complexity).

The classes are ASCII lowercase letters, ASCII uppercase letters, digits and "other" (symbols, spaces and
any non-ASCII character such as Chinese). Length (≥ 10) is :class:`MinimumLengthValidator`, configured in settings.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

__all__ = ["CharacterClassValidator", "MinimumLengthValidator", "character_classes"]


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule with a message in our catalogue (Django 5.2's Chinese catalogue lacks it)."""

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
