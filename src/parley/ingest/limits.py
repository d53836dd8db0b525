"""How large an input parley accepts: one frozen value handed down from the CLI to every reader.

    max_article_chars  characters of one article (plain text and JSONL text before cleaning, HTML,
                       feed and WARC text after extraction); spaCy's own ceiling is 1,000,000
    max_file_bytes     bytes of one file, one decompressed .gz, one WARC record or one JSONL line
    max_title_chars    characters of one headline

Anything larger becomes one InputError naming the file (or record) and both sizes; the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Limits", "SPACY_MAX_CHARS", "DEFAULT_ARTICLE_CHARS", "DEFAULT_FILE_MB", "MIB"]

MIB = 1024 * 1024
SPACY_MAX_CHARS = 1_000_000  # spaCy's default nlp.max_length (E088 above it)
DEFAULT_ARTICLE_CHARS = 500_000
DEFAULT_FILE_MB = 64
DEFAULT_TITLE_CHARS = 2_000


@dataclass(frozen=True)
class Limits:
    """The largest article, headline and file (or decompressed file, WARC record, JSONL line) accepted."""

    max_article_chars: int = DEFAULT_ARTICLE_CHARS
    max_file_bytes: int = DEFAULT_FILE_MB * MIB
    max_title_chars: int = DEFAULT_TITLE_CHARS

    def __post_init__(self) -> None:
        if not 1 <= self.max_article_chars <= SPACY_MAX_CHARS:
            raise ValueError(f"max_article_chars must be 1..{SPACY_MAX_CHARS:,}, not {self.max_article_chars:,}")
        if self.max_file_bytes < 1 or self.max_title_chars < 1:
            raise ValueError("max_file_bytes and max_title_chars must be positive")

    @classmethod
    def of(cls, max_article_chars: int = DEFAULT_ARTICLE_CHARS, max_file_mb: int = DEFAULT_FILE_MB) -> "Limits":
        """Limits from the CLI's options (the file limit in MiB)."""
        return cls(max_article_chars=max_article_chars, max_file_bytes=max_file_mb * MIB)

    def article_problem(self, chars: int) -> str | None:
        """Why an article of ``chars`` characters is refused, or None when it is within the limit."""
        if chars <= self.max_article_chars:
            return None
        return (f"article too long: {chars:,} characters, over the limit of {self.max_article_chars:,} "
                "(--max-article-chars, PARLEY_MAX_ARTICLE_CHARS)")

    def title_problem(self, chars: int) -> str | None:
        if chars <= self.max_title_chars:
            return None
        return f"headline too long: {chars:,} characters, over the limit of {self.max_title_chars:,}"

    def bytes_problem(self, size: int, what: str = "file") -> str | None:
        """Why ``what`` of ``size`` bytes is refused, or None when it is within the limit."""
        if size <= self.max_file_bytes:
            return None
        return f"{what} too large: {_size(size)}, over the limit of {_size(self.max_file_bytes)} {_FILE_HINT}"

    def past_limit(self, what: str) -> str:
        """Why ``what`` is refused when reading it stopped as soon as it passed the limit."""
        return f"{what} larger than the limit of {_size(self.max_file_bytes)} {_FILE_HINT}; not read further"


_FILE_HINT = "(--max-file-mb, PARLEY_MAX_FILE_MB)"


def _size(n: int) -> str:
    return f"{n / MIB:,.1f} MiB" if n >= MIB else f"{n:,} bytes"
