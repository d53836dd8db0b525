"""parley: cited, structured intelligence from news coverage of diplomacy.

Public entry points (a table of contents):
    parley.models      Article, Entity, Quote, Event, Amount, Timex, Record, Citation
    parley.errors      ParleyError and its tree
    parley.pipeline    ingest(paths, store), extract(paths) -> records
    parley.store       Store: the DuckDB file
"""

__version__ = "0.1.0"
