import "server-only";
// Every server action is built from one of these two clients. They read the caller from the
// session on the server (never from the request's input), refuse before the input is even
// parsed, and turn any error into the one ActionError shape (see action-error.ts). A person
// with a temporary password may run only the action marked `whilePasswordChangeIsDue` (the one
// that changes their own password): pages already send them to /account, and actions must not
// be a way around that.
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { getCurrentUser } from "../auth/session";
import { AccessRefused, toActionError } from "./action-error";

const actionClient = createSafeActionClient({
  // Named, so a logged failure says which action it was.
  defineMetadataSchema: () =>
    z.object({ actionName: z.string().min(1), whilePasswordChangeIsDue: z.literal(true).optional() }),
  handleServerError: (error, { metadata }) => toActionError(error, metadata?.actionName),
});

/** For anyone signed in (whose password change is not due); `ctx.user` is who they are. */
export const userActionClient = actionClient.use(async ({ next, metadata }) => {
  const user = await getCurrentUser();
  if (!user) throw new AccessRefused("signed-out");
  if (user.mustChangePassword && !metadata.whilePasswordChangeIsDue) throw new AccessRefused("password-change-due");
  return next({ ctx: { user } });
});

/** For admins only; a recruiter is refused before anything runs. */
export const adminActionClient = userActionClient.use(async ({ next, ctx }) => {
  if (ctx.user.role !== "admin") throw new AccessRefused("not-admin");
  return next();
});
