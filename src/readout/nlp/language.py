"""The language of each paragraph: a cheap English test first, lingua only where that test is unsure.

Most paragraphs of an English article are plainly English: enough of their words are English function
words. Only the others (other scripts, other Latin-script languages, lists of names) go to lingua,
built once per process in its low-accuracy mode (fast, and enough for paragraphs of a sentence or more).
"""

from __future__ import annotations

import re
from functools import lru_cache

ENGLISH = "en"
# English function words: frequent in any English prose, rare as words of other Latin-script languages.
ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at", "from",
    "his", "her", "its", "their", "said", "it", "be", "are", "were", "has", "have", "had", "he", "she",
    "they", "this", "an", "not", "will", "would", "which", "who", "but", "been", "also", "than", "after",
})
# A paragraph is plainly English when at least this share of its words are English function words
# (running English prose is 35-50%; French, Spanish or German prose under 5%).
MIN_FUNCTION_WORD_SHARE = 0.15
# A Latin-script paragraph of fewer words than this ("Okay.", a name and a place) gives lingua too little
# to go on and keeps the article's language; other scripts are told apart by their letters alone.
MIN_WORDS_FOR_DETECTION = 6
# Share of Latin letters below which the paragraph is in another script and always goes to lingua.
MIN_LATIN_SHARE = 0.5
# A Latin-script paragraph shorter than this is too short for lingua's low-accuracy mode, which calls
# one-sentence English news ("Kenya and Uganda signed a trade deal.") Catalan or Tagalog; such a paragraph
# is English when it holds one of the words below.
SHORT_TEXT_WORDS = 20
# English function words that are not also common words of other Latin-script languages (unlike "a",
# "in", "on", "to", "die"), so one of them is enough to tell a short paragraph is English.
UNAMBIGUOUS_ENGLISH = frozenset({
    "the", "and", "of", "with", "was", "were", "has", "have", "had", "his", "their", "said", "from", "by",
    "for", "will", "would", "which", "who", "been", "after", "against", "into", "over", "between",
    "during", "this", "that", "they", "its", "it", "are", "at",
})

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def plainly_english(text: str) -> bool:
    words = _WORD.findall(text.lower())
    if not words:
        return True
    latin = sum(1 for w in words if w.isascii())
    if latin / len(words) < MIN_LATIN_SHARE:
        return False
    return sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) / len(words) >= MIN_FUNCTION_WORD_SHARE


def short_english(words: list[str]) -> bool:
    """A short Latin-script paragraph with an unambiguous English word: lingua cannot be trusted on it."""
    return (0 < len(words) < SHORT_TEXT_WORDS
            and sum(1 for w in words if w.isascii()) / len(words) >= MIN_LATIN_SHARE
            and any(w.lower() in UNAMBIGUOUS_ENGLISH for w in words))


def paragraph_language(text: str, default: str = ENGLISH) -> str:
    """ISO 639-1 code of one paragraph; ``default`` when the text is too short or lingua is unsure."""
    if plainly_english(text):
        return ENGLISH
    words = _WORD.findall(text)
    if short_english(words):
        return ENGLISH
    if all(w.isascii() for w in words) and (
            len(words) < MIN_WORDS_FOR_DETECTION or all(w[:1].isupper() for w in words)):
        return default  # too short, or a list of names: nothing to tell a language by
    language = detector().detect_language_of(text)
    if language is None:
        return default
    return language.iso_code_639_1.name.lower()
