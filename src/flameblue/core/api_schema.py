"""The error answers every API operation can give, added to the OpenAPI schema once (a drf-spectacular
post-processing hook) instead of per view: bad input 400, not logged in 401, not allowed 403, out of
scope or missing 404, a stale version or a state that no longer allows the move 409, rate limited 429, a
backing service down 503. Clients and the schemathesis run then know every status the API may answer."""

from __future__ import annotations

from typing import Any

__all__ = ["add_error_responses"]

ERROR_SCHEMA_NAME = "ErrorResponse"
ERROR_SCHEMA = {
    "type": "object",
    "description": "错误说明：`detail` 为总的说明，输入错误时按字段名列出各字段的错误。",
    "additionalProperties": True,
}
ERRORS = {
    "400": "输入有误（按字段列出原因）",
    "401": "未登录或令牌无效",
    "403": "无权进行此操作",
    "404": "不存在或不在您的辖区范围内",
    "409": "记录已被他人修改或状态不再允许此操作",
    "429": "请求过于频繁",
    "503": "服务暂时不可用，请稍后重试（见 Retry-After）",
}
METHODS = ("get", "put", "post", "patch", "delete")


def _allow_blank_read_only_enums(components: dict[str, Any]) -> None:
    """DRF drops ``allow_blank`` from read-only model fields, so a blank choice field (no grade yet, no
    indicator) answers "" that its enum does not list. In response components, let read-only enums be ""."""
    components.setdefault("BlankEnum", {"enum": [""]})
    blank = {"$ref": "#/components/schemas/BlankEnum"}
    for name, component in components.items():
        if name.endswith("Request") or not isinstance(component, dict):
            continue
        for prop, spec in (component.get("properties") or {}).items():
            refs = spec.get("allOf") or ([{"$ref": spec["$ref"]}] if "$ref" in spec else [])
            if not spec.get("readOnly") or len(refs) != 1:
                continue
            target = components.get(refs[0].get("$ref", "").rsplit("/", 1)[-1], {})
            if "enum" in target and "" not in target["enum"]:
                rest = {k: v for k, v in spec.items() if k not in ("allOf", "$ref")}
                component["properties"][prop] = {"oneOf": [refs[0], blank], **rest}


def add_error_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    components = result.setdefault("components", {}).setdefault("schemas", {})
    _allow_blank_read_only_enums(components)
    components.setdefault(ERROR_SCHEMA_NAME, ERROR_SCHEMA)
    ref = {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"}
    for path in result.get("paths", {}).values():
        for method in METHODS:
            operation = path.get(method)
            if operation is None:
                continue
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                responses.setdefault(
                    status, {"description": description, "content": {"application/json": {"schema": ref}}}
                )
    return result
