"""The offline copy: the finished site, made to work opened from a folder, zipped into the site.

No second build: the finish stage gives each finished page a second form, in
which every link to a folder names its ``index.html`` (a browser shows a
folder from ``file://`` as a file listing) and the Content-Security-Policy also
allows ``file:``. The site's own search (Pagefind) cannot run from ``file://``
(it loads WebAssembly and modules), so the copy's search page searches a
plain script of every searched page's text, ``OFFLINE_SEARCH_INDEX``.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

ZIP_PATH = "downloads/credential-guides-offline.zip"
"""Where the zip goes in the site, which the home page links."""
ZIP_FOLDER = "credential-guides"
"""The folder the zip unpacks into."""
OFFLINE_SEARCH_INDEX = "search/offline-index.js"
LEFT_OUT = ("pagefind/", "downloads/")
"""What the copy does without: the website's search index and the zip itself."""

_START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_FROM_ROOT = re.compile(r'((?:href|src)="|"search":\s*")/(?!/)(")?')
_ROOT_ITSELF = re.compile(r'("base":\s*"|__md_scope=new URL\(")/(")')
_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
_TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_NOT_TEXT = re.compile(r"<(script|style|select|textarea|button|noscript)\b.*?</\1>", re.S | re.I)
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|kbd|mark|small|span|strong|sub|sup)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def relative_from_root(html: str) -> str:
    """A page at the site's root with its addresses relative to it: engines write the 404 page's as
    "/assets/…" (links, and Material's base and search worker), which a copy opened from a folder
    resolves against the disk's root, where nothing is."""
    from_root = _FROM_ROOT.sub(lambda m: m.group(1) + ("./" + m.group(2) if m.group(2) else ""), html)
    return _ROOT_ITSELF.sub(r"\1.\2", from_root)


def folder_links_to_files(html: str) -> str:
    """Every relative link to a folder (``../guide/``, ``./``, ``?stack=…``) as a link to its ``index.html``."""

    def to_file(match: re.Match[str]) -> str:
        value = match.group(2)
        if not value or _SCHEME.match(value) or value.startswith(("/", "#")):
            return match.group(0)
        cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
        path, rest = value[:cut], value[cut:]
        if path == "" or path.endswith("/"):
            path += "index.html"
        elif path in (".", "..") or path.endswith(("/.", "/..")):
            path += "/index.html"
        else:
            return match.group(0)
        return f"{match.group(1)}{path}{rest}{match.group(3)}"

    return _START_TAG.sub(lambda tag: _LINK.sub(to_file, tag.group(0)), html)


def offline_page(html: str, path: str) -> str:
    """The page at ``path`` in the site, as the offline copy holds it (before its policy)."""
    if "/" not in path and path != "index.html":
        html = relative_from_root(html)  # 404.html: addresses from the root
    return folder_links_to_files(html)


def searched_text(html: str) -> tuple[str, str]:
    """A finished page's title and the text of its article, for the offline copy's search."""
    article = _ARTICLE.search(html)
    body = article.group(1) if article else ""
    title = _TITLE.search(body)

    def text(markup: str) -> str:
        words = _TAG.sub(" ", _INLINE_TAG.sub("", _NOT_TEXT.sub(" ", markup)))
        return _SPACE.sub(" ", html_lib.unescape(words)).strip()

    return (text(title.group(1)) if title else ""), text(body)


def search_script(documents: list[tuple[str, str, str]]) -> bytes:
    """The offline copy's search index: ``[address, title, text]`` of each page, as a classic script.

    A ``<`` cannot end the script: JSON escapes it, as the embedded records do."""
    text = json.dumps(documents, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.cgOfflineIndex = {text};\n".encode()


def write_zip(
    files: Mapping[str, Path | bytes], archive: Path, prefix: str, date_time: tuple[int, int, int, int, int, int]
) -> None:
    """Zip ``files`` (path in the zip -> a file or its bytes) under ``prefix`` with the same bytes for the same
    files: sorted, one time, one mode."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in sorted(files):
            entry = zipfile.ZipInfo(f"{prefix}/{name}", date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = files[name]
            zipped.writestr(entry, content if isinstance(content, bytes) else content.read_bytes())
