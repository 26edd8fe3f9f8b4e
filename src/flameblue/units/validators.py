"""Validating a unit's unified social credit code (统一社会信用代码, GB 32100) with the reason in Chinese."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError

__all__ = ["normalise_credit_code"]


def normalise_credit_code(value: str) -> str:
    """Return the compact upper-case code, or raise a ValidationError saying what is wrong with it."""
    code = uscc.compact(value or "")
    try:
        return uscc.validate(code)
    except InvalidLength as exc:
        raise ValidationError(
            _("统一社会信用代码应为 18 位，当前为 %(n)d 位。") % {"n": len(code)}, code="uscc_length"
        ) from exc
    except InvalidChecksum as exc:
        raise ValidationError(
            _(
                "统一社会信用代码校验位错误：按 GB 32100 计算，第 18 位校验码应为“%(expected)s”，实际为“%(actual)s”。"
            )
            % {"expected": uscc.calc_check_digit(code[:17]), "actual": code[17]},
            code="uscc_checksum",
        ) from exc
    except StdnumError as exc:
        raise ValidationError(
            _("统一社会信用代码格式错误：前 8 位应为数字，其余只能是数字或除 I、O、Z、S、V 以外的大写字母。"),
            code="uscc_format",
        ) from exc
