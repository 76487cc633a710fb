"""`kipu explain` shows each mention's rule, the document context's with the mention it came from."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kipu.cli import app

pytestmark = pytest.mark.model


def test_explain_shows_the_rule_and_source_of_a_completed_actor() -> None:
    text = "Hamas fired rockets at Israel on Monday. The group said the barrage answered a raid."
    result = CliRunner().invoke(app, ["explain", "--no-parse", text])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.strip().startswith("'The group'"))
    assert "PSEREBHMS" in line
    assert "discourse:reference:'The group'<-sentence 0 'Hamas'" in line
