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
                        f"{func.__name__}() got both {old}= (deprecated) and {new}=; pass {new}= only"
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
