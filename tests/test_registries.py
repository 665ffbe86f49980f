"""Every family of named variants refuses a name it does not know, and says which names it knows.

The registries and the functions are found, not listed: every module of ``helpers`` is imported,
every module-level :class:`helpers._registry.Registry` is checked, and so is every public
function with a ``model=`` keyword naming a variant (a str). A registry or a ``model=`` function added anywhere in the
package is covered without touching this file.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import numpy as np
import pytest

import helpers
from helpers._registry import Registry

UNKNOWN = "no-such-variant"


def _modules() -> list:
    names = [
        m.name
        for m in pkgutil.walk_packages(helpers.__path__, prefix="helpers.")
        if not m.name.endswith("__main__")  # running it is the command line, not an import
    ]
    return [helpers] + [importlib.import_module(name) for name in sorted(names)]


MODULES = _modules()


def _registries() -> dict[str, Registry]:
    """Each registry once, under the name it has in the deepest module that binds it (where it
    is defined; a package re-exports it, and aliases such as ``SCHEMES`` are the same object)."""
    found: dict[int, list[tuple[str, Registry]]] = {}
    for module in MODULES:
        for attribute, value in vars(module).items():
            if isinstance(value, Registry):
                found.setdefault(id(value), []).append((module.__name__, attribute, value))
    named = {}
    for bindings in found.values():
        module, attribute, registry = max(bindings, key=lambda b: b[0].count("."))
        named[f"{module}.{attribute}"] = registry
    return named


def _model_functions() -> dict[str, object]:
    """Public functions, defined in the module that holds them, that take ``model=``."""
    found = {}
    for module in MODULES:
        for attribute, value in vars(module).items():
            if attribute.startswith("_") or not inspect.isfunction(value):
                continue
            if value.__module__ != module.__name__:
                continue  # re-exported: checked where it is defined
            model = inspect.signature(value).parameters.get("model")
            # model= names a variant (a str); explore's model= is an Explorer object instead
            if model and (model.annotation in ("str", str) or isinstance(model.default, str)):
                found[f"{module.__name__}.{attribute}"] = value
    return found


REGISTRIES = _registries()
MODEL_FUNCTIONS = _model_functions()

#: Valid values for the other required parameters of a ``model=`` function, by parameter name.
#: A parameter not listed here is passed None: the function should then check ``model=`` first.
SAMPLES = {
    "daily_load": np.full(35, 300.0),
    "weight_kg": 100.0,
    "reps": 5,
    "weeks": 8,
    "one_rm_kg": 80.0,
}


def test_discovery_finds_the_known_families():
    # a check on the walk itself: the families this file was written against are all found
    names = {name.rsplit(".", 1)[-1] for name in REGISTRIES}
    assert {"ACWR_MODELS", "FITNESS_FATIGUE_MODELS", "MODELS", "PROGRESSIONS"} <= names
    assert {"acwr", "fitness_fatigue", "estimate_1rm", "progression"} <= {
        name.rsplit(".", 1)[-1] for name in MODEL_FUNCTIONS
    }


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_registry_refuses_an_unknown_name_and_lists_the_known_ones(name):
    registry = REGISTRIES[name]
    assert len(registry) > 0, f"{name} is empty"
    with pytest.raises(ValueError) as caught:
        registry.get(UNKNOWN)
    message = str(caught.value)
    assert repr(UNKNOWN) in message
    for known in registry:
        assert repr(known) in message, f"{name}: {known!r} missing from {message!r}"
    with pytest.raises(ValueError):
        registry.check(UNKNOWN)


@pytest.mark.parametrize("name", sorted(MODEL_FUNCTIONS))
def test_model_keyword_refuses_an_unknown_name(name):
    func = MODEL_FUNCTIONS[name]
    arguments = {}
    for parameter in inspect.signature(func).parameters.values():
        required = parameter.default is inspect.Parameter.empty
        kinds = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
        if parameter.name != "model" and required and parameter.kind not in kinds:
            arguments[parameter.name] = SAMPLES.get(parameter.name)
    try:
        func(**arguments, model=UNKNOWN)
    except ValueError as err:
        assert repr(UNKNOWN) in str(err), (
            f"{name} raised a ValueError about something else: {err}. Check model= first, or add "
            "valid values for its other parameters to SAMPLES"
        )
    else:
        pytest.fail(f"{name}(model={UNKNOWN!r}) ran without an error")


def test_a_new_variant_is_one_function_and_one_line():
    # the recipe of CONTRIBUTING.md ("Add a named variant"), on a registry of its own
    rules = Registry("taper rule")

    @rules.register("halve")
    def _halve(km):
        return km / 2

    assert rules.get("halve")(40) == 20
    assert rules.names() == ("halve",)
    with pytest.raises(ValueError, match="'halve' is registered twice"):
        rules.register("halve", _halve)
