"""From a tagged span to an entity: gazetteer candidates (names matched by token forms), the context
rules that keep, retype, unlink or drop a linked place, and namesake resolution."""
