import "server-only";
// An ae.test_instance.updated delivery in the shape of the engine's document, for the admin's
// "Send test event". Test deliveries are translated but never applied.
export function engineSampleDelivery(now: Date): unknown {
  const at = now.toISOString();
  return {
    event: "ae.test_instance.updated",
    data: {
      id: 900001,
      external_id: "assessment-hub-test",
      score: 81,
      instance_status: "completed",
      candidate_id: 900002,
      catalog_assessment_id: 900003,
      created_at: new Date(now.getTime() - 3_600_000).toISOString(),
      updated_at: at,
      candidate: {
        id: 900002,
        external_id: null,
        email: "test.candidate@example.com",
        first_name: "Test",
        middle_name: null,
        last_name: "Candidate",
        phone_number: null,
        country: null,
      },
      catalog_assessment: {
        id: 900003,
        assessment: {
          id: 900004,
          name: "Assessment Hub test event",
          level: "intermediate",
          status: "published",
          created_at: at,
          updated_at: at,
        },
        catalog: { id: 900005, name: "Test catalog", description: null },
      },
      measurement: {
        id: 900006,
        status: "completed",
        time_taken: "00:41:05",
        report_url: null,
        measured_at: at,
        measurement_attributes: [
          {
            id: 1,
            numerical_score: 78,
            percentile_score: null,
            remarks: null,
            description: null,
            additional_attributes: {},
            section_configuration_attribute: {
              id: 10,
              type: "numerical",
              recommended_value: 70,
              attribute: {
                id: 10,
                name: "Logical Reasoning",
                attribute_type: "skill",
                is_required: true,
                min_value: 0,
                max_value: 100,
                skill: { id: 5, name: "Logic" },
              },
            },
            ordinal: null,
          },
        ],
      },
    },
  };
}
