"""From a tagged span to an entity: gazetteer candidates (Aho-Corasick matching), the context
rules that keep, retype, unlink or drop a linked place, and namesake resolution."""
