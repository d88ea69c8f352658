"""Property test of the whole API from its own OpenAPI document: no input gets a 500."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from service_process import TOKEN

pytestmark = pytest.mark.integration



def test_no_input_makes_the_service_fail(service):
    schema = schemathesis.openapi.from_url(f"{service.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {"POST /runs", "GET /runs", "GET /runs/{run_id}", "DELETE /runs/{run_id}"}
    failures: list[str] = []
    for operation in operations:

        # With the token, so that writes get past authentication and their bodies are checked.
        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def no_server_error(case):
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
            if response.status_code >= 500:
                failures.append(f"{operation.label} {case.path_parameters} {case.query} {case.body!r:.300}: "
                                f"{response.status_code} {response.text[:300]}")
            assert response.status_code < 500

        no_server_error()
    assert not failures, failures
