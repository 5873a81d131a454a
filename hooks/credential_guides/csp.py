"""A Content-Security-Policy in every page, so the browser itself keeps what an educator types on the device.

The policy is written into the page as ``<meta http-equiv>`` (GitHub Pages sets
no headers): scripts, styles, fonts, images and connections come from the site
only; the inline scripts and styles the build wrote are allowed by their hash,
anything else inline (markup from data that escaped escaping) is not run; forms
cannot be sent anywhere. ``frame-ancestors`` and reporting cannot be set from a
meta tag; browsers still fire ``securitypolicyviolation`` events, which the
browser tests listen for.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re

_HEAD_START = re.compile(r"<head>\s*(<meta charset=[^>]*>)?", re.I)
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
_STYLE_ATTRIBUTE = re.compile(r"""<[a-z][^>]*?\sstyle=(?:"([^"]*)"|'([^']*)')""", re.I)
_SCRIPT_SRC = re.compile(r"\ssrc=", re.I)
_SCRIPT_TYPE = re.compile(r"""\stype=["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def with_content_security_policy(html: str, *, webassembly: bool = False, local_files: bool = False) -> str:
    """``html`` with a CSP meta tag first in its head; ``webassembly`` for the page that runs Pagefind,
    ``local_files`` for the offline copy (see ``policy_for``)."""
    match = _HEAD_START.search(html)
    if not match:
        return html
    policy = policy_for(html, webassembly=webassembly, local_files=local_files)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return f"{html[: match.end()]}\n{meta}{html[match.end() :]}"


def policy_for(html: str, *, webassembly: bool = False, local_files: bool = False) -> str:
    """The policy for ``html``. ``local_files``: the offline copy, opened from ``file://``, where some
    browsers (Firefox) give every file its own origin, so 'self' would not cover the copy's other files;
    ``file:`` does, and still lets nothing reach the network."""
    scripts = [body for attributes, body in _INLINE_SCRIPT.findall(html) if _executable(attributes)]
    styles = _STYLE_ELEMENT.findall(html)
    style_attributes = [html_lib.unescape(double or single) for double, single in _STYLE_ATTRIBUTE.findall(html)]
    own = ["'self'", "file:"] if local_files else ["'self'"]
    script_src = [*own, *(["'wasm-unsafe-eval'"] if webassembly else []), *_hashes(scripts)]
    style_src = [*own, *_hashes(styles)]
    if style_attributes:
        style_src += ["'unsafe-hashes'", *_hashes(style_attributes)]
    directives = [
        f"default-src {' '.join(own)}",
        f"script-src {' '.join(script_src)}",
        f"style-src {' '.join(style_src)}",
        f"img-src {' '.join(own)} data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    return "; ".join(directives)


def _executable(attributes: str) -> bool:
    if _SCRIPT_SRC.search(attributes):
        return False
    kind = _SCRIPT_TYPE.search(attributes)
    return (kind.group(1).lower() if kind else "") in _EXECUTABLE_TYPES


def _hashes(sources: list[str]) -> list[str]:
    unique = dict.fromkeys(sources)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode('ascii')}'" for s in unique]
