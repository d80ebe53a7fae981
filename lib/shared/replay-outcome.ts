/** What became of one replayed delivery, as the event log shows it. */
export interface ReplayOutcome {
  id: string;
  provider: string;
  eventType: string | null;
  status: string;
  error: string | null;
}
