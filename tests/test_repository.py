"""The repository's own promises: ruff-clean code, and CI running the README's test command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_code_is_ruff_clean():
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run([str(ruff), "check", "src", "tests", "benchmarks", "--output-format", "concise"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-2000:]


def test_ci_runs_the_readme_test_command():
    readme_head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:5]
    assert any(line.strip().startswith("make test") for line in readme_head)
    assert any(line.strip().startswith("make demo") for line in readme_head)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
