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


-- Written by hand after `npm run db:migration` (issues 11 and 15). InsightTally and WeekTally
-- are kept by triggers on Attempt, as ResultTally is (0008), and ResultTally's triggers move to
-- the same design: statement-level triggers with transition tables, adding each statement's
-- changes to a cell in one write. 0008's row triggers updated the same cell once per row, and
-- PostgreSQL keeps a row version per update until the transaction ends, so a batch of 500
-- results in one job walked ever longer version chains (a micro-benchmark measured about
-- 350 µs a row per tally on this machine; once per statement it is a few µs a row).

DROP TRIGGER "Attempt_tally_insert_delete" ON "Attempt";
DROP TRIGGER "Attempt_tally_update" ON "Attempt";
DROP FUNCTION "Attempt_tally"();
DROP FUNCTION "ResultTally_add"(TEXT, TEXT, TEXT, BOOLEAN, BOOLEAN, DOUBLE PRECISION, DOUBLE PRECISION, INTEGER);

-- A result's cell in each tally, worked out once here.
CREATE FUNCTION "AttemptResultCell"(a "Attempt")
RETURNS TABLE ("jobKey" TEXT, "assessmentId" TEXT, "status" TEXT, "verdict" TEXT, "flagged" BOOLEAN,
               "scored" INTEGER, "percent" DOUBLE PRECISION)
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(a."jobId", ''), a."assessmentId", a."status",
           CASE a."passed" WHEN true THEN 'passed' WHEN false THEN 'failed' ELSE '' END,
           a."integrityFlagged",
           CASE WHEN a."score" IS NOT NULL AND a."maxScore" > 0 THEN 1 ELSE 0 END,
           CASE WHEN a."score" IS NOT NULL AND a."maxScore" > 0 THEN a."score" * 100.0 / a."maxScore" ELSE 0 END
$$;

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

-- Takes `leaving` out of their cells and adds `joining` to theirs, one write per cell touched,
-- in the rows of this connection's shard (pg_backend_pid() % 64): concurrent appliers on other
-- connections add to rows of their own and never wait here. A cell a change leaves as it was
-- (the same result leaving and joining it) is not written.
CREATE FUNCTION "Tallies_move"(leaving "Attempt"[], joining "Attempt"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ResultTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard", "results", "scored", "percentSum")
    SELECT c."jobKey", c."assessmentId", c."status", c."verdict", c."flagged", pg_backend_pid() % 64,
           sum(m.sign), sum(m.sign * c."scored"), sum(m.sign * c."percent")
    FROM (SELECT l AS a, -1 AS sign FROM unnest(leaving) l UNION ALL SELECT j, 1 FROM unnest(joining) j) m
    CROSS JOIN LATERAL "AttemptResultCell"(m.a) c
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(m.sign) <> 0 OR sum(m.sign * c."scored") <> 0 OR sum(m.sign * c."percent") <> 0
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET
        "results" = "ResultTally"."results" + excluded."results",
        "scored" = "ResultTally"."scored" + excluded."scored",
        "percentSum" = "ResultTally"."percentSum" + excluded."percentSum";

    INSERT INTO "InsightTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard", "results", "aboveMark", "durationSum")
    SELECT c."jobKey", c."assessmentId", c."status", c."verdict", c."flagged", c."scoreBin", c."markPercent", c."durationBin",
           pg_backend_pid() % 64, sum(m.sign), sum(m.sign * c."aboveMark"), sum(m.sign * c."duration")
    FROM (SELECT l AS a, -1 AS sign FROM unnest(leaving) l UNION ALL SELECT j, 1 FROM unnest(joining) j) m
    CROSS JOIN LATERAL "AttemptInsightCell"(m.a) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(m.sign) <> 0 OR sum(m.sign * c."aboveMark") <> 0 OR sum(m.sign * c."duration") <> 0
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard") DO UPDATE SET
        "results" = "InsightTally"."results" + excluded."results",
        "aboveMark" = "InsightTally"."aboveMark" + excluded."aboveMark",
        "durationSum" = "InsightTally"."durationSum" + excluded."durationSum";

    INSERT INTO "WeekTally" ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard", "results")
    SELECT c."jobKey", c."week", c."assessmentId", c."status", c."verdict", c."flagged", pg_backend_pid() % 64, sum(m.sign)
    FROM (SELECT l AS a, -1 AS sign FROM unnest(leaving) l UNION ALL SELECT j, 1 FROM unnest(joining) j) m
    CROSS JOIN LATERAL "AttemptWeekCell"(m.a) c
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(m.sign) <> 0
    ON CONFLICT ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET
        "results" = "WeekTally"."results" + excluded."results";
END;
$$;

-- Counts the three tallies again from the results (into shard 0): here for the results already
-- there, and after a bulk load that ran with the triggers disabled.
CREATE FUNCTION "Tallies_rebuild"() RETURNS void LANGUAGE sql AS $$
    DELETE FROM "ResultTally";
    DELETE FROM "InsightTally";
    DELETE FROM "WeekTally";
    INSERT INTO "ResultTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "shard", "results", "scored", "percentSum")
    SELECT c."jobKey", c."assessmentId", c."status", c."verdict", c."flagged", 0, count(*), sum(c."scored"), sum(c."percent")
    FROM "Attempt" a CROSS JOIN LATERAL "AttemptResultCell"(a) c
    GROUP BY 1, 2, 3, 4, 5;
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

SELECT "Tallies_rebuild"();

-- Transition tables hold anonymous records: each is read back as an Attempt row. An update that
-- changes none of the columns a tally reads moves nothing.
CREATE FUNCTION "Attempt_tallies"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "Tallies_move"('{}', ARRAY(SELECT ROW(j.*)::"Attempt" FROM joining j));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "Tallies_move"(ARRAY(SELECT ROW(l.*)::"Attempt" FROM leaving l), '{}');
    ELSE
        PERFORM "Tallies_move"(array_agg(ROW(l.*)::"Attempt"), array_agg(ROW(j.*)::"Attempt"))
        FROM leaving l JOIN joining j USING ("id")
        WHERE (l."jobId", l."assessmentId", l."status", l."passed", l."integrityFlagged", l."score",
               l."maxScore", l."passMark", l."durationSeconds", l."submittedAt")
              IS DISTINCT FROM
              (j."jobId", j."assessmentId", j."status", j."passed", j."integrityFlagged", j."score",
               j."maxScore", j."passMark", j."durationSeconds", j."submittedAt")
        HAVING count(*) > 0;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Attempt_tallies_insert" AFTER INSERT ON "Attempt"
    REFERENCING NEW TABLE AS joining
    FOR EACH STATEMENT EXECUTE FUNCTION "Attempt_tallies"();

CREATE TRIGGER "Attempt_tallies_update" AFTER UPDATE ON "Attempt"
    REFERENCING OLD TABLE AS leaving NEW TABLE AS joining
    FOR EACH STATEMENT EXECUTE FUNCTION "Attempt_tallies"();

CREATE TRIGGER "Attempt_tallies_delete" AFTER DELETE ON "Attempt"
    REFERENCING OLD TABLE AS leaving
    FOR EACH STATEMENT EXECUTE FUNCTION "Attempt_tallies"();
