"""parley: cited, structured intelligence from news coverage of diplomacy.

The library is the product; the CLI, the web app and the report are thin layers over it.

    from parley import Store, ask
    from parley.search import search
    from parley.pipeline import extract, ingest
    with Store("parley.duckdb") as store:
        ingest(["examples/seeds"], store)           # read, clean, extract, store, resolve, index
        answer = ask(store, "Who met in Sochi?")    # Answer with parts and verbatim citations
    corpus = extract(["article.txt"])               # records without a database (corpus.records)

(`parley.ingest`, `parley.extract` and `parley.search` are the packages of those layers.)

Modules: models (the records), errors (the exception tree), pipeline (the spine), ingest, nlp, extract,
resolve, store, search, report, api, cli.
"""

from importlib import import_module

from parley.errors import ParleyError

__version__ = "0.1.0"
__all__ = ["ParleyError", "Store", "ask", "__version__"]

# Imported on first use, so that `import parley.models` does not load spaCy.
_LAZY = {"Store": "parley.store", "ask": "parley.search"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'parley' has no attribute {name!r}")
