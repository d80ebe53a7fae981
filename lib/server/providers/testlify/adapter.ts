import "server-only";
// Testlify webhook deliveries → DomainEvents: candidate status changes (score updates come as
// status changes too) and assessment created/updated/deleted/archived.
import type { ProviderAdapter, Translation } from "../../domain/events";
import { isRecord, parseOrExplain } from "../lenient";
import { assessmentEvent } from "./assessment-event";
import { candidateEvent } from "./candidate-event";
import {
  TESTLIFY_ASSESSMENT_EVENTS,
  TESTLIFY_CANDIDATE_STATUSES,
  candidateStatusOf,
  testlifyEventType,
  type TestlifyAssessmentEvent,
} from "./event-type";
import { testlifyAssessmentSchema, testlifyCandidateSchema, testlifyEnvelopeSchema } from "./schemas";

export const testlifyAdapter: ProviderAdapter = {
  provider: "testlify",
  translate({ body, receivedAt }): Translation {
    const eventType = testlifyEventType(body);
    if (!isRecord(body) || !isRecord(body.data)) {
      return {
        recognised: false,
        eventType,
        reason: 'not a Testlify event: expected {"data": {…}, "type": …, "event": …}',
      };
    }
    const kind = body.type ?? (candidateStatusOf(body.data) ? "candidate" : null);

    if (kind === "candidate") {
      const status = candidateStatusOf(body.data);
      const ours = status ? TESTLIFY_CANDIDATE_STATUSES[status.toUpperCase()] : undefined;
      if (!ours) {
        return {
          recognised: false,
          eventType,
          reason: status ? `unknown Testlify candidate status "${status}"` : "candidate event without candidateStatus",
        };
      }
      const what = `Testlify ${eventType ?? "candidate event"}`;
      const envelope = parseOrExplain(testlifyEnvelopeSchema, body, what);
      const candidate = parseOrExplain(testlifyCandidateSchema, body.data, what);
      return {
        recognised: true,
        eventType: eventType ?? `candidate.${ours}`,
        events: [candidateEvent(candidate, ours, envelope.timestamp, receivedAt)],
        candidateEmail: candidate.email,
      };
    }

    if (kind === "assessment") {
      const event = TESTLIFY_ASSESSMENT_EVENTS.find((known) => known === body.event);
      if (!event) {
        return { recognised: false, eventType, reason: `unknown Testlify assessment event "${String(body.event)}"` };
      }
      const assessment = parseOrExplain(testlifyAssessmentSchema, body.data, `Testlify assessment.${event}`);
      return {
        recognised: true,
        eventType: `assessment.${event}` satisfies `assessment.${TestlifyAssessmentEvent}`,
        events: [assessmentEvent(assessment, event, receivedAt)],
        candidateEmail: null,
      };
    }

    return { recognised: false, eventType, reason: `unknown Testlify event type "${String(kind)}"` };
  },
};
