// What the recruiter journey seeds and then looks for: shared by the seed script and the spec.
export const RECRUITER_JOURNEY = {
  job: "E2E Platform Engineer",
  /** Served by the spec itself (page.route), so the player has something real to play. */
  recordingUrl: "https://media.e2e.test/recordings/priya-full-stack.mp4",
  scriptFeedback: "<script>window.__injected = true</script> Clear answers, careful with edge cases.",
  people: {
    priya: { email: "priya.e2e@example.com", name: "Priya Sharma" },
    omar: { email: "omar.e2e@example.com", name: "Omar Haddad" },
    mallory: { email: "mallory.e2e@example.com", name: "@Mallory Formula" },
    bikram: { email: "bikram.e2e@example.com", name: "Bikram Ghosh" },
    jane: { email: "jane.e2e@example.com", name: "Jane Doe" },
    mei: { email: "mei.e2e@example.com", name: "Mei Chen" },
  },
} as const;
