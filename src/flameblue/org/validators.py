"""Validators for personal data with the reason in the user's language."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.cn import ric
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdError

__all__ = ["validate_id_number", "validate_phone"]

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def validate_id_number(value: str) -> str:
    """Return the normalised 18-character resident ID number or raise with the reason."""
    try:
        return ric.validate(value)
    except InvalidLength as exc:
        raise ValidationError(_("身份证号码长度应为 18 位。"), code="id_length") from exc
    except InvalidChecksum as exc:
        raise ValidationError(_("身份证号码校验位错误。"), code="id_checksum") from exc
    except InvalidComponent as exc:
        raise ValidationError(_("身份证号码中的出生日期或地区代码无效。"), code="id_component") from exc
    except InvalidFormat as exc:
        raise ValidationError(_("身份证号码格式错误，只能包含数字和末位 X。"), code="id_format") from exc
    except StdError as exc:
        raise ValidationError(_("身份证号码无效。"), code="id_invalid") from exc


def validate_phone(value: str) -> None:
    value = (value or "").strip()
    if value and not (_MOBILE.match(value) or _LANDLINE.match(value)):
        raise ValidationError(
            _("电话号码格式错误：手机号应为 1 开头的 11 位数字，座机如 0558-5123456。"), code="phone_format"
        )
