"""A wire report's dateline ("LUNETTO, 21 November 2024 (VNA) -", "NAIROBI (Reuters) -"): where the report
was filed, and the agency it credits.

The city is never a party to an event; it is the place of an in-person meeting whose text names no other;
the agency in brackets is a source of the whole report.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from readout.events.lexicon import meeting_cue
from readout.nlp.pipeline import DATELINE_DASHES, DATELINE_TOKENS

# Word lists and bounds of these rules, each with its reason, in lexicons/meetings.json; the dateline's
# shape (its dashes and length) is the language layer's, which sets a dateline apart before parsing.
DATELINE_ENDS = frozenset(meeting_cue("dateline_ends"))
DATELINE_CREDIT_WORDS: int = meeting_cue("dateline_credit_words")


def _datelines(doc: Doc) -> list[tuple[list[int], int, int | None]]:
    """Each sentence opening with a dateline: its city's tokens, the token that ends the city and the
    closing dash (None when no dash follows within ``DATELINE_TOKENS``)."""
    out = []
    for sent in doc.sents:
        run: list[int] = []
        whole = _whole_sentence(sent)  # "Astana, March 15 (NNA) -" parsed as a sentence of its own
        for token in sent:
            if token.is_space:
                continue
            if token.is_alpha and len(token) > 1 and (token.is_upper or whole and token.is_title):
                run.append(token.i)
                continue
            if run and token.text in DATELINE_ENDS:
                rest = doc[token.i : min(token.i + DATELINE_TOKENS, sent.end)]
                dash = next((t.i for t in rest if t.text in DATELINE_DASHES), None)
                out.append((run, token.i, dash))
            break
    return out


def _whole_sentence(sent: Span) -> bool:
    """A short sentence ending in a dash: a dateline the language layer set apart from the report's first
    sentence, whose city may be written in title case ("Astana, March 15 (NNA) -")."""
    words = [t for t in sent if not t.is_space]
    return 1 < len(words) <= DATELINE_TOKENS and words[-1].text in DATELINE_DASHES


def dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of datelines: the capitals at a sentence's start before a comma, bracket or dash, and their
    date and agency up to the closing dash; where the report was filed, never a party."""
    out: set[int] = set()
    for run, end, dash in _datelines(doc):
        out.update(run)
        out.update(range(end, dash + 1) if dash is not None else ())
    return out


def dateline_place(doc: Doc) -> str | None:
    """The city of the report's dateline, for an in-person meeting whose text and headline name no place:
    wire copy filed from a meeting's city names it once, in the dateline. Only a full dateline counts
    (capitals, then a date or agency up to a dash), so a sentence opening with an acronym and a comma
    ("NATO, which ...") is not read as one."""
    marks = dateline_tokens(doc)
    run: list[str] = []
    for token in doc[min(marks) :] if marks else ():
        if token.i not in marks or not (token.is_alpha and (token.is_upper or token.is_title)):
            break
        run.append(token.text.capitalize())
    last = min(marks) + len(run) - 1 if run else -1
    return " ".join(run) if run and any(i > last + 1 for i in marks) else None


def dateline_credit(doc: Doc) -> tuple[str, Span] | None:
    """The agency a full dateline credits in brackets before its dash ("(VNA)", "(Reuters)") and the
    dateline's sentence: the source of the whole report. Only a name fits: a few words, a letter first, no
    figure (a bracketed date or count is no agency), and no place (a country in brackets after the city)."""
    for _, end, dash in _datelines(doc):
        if dash is None:
            continue
        opens = [t.i for t in doc[end:dash] if t.text == "("]
        for start in opens:
            close = next((t.i for t in doc[start + 1 : dash] if t.text == ")"), None)
            if close is None or not 0 < close - start - 1 <= DATELINE_CREDIT_WORDS:
                continue
            credit = doc[start + 1 : close]
            if (credit[0].is_alpha and not any(t.like_num or t.is_digit for t in credit)
                    and not any(t.ent_type_ in ("GPE", "LOC", "DATE") for t in credit)):
                return credit.text, doc[start].sent
    return None
