import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/server/auth/session";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/db", () => ({
  db: () => {
    throw new Error("the database must not be reached in these tests");
  },
}));

const { GET, POST } = await import("./route");

const RECRUITER: CurrentUser = { id: "u_1", email: "r@example.com", name: "R", role: "recruiter" };
const context = { params: Promise.resolve({ id: "job_1" }) };

/** A body that never ends, counting how much of it the handler asked for. */
function endlessBody(chunkBytes = 64 * 1024) {
  const counter = { pulls: 0 };
  const chunk = new TextEncoder().encode("ids=".padEnd(chunkBytes, "x"));
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        counter.pulls += 1;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

function exportRequest(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/jobs/job_1/export", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

describe("CSV export route", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("answers a signed-out POST 401 without reading any of its body", async () => {
    const { stream, counter } = endlessBody();
    const response = await POST(exportRequest(stream), context);
    expect(response.status).toBe(401);
    expect(counter.pulls).toBe(0);
  });

  it("answers a signed-out GET 401", async () => {
    const response = await GET(new Request("http://localhost/api/jobs/job_1/export"), context);
    expect(response.status).toBe(401);
  });

  it("stops reading a signed-in user's body once it passes the cap, and answers 413", async () => {
    session.user = RECRUITER;
    const { stream, counter } = endlessBody();
    const response = await POST(exportRequest(stream), context);
    expect(response.status).toBe(413);
    // 5,000 ids of at most 100 characters fit in about 1.5 MB: far from all of an endless body.
    expect(counter.pulls).toBeLessThan(40);
  });

  it("refuses a declared length over the cap before reading anything", async () => {
    session.user = RECRUITER;
    const { stream, counter } = endlessBody();
    const response = await POST(exportRequest(stream, { "content-length": String(50 * 1024 * 1024) }), context);
    expect(response.status).toBe(413);
    expect(counter.pulls).toBe(0);
  });

  it("still reads a selection within the cap (refused only for having no ids)", async () => {
    session.user = RECRUITER;
    const body = new Blob(["other=1"]).stream();
    const response = await POST(exportRequest(body), context);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "select between 1 and 5000 results to export" });
  });
});
