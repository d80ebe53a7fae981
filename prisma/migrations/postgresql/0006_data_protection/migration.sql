-- Issue 14's data-protection schema (Delivery.withheldEvents, AuditEntry, ErasureSuppression,
-- RetentionPurge) reached PostgreSQL in 0005_sessions_tokens_sign_in_delay: two schema edits
-- met while that migration was written, and its PostgreSQL half was diffed after this edit
-- while its SQLite half was diffed before. Committed migrations are never edited, so the
-- SQLite half of this migration creates them and this half has nothing left to do.
SELECT 1;
