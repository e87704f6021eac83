"""Entities of a collection: the model's spans repaired, completed from the collection, and canonicalised.

Per Doc, in order:
1. the model's entities, trimmed of a leading "the" and a trailing possessive or punctuation;
2. relabelled where a gazetteer or the metonym file knows better: a known city or country the model
   read as NORP or ORG becomes GPE ("at Bergen" as NORP); "Downing Street" becomes a FAC; then where the
   collection contradicts the model (vote_labels): "in X" is a place, a place that is the surname of a
   person the collection names is that person, a nationality adjective of a known place is NORP;
3. completed by a span ruler built from the names the whole collection gives (people's full names and
   surnames, places), so a later bare mention the model missed or mislabelled is found;
4. canonical names: people through the collection's NameIndex (a bare surname prefers the full name its
   own document gives), places through the gazetteer;
5. role nouns bound to the person the document names in that role: "Valdorian President X" binds
   "the Valdorian President" elsewhere in the document to X.
The Doc's ``ents`` are replaced by the result, each span's ``kb_id_`` holding its canonical name, so the
events stage reads the same entities from the Doc as the records show.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from readout.model import Article, Entity
from readout.nlp import names, places

PERSON = "PERSON"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels kept in the records besides people and places; numbers and dates are the dates layer's.
OTHER_LABELS = frozenset({"NORP", "ORG", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"})
# Labels the model gives that a gazetteer place or a collection name may overwrite.
OVERWRITABLE = frozenset({"NORP", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
# Lower-case kind words the model takes into a place's span ("Tovana province", "Lunetto city"); the place
# is the name before them, so its mentions share one canonical name with its bare mentions.
PLACE_KIND_SUFFIXES = frozenset({"province", "region", "governorate", "district", "county", "city", "town",
                                 "village", "countryside", "oblast", "prefecture", "municipality"})
POSSESSIVE_TOKENS = frozenset({"'s", "\u2019s", "'", "\u2019"})
# A surname shorter than this is too likely an ordinary capitalised word to search for on its own.
MIN_RULER_SURNAME_CHARS = 4
RULER_KEY = "collection_names"


@dataclass(frozen=True)
class Found:
    """One entity of a Doc, by token offsets, before canonical names are given."""

    start: int  # token index
    end: int
    label: str
    text: str  # the span's text, kept so that later steps need not rebuild the span

    @classmethod
    def of(cls, doc: Doc, start: int, end: int, label: str) -> Found:
        return cls(start, end, label, doc[start:end].text)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE_TOKENS or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def foreign_mask(article: Article, doc: Doc) -> list[bool]:
    """True for tokens in paragraphs the English model did not read."""
    mask = [False] * len(doc)
    for p in article.paragraphs:
        if p.language not in (None, "en"):
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    mask[i] = True
    return mask


_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]+(?![\w'\u2019-])")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9\-]+s?$")


def relabel(text: str, label: str) -> str:
    """The label a gazetteer or metonym gives a span the model read as ``label``; an acronym the model
    read as a person ("NATO", "ICBMs") is an organisation or a thing, never a person."""
    if label == PERSON and all(_ACRONYM.match(w) for w in text.split()):
        return "ORG"
    if places.metonym_city(text):
        return "FAC" if label not in PLACE_LABELS else label
    big_place = places.known_place(text, places.MIN_RELABEL_POPULATION)
    if label in OVERWRITABLE and text[:1].isupper() and big_place:
        return "GPE"
    return label


def model_entities(article: Article, doc: Doc) -> list[Found]:
    """Steps 1 and 2: the model's entities, trimmed and relabelled, outside foreign paragraphs."""
    foreign = foreign_mask(article, doc)
    out = []
    for ent in doc.ents:
        if any(foreign[ent.start:ent.end]) or (ent.label_ == PERSON and ent.text.islower()):
            continue  # a foreign paragraph's, or a "person" with no capital letter ("lorry driver")
        start, end = _trim(doc, ent.start, ent.end)
        if ent.label_ in PLACE_LABELS and end - start > 1 and doc[end - 1].text in PLACE_KIND_SUFFIXES:
            end -= 1  # "Tovana province" names Tovana; "Mexico City" (capitalised) keeps its word
        if start < end:
            text = doc[start:end].text
            out.append(Found(start, end, relabel(text, ent.label_), text))
    return out


def collection_names(found: Sequence[Sequence[Found]]) -> tuple[Counter[str], Counter[str]]:
    """People's bare names and place texts, with how often the collection writes each."""
    people: Counter[str] = Counter()
    place_names: Counter[str] = Counter()
    for ents in found:
        for f in ents:
            text = f.text
            if f.label == PERSON:
                bare = names.bare_name(text)
                if names.is_well_formed(bare):
                    people[bare] += 1
            elif f.label in PLACE_LABELS:
                place_names[places.bare_place(text)] += 1
    return people, place_names


def ordinary_words(texts: Iterable[str]) -> frozenset[str]:
    """Words the collection writes in lower case: "young", "rice". A surname or place name that is
    also such a word is only searched for with the rest of its name, never alone."""
    return frozenset(word for text in texts for word in _LOWER_WORD.findall(text))


def build_ruler(nlp: Language, people: Iterable[str], place_names: Iterable[str],
                ordinary: frozenset[str] = frozenset()) -> SpanRuler:
    """Step 3: a span ruler of the collection's full names, surnames and place names."""
    ruler = SpanRuler(nlp, name=RULER_KEY, spans_key=RULER_KEY, phrase_matcher_attr="ORTH")
    patterns = []

    def searchable_alone(word: str) -> bool:
        return word[:1].isupper() and word.lower() not in ordinary

    for name in sorted(set(people)):
        patterns.append({"label": PERSON, "pattern": name})
        surname = name.split()[-1]
        if len(names.name_key(surname)) < MIN_RULER_SURNAME_CHARS:
            continue
        bare = surname.split("-", 1)[1] if surname.lower().startswith(("al-", "el-")) else None
        if not searchable_alone(bare or surname):  # "al-Haddad" is judged by "Haddad"
            continue
        patterns.extend({"label": PERSON, "pattern": form} for form in (surname, bare) if form)
    for place in sorted(set(place_names)):
        if searchable_alone(place) and not names.is_title_word(place):
            patterns.append({"label": "GPE", "pattern": place})
    for metonym in sorted(places.gazetteer().metonyms):
        patterns.append({"label": "FAC", "pattern": metonym.title()})
    ruler.add_patterns(patterns)
    return ruler


def complete(article: Article, doc: Doc, found: list[Found], ruler: SpanRuler) -> list[Found]:
    """Ruler matches added where the model found nothing, or replace a NORP/ORG-like misreading."""
    ruler(doc)
    foreign = foreign_mask(article, doc)
    taken: dict[int, Found] = {i: f for f in found for i in range(f.start, f.end)}
    result = list(found)
    matches = filter_spans(doc.spans[RULER_KEY])
    for span in matches:
        if any(foreign[span.start:span.end]):
            continue
        overlapping = {taken[i] for i in range(span.start, span.end) if i in taken}
        if any(_known_names_in(f, matches) < 2
               and (not _overwritable(f) or f.start < span.start or f.end > span.end)
               for f in overlapping):
            continue  # the model's person or place, or a longer name ("the Smith Foundation"), stands
        result = [f for f in result if f not in overlapping]
        new = Found(span.start, span.end, span.label_, span.text)
        result.append(new)
        for i in range(span.start, span.end):
            taken[i] = new
    del doc.spans[RULER_KEY]
    return sorted(result, key=lambda f: f.start)


# Words without which a model's DATE or TIME span holds no date: such a span ("Morrow", read as
# "tomorrow") is a misreading a collection name may replace.
_DATE_WORD = re.compile(
    r"\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)(?:day)?)\b|"
    r"\b(?:day|week|month|year|today|tonight|tomorrow|yesterday|ago|morning|afternoon|evening|night|noon|"
    r"midnight|season|spring|summer|autumn|fall|winter|century|decade|hour|minute|time|weekend|era|"
    r"past|last|next|this|earlier|later|recent|recently|annual|quarter)s?\b", re.IGNORECASE)


def _overwritable(found: Found) -> bool:
    """A label a collection name may replace: the loose labels, or a date or time with no date in it."""
    dateless = found.label in ("DATE", "TIME") and not _DATE_WORD.search(found.text)
    return found.label in OVERWRITABLE or dateless


def _known_names_in(found: Found, matches: Sequence[Span]) -> int:
    """How many of the collection's names lie inside an entity. Two or more ("Kovac Visits Downing Street",
    "Kovac Lind" for "Kovac and Lind"): the model read a run of names as one, and the names replace it."""
    return sum(1 for m in matches if found.start <= m.start and m.end <= found.end)


# Prepositions after which a capitalised name is a place ("in Harnau", "near Tovana", "at Bergen").
PLACE_PREPOSITIONS = frozenset({"in", "near", "at"})
# Nouns that name a place by its kind before "of" ("the city of Holm").
PLACE_KINDS = frozenset({"city", "town", "village", "province", "region", "capital", "port", "district"})
# Words after "X's" that only a state or place has ("Valdoria's ambassador", "Valdoria's prime minister"):
# a person has no president, embassy or border of their own.
# Armed forces are left out: movements have their own ("Hamas's military wing").
STATE_POSSESSIONS = frozenset({
    "president", "premier", "prime", "ambassador", "embassy", "king", "queen", "emir", "parliament",
    "capital", "border", "borders", "foreign", "defence", "defense", "citizens", "territory", "airspace"})
# Titles of the one who governs or represents a place, before "of X" ("the mayor of X", "the foreign
# minister of X"); leaders of organisations share the others ("head", "leader", "spokesman of X").
PLACE_TITLES = frozenset({"mayor", "governor", "minister", "ambassador", "king", "queen", "emir", "sultan",
                          "consul", "premier"})
# Verbs of travel: "to X" or "from X" after them names a place ("return to X", "flew in from X"); verbs
# that also take a person after "to" or "from" ("send", "write", "hear") are left out.
JOURNEY_VERBS = frozenset({"return", "travel", "fly", "go", "come", "move", "head", "arrive", "drive", "sail",
                           "journey", "relocate", "flee", "commute", "march", "walk", "ride", "evacuate"})
# Particles between such a verb and "to"/"from": "flew in from", "went back to", "headed on to".
JOURNEY_PARTICLES = frozenset({"in", "back", "on", "out", "over", "home", "straight", "directly"})
# Words after which a name the collection uses both for a person and a place is the place ("return to X",
# "between X and Y"); too common before people ("said to X", "a letter from X") to decide alone, they only
# settle a name the collection already reads as a place somewhere by a plain cue.
PLACE_MOTION_WORDS = frozenset({"to", "from", "between", "visited", "visit", "visiting", "via", "toward",
                                "towards", "outside", "around", "across", "into", "and", "or"})
# Endings that make a nationality adjective of a place name ("Kenya" -> "Kenyan", "China" -> "Chinese").
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")
# The collection must label a text a place at least this often, and more often than a person, to
# overrule the model on a place the gazetteer does not know.
MIN_PLACE_VOTES = 2


def demonym_of(text: str, place_names: Iterable[str]) -> str | None:
    """The place ``text`` is the nationality adjective of ("Verosan" -> "Verosa"), among ``place_names``."""
    for place in place_names:
        stems = {place, place[:-1]} if place[-1:] in "aeiouy" else {place}
        if any(text == stem + ending for stem in stems for ending in DEMONYM_ENDINGS) and text != place:
            return place
    return None


def _place_cue(doc: Doc, f: Found) -> bool:
    """ "in X", "near X", "at X" (not "at X's invitation"), "travel to X", "flew in from X", or a cue of
    _kind_cue."""
    if _kind_cue(doc, f) or _possession_cue(doc, f):
        return True
    if f.start == 0 or (f.end < len(doc) and doc[f.end].text in POSSESSIVE_TOKENS):
        return False
    return doc[f.start - 1].lower_ in PLACE_PREPOSITIONS or _journey_cue(doc, f)


def _journey_cue(doc: Doc, f: Found) -> bool:
    """ "return to X", "flew in from X": "to" or "from" right after a verb of travel (JOURNEY_VERBS)."""
    if f.start < 2 or doc[f.start - 1].lower_ not in ("to", "from"):
        return False
    i = f.start - 2
    while i > 0 and doc[i].lower_ in JOURNEY_PARTICLES:
        i -= 1
    return doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in JOURNEY_VERBS


def _kind_cue(doc: Doc, f: Found) -> bool:
    """ "the city of X", "the capital, X", "the mayor of X": what only a place is; unlike "in X" ("in
    Hamas", "at Reuters"), never said of an organisation."""
    if f.start < 2 or (f.end < len(doc) and doc[f.end].text in POSSESSIVE_TOKENS):
        return False
    before, word = doc[f.start - 1].lower_, doc[f.start - 2].lower_
    return (before == "of" and (word in PLACE_KINDS or word in PLACE_TITLES)) or (
        before == "," and word in PLACE_KINDS)


def _possession_cue(doc: Doc, f: Found) -> bool:
    """ "X's ambassador" (STATE_POSSESSIONS)."""
    return f.end + 1 < len(doc) and doc[f.end].text in POSSESSIVE_TOKENS and \
        doc[f.end + 1].lower_ in STATE_POSSESSIONS


# Words that make a run of capitalised words an organisation's name, not a person's ("Gazprom Neft Group").
ORGANISATION_WORDS = frozenset({
    "ministry", "party", "council", "agency", "bank", "group", "company", "corporation", "corp", "inc", "ltd",
    "forces", "army", "union", "committee", "front", "movement", "organisation", "organization", "institute",
    "university", "association", "federation", "office", "department", "service", "news", "times", "post",
    "press", "foundation", "fund", "court", "assembly", "parliament", "government", "command", "brigade",
    "authority", "commission", "alliance", "coalition", "league", "network", "media", "television", "radio"})
# The longest run of words taken for a person's name when the model read it as something else.
MAX_RELABELLED_NAME_WORDS = 3


def _role_before(doc: Doc, f: Found) -> bool:
    """A role right before a span: "Minister X Y", or "his counterpart, X Y" (a role, a comma, the name)."""
    if _person_cue(doc, f):
        return True
    return f.start > 1 and doc[f.start - 1].text == "," and names.is_title_head(doc[f.start - 2].text) and \
        not names.is_honorific(doc[f.start - 2].text)


def _shaped_like_a_name(doc: Doc, f: Found) -> bool:
    """Two or three capitalised words, none of them an organisation's word or a nationality adjective."""
    words = doc[f.start:f.end]
    return 2 <= len(words) <= MAX_RELABELLED_NAME_WORDS and all(
        w.is_alpha and w.text[:1].isupper() and not w.is_upper and w.lower_ not in ORGANISATION_WORDS
        and not names.looks_demonym(w.text) for w in words)


def _person_cue(doc: Doc, f: Found) -> bool:
    """ "Ms. X", "President X", "General X": a courtesy form or title right before a one-word name."""
    return f.start > 0 and names.is_title_head(doc[f.start - 1].text) and doc[f.start - 1].text[:1].isupper()


def _motion_cue(doc: Doc, f: Found) -> bool:
    """ "to X", "from X", "between X and": see PLACE_MOTION_WORDS."""
    return f.start > 0 and doc[f.start - 1].lower_ in PLACE_MOTION_WORDS


def _label_counts(found: Sequence[Sequence[Found]]) -> tuple[Counter[str], Counter[str]]:
    as_place: Counter[str] = Counter()
    as_person: Counter[str] = Counter()
    for ents in found:
        for f in ents:
            text = f.text
            if f.label in PLACE_LABELS:
                as_place[text] += 1
            elif f.label == PERSON:
                as_person[text] += 1
    return as_place, as_person


def vote_labels(docs: Sequence[Doc], found: Sequence[Sequence[Found]]) -> list[list[Found]]:
    """Person, place or nationality by the collection, where the model contradicts itself. First each
    mention by its context: a PERSON after "in"/"near"/"at"/"the city of" that is no person the
    collection names is a place.
    A name of two or three capitalised words the model read as an organisation or the like, right after a
    role ("Foreign Minister X Y", "his counterpart, X Y"), is a person. Then by the collection's majority:
    - a PERSON the collection more often labels a place is a place (the gazetteer agreeing, or at least
      MIN_PLACE_VOTES place readings);
    - a one-word place the gazetteer does not know that is the surname of a person the collection names
      in full, up to transliteration ("Kovacs"/"Kovach"), is that person;
    - a one-word person, place or organisation that is the nationality adjective of a collection place
      ("Verosan" of "Verosa") is NORP;
    - a one-word PERSON, ORG or NORP (not shaped like an adjective of nationality) that is no person the
      collection names in full is a place when the
      collection reads it as one by a cue somewhere ("in Esker" makes "Esker" elsewhere a place), or
      writes its nationality adjective ("Verosan" makes "Verosa" a place)."""
    people, _ = collection_names(found)
    index = names.NameIndex(people.elements())

    def full_name_person(text: str) -> bool:
        """A one-word name of someone the collection names in full; or a full name whose surname the
        collection also uses alone (people are called by their surname, places never by a last word)."""
        words = names.bare_name(text).split()
        if len(words) > 1:
            return people[words[-1]] > 0
        person = index.person(words[0]) if words else None
        return person is not None and len(person.canonical.split()) > 1

    def by_context(doc: Doc, f: Found) -> Found:
        if f.label == PERSON and _place_cue(doc, f) and not full_name_person(f.text):
            return dataclasses.replace(f, label="GPE")
        if f.label in OVERWRITABLE and _role_before(doc, f) and _shaped_like_a_name(doc, f):
            return dataclasses.replace(f, label=PERSON)
        return f

    found = [[by_context(doc, f) for f in ents] for doc, ents in zip(docs, found, strict=True)]
    as_place, as_person = _label_counts(found)
    place_names = sorted(t for t in as_place if " " not in t and len(t) >= 4)
    cued = place_cue_votes(docs, found)
    kinds = place_cue_votes(docs, found, _kind_cue)
    adjectives = sorted({f.text for ents in found for f in ents if f.end == f.start + 1
                         and f.text[:1].isupper() and (f.label == "NORP" or names.looks_demonym(f.text))})

    def relabelled(doc: Doc, f: Found) -> str:
        text = f.text
        one_word = f.end - f.start == 1
        if one_word and f.label in (PERSON, "GPE", "LOC", "ORG") and not places.known_place(text) and \
                demonym_of(text, place_names):
            return "NORP"
        if one_word and f.label in (PERSON, "ORG", "NORP") and text[:1].isupper() and not names.looks_demonym(
                text) and not _person_cue(doc, f) and not full_name_person(text) and (
                    (kinds if f.label == "ORG" else cued)[text] or _has_adjective(text, adjectives)):
            return "GPE"
        if f.label == PERSON and as_place[text] > as_person[text] and (
                as_place[text] >= MIN_PLACE_VOTES or places.known_place(text, places.MIN_RELABEL_POPULATION)):
            return "GPE"
        if (f.label in ("GPE", "LOC") and one_word and not places.known_place(text)
                and not places.metonym_city(text) and as_place[text] <= as_person[text] + 1
                and full_name_person(text)):
            return PERSON
        return f.label

    return [[dataclasses.replace(f, label=relabelled(doc, f)) for f in ents]
            for doc, ents in zip(docs, found, strict=True)]


def _coordinated_with_place(doc: Doc, f: Found, ents: Sequence[Found]) -> bool:
    """ "Dunmere and X", "X or Dunmere": joined by "and"/"or" to a place of the document."""
    places_at = {(g.start, g.end) for g in ents if g.label in PLACE_LABELS and g is not f}
    before = f.start > 1 and doc[f.start - 1].lower_ in ("and", "or") and any(
        end == f.start - 1 for _, end in places_at)
    after = f.end + 1 < len(doc) and doc[f.end].lower_ in ("and", "or") and any(
        start == f.end + 1 for start, _ in places_at)
    return before or after


def _has_adjective(place: str, adjectives: Sequence[str]) -> bool:
    return len(place) >= 4 and any(demonym_of(a, [place]) for a in adjectives)


# Labels whose one-word mentions vote for a place when a cue stands before them: the model gives an
# unfamiliar place any of these.
CUED_LABELS = frozenset({PERSON, "GPE", "LOC", "ORG", "NORP"})


def place_cue_votes(docs: Sequence[Doc], found: Sequence[Sequence[Found]],
                    cue: Callable[[Doc, Found], bool] = _place_cue) -> Counter[str]:
    """How often the collection writes each one-word name with a place cue ("in X", "the mayor of X")."""
    votes: Counter[str] = Counter()
    for doc, ents in zip(docs, found, strict=True):
        for f in ents:
            if f.end - f.start == 1 and f.label in CUED_LABELS and cue(doc, f):
                votes[f.text] += 1
    return votes


def settle_person_places(docs: Sequence[Doc], found: Sequence[Sequence[Found]]) -> list[list[Found]]:
    """A one-word name that is both the surname of a person the collection names in full and a place it
    reads by a cue ("Ms. Lidia Ostrel" and "in Ostrel") is decided mention by mention: a title before it
    makes the person; a place cue the place; in a document that names the person, the person; else a
    word like "to", "between" makes the place; else the collection's more frequent reading."""
    people, _ = collection_names(found)
    surnames = {n.split()[-1] for n in people if len(n.split()) > 1}
    cued = place_cue_votes(docs, found)
    both = {t for t in surnames if cued[t]}
    if not both:
        return [list(ents) for ents in found]
    as_place, as_person = _label_counts(found)
    out = []
    for doc, ents in zip(docs, found, strict=True):
        named_here = {names.bare_name(f.text).split()[-1] for f in ents
                      if f.label == PERSON and len(names.bare_name(f.text).split()) > 1} | \
                     {f.text for f in ents if f.label == PERSON and _person_cue(doc, f)}
        settled = []
        for f in ents:
            if f.end - f.start == 1 and f.text in both and f.label in (PERSON, "GPE", "LOC"):
                if _person_cue(doc, f):
                    label = PERSON
                elif _place_cue(doc, f) or _coordinated_with_place(doc, f, ents):
                    label = "GPE"
                elif f.text in named_here:
                    label = PERSON
                elif _motion_cue(doc, f) or as_place[f.text] > as_person[f.text]:
                    label = "GPE"
                else:
                    label = PERSON
                f = dataclasses.replace(f, label=label)
            settled.append(f)
        out.append(settled)
    return out


def _feature_not_person(f: Found) -> Found:
    feature = places.feature_label(f.text) if f.label == PERSON else None
    return dataclasses.replace(f, label=feature) if feature else f


def settle_full_names(docs: Sequence[Doc], found: Sequence[Sequence[Found]]) -> list[list[Found]]:
    """A name read as a place or organisation in one sentence that the collection gives a person: a name
    of several words ("..., Ada Kerr, in Holm") whose surname the collection uses alone for a person, or
    which it reads as a person elsewhere; a lone surname of a person the collection names in full ("Kerr
    received him"), unless the collection reads that word as a place by a cue ("in Kerr"). People are
    called by their surname, places and bodies are not called by their last word. Run after the
    collection's names completed the model's reading, when every lone surname is known. And the other way:
    a "person" whose name ends in a word of natural features or buildings ("Skarre Bank") is that place."""
    found = [[_feature_not_person(f) for f in ents] for ents in found]
    people, _ = collection_names(found)
    surnames = {n.split()[-1] for n in people if len(n.split()) > 1}
    cued = place_cue_votes(docs, found)
    out = []
    for ents in found:
        settled = []
        for f in ents:
            words = names.bare_name(f.text).split()
            several = (len(words) > 1 and words[-1][:1].isupper()
                       and (people[words[-1]] or people[" ".join(words)]))
            surname = len(words) == 1 and f.text in surnames and not cued[f.text]
            if f.label in ("GPE", "LOC", "ORG") and (several or surname) and not places.known_place(f.text):
                f = dataclasses.replace(f, label=PERSON)
            settled.append(f)
        out.append(settled)
    return out


@dataclass(frozen=True)
class Named:
    start: int
    end: int
    label: str
    canonical: str


def canonicalise(doc: Doc, found: Sequence[Found], index: names.NameIndex) -> list[Named]:
    """Step 4: canonical names; a bare surname prefers the full names its own document gives."""
    local: Counter[str] = Counter()
    for f in found:
        if f.label == PERSON:
            bare = names.bare_name(f.text)
            if len(bare.split()) > 1 and (person := index.person(bare)):
                local[person.canonical] += 1
    out = []
    for f in found:
        text = f.text
        if f.label == PERSON:
            canonical = index.canonical(text, local)
        elif f.label in PLACE_LABELS:
            canonical = places.canonical_place(text)
        else:
            canonical = places.bare_place(text)
        out.append(Named(f.start, f.end, f.label, canonical or text))
    return out


# Words that may continue a role phrase but never start one ("of" in "Minister of Defense").
ROLE_CONNECTIVES = frozenset({"of", "to", "and"})


def _role_end(doc: Doc, start: int) -> int | None:
    """End of a role phrase at ``start`` ("Valdorian Defense Minister"): an optional nationality, then
    title words ending in a title that is a role (not a courtesy form like "Dr.")."""
    if doc[start].lower_ in ROLE_CONNECTIVES:
        return None
    i = start
    if doc[i].ent_type_ == "NORP" or names.looks_demonym(doc[i].text):
        i += 1
    head_end = None
    while i < len(doc) and names.is_title_word(doc[i].text) and not names.is_honorific(doc[i].text):
        i += 1
        if names.is_title_head(doc[i - 1].text):
            head_end = i
    return head_end if head_end and head_end > start + 1 else None


def _may_start_role(token) -> bool:
    """A cheap first look: only a nationality or a title word can start a role phrase."""
    return (token.ent_type_ == "NORP" or token.lower_.rstrip(".") in names.title_words()
            or names.looks_demonym(token.text))


def _role_key(doc: Doc, start: int, end: int) -> str:
    return " ".join(t.lower_.rstrip(".") for t in doc[start:end])


def _after_courtesy(doc: Doc, i: int) -> int:
    """The first token from ``i`` that is neither a courtesy title nor whitespace."""
    while i < len(doc) and (doc[i].is_space or names.is_honorific(doc[i].text)):
        i += 1
    return i


def bind_roles(doc: Doc, named: list[Named], foreign: Sequence[bool]) -> list[Named]:
    """Step 5: "the Valdorian President" -> the person the document calls "Valdorian President X"."""
    person_at = {i: n for n in named if n.label == PERSON for i in range(n.start, n.end)}
    taken = {i for n in named if n.label == PERSON or n.label in PLACE_LABELS for i in range(n.start, n.end)}
    holders: dict[str, set[str]] = {}
    bare_roles: list[tuple[int, int, str]] = []
    starts = [t.i for t in doc if not foreign[t.i] and _may_start_role(t)]
    next_free = 0
    for start in starts:
        end = _role_end(doc, start) if start >= next_free else None
        if end is None:
            continue
        key = _role_key(doc, start, end)
        after = _after_courtesy(doc, end)
        holder = person_at.get(after)
        if holder is not None:
            holders.setdefault(key, set()).add(holder.canonical)
        elif not any(j in taken for j in range(start, end)) and not (
                after < len(doc) and doc[after].pos_ == "PROPN" and doc[after].text[:1].isupper()):
            bare_roles.append((start, end, key))
        next_free = end
    out = list(named)
    for start, end, key in bare_roles:
        bound = holders.get(key, set())
        if len(bound) == 1:
            out = [n for n in out if n.end <= start or n.start >= end]  # the role replaces "Valdorian" (NORP)
            out.append(Named(start, end, PERSON, next(iter(bound))))
    return sorted(out, key=lambda n: n.start)


def to_records(article: Article, doc: Doc, named: Sequence[Named]) -> tuple[Entity, ...]:
    """Entities with body offsets and capture lines; the Doc's ents replaced by the same spans."""
    spans = [Span(doc, n.start, n.end, label=n.label, kb_id=n.canonical) for n in named]
    numeric = [e for e in doc.ents if e.label_ not in PLACE_LABELS | OTHER_LABELS | {PERSON}]
    doc.ents = filter_spans(spans + numeric)
    kept = {(s.start, s.end) for s in doc.ents}
    records = []
    for n in named:
        if (n.start, n.end) not in kept or (n.label != PERSON and n.label not in PLACE_LABELS | OTHER_LABELS):
            continue
        span = doc[n.start:n.end]
        records.append(Entity(text=span.text, label=n.label, canonical=n.canonical, start=span.start_char,
                              end=span.end_char, lines=article.lines_of(span.start_char, span.end_char)))
    return tuple(records)
