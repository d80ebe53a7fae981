// Makes the apply of one person's delivery fail inside the database, on either dialect: a
// trigger refuses to insert a candidate with that email. For tests of what a failed apply leaves.
import type { Db } from "@/lib/server/db";
import type { DatabaseKind } from "./databases";

/** Makes inserting a candidate with this email fail; returns how to stop that again. */
export async function rejectCandidate(db: Db, kind: DatabaseKind, email: string): Promise<() => Promise<void>> {
  if (kind === "sqlite") {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER reject_candidate BEFORE INSERT ON "Candidate" WHEN NEW.email = '${email}' BEGIN SELECT RAISE(ABORT, 'rejected by test'); END`,
    );
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER reject_candidate`);
    };
  }
  await db.$executeRawUnsafe(
    `CREATE FUNCTION reject_candidate() RETURNS trigger AS $$ BEGIN IF NEW.email = '${email}' THEN RAISE EXCEPTION 'rejected by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER reject_candidate BEFORE INSERT ON "Candidate" FOR EACH ROW EXECUTE FUNCTION reject_candidate()`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER reject_candidate ON "Candidate"`);
    await db.$executeRawUnsafe(`DROP FUNCTION reject_candidate()`);
  };
}
