// Issue 12 item 7: a person changes their time zone on the account page; an unknown zone is
// refused with what to send, and a signed-out caller is refused before anything is written.
import bcrypt from "bcryptjs";
import { beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/create-client";
import type { CurrentUser } from "@/lib/server/auth/session";
import { describeEachDatabase } from "../support/databases";

const state = vi.hoisted(() => ({ db: null as Db | null, userId: null as string | null, refreshed: 0 }));
vi.mock("@/lib/server/db", () => ({
  db: () => {
    if (!state.db) throw new Error("test database not set");
    return state.db;
  },
}));
vi.mock("@/lib/server/auth/session", () => ({
  getCurrentUser: async (): Promise<CurrentUser | null> => {
    if (!state.db || !state.userId) return null;
    const user = await state.db.user.findUniqueOrThrow({ where: { id: state.userId } });
    return { ...user, role: user.role as CurrentUser["role"] };
  },
}));
// refresh() needs a request in flight; here it only has to be asked for.
vi.mock("next/cache", () => ({ refresh: () => (state.refreshed += 1) }));

const { changeTimeZoneAction } = await import("@/app/(app)/account/time-zone-actions");

const form = (timeZone: string) => {
  const data = new FormData();
  data.set("timeZone", timeZone);
  return data;
};

describeEachDatabase("changing one's time zone", (getDb) => {
  beforeEach(() => {
    state.db = getDb();
    state.userId = null;
    state.refreshed = 0;
  });

  let counter = 0;
  async function person(timeZone: string | null) {
    counter += 1;
    const user = await getDb().user.create({
      data: { email: `tz${counter}@hub.test`, name: "Tia", timeZone, passwordHash: await bcrypt.hash("pass", 4) },
    });
    state.userId = user.id;
    return user.id;
  }
  const zoneOf = async (id: string) =>
    (await getDb().user.findUniqueOrThrow({ where: { id }, select: { timeZone: true } })).timeZone;

  it("replaces the zone taken at sign-in with the one chosen, and renders the pages again", async () => {
    const id = await person("Europe/Berlin");
    const result = await changeTimeZoneAction({}, form("America/New_York"));
    expect(result.data).toEqual({ message: "Times are now shown in America/New_York." });
    expect(await zoneOf(id)).toBe("America/New_York");
    expect(state.refreshed).toBe(1);
  });

  it("refuses an unknown zone, saying what to choose, and keeps the one the person had", async () => {
    const id = await person("Europe/Berlin");
    const result = await changeTimeZoneAction({}, form("Europe/Atlantis"));
    expect(result.data).toBeUndefined();
    expect(JSON.stringify(result.validationErrors)).toMatch(/Unknown time zone/);
    expect(await zoneOf(id)).toBe("Europe/Berlin");
  });

  it("refuses a signed-out caller and writes nothing", async () => {
    const id = await person(null);
    state.userId = null;
    const result = await changeTimeZoneAction({}, form("Asia/Tokyo"));
    expect(result.data).toBeUndefined();
    expect(result.serverError).toBeDefined();
    expect(await zoneOf(id)).toBeNull();
  });
});
