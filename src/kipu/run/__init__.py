"""Orchestration: runs the stages over inputs; knows nothing of NLP beyond calling them."""

from kipu.run._ingest import ingest
from kipu.run._pipeline import Coded, InputDone, PipelineOptions, new_report, process

__all__ = ["Coded", "InputDone", "PipelineOptions", "ingest", "new_report", "process"]
