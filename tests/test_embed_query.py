"""The query path (embed.encode_queries: MiniLM's tokenizer, transformer and mean pooling called directly) gives
the vectors SentenceTransformer.encode gives, to float32 rounding, for short and long queries, alone or in a
batch, so documents indexed through encode and queries embedded the short way stay comparable."""

from __future__ import annotations

import numpy as np
import pytest

from parley.search import embed

needs_model = pytest.mark.skipif(not embed.available(), reason="the MiniLM model package is not installed")

QUERIES = [
    "When did the foreign ministers meet in Geneva?",
    "  grain corridor talks  ",  # spaces around the words
    "Erdoğan’s “state visit” to Belgrade",  # diacritics and curly quotes
    "What was on the agenda?",
    "summit " + "agenda of the talks on the dam and the border crossings " * 40,  # past 256 word pieces
    "?",
]


@needs_model
def test_query_vectors_are_the_sentence_transformer_vectors():
    reference = embed.encode(QUERIES)
    batched = embed.encode_queries(QUERIES)
    alone = np.vstack([embed.encode_queries([q]) for q in QUERIES])
    assert batched.shape == alone.shape == (len(QUERIES), embed.DIM) and batched.dtype == np.float32
    assert np.abs(batched - reference).max() < 1e-6
    assert np.abs(alone - reference).max() < 1e-6
    assert np.allclose(np.linalg.norm(alone, axis=1), 1.0, atol=1e-6)


@needs_model
def test_a_query_keeps_its_vector_whatever_is_embedded_beside_it():
    """The float path pads each batch to its longest query: a query's vector moves by float32 rounding at most,
    never by what it was batched with (int8 dynamic quantisation would move it by ~0.05: not used)."""
    first = embed.encode_queries(QUERIES[:2])[0]
    other = embed.encode_queries([QUERIES[0], QUERIES[4], QUERIES[2]])[0]
    assert np.abs(first - other).max() < 1e-6


@needs_model
def test_no_queries_no_vectors():
    assert embed.encode_queries([]).shape == (0, embed.DIM)


@needs_model
def test_queries_run_through_one_traced_graph_once_asked(monkeypatch):
    """Once a server asks for it, the query path is the TorchScript graph (it runs without the interpreter lock)
    and gives the vectors encode gives; before, the eager modules."""
    import torch

    monkeypatch.setitem(embed._state, "trace", False)  # set back to what it was after the test
    assert not isinstance(embed._query_forward(embed.model()), torch.jit.ScriptModule)
    embed.trace_queries()
    assert isinstance(embed._query_forward(embed.model()), torch.jit.ScriptModule)
    assert np.abs(embed.encode_queries(QUERIES) - embed.encode(QUERIES)).max() < 1e-6
