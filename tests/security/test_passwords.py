"""Password storage (Argon2) and strength rules (≥ 10 characters, ≥ 3 character classes)."""

from __future__ import annotations

import importlib

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

from flameblue.core.errors import DomainError
from flameblue.core.passwords import character_classes
from flameblue.org.services import user_create, user_set_password
from tests.factories import DEFAULT_PASSWORD


def _errors(password: str) -> list[str]:
    with translation.override("zh-hans"):
        try:
            validate_password(password)
        except ValidationError as exc:
            return exc.messages
    return []


def test_production_settings_hash_passwords_with_argon2():
    real = importlib.import_module("flameblue.settings")
    assert real.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_argon2_hasher_produces_and_checks_argon2_hashes():
    hasher = Argon2PasswordHasher()
    encoded = hasher.encode("Huoyan#Lan2026", hasher.salt())
    assert encoded.startswith("argon2$argon2id$")
    assert hasher.verify("Huoyan#Lan2026", encoded)
    assert not hasher.verify("Huoyan#Lan2027", encoded)


@pytest.mark.parametrize(
    ("password", "classes"),
    [
        ("abcdefghij", 1),
        ("abcdefghi1", 2),
        ("Abcdefghi1", 3),
        ("Abcdefgh1!", 4),
        ("消防安全abc12", 3),  # Chinese characters count as "other"
        ("ＡＢＣabc123", 3),  # full-width letters are not ASCII uppercase: "other"
        ("abc def 123", 3),  # a space is "other"
    ],
)
def test_character_classes(password, classes):
    assert character_classes(password) == classes


def test_ten_characters_with_three_classes_is_accepted():
    assert _errors("Xq7mzpLwtr") == []


def test_nine_characters_is_refused_in_chinese():
    errors = _errors("Xq7#zpLwt")
    assert "密码太短：至少需要 10 个字符。" in errors, errors


def test_two_classes_is_refused_with_the_reason():
    errors = _errors("xq7mzpkwtr9")
    assert any("至少 3 类" in e and "当前只有 2 类" in e for e in errors), errors


def test_long_single_class_password_is_refused():
    errors = _errors("zqxwvmkplrtyhg")
    assert any("当前只有 1 类" in e for e in errors), errors


def test_empty_password_is_refused():
    assert _errors("") != []


def test_common_password_is_refused_even_when_long_enough():
    assert _errors("Password123") != []


@pytest.mark.django_db
def test_account_creation_names_the_password_field(people):
    with pytest.raises(ValidationError) as info:
        user_create(by=None, username="newbie", password="short1A")
    assert "password" in info.value.message_dict


@pytest.mark.django_db
def test_changing_to_a_weak_password_keeps_the_old_one(people):
    user = people.qiaocheng
    with pytest.raises((ValidationError, DomainError)):
        user_set_password(user, by=user, password="abcdefghijk")
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("          Aa1", "空格"),  # padded with spaces to reach the length
        ("Aa1          ", "空格"),
        ("Aa1x        z", "太短"),  # an inner run of spaces counts once
        ("P@ssw0rd1234", "常见"),  # a common password with look-alikes and digits
        ("Woaini@1314", "常见"),  # the Chinese-context list
        ("Huoyan#Lan2026", "演示密码"),  # the published demo password
    ],
)
def test_padding_common_and_demo_passwords_are_refused(password, expected):
    errors = _errors(password)
    assert any(expected in e for e in errors), errors


@pytest.mark.django_db
def test_the_current_and_recent_passwords_cannot_be_reused(people, settings):
    settings.PASSWORD_HISTORY_COUNT = 2
    user = people.qiaocheng
    with pytest.raises(ValidationError, match="当前密码"):
        user_set_password(user, by=user, password=DEFAULT_PASSWORD)
    for new in ("Kq7#mzpLwtr-Xa", "Kq7#mzpLwtr-Xb", "Kq7#mzpLwtr-Xc"):
        user_set_password(user, by=user, password=new)
    with pytest.raises(ValidationError, match="最近 2 次"):
        user_set_password(user, by=user, password="Kq7#mzpLwtr-Xb")
    user_set_password(user, by=user, password=DEFAULT_PASSWORD)  # older than the last two: allowed again
    assert user.password_history.count() == 2
