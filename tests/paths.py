"""Where the tests find their files, wherever a test module sits below
``tests/``: the repository (``ROOT``) and the test data (``FIXTURES``)."""

from pathlib import Path


TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
