SELECT article_id, other_article_id FROM candidate_pairs ORDER BY ALL
