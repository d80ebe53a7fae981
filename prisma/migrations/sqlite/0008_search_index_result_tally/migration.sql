-- Written by hand after `npm run db:migration` (issue 15): the schema's CandidateSearch model is
-- not a table here but an FTS5 index, and ResultTally is kept by triggers on Attempt.

-- Search index: trigram FTS5 over "name<LF>email", so MATCH and LIKE '%…%' (three characters or
-- more) find any substring through the index. External content: the text lives in Candidate
-- only (read through the view), the index holds trigrams and rowids. secure-delete removes a
-- deleted candidate's trigrams from the index at once instead of leaving them until a merge,
-- so an erasure leaves no trace in the shadow tables. Keyed by Candidate's rowid: nothing here
-- runs VACUUM (which may renumber rowids of a table without an INTEGER PRIMARY KEY); after one,
-- rebuild with INSERT INTO "CandidateSearch"("CandidateSearch") VALUES ('rebuild').
CREATE VIEW "CandidateSearchSource" AS
    SELECT rowid AS "candidateRowid", "id" AS "candidateId", "name" || char(10) || "email" AS "text"
    FROM "Candidate";

CREATE VIRTUAL TABLE "CandidateSearch" USING fts5(
    "candidateId" UNINDEXED,
    "text",
    content = 'CandidateSearchSource',
    content_rowid = 'candidateRowid',
    tokenize = 'trigram'
);

INSERT INTO "CandidateSearch"("CandidateSearch", rank) VALUES ('secure-delete', 1);
INSERT INTO "CandidateSearch"("CandidateSearch") VALUES ('rebuild');

CREATE TRIGGER "Candidate_search_insert" AFTER INSERT ON "Candidate" BEGIN
    INSERT INTO "CandidateSearch"(rowid, "candidateId", "text")
    VALUES (NEW.rowid, NEW."id", NEW."name" || char(10) || NEW."email");
END;

CREATE TRIGGER "Candidate_search_delete" AFTER DELETE ON "Candidate" BEGIN
    INSERT INTO "CandidateSearch"("CandidateSearch", rowid, "candidateId", "text")
    VALUES ('delete', OLD.rowid, OLD."id", OLD."name" || char(10) || OLD."email");
END;

CREATE TRIGGER "Candidate_search_update" AFTER UPDATE OF "id", "name", "email" ON "Candidate"
WHEN OLD."id" IS NOT NEW."id" OR OLD."name" IS NOT NEW."name" OR OLD."email" IS NOT NEW."email" BEGIN
    INSERT INTO "CandidateSearch"("CandidateSearch", rowid, "candidateId", "text")
    VALUES ('delete', OLD.rowid, OLD."id", OLD."name" || char(10) || OLD."email");
    INSERT INTO "CandidateSearch"(rowid, "candidateId", "text")
    VALUES (NEW.rowid, NEW."id", NEW."name" || char(10) || NEW."email");
END;

-- CreateTable
CREATE TABLE "ResultTally" (
    "jobKey" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "flagged" BOOLEAN NOT NULL,
    "shard" INTEGER NOT NULL,
    "results" INTEGER NOT NULL DEFAULT 0,
    "scored" INTEGER NOT NULL DEFAULT 0,
    "percentSum" REAL NOT NULL DEFAULT 0,

    PRIMARY KEY ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard")
);

-- The tally of the results already there.
INSERT INTO "ResultTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard", "results", "scored", "percentSum")
SELECT coalesce("jobId", ''), "assessmentId", "status",
       CASE "passed" WHEN 1 THEN 'passed' WHEN 0 THEN 'failed' ELSE '' END,
       "integrityFlagged", 0, count(*),
       sum(CASE WHEN "score" IS NOT NULL AND "maxScore" > 0 THEN 1 ELSE 0 END),
       coalesce(sum(CASE WHEN "score" IS NOT NULL AND "maxScore" > 0 THEN "score" * 100.0 / "maxScore" END), 0)
FROM "Attempt"
GROUP BY 1, 2, 3, 4, 5;

-- One result joins its cell (sign 1) or leaves it (sign -1). SQLite has one writer: shard 0.
CREATE TRIGGER "Attempt_tally_insert" AFTER INSERT ON "Attempt" BEGIN
    INSERT INTO "ResultTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard", "results", "scored", "percentSum")
    VALUES (coalesce(NEW."jobId", ''), NEW."assessmentId", NEW."status",
            CASE NEW."passed" WHEN 1 THEN 'passed' WHEN 0 THEN 'failed' ELSE '' END,
            NEW."integrityFlagged", 0, 1,
            CASE WHEN NEW."score" IS NOT NULL AND NEW."maxScore" > 0 THEN 1 ELSE 0 END,
            CASE WHEN NEW."score" IS NOT NULL AND NEW."maxScore" > 0 THEN NEW."score" * 100.0 / NEW."maxScore" ELSE 0 END)
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET
        "results" = "results" + excluded."results",
        "scored" = "scored" + excluded."scored",
        "percentSum" = "percentSum" + excluded."percentSum";
END;

CREATE TRIGGER "Attempt_tally_delete" AFTER DELETE ON "Attempt" BEGIN
    INSERT INTO "ResultTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard", "results", "scored", "percentSum")
    VALUES (coalesce(OLD."jobId", ''), OLD."assessmentId", OLD."status",
            CASE OLD."passed" WHEN 1 THEN 'passed' WHEN 0 THEN 'failed' ELSE '' END,
            OLD."integrityFlagged", 0, -1,
            CASE WHEN OLD."score" IS NOT NULL AND OLD."maxScore" > 0 THEN -1 ELSE 0 END,
            CASE WHEN OLD."score" IS NOT NULL AND OLD."maxScore" > 0 THEN -(OLD."score" * 100.0 / OLD."maxScore") ELSE 0 END)
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET
        "results" = "results" + excluded."results",
        "scored" = "scored" + excluded."scored",
        "percentSum" = "percentSum" + excluded."percentSum";
END;

CREATE TRIGGER "Attempt_tally_update" AFTER UPDATE OF "jobId", "assessmentId", "status", "passed", "integrityFlagged", "score", "maxScore" ON "Attempt"
WHEN OLD."jobId" IS NOT NEW."jobId" OR OLD."assessmentId" IS NOT NEW."assessmentId" OR OLD."status" IS NOT NEW."status"
  OR OLD."passed" IS NOT NEW."passed" OR OLD."integrityFlagged" IS NOT NEW."integrityFlagged"
  OR OLD."score" IS NOT NEW."score" OR OLD."maxScore" IS NOT NEW."maxScore" BEGIN
    INSERT INTO "ResultTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard", "results", "scored", "percentSum")
    VALUES (coalesce(OLD."jobId", ''), OLD."assessmentId", OLD."status",
            CASE OLD."passed" WHEN 1 THEN 'passed' WHEN 0 THEN 'failed' ELSE '' END,
            OLD."integrityFlagged", 0, -1,
            CASE WHEN OLD."score" IS NOT NULL AND OLD."maxScore" > 0 THEN -1 ELSE 0 END,
            CASE WHEN OLD."score" IS NOT NULL AND OLD."maxScore" > 0 THEN -(OLD."score" * 100.0 / OLD."maxScore") ELSE 0 END)
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET
        "results" = "results" + excluded."results",
        "scored" = "scored" + excluded."scored",
        "percentSum" = "percentSum" + excluded."percentSum";
    INSERT INTO "ResultTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard", "results", "scored", "percentSum")
    VALUES (coalesce(NEW."jobId", ''), NEW."assessmentId", NEW."status",
            CASE NEW."passed" WHEN 1 THEN 'passed' WHEN 0 THEN 'failed' ELSE '' END,
            NEW."integrityFlagged", 0, 1,
            CASE WHEN NEW."score" IS NOT NULL AND NEW."maxScore" > 0 THEN 1 ELSE 0 END,
            CASE WHEN NEW."score" IS NOT NULL AND NEW."maxScore" > 0 THEN NEW."score" * 100.0 / NEW."maxScore" ELSE 0 END)
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET
        "results" = "results" + excluded."results",
        "scored" = "scored" + excluded."scored",
        "percentSum" = "percentSum" + excluded."percentSum";
END;
