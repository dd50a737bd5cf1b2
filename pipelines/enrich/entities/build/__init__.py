"""Build time only (`make model`): training the taggers, reading labelled corpora, building
the gazetteer and the crosswalk. Nothing at run time imports this package."""
