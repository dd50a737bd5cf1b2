"""Named entities: Arabic/English CRF tagging, gazetteer linking (ISO, GeoNames), name keys."""

from pipelines.enrich.entities.extract import Entity, Mention, extract_mentions

__all__ = ["Entity", "Mention", "extract_mentions"]
