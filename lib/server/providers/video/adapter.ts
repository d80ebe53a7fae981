import "server-only";
// The one place that knows the video provider's names: webhook events, invitation reads,
// and the answers to our own create/invite calls all become provider-neutral DomainEvents.
// An invitation is one attempt, keyed by the provider's invitation id.
import {
  TranslationError,
  type AssessmentFacts,
  type AttemptFacts,
  type DomainEvent,
  type ProviderAdapter,
  type Translation,
} from "../../domain/events";
import {
  invitationSchema,
  webhookEnvelopeSchema,
  WEBHOOK_EVENT_TYPES,
  type VideoAssessment,
  type VideoInvitation,
  type VideoInvitationStatus,
  type VideoWebhookEventType,
} from "./schemas";
import { resultFacts } from "./result-facts";

/**
 * Not a provider event: the app's name for an invitation read from the status endpoint
 * (GET …/invitations), stored in the inbox like a webhook and ordered by its `updatedAt`.
 */
export const INVITATION_STATUS_READ = "invitation.status";

const STATUS_OF_EVENT: Record<VideoWebhookEventType, VideoInvitationStatus> = {
  "interview.started": "started",
  "interview.partially_scored": "partially_scored",
  "interview.completed": "completed",
  "invitation.expired": "expired",
};

export const videoAdapter: ProviderAdapter = {
  provider: "video",
  translate({ body, eventType }): Translation {
    if (eventType === INVITATION_STATUS_READ) {
      const invitation = parseInvitation(body, INVITATION_STATUS_READ);
      return reported(INVITATION_STATUS_READ, invitation, invitation.status, new Date(invitation.updatedAt));
    }
    const envelope = webhookEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      return {
        recognised: false,
        eventType,
        reason: 'not a video provider event: expected {"type", "timestamp", "data"}',
      };
    }
    const type = envelope.data.type;
    if (!isKnownEvent(type))
      return { recognised: false, eventType: type, reason: `unknown video provider event type "${type}"` };
    const invitation = parseInvitation(envelope.data.data, type);
    return reported(type, invitation, STATUS_OF_EVENT[type], new Date(envelope.data.timestamp));
  },
};

function isKnownEvent(type: string): type is VideoWebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

function parseInvitation(data: unknown, eventType: string): VideoInvitation {
  const parsed = invitationSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new TranslationError(
    `${eventType}: invitation ${issue?.path.join(".") || "data"} ${issue?.message ?? "is invalid"}`,
  );
}

function reported(
  eventType: string,
  invitation: VideoInvitation,
  status: VideoInvitationStatus,
  occurredAt: Date,
): Translation {
  return {
    recognised: true,
    eventType,
    candidateEmail: invitation.candidate.email,
    events: [
      {
        kind: "attempt.reported",
        occurredAt,
        attemptKey: invitation.id,
        assessment: assessmentFacts(invitation.assessment),
        candidate: {
          email: invitation.candidate.email,
          name: invitation.candidate.name,
          externalId: invitation.candidate.id,
        },
        facts: attemptFacts(invitation, status, eventType),
      },
    ],
  };
}

function attemptFacts(invitation: VideoInvitation, status: VideoInvitationStatus, eventType: string): AttemptFacts {
  const times = {
    invitedAt: new Date(invitation.invitedAt),
    startedAt: invitation.startedAt ? new Date(invitation.startedAt) : undefined,
    submittedAt: invitation.submittedAt ? new Date(invitation.submittedAt) : undefined,
    // When scoring finished, or the invitation lapsed: said only once the provider knows.
    details:
      invitation.completedAt || invitation.expiredAt
        ? { completedAt: invitation.completedAt ?? null, expiredAt: invitation.expiredAt ?? null }
        : undefined,
  };
  switch (status) {
    case "invited":
      return { status: "invited", resultState: "pending", invitedAt: times.invitedAt };
    case "started":
      return { status: "in_progress", resultState: "pending", ...times };
    case "expired":
      // Nothing more will come: the provider is done with this invitation.
      return { status: "expired", resultState: "final", ...times };
    case "partially_scored":
    case "completed": {
      if (!invitation.result) throw new TranslationError(`${eventType}: the invitation has no result`);
      // partially_scored: the candidate has submitted; only scoring is still running.
      return { status: "completed", ...times, ...resultFacts(invitation.result) };
    }
  }
}

function assessmentFacts(assessment: { id: string; title: string; jobTitle?: string | null }): AssessmentFacts {
  return { externalId: assessment.id, name: assessment.title, jobTitle: assessment.jobTitle ?? null };
}

/** Our own create call's answer, as the assessment's definition (questions kept in details). */
export function assessmentDefined(assessment: VideoAssessment): DomainEvent {
  return {
    kind: "assessment.defined",
    occurredAt: new Date(assessment.updatedAt),
    assessment: {
      ...assessmentFacts(assessment),
      lifecycle: "published",
      details: {
        kind: "video-interview",
        answerTimeSeconds: assessment.answerTimeSeconds,
        questions: assessment.questions.map((question) => ({
          id: question.id,
          text: question.text,
          answerTimeSeconds: question.answerTimeSeconds,
        })),
      },
    },
  };
}

/** Our own invite call's answer: one invitation (and invited attempt) per candidate. */
export function invitationsSent(invitations: VideoInvitation[]): DomainEvent[] {
  return invitations.map((invitation) => ({
    kind: "candidates.invited",
    occurredAt: new Date(invitation.invitedAt),
    assessment: assessmentFacts(invitation.assessment),
    invitations: [
      {
        attemptKey: invitation.id,
        candidate: {
          email: invitation.candidate.email,
          name: invitation.candidate.name,
          externalId: invitation.candidate.id,
        },
        inviteUrl: invitation.candidateUrl,
        invitedAt: new Date(invitation.invitedAt),
        expiresAt: invitation.expiresAt ? new Date(invitation.expiresAt) : null,
        providerInvitationId: invitation.id,
      },
    ],
  }));
}
