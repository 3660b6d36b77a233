-- pg_trgm backs fuzzy search of Chinese names and addresses. It is a trusted extension (PostgreSQL 13+),
-- so the application's own database owner may create it; PGlite loads it from its contrib bundle.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
