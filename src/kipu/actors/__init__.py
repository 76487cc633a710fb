"""The actor stage: resolve mentions to CAMEO actors (country + sector) with their evidence."""

from kipu.actors._dictionaries import load_dictionaries
from kipu.actors._resolver import ActorOptions, resolve_actors

__all__ = ["ActorOptions", "load_dictionaries", "resolve_actors"]
