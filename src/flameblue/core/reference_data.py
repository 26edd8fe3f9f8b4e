"""The registry of reference-data loaders behind ``flameblue load-reference-data``.

Each app that ships reference data (regions, industries, roles, …) registers a loader in its
``AppConfig.ready()``; the command runs them by ``order`` (regions 10, industries 20, roles 30, others after)
and prints the line each returns. Every loader must be safe to run any number of times."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["ReferenceLoader", "reference_loaders", "register_reference_loader"]


@dataclass(frozen=True)
class ReferenceLoader:
    """One kind of reference data: ``load(**options)`` loads it and returns the summary line to print.
    ``options`` are the command's options (e.g. ``overwrite_roles``); a loader ignores those it does not use."""

    key: str
    order: int
    load: Callable[..., str]


_LOADERS: dict[str, ReferenceLoader] = {}


def register_reference_loader(key: str, *, order: int, load: Callable[..., str]) -> None:
    """Register (or replace, so ``ready()`` may run twice) the loader called ``key``."""
    _LOADERS[key] = ReferenceLoader(key=key, order=order, load=load)


def reference_loaders() -> list[ReferenceLoader]:
    """The registered loaders in the order they run."""
    return sorted(_LOADERS.values(), key=lambda loader: (loader.order, loader.key))
