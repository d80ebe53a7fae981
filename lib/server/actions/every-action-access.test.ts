// Every server action in the tree, found by scanning the source (no list to keep up to date):
// each is built from one of the two action clients, refuses a signed-out visitor, and, when
// built for admins, refuses a recruiter, all before it touches the database.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "../auth/session";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("../auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("../db", () => ({
  db: () => {
    throw new Error("a refused action reached the database");
  },
}));

const ROOT = join(__dirname, "../../..");
const SCANNED = ["app", "components", "lib"];
const SERVER_DIRECTIVE = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/;
const EXPORT = /^export\s+(?:default\s+)?(?:async\s+)?(?:const|let|var|function)\s+(\w+)\s*(?:=\s*(\w+))?/gm;
const CLIENTS = { userActionClient: "user", adminActionClient: "admin" } as const;

const recruiter: CurrentUser = { id: "u-rec", email: "rec@example.test", name: "Rex", role: "recruiter" };
const admin: CurrentUser = { id: "u-admin", email: "admin@example.test", name: "Ada", role: "admin" };

interface FoundAction {
  file: string;
  name: string;
  client: string | undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const sources = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => ({
  path,
  file: relative(ROOT, path),
  text: readFileSync(path, "utf8"),
}));
const actionFiles = sources.filter((source) => SERVER_DIRECTIVE.test(source.text));
const found: FoundAction[] = actionFiles.flatMap(({ file, text }) =>
  [...text.matchAll(EXPORT)].map(([, name, client]) => ({ file, name: name!, client })),
);
const byKind = (kind: "user" | "admin") =>
  found.filter((action) => CLIENTS[action.client as keyof typeof CLIENTS] === kind).map((a) => [a.file, a.name]);

async function load(file: string, name: string) {
  const exports = (await import(join(ROOT, file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  return exports[name]!;
}

beforeEach(() => {
  session.user = null;
});

describe("every server action", () => {
  it("is found by the scan, both kinds", () => {
    expect(byKind("user").length).toBeGreaterThan(0);
    expect(byKind("admin").length).toBeGreaterThan(0);
  });

  it('is declared only at the top of a "use server" file, never inline in a function', () => {
    const inline = sources.filter(
      (source) => /["']use server["']/.test(source.text) && !SERVER_DIRECTIVE.test(source.text),
    );
    expect(inline.map((source) => source.file)).toEqual([]);
  });

  it("is built from the user or the admin action client", () => {
    const handWritten = found.filter((action) => !(action.client && action.client in CLIENTS));
    expect(handWritten.map((action) => `${action.file}: ${action.name}`)).toEqual([]);
  });

  it("under the admin-only settings pages is an admin action", () => {
    const open = found.filter(
      (action) => action.file.startsWith("app/(app)/settings/") && action.client !== "adminActionClient",
    );
    expect(open.map((action) => `${action.file}: ${action.name}`)).toEqual([]);
  });

  it.each(actionFiles.map((source) => [source.file]))("in %s: the scan sees every export", async (file) => {
    const exported = Object.keys(await import(join(ROOT, file))).sort();
    expect(
      found
        .filter((action) => action.file === file)
        .map((action) => action.name)
        .sort(),
    ).toEqual(exported);
  });

  it.each(found.map((action) => [action.file, action.name]))(
    "%s: %s refuses a signed-out visitor",
    async (file, name) => {
      const action = await load(file, name);
      await expect(action({}, new FormData())).resolves.toMatchObject({ serverError: { reason: "signed-out" } });
    },
  );

  it("lets only the own-password change through while a temporary password is to be changed", () => {
    const exempt = actionFiles
      .filter((source) => /whilePasswordChangeIsDue/.test(source.text))
      .map((source) => source.file);
    expect(exempt).toEqual(["app/(app)/account/actions.ts"]);
  });

  it.each(found.filter((action) => action.name !== "changePasswordAction").map((action) => [action.file, action.name]))(
    "%s: %s refuses an admin whose temporary password is still to be changed",
    async (file, name) => {
      session.user = { ...admin, mustChangePassword: true };
      const action = await load(file, name);
      await expect(action({}, new FormData())).resolves.toMatchObject({
        serverError: { reason: "password-change-due" },
      });
    },
  );

  it.each(byKind("admin"))("%s: %s refuses a recruiter", async (file, name) => {
    session.user = recruiter;
    const action = await load(file, name);
    await expect(action({}, new FormData())).resolves.toMatchObject({ serverError: { reason: "not-admin" } });
  });
});
