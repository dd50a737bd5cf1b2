"""Named entities: Arabic/English CRF tagging, gazetteer linking (ISO, GeoNames), name keys.

The stage's entry point: the mentions of texts and the versions they depend on. Their Arrow
tables are in `batch` (imported on its own: pyarrow must not load in the worker pool's fork
server, which imports this package). Subpackages, by kind: `names/` (text forms, gazetteer,
crosswalk), `tagging/` (features, CRF decoding, document propagation), `linking/` (candidates,
context rules), `build/` (`make model` only, never imported at run time).
"""

from pipelines.enrich.entities.extract import extract_mentions, extract_texts
from pipelines.enrich.entities.mentions import Entity, Mention
from pipelines.enrich.entities.versions import current_versions, enrichment_version

__all__ = [
    "Entity",
    "Mention",
    "current_versions",
    "enrichment_version",
    "extract_mentions",
    "extract_texts",
]
