"""Stable article identity: canonical URLs, content hashes and the article id built from them."""

from __future__ import annotations

import hashlib
import ipaddress
import re
import unicodedata
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

URL_ID_PREFIX = "u_"
CONTENT_ID_PREFIX = "c_"
ID_HEX_CHARS = 20

_WEB_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = frozenset({80, 443})
TRACKING_PARAM_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "ns_")
TRACKING_PARAMS = frozenset(
    name
    for group in (
        "fbclid gclid gclsrc dclid msclkid yclid twclid ttclid",
        "mc_cid mc_eid igshid igsh ref ref_src ref_url referrer _ga _gl _hsenc _hsmi",
        "cmpid ocid spm scm smid sr_share at_medium at_campaign wt_mc icid ito ftag cid_source",
    )
    for name in group.split()
)
# RFC 3986 sub-delims plus ":" and "@" may stay literal inside a path segment.
_SAFE_PATH_SEGMENT_CHARS = "!$&'()*+,;=:@~"
_HOST_LABEL_RE = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")


def is_valid_url(url: str) -> bool:
    """True for an absolute http(s) URL with a plausible host."""
    return _canonical_host_and_port(url.strip()) is not None


def _ascii_host(host: str) -> str | None:
    host = host.rstrip(".").lower()
    if not host:
        return None
    try:
        address = ipaddress.ip_address(host)
        return f"[{address}]" if address.version == 6 else str(address)
    except ValueError:
        pass
    if not host.isascii():
        try:
            host = unicodedata.normalize("NFC", host).encode("idna").decode("ascii")
        except UnicodeError:
            return None
    labels = host.split(".")
    return host if all(_HOST_LABEL_RE.match(label) for label in labels) else None


def _canonical_host_and_port(url: str) -> tuple[str, str] | None:
    """Lower-case punycode host without "www." and the ":port" suffix ("" when default)."""
    if not url or any(char.isspace() for char in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.hostname:
        return None
    host = _ascii_host(parts.hostname)
    if host is None:
        return None
    host = host.removeprefix("www.")
    port_suffix = "" if port is None or port in _DEFAULT_PORTS else f":{port}"
    return host, port_suffix


def _normalize_path_segment(segment: str) -> str:
    # surrogateescape keeps bytes that are not UTF-8 (Latin-1 "%E9") exactly as they were.
    decoded = unquote(segment, errors="surrogateescape")
    return quote(decoded, safe=_SAFE_PATH_SEGMENT_CHARS, errors="surrogateescape")


def _normalize_path(path: str) -> str:
    segments: list[str] = []
    for segment in path.split("/")[1:]:
        if segment == "..":
            if segments:
                segments.pop()
        elif segment != ".":
            segments.append(_normalize_path_segment(segment))
    normalized = "/" + "/".join(segments)
    return normalized.rstrip("/") or "/"


def _is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PARAM_PREFIXES)


def _normalize_query(query: str) -> str:
    params = [
        (name, value)
        for name, value in parse_qsl(query, keep_blank_values=True)
        if not _is_tracking_param(name)
    ]
    return urlencode(sorted(params), quote_via=quote)


def canonical_url(url: str | None) -> str | None:
    """One spelling per article URL: https, bare lower-case host, clean path, no tracking."""
    if url is None:
        return None
    url = url.strip()
    host_and_port = _canonical_host_and_port(url)
    if host_and_port is None:
        return None
    host, port_suffix = host_and_port
    parts = urlsplit(url)
    query = _normalize_query(parts.query)
    canonical = f"https://{host}{port_suffix}{_normalize_path(parts.path or '/')}"
    return f"{canonical}?{query}" if query else canonical


def _normalize_for_hashing(body: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", body).casefold().split())


def content_hash(body: str) -> str:
    """sha256 hex of the body with case, compatibility forms and whitespace runs ignored."""
    return hashlib.sha256(_normalize_for_hashing(body).encode("utf-8")).hexdigest()


def make_article_id(canonical: str | None, body_hash: str) -> str:
    """Return "u_" + a hash of the canonical URL when there is one, else "c_" + content hash."""
    if canonical:
        url_hash = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        return URL_ID_PREFIX + url_hash[:ID_HEX_CHARS]
    return CONTENT_ID_PREFIX + body_hash[:ID_HEX_CHARS]
