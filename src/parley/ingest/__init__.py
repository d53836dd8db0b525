"""Readers that turn files, feeds, JSONL and WARC archives into cleaned Articles.

Public functions:
    read_paths(paths)  -> iterator of Article or InputError (one bad file never stops the batch)
    read_file(path)    -> list[Article], raises InputError
    clean_text(raw, source) -> CleanedText (text, removed lines, metadata found in the chrome)
"""
