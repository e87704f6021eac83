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
def ask(contract):
    """``ask(question, store)``: the answer as ask gives it, held to what every answer owes: the contract,
    every citation found verbatim in its capture's lines, and no citation when there is no answer."""
    from readout.answer import answer_question
    from readout.answer.cite import verified
    from readout.records import plain

    def checked(question: str, store):
        answer = answer_question(question, store)
        contract("answer", plain(answer))
        for citation in answer.citations:
            assert verified(store.capture_text(citation.source).split("\n"), citation), citation
        if answer.status == "no_answer":
            assert not answer.citations
        return answer

    return checked


@pytest.fixture(scope="session")
def seed_paths() -> list[str]:
    return sorted(str(p) for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from readout.nlp import load_nlp

    return load_nlp()
