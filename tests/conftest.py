"""Shared fixtures: the seeds and gold in ../shared, the contract schema, and the spaCy model once."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def contract():
    """``contract(name, document)`` raises when ``document`` breaks ``name`` in contracts.schema.json."""
    schema = json.loads((SHARED / "docs" / "contracts.schema.json").read_text())

    def check(name: str, document: object) -> None:
        validator = jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{name}: {errors[0].message}"

    return check


@pytest.fixture(scope="session")
def seed_paths() -> list[str]:
    return sorted(str(p) for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from readout.nlp import load_nlp

    return load_nlp()
