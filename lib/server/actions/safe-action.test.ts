import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { actionFailure } from "@/lib/shared/action-result";
import type { CurrentUser } from "../auth/session";
import { UserFacingError } from "../errors";
import { log } from "../log";
import { unavailable } from "../providers/video/errors";
import { formInput } from "./form-input";
import { adminActionClient, userActionClient } from "./safe-action";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("../auth/session", () => ({ getCurrentUser: async () => session.user }));

const admin: CurrentUser = { id: "u-admin", email: "admin@example.test", name: "Ada", role: "admin" };
const recruiter: CurrentUser = { id: "u-rec", email: "rec@example.test", name: "Rex", role: "recruiter" };

const ran = vi.fn();
const greet = userActionClient
  .metadata({ actionName: "greet" })
  .inputSchema(z.object({ name: z.string().min(1, "Enter a name"), tags: z.array(z.string().min(2, "Too short")) }))
  .action(async ({ parsedInput, ctx }) => {
    ran();
    return { text: `Hello ${parsedInput.name} from ${ctx.user.name}` };
  });
const adminOnly = adminActionClient.metadata({ actionName: "adminOnly" }).action(async () => {
  ran();
  return { done: true };
});
const failing = (error: unknown) =>
  userActionClient.metadata({ actionName: "failing" }).action(async () => {
    throw error;
  });

beforeEach(() => {
  session.user = null;
  ran.mockClear();
});
afterEach(() => vi.restoreAllMocks());

describe("the action clients", () => {
  it("refuse a signed-out visitor before reading the input or running anything", async () => {
    const result = await greet({ name: "", tags: [] });
    expect(result.serverError).toMatchObject({ reason: "signed-out", retryable: false });
    expect(result.validationErrors).toBeUndefined();
    expect(await adminOnly()).toMatchObject({ serverError: { reason: "signed-out" } });
    expect(ran).not.toHaveBeenCalled();
  });

  it("refuse a recruiter on an admin action, and let an admin in", async () => {
    session.user = recruiter;
    expect((await adminOnly()).serverError).toMatchObject({
      reason: "not-admin",
      message: "Only an admin can do this. Sign in as an admin.",
    });
    expect(ran).not.toHaveBeenCalled();
    session.user = admin;
    expect(await adminOnly()).toEqual({ data: { done: true } });
  });

  it("refuse everyone whose temporary password is still to be changed, admin or not, but for the password change", async () => {
    const changePassword = userActionClient
      .metadata({ actionName: "changeOwnPassword", whilePasswordChangeIsDue: true })
      .action(async ({ ctx }) => {
        ran();
        return { changedFor: ctx.user.id };
      });
    const refusal = {
      reason: "password-change-due",
      message: "Choose a new password first: go to your account page.",
      retryable: false,
    };
    session.user = { ...admin, mustChangePassword: true };
    expect((await greet({ name: "Grace", tags: [] })).serverError).toEqual(refusal);
    expect((await adminOnly()).serverError).toEqual(refusal);
    expect(ran).not.toHaveBeenCalled();
    expect(await changePassword()).toEqual({ data: { changedFor: admin.id } });
    session.user = { ...admin, mustChangePassword: false };
    expect(await adminOnly()).toEqual({ data: { done: true } });
  });

  it("pass the signed-in user to the action as context", async () => {
    session.user = recruiter;
    expect(await greet({ name: "Grace", tags: [] })).toEqual({ data: { text: "Hello Grace from Rex" } });
  });

  it("answer bad input with field errors, nested fields by their path, and do not run the action", async () => {
    session.user = recruiter;
    const result = await greet({ name: "", tags: ["ok", "x"] });
    expect(ran).not.toHaveBeenCalled();
    expect(result.serverError).toBeUndefined();
    expect(actionFailure(result)).toEqual({
      message: "Enter a name. Too short.",
      retryable: false,
      fieldErrors: { name: "Enter a name", "tags.1": "Too short" },
    });
  });

  it("read a submitted form, keeping every value of a list field", async () => {
    session.user = admin;
    const echo = adminActionClient
      .metadata({ actionName: "echo" })
      .inputSchema(formInput(z.object({ title: z.string(), ids: z.array(z.string()).min(1) }), { lists: ["ids"] }))
      .stateAction(async ({ parsedInput }) => parsedInput);
    const form = new FormData();
    form.append("title", "Replay");
    form.append("ids", "a");
    form.append("ids", "b");
    expect(await echo({}, form)).toEqual({ data: { title: "Replay", ids: ["a", "b"] } });
    const empty = new FormData();
    empty.append("title", "Replay");
    expect(actionFailure(await echo({}, empty))?.fieldErrors).toHaveProperty("ids");
  });

  it("turn a thrown unknown error into a generic message, and log it", async () => {
    session.user = recruiter;
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const secret = new Error("connect ECONNREFUSED postgres://hub:s3cret@db/hub");
    const result = await failing(secret)();
    expect(result.serverError).toMatchObject({ reason: "failed", retryable: true });
    expect(result.serverError?.message).toMatch(/problem on our side/);
    expect(JSON.stringify(result)).not.toMatch(/s3cret|ECONNREFUSED|at .*\.ts/);
    expect(logged).toHaveBeenCalledWith({ err: secret, action: "failing" }, "server action failed");
  });

  it("show a message written for the user as it is, and say when a retry is safe", async () => {
    session.user = recruiter;
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    expect((await failing(new UserFacingError("This job no longer exists."))()).serverError).toEqual({
      reason: "refused",
      message: "This job no longer exists.",
      retryable: false,
    });
    const down = (await failing(unavailable("HTTP 503"))()).serverError;
    expect(down).toMatchObject({ reason: "refused", retryable: true });
    expect(down?.message).toMatch(/unavailable right now .* Nothing was saved here/);
    expect(logged).not.toHaveBeenCalled();
  });
});
