"""Query embeddings run on one torch thread, batches of concurrent queries included (issue 15: on a busy two-core
machine two threads wait for each other at every layer), and torch's own setting is left as it was."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from parley.search import embed

needs_model = pytest.mark.skipif(not embed.available(), reason="the MiniLM model package is not installed")


@needs_model
def test_queries_arriving_together_are_embedded_on_one_thread(monkeypatch):
    import torch

    model = embed.model()
    bert = model[0].auto_model
    seen: list[tuple[int, int]] = []
    real = bert.forward
    monkeypatch.setitem(embed._state, "trace", True)  # as the web app asks: the queries' traced graph,
    query_forward = embed._query_forward(model)  # made before anything is watched

    def watching(*args, **kwargs):  # the transformer's forward pass of bulk encoding
        seen.append((int(kwargs["input_ids"].shape[0]), torch.get_num_threads()))
        return real(*args, **kwargs)

    def watching_queries(input_ids, attention_mask, token_type_ids):  # the queries' forward pass
        seen.append((int(input_ids.shape[0]), torch.get_num_threads()))
        return query_forward(input_ids, attention_mask, token_type_ids)

    monkeypatch.setattr(bert, "forward", watching)
    monkeypatch.setattr(embed, "_query_forward", lambda m: watching_queries)
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        queries = [f"what did the envoys agree on the dam project, question {i}" for i in range(12)]
        with ThreadPoolExecutor(max_workers=12) as pool:
            vectors = list(pool.map(embed.encode_query, queries))
        assert len(vectors) == 12 and sum(n for n, _ in seen) == 12
        assert {threads for _, threads in seen} == {1}
        assert torch.get_num_threads() == 2  # the process's setting, for bulk indexing, is untouched
        embed.encode([f"an indexed sentence about the dam, number {i}." for i in range(8)])
        assert seen[-1] == (8, 2)
    finally:
        torch.set_num_threads(before)
