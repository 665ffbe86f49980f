"""Old keyword names that still work for a while, with a DeprecationWarning naming the new one."""

from __future__ import annotations

import functools
import warnings


def renamed(**old_to_new: str):
    """Decorator: accept each old keyword, warn, and pass its value on under the new name.

    >>> @renamed(weight="weight_kg")
    ... def half(weight_kg):
    ...     return weight_kg / 2
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     half(weight=10)
    5.0
    >>> str(caught[0].message)
    'half(weight=...) is deprecated: use weight_kg= instead'
    """

    def decorate(func):
        @functools.wraps(func)
        def call(*args, **kwargs):
            for old, new in old_to_new.items():
                if old not in kwargs:
                    continue
                if new in kwargs:
                    raise TypeError(
                        f"{func.__name__}() got both {old}= (deprecated) and {new}=; "
                        f"pass {new}= only"
                    )
                warnings.warn(
                    f"{func.__name__}({old}=...) is deprecated: use {new}= instead",
                    DeprecationWarning,
                    stacklevel=2,
                )
                kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        return call

    return decorate


def moved(func, old_name: str, new_name: str):
    """``func`` under its former name ``old_name``: it warns that it is now ``new_name``, then runs.

    >>> import warnings
    >>> def total(x):
    ...     return sum(x)
    >>> old_total = moved(total, "helpers.old.total", "helpers.new.total")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     old_total([1, 2])
    3
    >>> str(caught[0].message)
    'helpers.old.total is deprecated: use helpers.new.total instead'
    """

    @functools.wraps(func)
    def call(*args, **kwargs):
        warnings.warn(
            f"{old_name} is deprecated: use {new_name} instead", DeprecationWarning, stacklevel=2
        )
        return func(*args, **kwargs)

    call.__doc__ = f"Deprecated name of :func:`{new_name}` (it warns, then runs it)."
    return call
