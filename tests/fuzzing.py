"""Hypothesis set-up shared by the fuzz tests: the budget profiles, chosen with HYPOTHESIS_PROFILE.

``ci`` (the default) keeps every fuzz file well under a minute; ``long`` runs many more examples
(a nightly job, or by hand: ``HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz*.py``).
Tests use ``@fuzz_settings`` rather than loading a profile globally.
"""
from __future__ import annotations

import contextlib
import os
import warnings

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
          HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=150, deadline=None, database=None, print_blob=True,
                          suppress_health_check=_QUIET)
settings.register_profile("long", max_examples=4000, deadline=None, print_blob=True,
                          suppress_health_check=_QUIET)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
fuzz_settings = settings(settings.get_profile(PROFILE))


def scaled(examples_in_ci: int) -> settings:
    """Settings for a costlier test: ``examples_in_ci`` under ci, proportionally more under long."""
    base = settings.get_profile(PROFILE)
    factor = base.max_examples / settings.get_profile("ci").max_examples
    return settings(base, max_examples=max(1, round(examples_in_ci * factor)))


# When a hypothesis test fails, its pytest plugin imports hypothesis.extra._patching, which
# imports libcst if installed; an old libcst warns (DeprecationWarning) on import, and with
# filterwarnings=error the failure report becomes an INTERNALERROR that hides the example.
# Importing it here once, quietly, leaves the failure report intact.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    with contextlib.suppress(Exception):
        import hypothesis.extra._patching  # noqa: F401
