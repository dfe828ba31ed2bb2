from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def finding_validator(plan_schema):
    """A validator of one finding against the schema's `$defs.finding`."""
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator({"$defs": plan_schema["$defs"], "$ref": "#/$defs/finding"})
