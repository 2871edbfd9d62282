"""
A light Ukrainian stemmer for search (newsroom/search.py): the stems of a reader's word,
which the search matches as prefixes of the indexed words, so that "вибори" finds
"виборів" and "виборах" and "Київ" finds "Києві" and "Києва".

It strips one inflectional ending (and a verb's reflexive -ся/-сь), leaving at least
three letters with a vowel among them. A word without an ending whose last syllable
has і or ї also gets the stems with the о, е or є that replace it in the other forms
(Київ, Києва; Львів, Львова; вибір, вибору), when it has four letters or more: "рок"
from "рік" would find "роковий" as well as "року". Only that direction: a stem with о or е is
usually a word without an і form (закон, закону), and "закін" would find "закінчення".

Being light, it both misses and overreaches, which a dictionary would not: forms with a
dropped vowel (день, дня) are not found, and a stem finds its derived words (вибор:
виборці, виборчий) and a short stem unrelated ones too (рад: рада, радіо).
"""

import re

VOWELS = "аеєиіїоуюя"
# The forms of an apostrophe Ukrainian words are written with, as the database
# tokenizers see the plain one: a break between two tokens of the word.
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
CYRILLIC_WORD = re.compile(r"[а-щьюяєіїґ]+(?:'[а-щьюяєіїґ]+)*")
# The fewest letters a stem keeps; a shorter word is matched whole, not as a prefix.
MIN_STEM = 3
MIN_ALTERNATED_STEM = 4
REFLEXIVE = ("ся", "сь")
# Noun, adjective and participle endings.
ENDINGS = (
    *("а", "я", "о", "е", "є", "и", "і", "ї", "у", "ю", "ь", "й"),
    *("ам", "ям", "ом", "ем", "єм", "ах", "ях", "ів", "їв", "ей", "ею", "єю", "ою"),
    *("ами", "ями", "ові", "еві", "єві"),
    *("ий", "ій", "їй", "ої", "им", "ім", "их", "іх", "ого", "ому", "ими", "іми"),
    *("ього", "ьому"),
)
# Verb endings, removed only after one of VERB_VOWELS, which stays: "обрала" and "обрати"
# give "обра", while "школа" keeps its "л" and "Київ" its "в".
VERB_VOWELS = "аяиу"
VERB_ENDINGS = ("ти", "ть", "ла", "ло", "ли", "в", "мо", "те")
# Longest first: the longest ending that leaves a stem is removed.
SUFFIXES = sorted(
    [(ending, False) for ending in ENDINGS] + [(ending, True) for ending in VERB_ENDINGS],
    key=lambda suffix: len(suffix[0]),
    reverse=True,
)
# The vowel of a closed last syllable and those it becomes when the syllable opens.
ALTERNATIONS = {"і": ("о", "е"), "ї": ("є",)}
CLOSED_SYLLABLE = re.compile(rf"(.+)([ії])([^{VOWELS}ь'])")


def is_ukrainian(word):
    """Whether `word` (lowercased, apostrophes plain) is a Cyrillic word the stemmer reads."""
    return CYRILLIC_WORD.fullmatch(word) is not None


def _stem_is_acceptable(stem):
    letters = stem.replace("'", "")
    return (
        len(letters) >= MIN_STEM
        and not stem.endswith("'")
        and any(letter in VOWELS for letter in letters)
    )


def stem(word):
    """The stem of a lowercased Ukrainian word with plain apostrophes."""
    for suffix in REFLEXIVE:
        if word.endswith(suffix) and _stem_is_acceptable(word[: -len(suffix)]):
            word = word[: -len(suffix)]
            break
    for ending, after_vowel in SUFFIXES:
        rest = word[: -len(ending)]
        if (
            word.endswith(ending)
            and _stem_is_acceptable(rest)
            and (not after_vowel or rest[-1] in VERB_VOWELS)
        ):
            return rest
    return word


def stems(word):
    """The prefixes that find the forms of a lowercased Ukrainian word with plain
    apostrophes: its stem first, then the stem with the alternating vowel."""
    found = [stem(word)]
    # Only a word without an ending has the closed syllable of its other forms.
    closed = found[0] == word and CLOSED_SYLLABLE.fullmatch(word)
    if closed and len(word) >= MIN_ALTERNATED_STEM:
        before, vowel, consonant = closed.groups()
        found += [before + other + consonant for other in ALTERNATIONS[vowel]]
    return found
