# The real-browser fixtures of the e2e suite, for the map's browser test.
from tests.e2e.conftest import _demo_snapshot, browser, new_context, page, site  # noqa: F401
