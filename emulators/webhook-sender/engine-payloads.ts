// Assessment-engine test instances in the shape of its ae.test_instance.* document.
import type { EngineAssessmentSpec } from "./catalogue";
import type { Person } from "./testlify-payloads";

export interface InstanceState {
  spec: EngineAssessmentSpec;
  instanceId: number;
  candidateNumber: number;
  person: Person;
  status: string;
  score: number | null;
  /** One score per attribute, or null while not measured. */
  attributeScores: (number | null)[];
  measurementStatus: "pending" | "completed";
  timeTaken: string;
  createdAt: number;
  updatedAt: number;
  reportUrl: string | null;
}

export function engineTestInstance(state: InstanceState): Record<string, unknown> {
  const { spec, person } = state;
  const created = new Date(state.createdAt).toISOString();
  const updated = new Date(state.updatedAt).toISOString();
  return {
    id: state.instanceId,
    external_id: `ext_ti_${state.instanceId}`,
    old_id: null,
    score: state.score,
    instance_status: state.status,
    candidate_id: state.candidateNumber,
    catalog_assessment_id: spec.catalogAssessmentId,
    measurement_id: state.instanceId + 5000,
    session_instance_id: null,
    workflow_candidate_step_id: null,
    created_at: created,
    created_by: 1,
    updated_at: updated,
    updated_by: 1,
    candidate: {
      id: state.candidateNumber,
      external_id: `ext_can_${state.candidateNumber}`,
      user_id: state.candidateNumber + 100,
      email: person.email,
      first_name: person.firstName,
      last_name: person.lastName,
      middle_name: null,
      phone_number: null,
      country: person.place.country,
      is_tnc_accepted: true,
      is_recording_consent_accepted: true,
      resume_file_id: null,
      profile_pic_file_id: null,
      cf: {},
    },
    catalog_assessment: {
      id: spec.catalogAssessmentId,
      assessment: {
        id: spec.assessmentId,
        name: spec.name,
        level: spec.level,
        status: "published",
        created_at: "2026-01-10T09:00:00Z",
        updated_at: "2026-01-10T09:00:00Z",
      },
      catalog: {
        id: 404,
        name: "Standard Assessments",
        description: "Standard assessment catalog for technical roles.",
      },
    },
    measurement: {
      id: state.instanceId + 5000,
      status: state.measurementStatus,
      time_taken: state.timeTaken,
      report_url: state.reportUrl,
      report_file_id: null,
      measured_at: updated,
      measured_by: null,
      form_instance_id: null,
      measurement_attributes: spec.attributes.map((attribute, index) => ({
        id: attribute.id * 100 + state.instanceId,
        numerical_score: state.attributeScores[index] ?? null,
        percentile_score: null,
        remarks: null,
        description: null,
        additional_attributes: {},
        created_at: created,
        created_by: 1,
        updated_at: updated,
        updated_by: 1,
        section_configuration_attribute: {
          id: attribute.id,
          type: "numerical",
          recommended_value: attribute.recommended,
          recommended_ordinal_id: null,
          attribute: {
            id: attribute.id,
            name: attribute.name,
            attribute_type: "skill",
            is_required: true,
            min_value: 0,
            max_value: 100,
            skill: { id: attribute.id, name: attribute.skill },
          },
        },
        ordinal: null,
      })),
    },
  };
}
