"""Spans and types: CRF features and decoding, the organisation rules that add spans, one
sense per document, and the word shapes the linking rules read off the tags."""
