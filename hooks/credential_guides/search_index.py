"""Site search that scales: a Pagefind index, split into chunks fetched per query.

Material's built-in search puts the text of every page into one file that each
visitor downloads before the first result (8.8 MB at 200 credentials).
Pagefind indexes the pages into small compressed chunks, and a query fetches
only the chunks of its words and the excerpts of the results it shows. Its
browser code cannot run from ``file://`` (it loads WebAssembly and modules), so
the offline copy keeps Material's search, whose index is inside the zip anyway.

``SearchIndexer`` hands each page to a ``pagefind --service`` process as soon
as MkDocs has rendered it, so the indexing runs on another core while MkDocs
renders the next pages. It speaks the service's protocol (base64 JSON
messages, each followed by a comma) itself: the ``pagefind`` package's own
asyncio client waits 0.1 s before reading each reply, 390 s for 3,900 pages.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import subprocess
import threading
from collections.abc import Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import IO, Any

SEARCH_PAGE = "search.md"
SEARCH_TITLE = "Search"
BUNDLE_DIR = "pagefind"
ROOT_SELECTOR = "article.md-content__inner"
# Form controls, their per-row labels ("Row 3: Date") and the repeated privacy
# hint would fill the excerpts; field labels, table captions and column headers
# stay indexed. (Not "input": excluding a void element drops its whole block.)
EXCLUDED = (
    ".cg-form-table tbody",
    "select",
    "textarea",
    "button",
    "noscript",
    ".cg-sr-only",
    ".cg-print-value",
    ".cg-pii",
)
TIMEOUT_SECONDS = 600
# Pagefind skips everything inside <form> and <label>. A template page is a
# form, and its headings, labels and help texts must be findable: in the copy
# sent to the indexer (never in the page itself) both are plain containers.
_FORM_TAGS = re.compile(r"<(/?)(?:form|label)\b", re.I)
# Pagefind joins the text of adjacent elements: "ArtifactProficientBasicDeveloping" from a table's
# header cells. A space after each cell and list item keeps the words apart in excerpts.
_CELL_ENDS = re.compile(r"(</(?:th|td|li|caption|dt|dd)>)", re.I)


def is_searched(meta: Mapping[str, Any]) -> bool:
    """Whether a page belongs in the teachers' search: not where its front matter says
    ``search: {exclude: true}`` (Material's own setting, which its search in the offline copy honours too)."""
    search = meta.get("search")
    return not (isinstance(search, dict) and search.get("exclude") is True)


class SearchIndexError(Exception):
    pass


class SearchIndexer:
    """A Pagefind index built page by page in a background process; ``write`` puts it into the site."""

    def __init__(self) -> None:
        from pagefind.service import get_executable

        executable = get_executable()
        if executable is None:
            raise SearchIndexError("the search indexer (Pagefind) is not installed: run ./dev build, which installs it")
        self._process = subprocess.Popen(
            [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._replies: dict[int, Future[dict[str, Any]]] = {}
        self._next_id = 0
        self._pages: list[tuple[str, Future[dict[str, Any]]]] = []
        assert self._process.stdout is not None
        self._reader = threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True)
        self._reader.start()
        config = {"root_selector": ROOT_SELECTOR, "exclude_selectors": list(EXCLUDED), "force_language": "en"}
        try:
            self._index_id = self._wait(self._send({"type": "NewIndex", "config": config}), "start")["index_id"]
        except SearchIndexError:
            self.close()
            raise

    def add(self, url: str, html: str) -> None:
        """Queue one page, at its address relative to the site root (``stack/guide/``)."""
        searchable = _CELL_ENDS.sub(r"\1 ", _FORM_TAGS.sub(r"<\1div", html))
        request = {"type": "AddFile", "index_id": self._index_id, "url": "/" + url, "file_contents": searchable}
        self._pages.append((url, self._send(request)))

    def write(self, site_dir: Path) -> int:
        """Wait for every page, write the index into ``site_dir/pagefind``; the number of pages indexed."""
        failures = []
        for url, reply in self._pages:
            try:
                self._wait(reply, f"index {url or '/'}")
            except SearchIndexError as exc:
                failures.append(str(exc))
        if failures:
            raise SearchIndexError("\n".join(failures))
        # The files are fetched and written here: the service's own WriteFiles can reply before
        # its writes reach the disk, and ending it then leaves torn files (Pagefind issue #1271).
        bundle_files = self._wait(self._send({"type": "GetFiles", "index_id": self._index_id}), "write")["files"]
        bundle = site_dir / BUNDLE_DIR
        for file in bundle_files:
            target = bundle / file["path"].lstrip("/")
            if bundle.resolve() not in target.resolve().parents:
                raise SearchIndexError(f"write: the indexer named a file outside the site: {file['path']!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(file["content"]))
        return len(self._pages)

    def close(self) -> None:
        """Stop the service process (closing its input ends it) and release its pipes."""
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):
                self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join(timeout=10)
        if self._process.stdout is not None:
            self._process.stdout.close()

    def _send(self, payload: dict[str, Any]) -> Future[dict[str, Any]]:
        reply: Future[dict[str, Any]] = Future()
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            self._replies[message_id] = reply
        message = base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8"))
        # Not under self._lock: a full pipe blocks this write until the service reads on,
        # and the service only reads on while the reader thread (which takes the lock) drains its replies.
        with self._write_lock:
            assert self._process.stdin is not None
            try:
                self._process.stdin.write(message + b",")
                self._process.stdin.flush()
            except OSError as exc:
                reply.set_exception(SearchIndexError(f"the search indexer (Pagefind) stopped: {exc}"))
        return reply

    def _read(self, stdout: IO[bytes]) -> None:
        buffer = b""
        while chunk := stdout.read1(1 << 16):  # type: ignore[attr-defined]
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                self._resolve(json.loads(base64.b64decode(message)))
        with self._lock:
            pending = [reply for reply in self._replies.values() if not reply.done()]
        for reply in pending:
            reply.set_exception(SearchIndexError("the search indexer (Pagefind) stopped before it answered"))

    def _resolve(self, response: dict[str, Any]) -> None:
        payload = response.get("payload") or {}
        message_id = response.get("message_id")
        if message_id is None and payload.get("original_message"):
            message_id = json.loads(payload["original_message"]).get("message_id")
        with self._lock:
            reply = self._replies.pop(message_id, None) if message_id is not None else None
        if reply is None:
            return
        if payload.get("type") == "Error":
            reply.set_exception(SearchIndexError(str(payload.get("message"))))
        else:
            reply.set_result(payload)

    def _wait(self, reply: Future[dict[str, Any]], what: str) -> dict[str, Any]:
        try:
            return reply.result(timeout=TIMEOUT_SECONDS)
        except TimeoutError:
            raise SearchIndexError(f"search index: {what}: no answer from Pagefind in {TIMEOUT_SECONDS} s") from None
        except SearchIndexError as exc:
            raise SearchIndexError(f"search index: {what}: {exc}") from None
