-- Written by hand after `npm run db:migration` (issue 15): the schema's CandidateSearch model is
-- not a table here but a view whose expression a pg_trgm GIN index serves, and ResultTally is
-- kept by triggers on Attempt.

-- Search: ILIKE '%…%' on the view's "text" is ILIKE on the indexed expression, so any
-- substring of three characters or more is found through the trigram index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE VIEW "CandidateSearch" AS
    SELECT "id" AS "candidateId", "name" || E'\n' || "email" AS "text"
    FROM "Candidate";

CREATE INDEX "Candidate_search_trgm_idx" ON "Candidate" USING GIN (("name" || E'\n' || "email") gin_trgm_ops);

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
    "percentSum" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "ResultTally_pkey" PRIMARY KEY ("jobKey","assessmentId","status","verdict","flagged","shard")
);

-- The tally of the results already there.
INSERT INTO "ResultTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard", "results", "scored", "percentSum")
SELECT coalesce("jobId", ''), "assessmentId", "status",
       CASE "passed" WHEN true THEN 'passed' WHEN false THEN 'failed' ELSE '' END,
       "integrityFlagged", 0, count(*),
       count(*) FILTER (WHERE "score" IS NOT NULL AND "maxScore" > 0),
       coalesce(sum("score" * 100.0 / "maxScore") FILTER (WHERE "score" IS NOT NULL AND "maxScore" > 0), 0)
FROM "Attempt"
GROUP BY 1, 2, 3, 4, 5;

-- One result joins its cell (sign 1) or leaves it (sign -1), in the rows of this connection's
-- shard: concurrent appliers on other connections add to rows of their own and never wait here.
CREATE FUNCTION "ResultTally_add"(job TEXT, assessment TEXT, status TEXT, passed BOOLEAN, flagged BOOLEAN,
                                  score DOUBLE PRECISION, max_score DOUBLE PRECISION, sign INTEGER)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO "ResultTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard", "results", "scored", "percentSum")
    VALUES (coalesce(job, ''), assessment, status,
            CASE passed WHEN true THEN 'passed' WHEN false THEN 'failed' ELSE '' END,
            flagged, pg_backend_pid() % 64, sign,
            CASE WHEN score IS NOT NULL AND max_score > 0 THEN sign ELSE 0 END,
            CASE WHEN score IS NOT NULL AND max_score > 0 THEN sign * score * 100.0 / max_score ELSE 0 END)
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET
        "results" = "ResultTally"."results" + excluded."results",
        "scored" = "ResultTally"."scored" + excluded."scored",
        "percentSum" = "ResultTally"."percentSum" + excluded."percentSum";
$$;

CREATE FUNCTION "Attempt_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM "ResultTally_add"(OLD."jobId", OLD."assessmentId", OLD."status", OLD."passed",
                                  OLD."integrityFlagged", OLD."score", OLD."maxScore", -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM "ResultTally_add"(NEW."jobId", NEW."assessmentId", NEW."status", NEW."passed",
                                  NEW."integrityFlagged", NEW."score", NEW."maxScore", 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Attempt_tally_insert_delete" AFTER INSERT OR DELETE ON "Attempt"
    FOR EACH ROW EXECUTE FUNCTION "Attempt_tally"();

CREATE TRIGGER "Attempt_tally_update"
    AFTER UPDATE OF "jobId", "assessmentId", "status", "passed", "integrityFlagged", "score", "maxScore" ON "Attempt"
    FOR EACH ROW
    WHEN (OLD."jobId" IS DISTINCT FROM NEW."jobId" OR OLD."assessmentId" IS DISTINCT FROM NEW."assessmentId"
       OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."passed" IS DISTINCT FROM NEW."passed"
       OR OLD."integrityFlagged" IS DISTINCT FROM NEW."integrityFlagged"
       OR OLD."score" IS DISTINCT FROM NEW."score" OR OLD."maxScore" IS DISTINCT FROM NEW."maxScore")
    EXECUTE FUNCTION "Attempt_tally"();
