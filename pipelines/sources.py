"""Sources as entities: which outlet an article comes from, whatever the dump calls it.

`gulf-daily`, `Gulf Daily` and `https://www.gulf-daily.example/...` are one outlet. An outlet's
`source_id` is its registrable domain (`alwatan.com.sa`); the registry `data/sources.tsv` names the
known outlets, their other domains and the spellings dumps use. Resolution, first match wins:

1. the URL's host is (a subdomain of) a registered domain;
2. the declared source is a registered alias, or a registered domain written as the source;
3. the URL's registrable domain (public suffix list, via `tld`), else its host without `www.`;
4. the declared source read as a domain, else folded to a slug (`Some Paper` -> `some-paper`);
5. `unknown`.

The URL comes first because it names the site that published the page; a declared name can be a
wire agency or a loose spelling.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from tld import get_fld

from pipelines import arabic

REGISTRY = Path(__file__).resolve().parent / "data" / "sources.tsv"
UNKNOWN = "unknown"
DOMAIN = re.compile(r"\A(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]\Z")
# Arabic diacritics and tatweel do not make another name.
MARKS = re.compile(f"[{arabic.MARKS}{arabic.TATWEEL}]")
SEPARATORS = re.compile(r"[^\w]+|_+")


@dataclass(frozen=True)
class Outlet:
    """One known outlet of the registry."""

    source_id: str
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    language: str | None
    country_code: str | None


@dataclass(frozen=True)
class Registry:
    """The known outlets, indexed by domain and by folded alias."""

    outlets: dict[str, Outlet]
    by_domain: dict[str, str]
    by_alias: dict[str, str]

    def outlet_of_host(self, host: str) -> str | None:
        """The registered outlet whose domain is `host` or a parent of it."""
        labels = host.split(".")
        for start in range(len(labels) - 1):
            found = self.by_domain.get(".".join(labels[start:]))
            if found:
                return found
        return None


def fold_name(text: str) -> str:
    """A source name folded for matching: NFKC, case, Arabic marks, separators as `-`."""
    folded = MARKS.sub("", unicodedata.normalize("NFKC", text).casefold())
    return SEPARATORS.sub("-", folded).strip("-")


def host_of(url: str | None) -> str | None:
    """The URL's host, lower-cased, without `www.` and port; None when it has none."""
    if not url or "://" not in url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return _strip_www(host.rstrip(".")) if host else None


def registrable_domain(host: str) -> str:
    """`news.alwatan.com.sa` -> `alwatan.com.sa`; a host under an unknown suffix stays whole."""
    found = get_fld(host, fix_protocol=True, fail_silently=True)
    return _strip_www(str(found)) if found else host


def parse_registry(text: str) -> Registry:
    """The registry from the text of a `sources.tsv`; a duplicate domain or alias raises."""
    outlets: dict[str, Outlet] = {}
    by_domain: dict[str, str] = {}
    by_alias: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [*line.split("\t"), "", "", "", "", ""][:6]
        source_id, name, domains, aliases, language, country = (f.strip() for f in fields)
        if not DOMAIN.match(source_id) or not name:
            raise ValueError(f"sources.tsv line {number}: needs a domain as id and a name")
        outlet = Outlet(
            source_id,
            name,
            (source_id, *domains.split()),
            tuple(a.strip() for a in aliases.split("|") if a.strip()),
            language or None,
            country or None,
        )
        outlets[source_id] = outlet
        for key, index in [(d, by_domain) for d in outlet.domains] + [
            (fold_name(a), by_alias) for a in (*outlet.aliases, name)
        ]:
            if index.setdefault(key, source_id) != source_id:
                raise ValueError(f"sources.tsv line {number}: {key!r} belongs to {index[key]}")
    return Registry(outlets, by_domain, by_alias)


@cache
def load_registry(path: Path = REGISTRY) -> Registry:
    """The registry file, parsed once per process."""
    return parse_registry(path.read_text(encoding="utf-8"))


def resolve(source: str | None, host: str | None, registry: Registry | None = None) -> str:
    """The source_id of an article declared as `source`, published under `host`."""
    registry = registry or load_registry()
    host = _strip_www(host.strip().lower().rstrip(".")) if host and host.strip() else None
    if host and (found := registry.outlet_of_host(host)):
        return found
    declared = (source or "").strip()
    as_domain = _strip_www(declared.lower().rstrip("."))
    if declared and DOMAIN.match(as_domain) and (found := registry.outlet_of_host(as_domain)):
        return found
    if declared and (found := registry.by_alias.get(fold_name(declared))):
        return found
    if host:
        return registrable_domain(host)
    if declared and DOMAIN.match(as_domain):
        return registrable_domain(as_domain)
    return fold_name(declared) or UNKNOWN


def source_id(source: str | None, url: str | None) -> str:
    """The outlet id of an article: see the module docstring for the order of evidence."""
    return resolve(source, host_of(url))


def describe(source_id_: str, registry: Registry | None = None) -> Outlet:
    """The registered outlet, or a bare one named after its id (language and country unknown)."""
    registry = registry or load_registry()
    name = "Unknown (no source, no URL)" if source_id_ == UNKNOWN else source_id_
    return registry.outlets.get(source_id_) or Outlet(source_id_, name, (), (), None, None)


def _strip_www(host: str) -> str:
    return host[4:] if host.startswith("www.") else host
