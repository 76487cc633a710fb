"""The actor stage: resolve mentions to CAMEO actors (country + sector) with their evidence."""

from kipu.actors._alias import AliasResolver, Antecedent, RuleAliasResolver
from kipu.actors._dated import actor_on
from kipu.actors._dictionaries import load_dictionaries
from kipu.actors._phoenix import ImportResult, import_dictionary
from kipu.actors._resolver import ActorOptions, resolve_actors

__all__ = [
    "ActorOptions",
    "AliasResolver",
    "Antecedent",
    "ImportResult",
    "RuleAliasResolver",
    "actor_on",
    "import_dictionary",
    "load_dictionaries",
    "resolve_actors",
]
