// The provider's REST API (docs/video-provider-api.md § Endpoints), after auth, faults and
// idempotency have been dealt with by the server.
import { z } from "zod";
import { apiError, type Answer } from "./http";
import type { Interviews } from "./interviews";
import { snapshot } from "./model";

export interface ApiContext {
  interviews: Interviews;
  account: { id: string; name: string };
  webhookUrl(): string | null;
  setWebhookUrl(url: string): void;
}

const answerTime = z.number().int().min(30).max(600);

const assessmentInput = z.object({
  title: z.string().trim().min(1).max(200),
  jobTitle: z.string().trim().max(200).nullish(),
  answerTimeSeconds: answerTime.optional(),
  questions: z
    .array(z.object({ text: z.string().trim().min(1).max(1000), answerTimeSeconds: answerTime.optional() }))
    .min(1)
    .max(20),
});

const invitationInput = z.object({
  candidates: z
    .array(z.object({ name: z.string().trim().min(1).max(200), email: z.email() }))
    .min(1)
    .max(100),
  expiresInHours: z.number().int().min(1).max(720).default(168),
});

const webhookEndpointInput = z.object({ url: z.url({ protocol: /^https?$/ }) });

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});

type Route = {
  method: string;
  pattern: RegExp;
  run: (context: ApiContext, match: string[], url: URL, body: unknown) => Answer;
};

const routes: Route[] = [
  {
    method: "GET",
    pattern: /^\/v1\/account$/,
    run: (context) => {
      const url = context.webhookUrl();
      return ok(200, { ...context.account, webhookEndpoint: url ? { url } : null });
    },
  },
  {
    method: "PUT",
    pattern: /^\/v1\/webhook-endpoint$/,
    run: (context, _match, _url, body) =>
      withInput(webhookEndpointInput, body, (input) => {
        context.setWebhookUrl(input.url);
        return ok(200, { url: input.url });
      }),
  },
  {
    method: "POST",
    pattern: /^\/v1\/assessments$/,
    run: (context, _match, _url, body) =>
      withInput(assessmentInput, body, (input) => ok(201, context.interviews.createAssessment(input))),
  },
  {
    method: "GET",
    pattern: /^\/v1\/assessments$/,
    run: (context, _match, url) => page([...context.interviews.assessments.values()], url),
  },
  {
    method: "GET",
    pattern: /^\/v1\/assessments\/([^/]+)$/,
    run: (context, [id]) => {
      const assessment = context.interviews.assessments.get(id!);
      return assessment ? ok(200, assessment) : notFound("assessment", id!);
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/assessments\/([^/]+)\/invitations$/,
    run: (context, [id], _url, body) => {
      const assessment = context.interviews.assessments.get(id!);
      if (!assessment) return notFound("assessment", id!);
      return withInput(invitationInput, body, (input) =>
        ok(201, { data: context.interviews.invite(assessment, input.candidates, input.expiresInHours) }),
      );
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/assessments\/([^/]+)\/invitations$/,
    run: (context, [id], url) => {
      if (!context.interviews.assessments.has(id!)) return notFound("assessment", id!);
      const invitations = [...context.interviews.invitations.values()].filter(
        (invitation) => invitation.assessment.id === id,
      );
      return page(invitations, url);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/invitations\/([^/]+)$/,
    run: (context, [id]) => {
      const invitation = context.interviews.invitations.get(id!);
      return invitation ? ok(200, invitation) : notFound("invitation", id!);
    },
  },
];

export function handleApi(context: ApiContext, method: string, url: URL, body: unknown): Answer {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method === method) return route.run(context, match.slice(1), url, body);
  }
  return pathMatched
    ? apiError(405, "method_not_allowed", `${method} is not supported on ${url.pathname}`)
    : apiError(404, "not_found", `no endpoint ${method} ${url.pathname}`);
}

function ok(status: number, body: unknown): Answer {
  return { status, body: snapshot(body) };
}

function notFound(kind: string, id: string): Answer {
  return apiError(404, "not_found", `no ${kind} ${id} in this account`);
}

function withInput<T>(schema: z.ZodType<T>, body: unknown, run: (input: T) => Answer): Answer {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return apiError(422, "validation_failed", "the request body breaks the rules in details", details);
  }
  return run(parsed.data);
}

/** Newest first; the cursor is the id of the last item of the previous page. */
function page<T extends { id: string }>(items: T[], url: URL): Answer {
  const query = pageQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return apiError(422, "validation_failed", "limit must be 1–100");
  const newestFirst = [...items].reverse();
  const start = query.data.cursor ? newestFirst.findIndex((item) => item.id === query.data.cursor) + 1 : 0;
  if (query.data.cursor && start === 0)
    return apiError(422, "validation_failed", "cursor is not one this API returned");
  const data = newestFirst.slice(start, start + query.data.limit);
  const more = start + query.data.limit < newestFirst.length;
  return ok(200, { data, nextCursor: more ? data.at(-1)!.id : null });
}
