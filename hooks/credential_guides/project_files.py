"""What the build may read and publish: the project's own files, and none that can run script on the site.

A district's repository is edited by many hands and merged from pull
requests. A symbolic link to a file outside the repository (``/etc/passwd``,
the CI job's ``.git/config``) would be read as data or published as a page's
file; an HTML page or an SVG picture with a script under ``docs/``, served
from the site's origin, could read every answer a teacher saved. Both are
refused, each with the file it concerns.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

PAGES_THAT_RUN_SCRIPT = (".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt", ".svgz", ".mht")
"""Files a browser would open as a document of the site's origin, able to run script; refused in docs/."""

_SVG_SCRIPT_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
_SVG_LINKS = {"href", "{http://www.w3.org/1999/xlink}href"}
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)


def outside_project(path: Path, root: Path) -> str | None:
    """Why ``path`` may not be read: a symbolic link (of it or a folder above it) leads out of ``root``."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return "expected a file inside the project, found a symbolic link that leads nowhere"
    if target.is_relative_to(root.resolve()):
        return None
    return f"expected a file inside the project, found a symbolic link to {target}, which is outside it"


def script_in_published_file(path: Path) -> str | None:
    """Why ``path``, a file of ``docs/``, may not be published: a browser would run script in it."""
    suffix = path.suffix.lower()
    if suffix in PAGES_THAT_RUN_SCRIPT:
        return (
            f"expected Markdown pages (.md) and files that run no script, found a {suffix} file, which the "
            "browser would open as a page of this site without its Content-Security-Policy; "
            "write it as a Markdown page instead"
        )
    if suffix == ".svg":
        return _script_in_svg(path.read_bytes())
    return None


def _script_in_svg(data: bytes) -> str | None:
    expected = "expected an SVG picture without script, links or declarations"
    if _DECLARATION.search(data):
        return f"{expected}, found a <!DOCTYPE> or <!ENTITY>"
    try:
        root = etree.fromstring(data)
    except etree.ParseError as exc:
        return f"expected an SVG picture (XML), found a file that does not parse: {exc}"
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
        if name in _SVG_SCRIPT_ELEMENTS:
            return f"{expected}, found a <{name}> element"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"{expected}, found the event attribute {local}= on <{name}>"
            if attribute in _SVG_LINKS and not value.strip().startswith("#"):
                return f"{expected}, found a link to {value.strip()[:80]!r} on <{name}>"
        if name == "style" and element.text and ("url(" in element.text or "@import" in element.text):
            return f"{expected}, found a style that loads an address"
    return None
