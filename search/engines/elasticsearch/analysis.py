"""The analyzers every index shares.

- `portal_text` (index time): standard words, lower case, accents folded, then stemmed in the
  site's language (settings.SEARCH_LANGUAGE, "english" by default), so "cleaning" finds "clean".
- `portal_text_search` (search time): the same, with `skill_synonym_graph` before the stemmer,
  so a search for "FLT operation" also finds "Forklift driving". The rules are written from the
  Skill rows (each skill's name and its synonyms form one group) when an index is created, so a
  rebuild picks up what staff changed; only the search side expands them, which keeps
  multi-word synonyms correct (synonym_graph) and the indexed documents unchanged.
- `autocomplete` (index time): edge n-grams of 2 to 20 characters of each word, and
  `autocomplete_search`, the plain words, so "forkl" finds "Forklift" but not "fork lift truck".
- Per language, for the sub-fields of the words (`title.fr`, `description.ar`, ...; see
  `documents.words`): the search engine's built-in `french`, `spanish` and `arabic` analyzers at
  index time, and at search time the same chain rebuilt with the language's synonyms
  (`search/data/synonyms/<code>.txt`) after the lower-casing, so "chef de cuisine" finds
  "Cuisinier". The English field is the main one, as before: its search side adds the English
  synonyms of the same folder to the skills' ones. Which language's sub-fields a search asks is
  the visitor's (`LANGUAGE_FIELDS`, `language_fields`).
- `plain_text`: words without stemming, for "did you mean" (a stem is no word to suggest), and
  `shingled_text`, the same words and each pair of them: "did you mean" weighs which corrected
  words go together by the pairs the site has.
"""

from pathlib import Path

from django.conf import settings
from elasticsearch.dsl import analyzer, token_filter
from elasticsearch.dsl.analysis import CustomTokenFilter

from taxonomy.models import Skill, split_synonyms

SYNONYM_FILTER = "skill_synonym_graph"
# Characters with a meaning in the Solr synonym format: inside a term they would break the rule.
NEUTRAL_RULE = "fair chance, fair-chance"
RULE_SYNTAX = str.maketrans({",": " ", "=": " ", ">": " ", "#": " ", "\\": " "})


def language():
    return getattr(settings, "SEARCH_LANGUAGE", "english")


SYNONYMS_FOLDER = Path(__file__).resolve().parents[2] / "data" / "synonyms"


def language_synonym_rules(code):
    """The search app's synonyms of one language (search/data/synonyms/<code>.txt), one rule a line."""
    try:
        lines = (SYNONYMS_FOLDER / f"{code}.txt").read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [" ".join(line.split()) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def skill_synonym_rules():
    """One rule per skill that has synonyms: "name, synonym, synonym" (equivalent terms), and the
    English synonyms of search/data/synonyms/en.txt."""
    rules = list(language_synonym_rules("en"))
    for name, synonyms in Skill.objects.order_by("name", "pk").values_list("name", "synonyms"):
        terms = []
        for term in [name, *split_synonyms(synonyms)]:
            term = " ".join(term.translate(RULE_SYNTAX).lower().split())
            if term and term not in terms:
                terms.append(term)
        if len(terms) > 1:
            rules.append(", ".join(terms))
    # An empty list vanishes from the index settings, and a synonym filter without rules is
    # refused: a rule that changes nothing (both sides are the same two words) keeps it valid.
    return rules or [NEUTRAL_RULE]


class SkillSynonymFilter(CustomTokenFilter):
    """A synonym_graph filter whose rules are read from the database when the index is created."""

    name = "portal_skill_synonyms"  # the registry key of this class, not the filter's name

    def get_definition(self):
        # lenient: a term the analyzer reduces to nothing (a stop word) is skipped, not fatal.
        return {"type": "synonym_graph", "synonyms": skill_synonym_rules(), "lenient": True}


skill_synonyms = SkillSynonymFilter(SYNONYM_FILTER)


class LanguageStemmer(CustomTokenFilter):
    """The stemmer of settings.SEARCH_LANGUAGE, read when the index is created."""

    name = "portal_language_stemmer"

    def get_definition(self):
        return {"type": "stemmer", "language": language()}


stemmer = LanguageStemmer("portal_stemmer")

edge_ngrams = token_filter("autocomplete_edge_ngram", type="edge_ngram", min_gram=2, max_gram=20)

portal_text = analyzer("portal_text", tokenizer="standard", filter=["lowercase", "asciifolding", stemmer])
portal_text_search = analyzer(
    "portal_text_search",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", skill_synonyms, stemmer],
)
autocomplete = analyzer(
    "autocomplete", tokenizer="standard", filter=["lowercase", "asciifolding", edge_ngrams]
)
autocomplete_search = analyzer(
    "autocomplete_search", tokenizer="standard", filter=["lowercase", "asciifolding"]
)
plain_text = analyzer("plain_text", tokenizer="standard", filter=["lowercase", "asciifolding"])
word_pairs = token_filter(
    "word_pairs", type="shingle", min_shingle_size=2, max_shingle_size=2, output_unigrams=True
)
shingled_text = analyzer(
    "shingled_text", tokenizer="standard", filter=["lowercase", "asciifolding", word_pairs]
)


# Per-language sub-fields -------------------------------------------------------------------------

# code of the sub-field → (the built-in analyzer of the language, its token filters after the
# tokenizer, as the search engine's documentation lists them: the search side rebuilds them with
# the language's synonyms after the lower-casing). English is the main field, analysed above.
LANGUAGE_CHAINS = {
    "fr": (
        "french",
        [
            token_filter(
                "portal_french_elision",
                type="elision",
                articles_case=True,
                articles=[
                    "l",
                    "m",
                    "t",
                    "qu",
                    "n",
                    "s",
                    "j",
                    "d",
                    "c",
                    "jusqu",
                    "quoiqu",
                    "lorsqu",
                    "puisqu",
                ],
            ),
            "lowercase",
        ],
        [
            token_filter("portal_french_stop", type="stop", stopwords="_french_"),
            token_filter("portal_french_stemmer", type="stemmer", language="light_french"),
        ],
    ),
    "es": (
        "spanish",
        ["lowercase"],
        [
            token_filter("portal_spanish_stop", type="stop", stopwords="_spanish_"),
            token_filter("portal_spanish_stemmer", type="stemmer", language="light_spanish"),
        ],
    ),
    "ar": (
        "arabic",
        ["lowercase", "decimal_digit"],
        [
            token_filter("portal_arabic_stop", type="stop", stopwords="_arabic_"),
            "arabic_normalization",
            token_filter("portal_arabic_stemmer", type="stemmer", language="arabic"),
        ],
    ),
}
# The language of a code of settings.LANGUAGES → the sub-field its words are searched in.
LANGUAGE_FIELDS = {code: code for code in LANGUAGE_CHAINS}


def language_field(language):
    """The sub-field ("fr") searched for a visitor of this language ("fr", "fr-ca"), or None
    (English and any language without one: the main fields alone)."""
    return LANGUAGE_FIELDS.get((language or "")[:2])


def language_search_analyzer(code):
    builtin, before, after = LANGUAGE_CHAINS[code]
    rules = language_synonym_rules(code)
    synonyms = []
    if rules:
        synonyms = [
            token_filter(f"portal_{builtin}_synonyms", type="synonym_graph", synonyms=rules, lenient=True)
        ]
    return analyzer(
        f"portal_text_{builtin}_search", tokenizer="standard", filter=[*before, *synonyms, *after]
    )


LANGUAGE_SEARCH_ANALYZERS = {code: language_search_analyzer(code) for code in LANGUAGE_CHAINS}


def language_analyzers(code):
    """(index analyzer, search analyzer) of a language's sub-field."""
    return LANGUAGE_CHAINS[code][0], LANGUAGE_SEARCH_ANALYZERS[code]
