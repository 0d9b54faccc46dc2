-- Keyword search in Chinese on both backends. The trigram index of 0020 serves words of three or
-- more characters only where the database's locale counts CJK characters as word characters
-- (not in PGlite's C locale), and never two-character words (低保, 出生, 社保). Every pair of
-- adjacent characters of `search_text` is indexed instead: a query word's pairs must all be there
-- (the GIN index finds the candidates), and the LIKE on `search_text` confirms the word itself.
-- The query side calls the same function on the word (src/catalogue/search.ts).
CREATE FUNCTION catalogue_bigrams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(DISTINCT pair), '{}')
    FROM (SELECT substr(t, i, 2) AS pair FROM generate_series(1, char_length(t) - 1) AS i) AS pairs
    WHERE pair NOT LIKE '% %'
  $$;

CREATE INDEX catalogue_item_versions_bigrams_idx ON catalogue_item_versions
  USING gin (catalogue_bigrams(search_text)) WHERE state = 'published';
