"""`parley extract` on PySpark: the same records as ``pipeline.extract``, with spaCy's work on Spark executors.

    extract(paths, workers=2):
      1. read      on the driver, lazily, as pipeline.extract reads (files, folders, feeds, JSONL, WARC);
                   near-duplicates marked in the order read; CHUNK articles at a time go to Spark
      4. analyse   on the executors, PARTITION articles a task: ``pipeline.analyse`` over the partition, in a
                   Python worker that Spark reuses from task to task, so spaCy and the knowledge tables load
                   once per worker process (``parley.nlp.load`` and the tables are cached per process).
                   Articles go out, Records come back (pickled), in the order read; an error stays a line
      6. resolve   on the driver, over all the records, as pipeline.extract does (people, timeline, conflicts)

While one chunk is analysed the driver reads the next, and the next chunk's job is queued behind the running
one, so the workers do not wait at a chunk's end. The driver holds at most two chunks of articles beside the
records (step 6 needs every record, as it does for pipeline.extract).

Spark runs in local mode on ``workers`` cores (``local[N]``) unless a master URL is given (``spark://HOST:7077``,
``yarn``, ``k8s://...``: each executor then needs parley installed, as for any PySpark job), or a SparkContext
is already active (``spark-submit``, a notebook), which is used and left running. pyspark is an optional extra
(``pip install 'parley[spark]'``) and needs Java 17; both are imported only when this engine runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from parley import ingest as readers
from parley.errors import InputError, ParleyError
from parley.ingest.dedup import DuplicateIndex
from parley.ingest.limits import Limits
from parley.models import Article, Record
from parley.pipeline import Corpus, Progress, analyse, batches, resolve_corpus, with_published

__all__ = ["extract", "spark_context", "PARTITION", "CHUNK"]

PARTITION = 32  # articles per Spark task: small enough to balance two workers, large enough for spaCy's batches
CHUNK = 2048  # articles per Spark job: what the driver holds (twice) while the executors work
INSTALL = "pip install 'parley[spark]' (pyspark==4.3.0; it needs Java 17)"


def extract(paths: Sequence[str | Path], published: str | None = None, progress: Progress | None = None,
            limits: Limits = Limits(), adjust: Callable[[Article], Article] | None = None, *,
            workers: int = 2, master: str | None = None, partition: int = PARTITION,
            chunk: int = CHUNK) -> Corpus:
    """``pipeline.extract`` with step 4 on Spark: the same records, in the same order, and the same error lines."""
    progress = progress or (lambda stage, advance: None)
    read_errors: list[str] = []
    articles = _unique_articles(paths, published, limits, adjust, read_errors, progress)
    results: list[Record | str] = []
    with spark_context(workers, master) as sc, ThreadPoolExecutor(max_workers=2) as pool:
        job = partial(_analyse_on_spark, sc, limits=limits, partition=partition)
        running: Future | None = None
        try:
            for batch in batches(articles, chunk):
                queued = pool.submit(job, batch)  # queued behind the running job: the workers never wait for it
                if running is not None:
                    _take(running.result(), results, progress)
                running = queued
            if running is not None:
                _take(running.result(), results, progress)
        except BaseException:  # Ctrl-C or a failed job: stop the queued job too instead of waiting for it
            sc.cancelAllJobs()
            raise
    records = [r for r in results if isinstance(r, Record)]
    errors = read_errors + [r for r in results if isinstance(r, str)]
    records, people, timeline, conflicts = resolve_corpus(records)
    return Corpus(records, errors, people, timeline, conflicts)


def _unique_articles(paths: Sequence[str | Path], published: str | None, limits: Limits,
                     adjust: Callable[[Article], Article] | None, errors: list[str],
                     progress: Progress) -> Iterator[Article]:
    """Step 1 as pipeline.extract does it, lazily: articles read, given ``published`` and ``adjust``ed,
    near-duplicates marked against every earlier article, each id once; read errors go to ``errors``."""
    index = DuplicateIndex()
    seen: set[str] = set()
    for item in readers.read_paths(paths, limits):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        progress("read", 1)
        article = with_published(item, published)
        article = adjust(article) if adjust else article
        (article,) = readers.dedup.mark_duplicates([article], index)
        if article.id not in seen:
            seen.add(article.id)
            yield article


def _analyse_on_spark(sc: Any, articles: list[Article], *, limits: Limits, partition: int) -> list[Record | str]:
    """One Spark job: the articles in partitions of ``partition``, analysed on the executors, in order."""
    slices = max(1, -(-len(articles) // partition))
    return sc.parallelize(articles, slices).mapPartitions(partial(analyse_partition, limits=limits)).collect()


def analyse_partition(articles: Iterable[Article], limits: Limits = Limits()) -> Iterator[Record | str]:
    """What one Spark task runs (on an executor): step 4 over its articles, an error as its line.
    The spaCy pipeline is loaded at the first task of each worker process and kept for the next ones."""
    for item in analyse(list(articles), limits=limits):
        yield str(item) if isinstance(item, InputError) else item


def _take(results: list[Record | str], into: list[Record | str], progress: Progress) -> None:
    into.extend(results)
    progress("analyse", sum(1 for r in results if isinstance(r, Record)))


@contextmanager
def spark_context(workers: int = 2, master: str | None = None) -> Iterator[Any]:
    """The active SparkContext (left running), or a new one on ``master`` (default ``local[workers]``), stopped
    at the end. ParleyError, with what to install, when pyspark or Java is missing."""
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError as exc:
        raise ParleyError(f"the Spark engine needs pyspark: {INSTALL}") from exc
    active = SparkContext._active_spark_context
    if active is not None:
        yield active
        return
    if workers < 1:
        raise ParleyError(f"--workers must be at least 1, not {workers}")
    with tempfile.TemporaryDirectory(prefix="parley-spark-") as tmp:
        log_config = Path(tmp) / "log4j2.properties"
        log_config.write_text(LOG_CONFIG, encoding="utf-8")
        conf = SparkConf().setAppName("parley-extract")
        conf.set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
        conf.setIfMissing("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={log_config.as_uri()}")
        conf.set("spark.python.worker.reuse", "true")  # one model load per worker process, not per task
        if master or not conf.contains("spark.master"):
            conf.setMaster(master or f"local[{workers}]")
        if conf.get("spark.master", "").startswith("local"):  # the workers run this environment's parley
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # read by SparkContext, not from the conf
        try:
            with warnings.catch_warnings():  # pyspark's own check of the pandas version, which parley never uses
                warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
                sc = SparkContext(conf=conf)
        except Exception as exc:  # pyspark raises its own (and py4j's) errors when the JVM does not start
            first = str(exc).splitlines()[0] if str(exc) else ""
            raise ParleyError(f"Spark did not start ({type(exc).__name__}: {first}); it needs Java 17 on PATH "
                              "or in JAVA_HOME") from exc
        try:
            yield sc
        finally:
            sc.stop()


# Spark's log: errors only, on stderr (its default prints a page of start-up notes and warnings per run)
LOG_CONFIG = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
logger.repl.name = org.apache.spark.repl.Main
logger.repl.level = error
logger.gateway.name = org.apache.spark.api.python.PythonGatewayServer
logger.gateway.level = error
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n
"""
