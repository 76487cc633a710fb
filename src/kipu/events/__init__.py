"""The event stage: CAMEO and PLOVER codes from the parse, with modality and quantities."""

from kipu.events._coder import EventOptions, code_events
from kipu.events._discards import import_discards
from kipu.events._evaluate import FORMATS, GoldEvent, GoldItem, Scores, read_gold, score
from kipu.events._explain import SentenceExplanation, explain_events
from kipu.events._patterns import load_patterns
from kipu.events._petrarch import import_verbs
from kipu.events._vocabulary import TriggerVocabulary, trigger_vocabulary
from kipu.events.codebook import code_info, load_codebook

__all__ = [
    "FORMATS",
    "GoldEvent",
    "GoldItem",
    "Scores",
    "read_gold",
    "score",
    "EventOptions",
    "SentenceExplanation",
    "code_events",
    "code_info",
    "explain_events",
    "import_discards",
    "import_verbs",
    "load_codebook",
    "load_patterns",
    "TriggerVocabulary",
    "trigger_vocabulary",
]
