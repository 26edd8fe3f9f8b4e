"""Helpers for the security tests: log in through the real form, and compute TOTP codes."""

from __future__ import annotations

import time

from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from flameblue.core.models import AuditAction, AuditEvent


def form_login(client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def totp_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def audit_count(action: AuditAction, **filters) -> int:
    return AuditEvent.objects.filter(action=action, **filters).count()
