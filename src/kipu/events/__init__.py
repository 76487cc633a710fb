"""The event stage: CAMEO and PLOVER codes from the parse, with modality and quantities."""

from kipu.events._coder import EventOptions, code_events
from kipu.events._patterns import load_patterns
from kipu.events.codebook import code_info, load_codebook

__all__ = ["EventOptions", "code_events", "code_info", "load_codebook", "load_patterns"]
