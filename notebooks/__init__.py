"""Makes notebooks/conftest.py importable as notebooks.conftest, apart from tests/conftest.py."""
