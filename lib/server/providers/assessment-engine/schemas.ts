import "server-only";
// The engine's test instance (ae.test_instance.* payload), as its document's type showcase
// describes it. Lenient everywhere but the identifiers, the candidate's email and updated_at.
import { z } from "zod";
import {
  looseArray,
  looseBoolean,
  looseDate,
  looseNumber,
  looseObject,
  looseText,
  requiredDate,
  requiredEmail,
  requiredId,
} from "../lenient";

const measurementAttributeSchema = z.object({
  id: looseText,
  numerical_score: looseNumber,
  percentile_score: looseNumber,
  remarks: looseText,
  description: looseText,
  section_configuration_attribute: looseObject(
    z.object({
      type: looseText,
      recommended_value: looseNumber,
      attribute: looseObject(
        z.object({
          name: looseText,
          attribute_type: looseText,
          min_value: looseNumber,
          max_value: looseNumber,
          skill: looseObject(z.object({ name: looseText })),
        }),
      ),
    }),
  ),
  ordinal: looseObject(z.object({ label: looseText, value: looseText })),
});
export type EngineMeasurementAttribute = z.output<typeof measurementAttributeSchema>;

export const engineTestInstanceSchema = z.object({
  id: requiredId,
  external_id: looseText,
  score: looseNumber,
  instance_status: looseText,
  catalog_assessment_id: looseText,
  created_at: looseDate,
  /** Orders the engine's updates: without it a delivery cannot be placed, so it is required. */
  updated_at: requiredDate,
  candidate: z.object(
    {
      id: looseText,
      external_id: looseText,
      email: requiredEmail,
      first_name: looseText,
      middle_name: looseText,
      last_name: looseText,
      phone_number: looseText,
      country: looseText,
      is_tnc_accepted: looseBoolean,
      is_recording_consent_accepted: looseBoolean,
    },
    { message: "is missing or not an object" },
  ),
  catalog_assessment: looseObject(
    z.object({
      id: looseText,
      assessment: looseObject(
        z.object({ id: looseText, name: looseText, level: looseText, status: looseText, updated_at: looseDate }),
      ),
      catalog: looseObject(z.object({ id: looseText, name: looseText, description: looseText })),
    }),
  ),
  measurement: looseObject(
    z.object({
      status: looseText,
      time_taken: looseText,
      report_url: looseText,
      measured_at: looseDate,
      measurement_attributes: looseArray(measurementAttributeSchema),
    }),
  ),
});
export type EngineTestInstance = z.output<typeof engineTestInstanceSchema>;
