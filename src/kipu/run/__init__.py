"""Orchestration: runs the stages over inputs; knows nothing of NLP beyond calling them."""

from kipu.run._dictionaries import check_dictionaries
from kipu.run._ingest import IngestOptions, ingest
from kipu.run._pipeline import Coded, InputDone, PipelineOptions, new_report, process
from kipu.run._prefilter import PARSE_MODES
from kipu.run._shard import Budget

__all__ = [
    "Budget",
    "Coded",
    "check_dictionaries",
    "IngestOptions",
    "InputDone",
    "PARSE_MODES",
    "PipelineOptions",
    "ingest",
    "new_report",
    "process",
]
