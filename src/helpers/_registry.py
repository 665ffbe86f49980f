"""Named variants of one computation, pvlib style: a new variant is one function and one line.

Every family of variants in the course (long-run rules, progression schemes, 1RM models, ACWR
methods, fitness–fatigue smoothing, plan-check rules, log readers) is a :class:`Registry`. The
public functions take the variant's name with one keyword, ``model=``; an unknown name is a
ValueError that lists the known ones, never a silent fallback to a default.

>>> RULES = Registry("long-run rule")
>>> @RULES.register("double")
... def _double(x):
...     return 2 * x
>>> RULES.get("double")(3)
6
>>> RULES.get("tripple")
Traceback (most recent call last):
...
ValueError: unknown long-run rule 'tripple'; known: 'double'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator


class Registry:
    """A named family of variants: ``name -> callable``, in the order they were registered.

    Parameters
    ----------
    what : str
        What one variant is, for error messages ("long-run rule", "1RM model").
    """

    def __init__(self, what: str):
        self.what = what
        self._items: dict[str, Callable] = {}

    def register(self, name: str, func: Callable | None = None):
        """Add ``func`` under ``name``; usable as ``@registry.register("name")`` too.

        Raises ValueError when the name is taken: two variants never share a name.
        """

        def add(f: Callable) -> Callable:
            if name in self._items:
                raise ValueError(f"{self.what} {name!r} is registered twice")
            self._items[name] = f
            return f

        return add(func) if func is not None else add

    def get(self, name) -> Callable:
        """The variant called ``name``; ValueError listing the known names otherwise."""
        try:
            return self._items[name]
        except (KeyError, TypeError):
            known = ", ".join(repr(k) for k in self._items)
            raise ValueError(f"unknown {self.what} {name!r}; known: {known}") from None

    def check(self, name) -> str:
        """``name`` itself when it is known (for validating a spec early); ValueError otherwise."""
        self.get(name)
        return name

    def names(self) -> tuple[str, ...]:
        """The known names, in registration order."""
        return tuple(self._items)

    def __contains__(self, name) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Registry({self.what!r}: {', '.join(self._items)})"
