"""Core sits under the apps: no module of ``flameblue.core`` imports a domain app (or any flameblue package but
core), not at the top, not inside a function, not by a dotted string handed to a loader. Apps contribute to
core's pages by registering with it in their ``AppConfig.ready()``."""

from __future__ import annotations

import ast
from pathlib import Path

import flameblue.core

CORE = Path(flameblue.core.__file__).parent
SRC = CORE.parent.parent
#: Calls whose first argument names a module (or an app) to load.
LOADERS = {"import_string", "import_module", "__import__", "get_model", "is_installed", "get_app_config"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _outside_core(name: str) -> bool:
    return name == "flameblue" or (name.startswith("flameblue.") and not _is_core(name))


def _is_core(name: str) -> bool:
    return name == "flameblue.core" or name.startswith("flameblue.core.")


def _loader_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _loaded(call: ast.Call) -> str | None:
    """The module or app a loader call names, when it names one literally."""
    if _loader_name(call) not in LOADERS or not call.args:
        return None
    arg = call.args[0]
    if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
        return None
    value = arg.value.split(":")[0]
    if _loader_name(call) in {"get_model", "get_app_config"} and "." not in value:
        # apps.get_model("hazards", "Hazard"): an app label.
        return value if value == "core" else f"flameblue.{value}"
    if _loader_name(call) == "get_model" and "." in value:
        return f"flameblue.{value.split('.')[0]}"
    return value


def violations_in(path: Path) -> list[str]:
    module = _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node, path.name == "__init__.py")
            names = [target] if target != "flameblue" else [f"flameblue.{a.name}" for a in node.names]
        elif isinstance(node, ast.Call):
            loaded = _loaded(node)
            names = [loaded] if loaded else []
        for name in names:
            if _outside_core(name):
                found.append(f"{module}:{node.lineno} imports {name}")
    return found


def test_core_imports_no_other_flameblue_package():
    found = [v for path in sorted(CORE.rglob("*.py")) for v in violations_in(path)]
    assert not found, "core must not import the apps:\n" + "\n".join(found)


def test_the_check_sees_every_kind_of_import(tmp_path, monkeypatch):
    fake = tmp_path / "flameblue" / "core" / "sample.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(
        "from flameblue.core import scoping\n"
        "import flameblue.geo.models\n"
        "from ..org import selectors\n"
        "def f():\n"
        "    from flameblue.units.models import Unit\n"
        "    import_string('flameblue.hazards.selectors.x')\n"
        "    importlib.import_module('flameblue.inspections')\n"
        "    apps.get_model('units', 'Unit')\n"
        "    apps.get_model('core.AuditEvent')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["SRC"]), "SRC", tmp_path)
    assert [v.split(" imports ")[1] for v in violations_in(fake)] == [
        "flameblue.geo.models",
        "flameblue.org",
        "flameblue.units.models",
        "flameblue.hazards.selectors.x",
        "flameblue.inspections",
        "flameblue.units",
    ]
