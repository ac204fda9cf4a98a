-- Search vectors stored, and scoped by project (issue 4; docs/decisions/0202-search-vectors-and-two-strategies.md).
--
-- The GIN indexes of 0200 were on the expression to_tsvector('simple', search_tokens): GIN cannot
-- check a phrase (`<->`), so every candidate row was rechecked by re-parsing its search_tokens
-- (~16 µs a row); on 1 M tickets a common term (96 k matches) took 2.4 s. A stored vector makes the
-- recheck a read of the row's vector, and lets the list walk newest-first testing the vector per row.
--
-- The ticket's vector also carries one lexeme for its project, 'ǁp' || the project id without
-- hyphens, without a position: no query term can produce it (domain/search treats ǁ as a separator,
-- and the user's lexemes are bigrams, single characters and words), so it never changes what a
-- search matches. A search ANDs it with the caller's projects, so the GIN index collects only
-- matches the caller can see instead of every tenant's.
--
-- Adding a stored column rewrites both tables once (about a minute per million tickets, under the
-- migration's lock at start).
ALTER TABLE tickets
  ADD COLUMN search_vector tsvector NOT NULL GENERATED ALWAYS AS (
    to_tsvector('simple', search_tokens)
      || array_to_tsvector(ARRAY['ǁp' || replace(project_id::text, '-', '')])
  ) STORED;
ALTER TABLE ticket_comments
  ADD COLUMN search_vector tsvector NOT NULL GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED;

DROP INDEX tickets_search_idx;
DROP INDEX ticket_comments_search_idx;
CREATE INDEX tickets_search_idx ON tickets USING gin (search_vector);
CREATE INDEX ticket_comments_search_idx ON ticket_comments USING gin (search_vector);
