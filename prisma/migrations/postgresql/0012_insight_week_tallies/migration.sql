-- CreateTable
CREATE TABLE "InsightTally" (
    "jobKey" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "flagged" BOOLEAN NOT NULL,
    "scoreBin" INTEGER NOT NULL,
    "markPercent" DOUBLE PRECISION NOT NULL,
    "durationBin" INTEGER NOT NULL,
    "shard" INTEGER NOT NULL,
    "results" INTEGER NOT NULL DEFAULT 0,
    "aboveMark" INTEGER NOT NULL DEFAULT 0,
    "durationSum" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "InsightTally_pkey" PRIMARY KEY ("jobKey","assessmentId","status","verdict","flagged","scoreBin","markPercent","durationBin","shard")
);

-- CreateTable
CREATE TABLE "WeekTally" (
    "jobKey" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "flagged" BOOLEAN NOT NULL,
    "shard" INTEGER NOT NULL,
    "results" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WeekTally_pkey" PRIMARY KEY ("jobKey","week","assessmentId","status","verdict","flagged","shard")
);

-- CreateIndex
CREATE INDEX "WeekTally_week_idx" ON "WeekTally"("week");


-- Written by hand after `npm run db:migration` (issues 11 and 15): InsightTally and WeekTally
-- are kept by triggers on Attempt, as ResultTally is (0008). A result's cells are worked out
-- once, by the two functions below; the triggers add a result to its cells or take it out, in
-- the rows of this connection's shard, so concurrent appliers never wait on one another here.

CREATE FUNCTION "AttemptInsightCell"(a "Attempt")
RETURNS TABLE ("jobKey" TEXT, "assessmentId" TEXT, "status" TEXT, "verdict" TEXT, "flagged" BOOLEAN,
               "scoreBin" INTEGER, "markPercent" DOUBLE PRECISION, "durationBin" INTEGER,
               "aboveMark" INTEGER, "duration" DOUBLE PRECISION)
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(a."jobId", ''), a."assessmentId", a."status",
           CASE a."passed" WHEN true THEN 'passed' WHEN false THEN 'failed' ELSE '' END,
           a."integrityFlagged",
           -- SCORE_BIN_COUNT bins of ten points of percent (lib/shared/insights/score-bins.ts);
           -- a full score falls in the top one.
           CASE WHEN a."score" IS NOT NULL AND a."maxScore" > 0
                THEN greatest(0, least(9, floor(a."score" * 10.0 / a."maxScore")))::integer ELSE -1 END,
           CASE WHEN a."score" IS NOT NULL AND a."maxScore" > 0 AND a."passMark" IS NOT NULL
                THEN a."passMark" * 100.0 / a."maxScore" ELSE -1 END,
           -- DURATION_BIN_LIMITS_MINUTES: under 15, 30, 45, 60, 90 and 120 minutes, then the rest.
           CASE WHEN a."durationSeconds" IS NULL THEN -1
                WHEN a."durationSeconds" < 900 THEN 0 WHEN a."durationSeconds" < 1800 THEN 1
                WHEN a."durationSeconds" < 2700 THEN 2 WHEN a."durationSeconds" < 3600 THEN 3
                WHEN a."durationSeconds" < 5400 THEN 4 WHEN a."durationSeconds" < 7200 THEN 5 ELSE 6 END,
           CASE WHEN a."score" IS NOT NULL AND a."maxScore" > 0 AND a."passMark" IS NOT NULL
                 AND a."score" >= a."passMark" THEN 1 ELSE 0 END,
           coalesce(a."durationSeconds", 0)::double precision
$$;

-- Monday (UTC) of the week submitted: the same calendar weeks as lib/shared/insights/weeks.ts.
CREATE FUNCTION "AttemptWeekCell"(a "Attempt")
RETURNS TABLE ("jobKey" TEXT, "week" TEXT, "assessmentId" TEXT, "status" TEXT, "verdict" TEXT, "flagged" BOOLEAN)
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(a."jobId", ''), to_char(date_trunc('week', a."submittedAt"), 'YYYY-MM-DD'),
           a."assessmentId", a."status",
           CASE a."passed" WHEN true THEN 'passed' WHEN false THEN 'failed' ELSE '' END,
           a."integrityFlagged"
    WHERE a."submittedAt" IS NOT NULL
$$;

CREATE FUNCTION "InsightTallies_add"(a "Attempt", sign INTEGER) RETURNS void LANGUAGE sql AS $$
    INSERT INTO "InsightTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard", "results", "aboveMark", "durationSum")
    SELECT c."jobKey", c."assessmentId", c."status", c."verdict", c."flagged", c."scoreBin", c."markPercent", c."durationBin",
           pg_backend_pid() % 64, sign, sign * c."aboveMark", sign * c."duration"
    FROM "AttemptInsightCell"(a) c
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard") DO UPDATE SET
        "results" = "InsightTally"."results" + excluded."results",
        "aboveMark" = "InsightTally"."aboveMark" + excluded."aboveMark",
        "durationSum" = "InsightTally"."durationSum" + excluded."durationSum";
    INSERT INTO "WeekTally" ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard", "results")
    SELECT c."jobKey", c."week", c."assessmentId", c."status", c."verdict", c."flagged", pg_backend_pid() % 64, sign
    FROM "AttemptWeekCell"(a) c
    ON CONFLICT ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET
        "results" = "WeekTally"."results" + excluded."results";
$$;

-- Counts both tallies again from the results (into shard 0): here for the results already
-- there, and after a bulk load that ran with the triggers disabled.
CREATE FUNCTION "InsightTallies_rebuild"() RETURNS void LANGUAGE sql AS $$
    DELETE FROM "InsightTally";
    DELETE FROM "WeekTally";
    INSERT INTO "InsightTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard", "results", "aboveMark", "durationSum")
    SELECT c."jobKey", c."assessmentId", c."status", c."verdict", c."flagged", c."scoreBin", c."markPercent", c."durationBin",
           0, count(*), sum(c."aboveMark"), sum(c."duration")
    FROM "Attempt" a CROSS JOIN LATERAL "AttemptInsightCell"(a) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
    INSERT INTO "WeekTally" ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard", "results")
    SELECT c."jobKey", c."week", c."assessmentId", c."status", c."verdict", c."flagged", 0, count(*)
    FROM "Attempt" a CROSS JOIN LATERAL "AttemptWeekCell"(a) c
    GROUP BY 1, 2, 3, 4, 5, 6;
$$;

SELECT "InsightTallies_rebuild"();

-- One trigger for both tallies: a change to a column either reads moves the result between
-- cells of both (a move within one cell adds and takes away the same count).
CREATE FUNCTION "Attempt_insight_tallies"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM "InsightTallies_add"(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM "InsightTallies_add"(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Attempt_insight_tallies_insert_delete" AFTER INSERT OR DELETE ON "Attempt"
    FOR EACH ROW EXECUTE FUNCTION "Attempt_insight_tallies"();

CREATE TRIGGER "Attempt_insight_tallies_update"
    AFTER UPDATE OF "jobId", "assessmentId", "status", "passed", "integrityFlagged", "score", "maxScore", "passMark",
                    "durationSeconds", "submittedAt" ON "Attempt"
    FOR EACH ROW
    WHEN (OLD."jobId" IS DISTINCT FROM NEW."jobId" OR OLD."assessmentId" IS DISTINCT FROM NEW."assessmentId"
       OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."passed" IS DISTINCT FROM NEW."passed"
       OR OLD."integrityFlagged" IS DISTINCT FROM NEW."integrityFlagged" OR OLD."score" IS DISTINCT FROM NEW."score"
       OR OLD."maxScore" IS DISTINCT FROM NEW."maxScore" OR OLD."passMark" IS DISTINCT FROM NEW."passMark"
       OR OLD."durationSeconds" IS DISTINCT FROM NEW."durationSeconds" OR OLD."submittedAt" IS DISTINCT FROM NEW."submittedAt")
    EXECUTE FUNCTION "Attempt_insight_tallies"();
