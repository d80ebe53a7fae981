-- CreateTable
CREATE TABLE "InsightTally" (
    "jobKey" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "flagged" BOOLEAN NOT NULL,
    "scoreBin" INTEGER NOT NULL,
    "markPercent" REAL NOT NULL,
    "durationBin" INTEGER NOT NULL,
    "shard" INTEGER NOT NULL,
    "results" INTEGER NOT NULL DEFAULT 0,
    "aboveMark" INTEGER NOT NULL DEFAULT 0,
    "durationSum" REAL NOT NULL DEFAULT 0,

    PRIMARY KEY ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard")
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

    PRIMARY KEY ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard")
);

-- CreateIndex
CREATE INDEX "WeekTally_week_idx" ON "WeekTally"("week");


-- Written by hand after `npm run db:migration` (issues 11 and 15): InsightTally and WeekTally
-- are kept by triggers on Attempt, as ResultTally is (0008). A result's cells are worked out
-- once, in the two views below; the triggers add a result to its cells or take it out, reading
-- the row by rowid (before a delete or a change, so the old values are still there).

CREATE VIEW "AttemptInsightCell" AS
SELECT a.rowid AS "attemptRowid",
       coalesce(a."jobId", '') AS "jobKey", a."assessmentId", a."status",
       CASE a."passed" WHEN 1 THEN 'passed' WHEN 0 THEN 'failed' ELSE '' END AS "verdict",
       a."integrityFlagged" AS "flagged",
       -- SCORE_BIN_COUNT bins of ten points of percent (lib/shared/insights/score-bins.ts); a
       -- full score falls in the top one.
       CASE WHEN a."score" IS NOT NULL AND a."maxScore" > 0
            THEN max(0, min(9, CAST(a."score" * 10.0 / a."maxScore" AS INTEGER))) ELSE -1 END AS "scoreBin",
       CASE WHEN a."score" IS NOT NULL AND a."maxScore" > 0 AND a."passMark" IS NOT NULL
            THEN a."passMark" * 100.0 / a."maxScore" ELSE -1 END AS "markPercent",
       CASE WHEN a."score" IS NOT NULL AND a."maxScore" > 0 AND a."passMark" IS NOT NULL
             AND a."score" >= a."passMark" THEN 1 ELSE 0 END AS "aboveMark",
       -- DURATION_BIN_LIMITS_MINUTES: under 15, 30, 45, 60, 90 and 120 minutes, then the rest.
       CASE WHEN a."durationSeconds" IS NULL THEN -1
            WHEN a."durationSeconds" < 900 THEN 0 WHEN a."durationSeconds" < 1800 THEN 1
            WHEN a."durationSeconds" < 2700 THEN 2 WHEN a."durationSeconds" < 3600 THEN 3
            WHEN a."durationSeconds" < 5400 THEN 4 WHEN a."durationSeconds" < 7200 THEN 5 ELSE 6 END AS "durationBin",
       coalesce(a."durationSeconds", 0) AS "duration"
FROM "Attempt" a;

-- Monday (UTC) of the week submitted: the same calendar weeks as lib/shared/insights/weeks.ts.
CREATE VIEW "AttemptWeekCell" AS
SELECT a.rowid AS "attemptRowid",
       coalesce(a."jobId", '') AS "jobKey", date(a."submittedAt", '-6 days', 'weekday 1') AS "week",
       a."assessmentId", a."status",
       CASE a."passed" WHEN 1 THEN 'passed' WHEN 0 THEN 'failed' ELSE '' END AS "verdict",
       a."integrityFlagged" AS "flagged"
FROM "Attempt" a
WHERE a."submittedAt" IS NOT NULL;

-- The tallies of the results already there.
INSERT INTO "InsightTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard", "results", "aboveMark", "durationSum")
SELECT "jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", 0,
       count(*), sum("aboveMark"), sum("duration")
FROM "AttemptInsightCell"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

INSERT INTO "WeekTally" ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard", "results")
SELECT "jobKey", "week", "assessmentId", "status", "verdict", "flagged", 0, count(*)
FROM "AttemptWeekCell"
GROUP BY 1, 2, 3, 4, 5, 6;

-- A result joins its cells (1) or leaves them (-1), in both tallies in one trigger (a trigger
-- program per event, not per tally). SQLite has one writer: shard 0.

CREATE TRIGGER "Attempt_insight_tallies_insert" AFTER INSERT ON "Attempt" BEGIN
    INSERT INTO "InsightTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard", "results", "aboveMark", "durationSum")
    SELECT "jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", 0, 1, "aboveMark", "duration" FROM "AttemptInsightCell" WHERE "attemptRowid" = NEW.rowid
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard") DO UPDATE SET "results" = "results" + excluded."results",
        "aboveMark" = "aboveMark" + excluded."aboveMark", "durationSum" = "durationSum" + excluded."durationSum";
    INSERT INTO "WeekTally" ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard", "results")
    SELECT "jobKey", "week", "assessmentId", "status", "verdict", "flagged", 0, 1 FROM "AttemptWeekCell" WHERE "attemptRowid" = NEW.rowid
    ON CONFLICT ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET "results" = "results" + excluded."results";
END;

CREATE TRIGGER "Attempt_insight_tallies_delete" BEFORE DELETE ON "Attempt" BEGIN
    INSERT INTO "InsightTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard", "results", "aboveMark", "durationSum")
    SELECT "jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", 0, -1, -"aboveMark", -"duration" FROM "AttemptInsightCell" WHERE "attemptRowid" = OLD.rowid
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard") DO UPDATE SET "results" = "results" + excluded."results",
        "aboveMark" = "aboveMark" + excluded."aboveMark", "durationSum" = "durationSum" + excluded."durationSum";
    INSERT INTO "WeekTally" ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard", "results")
    SELECT "jobKey", "week", "assessmentId", "status", "verdict", "flagged", 0, -1 FROM "AttemptWeekCell" WHERE "attemptRowid" = OLD.rowid
    ON CONFLICT ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET "results" = "results" + excluded."results";
END;

CREATE TRIGGER "Attempt_insight_tallies_leave" BEFORE UPDATE OF "jobId", "assessmentId", "status", "passed", "integrityFlagged", "score", "maxScore", "passMark", "durationSeconds", "submittedAt" ON "Attempt"
WHEN OLD."jobId" IS NOT NEW."jobId" OR OLD."assessmentId" IS NOT NEW."assessmentId" OR OLD."status" IS NOT NEW."status"
  OR OLD."passed" IS NOT NEW."passed" OR OLD."integrityFlagged" IS NOT NEW."integrityFlagged" OR OLD."score" IS NOT NEW."score"
  OR OLD."maxScore" IS NOT NEW."maxScore" OR OLD."passMark" IS NOT NEW."passMark" OR OLD."durationSeconds" IS NOT NEW."durationSeconds"
  OR OLD."submittedAt" IS NOT NEW."submittedAt" BEGIN
    INSERT INTO "InsightTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard", "results", "aboveMark", "durationSum")
    SELECT "jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", 0, -1, -"aboveMark", -"duration" FROM "AttemptInsightCell" WHERE "attemptRowid" = OLD.rowid
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard") DO UPDATE SET "results" = "results" + excluded."results",
        "aboveMark" = "aboveMark" + excluded."aboveMark", "durationSum" = "durationSum" + excluded."durationSum";
    INSERT INTO "WeekTally" ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard", "results")
    SELECT "jobKey", "week", "assessmentId", "status", "verdict", "flagged", 0, -1 FROM "AttemptWeekCell" WHERE "attemptRowid" = OLD.rowid
    ON CONFLICT ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET "results" = "results" + excluded."results";
END;

CREATE TRIGGER "Attempt_insight_tallies_join" AFTER UPDATE OF "jobId", "assessmentId", "status", "passed", "integrityFlagged", "score", "maxScore", "passMark", "durationSeconds", "submittedAt" ON "Attempt"
WHEN OLD."jobId" IS NOT NEW."jobId" OR OLD."assessmentId" IS NOT NEW."assessmentId" OR OLD."status" IS NOT NEW."status"
  OR OLD."passed" IS NOT NEW."passed" OR OLD."integrityFlagged" IS NOT NEW."integrityFlagged" OR OLD."score" IS NOT NEW."score"
  OR OLD."maxScore" IS NOT NEW."maxScore" OR OLD."passMark" IS NOT NEW."passMark" OR OLD."durationSeconds" IS NOT NEW."durationSeconds"
  OR OLD."submittedAt" IS NOT NEW."submittedAt" BEGIN
    INSERT INTO "InsightTally" ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard", "results", "aboveMark", "durationSum")
    SELECT "jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", 0, 1, "aboveMark", "duration" FROM "AttemptInsightCell" WHERE "attemptRowid" = NEW.rowid
    ON CONFLICT ("jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin", "shard") DO UPDATE SET "results" = "results" + excluded."results",
        "aboveMark" = "aboveMark" + excluded."aboveMark", "durationSum" = "durationSum" + excluded."durationSum";
    INSERT INTO "WeekTally" ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard", "results")
    SELECT "jobKey", "week", "assessmentId", "status", "verdict", "flagged", 0, 1 FROM "AttemptWeekCell" WHERE "attemptRowid" = NEW.rowid
    ON CONFLICT ("jobKey", "week", "assessmentId", "status", "verdict", "flagged", "shard") DO UPDATE SET "results" = "results" + excluded."results";
END;
