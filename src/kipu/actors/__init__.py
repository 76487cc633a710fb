"""The actor stage: resolve mentions to CAMEO actors (country + sector) with their evidence."""

from kipu.actors._alias import ALIAS_LOOKBACK, AliasResolver, Antecedent, RuleAliasResolver
from kipu.actors._dated import actor_on
from kipu.actors._dictionaries import ActorDictionaries, load_dictionaries
from kipu.actors._era import ENDED as PAST_STATES
from kipu.actors._evidence import (
    CountryWord,
    agent_phrase,
    countries_in_line,
    countries_in_sentence,
    is_country_word,
    open_group,
    owner_gives_country,
    owners_member,
)
from kipu.actors._international import INTERNATIONAL, international_country
from kipu.actors._people import with_age
from kipu.actors._phoenix import ImportResult, import_dictionary
from kipu.actors._resolver import STATE_SPEAKERS, ActorOptions, resolve_actors

__all__ = [
    "INTERNATIONAL",
    "PAST_STATES",
    "STATE_SPEAKERS",
    "ALIAS_LOOKBACK",
    "ActorDictionaries",
    "ActorOptions",
    "AliasResolver",
    "CountryWord",
    "Antecedent",
    "ImportResult",
    "RuleAliasResolver",
    "actor_on",
    "agent_phrase",
    "countries_in_line",
    "countries_in_sentence",
    "import_dictionary",
    "is_country_word",
    "international_country",
    "load_dictionaries",
    "open_group",
    "owner_gives_country",
    "owners_member",
    "resolve_actors",
    "with_age",
]
