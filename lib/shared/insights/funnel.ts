// The hiring funnel invited → started → completed → passed, counted from each attempt's
// current status. Providers do not all report every stage: SmartAI's queue carries only
// finished attempts, and only SmartAI gives a verdict. A stage a provider never reports is
// "not reported" (null), never a zero that would read as "nobody".
import { RESULT_STATUSES, type AttemptStatus, type ProviderId } from "../vocabulary";

export const FUNNEL_STAGES = ["invited", "started", "completed", "passed"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_STAGE_LABELS: Record<FunnelStage, string> = {
  invited: "Invited",
  started: "Started",
  completed: "Completed",
  passed: "Passed",
};

/** What each provider's events can tell us (see /work/shared/providers and each adapter). */
export const STAGES_REPORTED: Record<ProviderId, ReadonlySet<FunnelStage>> = {
  smartai: new Set(["completed", "passed"]),
  testlify: new Set(["invited", "started", "completed"]),
  "assessment-engine": new Set(["invited", "started", "completed"]),
  video: new Set(["invited", "started", "completed"]),
};

/** Finished with a result to read: a timed-out attempt was submitted by the clock. */
export const COMPLETED_STATUSES: ReadonlySet<string> = new Set<AttemptStatus>(["completed", "timeout"]);
const STARTED_STATUSES: ReadonlySet<string> = new Set<AttemptStatus>(["in_progress", ...RESULT_STATUSES]);

export interface StatusGroup {
  provider: ProviderId;
  status: string;
  passed: boolean | null;
  integrityFlagged: boolean;
  count: number;
}

export interface ProviderFunnel {
  provider: ProviderId;
  /** Null where the provider never reports the stage. */
  stages: Record<FunnelStage, number | null>;
  /** Attempts the candidate sat (a result status) and those flagged for integrity among them. */
  sat: number;
  flagged: number;
}

function reaches(stage: FunnelStage, group: StatusGroup): boolean {
  switch (stage) {
    case "invited":
      return true;
    case "started":
      return STARTED_STATUSES.has(group.status);
    case "completed":
      return COMPLETED_STATUSES.has(group.status);
    case "passed":
      return group.passed === true;
  }
}

/** One funnel per provider present, in the vocabulary's provider order. */
export function buildFunnels(groups: readonly StatusGroup[]): ProviderFunnel[] {
  const byProvider = new Map<ProviderId, ProviderFunnel>();
  for (const group of groups) {
    let funnel = byProvider.get(group.provider);
    if (!funnel) {
      const reported = STAGES_REPORTED[group.provider];
      funnel = {
        provider: group.provider,
        stages: Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, reported.has(stage) ? 0 : null])) as Record<
          FunnelStage,
          number | null
        >,
        sat: 0,
        flagged: 0,
      };
      byProvider.set(group.provider, funnel);
    }
    for (const stage of FUNNEL_STAGES) {
      const current = funnel.stages[stage];
      if (current !== null && reaches(stage, group)) funnel.stages[stage] = current + group.count;
    }
    if (RESULT_STATUSES.has(group.status as AttemptStatus)) {
      funnel.sat += group.count;
      if (group.integrityFlagged) funnel.flagged += group.count;
    }
  }
  return Object.keys(STAGES_REPORTED)
    .map((provider) => byProvider.get(provider as ProviderId))
    .filter((funnel): funnel is ProviderFunnel => funnel !== undefined);
}
