import "server-only";
// The assessment engine's ae.test_instance.created/.updated → DomainEvents. Each delivery is
// the whole test instance at `updated_at`: the catalog assessment it belongs to, and the
// candidate's attempt (keyed by the test instance id).
import {
  TranslationError,
  type AttemptFacts,
  type DomainEvent,
  type ProviderAdapter,
  type SectionScore,
  type Translation,
} from "../../domain/events";
import type { AssessmentLifecycle } from "../../../shared/vocabulary";
import { parseOrExplain, safeHttpUrl } from "../lenient";
import { isEngineEnvelope, normaliseEngineEventType } from "./event-type";
import { intervalToSeconds } from "./interval";
import { engineTestInstanceSchema, type EngineMeasurementAttribute, type EngineTestInstance } from "./schemas";
import { attemptStatusOf, isMeasurementPending } from "./status";

export function engineAttemptKey(testInstanceId: string): string {
  return `test-instance:${testInstanceId}`;
}

export const assessmentEngineAdapter: ProviderAdapter = {
  provider: "assessment-engine",
  translate({ body, eventType: headerEventType }): Translation {
    const envelope = isEngineEnvelope(body);
    const sent = envelope ? body.event : headerEventType;
    const eventType = normaliseEngineEventType(sent);
    if (!eventType) {
      return {
        recognised: false,
        eventType: sent,
        reason: sent
          ? `unknown engine event "${sent}": expected ae.test_instance.created or ae.test_instance.updated`
          : 'no event name: send {"event": …, "data": <test instance>} or the test instance with an x-event-type header',
      };
    }
    const instance = parseOrExplain(engineTestInstanceSchema, envelope ? body.data : body, eventType);
    return {
      recognised: true,
      eventType,
      events: [...assessmentDefinition(instance), attemptReport(instance)],
      candidateEmail: instance.candidate.email,
    };
  },
};

function assessmentFacts(instance: EngineTestInstance) {
  const catalogAssessment = instance.catalog_assessment;
  const externalId = catalogAssessment?.id ?? instance.catalog_assessment_id;
  if (!externalId)
    throw new TranslationError(
      "the test instance names no catalog assessment (catalog_assessment.id or catalog_assessment_id)",
    );
  return { externalId, name: catalogAssessment?.assessment?.name ?? `Engine assessment ${externalId}`, jobTitle: null };
}

/** The catalog entry, when the payload includes it: its level and catalog go to the assessment's details. */
function assessmentDefinition(instance: EngineTestInstance): DomainEvent[] {
  const catalogAssessment = instance.catalog_assessment;
  if (!catalogAssessment?.id) return [];
  const { assessment, catalog } = catalogAssessment;
  return [
    {
      kind: "assessment.defined",
      occurredAt: assessment?.updated_at ?? instance.updated_at,
      assessment: {
        ...assessmentFacts(instance),
        lifecycle: lifecycleOf(assessment?.status ?? null),
        details: {
          level: assessment?.level ?? null,
          engineAssessmentId: assessment?.id ?? null,
          catalog: catalog ? { id: catalog.id, name: catalog.name, description: catalog.description } : null,
        },
      },
    },
  ];
}

function lifecycleOf(status: string | null): AssessmentLifecycle | undefined {
  const known: Record<string, AssessmentLifecycle> = {
    draft: "draft",
    published: "published",
    active: "published",
    archived: "archived",
    deleted: "deleted",
  };
  return status ? known[status.toLowerCase()] : undefined;
}

function attemptReport(instance: EngineTestInstance): DomainEvent {
  const { candidate } = instance;
  return {
    kind: "attempt.reported",
    occurredAt: instance.updated_at,
    attemptKey: engineAttemptKey(instance.id),
    assessment: assessmentFacts(instance),
    candidate: {
      email: candidate.email,
      name: [candidate.first_name, candidate.middle_name, candidate.last_name].filter(Boolean).join(" ") || null,
      // The engine's own id for the person; its external_id is the tenant's, which may be absent.
      externalId: candidate.id ?? candidate.external_id,
      phone: candidate.phone_number,
      country: candidate.country,
    },
    facts: attemptFacts(instance),
  };
}

function attemptFacts(instance: EngineTestInstance): AttemptFacts {
  const measurement = instance.measurement;
  const sections = measurement?.measurement_attributes.map(sectionScore);
  const anyScore =
    instance.score !== null || (sections ?? []).some((section) => section.score !== null || section.label !== null);
  const seconds = intervalToSeconds(measurement?.time_taken);
  const status = attemptStatusOf(instance.instance_status);
  const scored = measurement !== null && !isMeasurementPending(measurement.status);
  // A finished instance was submitted when it was measured; the engine has no other submission time.
  const submittedAt =
    status === "completed" ? ((scored ? measurement.measured_at : null) ?? instance.updated_at) : undefined;
  return {
    status,
    resultState: !measurement
      ? instance.score === null
        ? "pending"
        : "final"
      : isMeasurementPending(measurement.status)
        ? anyScore
          ? "partial"
          : "pending"
        : "final",
    score: instance.score,
    // The engine does not say what its overall score is out of.
    maxScore: null,
    sections: sections && sections.length > 0 ? sections : undefined,
    reportUrl: measurement ? safeHttpUrl(measurement.report_url) : undefined,
    startedAt: instance.created_at ?? undefined,
    submittedAt,
    durationSeconds: measurement ? (seconds !== null && seconds > 0 ? seconds : null) : undefined,
    details: {
      consent:
        instance.candidate.is_tnc_accepted === null && instance.candidate.is_recording_consent_accepted === null
          ? null
          : {
              terms: instance.candidate.is_tnc_accepted,
              recording: instance.candidate.is_recording_consent_accepted,
            },
      scoredAt: scored ? (measurement.measured_at?.toISOString() ?? null) : null,
    },
  };
}

function sectionScore(attribute: EngineMeasurementAttribute, index: number): SectionScore {
  const configuration = attribute.section_configuration_attribute;
  const definition = configuration?.attribute;
  // An ordinal's value is text: a number ("3") scores, a word ("B+") is only its label.
  const ordinalText = attribute.ordinal?.value?.trim() ?? "";
  const ordinalValue = ordinalText === "" ? Number.NaN : Number(ordinalText);
  const score = attribute.numerical_score ?? (Number.isFinite(ordinalValue) ? ordinalValue : null);
  const min = definition?.min_value ?? 0;
  const max = definition?.max_value ?? null;
  return {
    name: definition?.name ?? attribute.description ?? `Attribute ${attribute.id ?? index + 1}`,
    skill: definition?.skill?.name ?? null,
    score,
    maxScore: max,
    percentage:
      score !== null && max !== null && max > min ? Math.round(((score - min) / (max - min)) * 1000) / 10 : null,
    recommended: configuration?.recommended_value ?? null,
    percentile: attribute.percentile_score,
    remarks: attribute.remarks,
    label: attribute.ordinal?.label ?? (ordinalText && !Number.isFinite(ordinalValue) ? ordinalText : null),
  };
}
