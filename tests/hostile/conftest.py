"""The in-process client fixtures of tests/api serve the hostile HTTP tests too."""

from tests.api.conftest import client, make_client  # noqa: F401
