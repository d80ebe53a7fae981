// What the emulator serves besides the API: the candidate link, recordings (a short tone, so a
// player has something to play) and reports the results point at, and /_emulator/* controls.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Faults } from "./emulator";
import { apiError, readBody, sendAnswer, sendText } from "./http";
import type { Interviews } from "./interviews";
import { INVITATION_STATUSES } from "./model";
import { toneWav } from "./tone";
import type { WebhookSender } from "./webhooks";

const faultsInput = z.object({
  down: z.boolean().optional(),
  failNext: z.number().int().min(0).optional(),
  slowNext: z.number().int().min(0).optional(),
  slowMs: z.number().int().min(0).optional(),
});

const advanceInput = z.object({ to: z.enum(INVITATION_STATUSES).exclude(["invited"]) });

export function handlePublicPage(response: ServerResponse, url: URL, interviews: Interviews): void {
  const candidateLink = /^\/i\/([0-9a-f]+)$/.exec(url.pathname);
  if (candidateLink) {
    const invitation = interviews.invitations.get(`inv_${candidateLink[1]}`);
    if (!invitation) return sendText(response, 404, "This interview link is not valid.");
    return sendText(
      response,
      200,
      `Video interview: ${invitation.assessment.title}\nCandidate: ${invitation.candidate.name}\nStatus: ${invitation.status}\n` +
        `(Emulated: the candidate's progress is simulated.)\n`,
    );
  }
  const media = /^\/media\/(inv_[0-9a-f]+)\/([\w.]+)$/.exec(url.pathname);
  if (media) {
    const tone = toneWav();
    response.writeHead(200, {
      "Content-Type": "audio/wav",
      "Content-Length": tone.length,
      "Cache-Control": "public, max-age=3600",
    });
    response.end(tone);
    return;
  }
  const report = /^\/reports\/(inv_[0-9a-f]+)$/.exec(url.pathname);
  if (report) {
    const invitation = interviews.invitations.get(report[1]!);
    if (!invitation?.result) return sendText(response, 404, "No report yet.");
    return sendText(
      response,
      200,
      `Interview report for ${invitation.candidate.name}: ${invitation.result.overallScore ?? "pending"} / 100\n`,
    );
  }
  sendText(response, 404, "Not found. The API is under /v1 (docs/video-provider-api.md).");
}

export async function handleControl(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  state: { interviews: Interviews; webhooks: WebhookSender; faults: Faults },
): Promise<void> {
  const body = request.method === "POST" ? parseJson(await readBody(request)) : undefined;
  if (url.pathname === "/_emulator/state" && request.method === "GET") {
    return sendAnswer(response, {
      status: 200,
      body: {
        faults: state.faults,
        webhookUrl: state.webhooks.url,
        assessments: state.interviews.assessments.size,
        invitations: [...state.interviews.invitations.values()].map(({ id, status, candidate }) => ({
          id,
          status,
          email: candidate.email,
        })),
        deliveries: state.webhooks.deliveries.slice(-200),
      },
    });
  }
  if (url.pathname === "/_emulator/faults" && request.method === "POST") {
    const input = faultsInput.safeParse(body);
    if (!input.success)
      return sendAnswer(response, apiError(422, "validation_failed", "faults: {down?, failNext?, slowNext?, slowMs?}"));
    Object.assign(state.faults, input.data);
    return sendAnswer(response, { status: 200, body: state.faults });
  }
  const advance = /^\/_emulator\/invitations\/([^/]+)\/advance$/.exec(url.pathname);
  if (advance && request.method === "POST") {
    const input = advanceInput.safeParse(body);
    if (!input.success)
      return sendAnswer(
        response,
        apiError(422, "validation_failed", 'body: {"to": "started" | "partially_scored" | "completed" | "expired"}'),
      );
    if (!state.interviews.invitations.has(advance[1]!))
      return sendAnswer(response, apiError(404, "not_found", "no such invitation"));
    state.interviews.advance(advance[1]!, input.data.to);
    return sendAnswer(response, { status: 200, body: state.interviews.invitations.get(advance[1]!) });
  }
  sendAnswer(
    response,
    apiError(
      404,
      "not_found",
      "controls: GET /_emulator/state, POST /_emulator/faults, POST /_emulator/invitations/{id}/advance",
    ),
  );
}

function parseJson(text: string): unknown {
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
