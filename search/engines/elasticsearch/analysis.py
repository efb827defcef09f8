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
- `plain_text`: words without stemming, for "did you mean" (a stem is no word to suggest), and
  `shingled_text`, the same words and each pair of them: "did you mean" weighs which corrected
  words go together by the pairs the site has.
"""

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


def skill_synonym_rules():
    """One rule per skill that has synonyms: "name, synonym, synonym" (equivalent terms)."""
    rules = []
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
