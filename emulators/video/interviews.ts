// The provider's state: assessments, invitations, and how candidates move through an
// interview (invited → started → partially_scored → completed, or expired). Every move
// stamps the invitation and raises the matching webhook event.
import { WEBHOOK_EVENT_FOR, snapshot, type Assessment, type Invitation, type InvitationStatus } from "./model";
import { newId, type Random } from "../shared/random";
import { finalResult, partialResult, submittedAnswers } from "./results";

export interface AssessmentInput {
  title: string;
  jobTitle?: string | null;
  answerTimeSeconds?: number;
  questions: { text: string; answerTimeSeconds?: number }[];
}

export interface CandidateInput {
  name: string;
  email: string;
}

export interface InterviewOptions {
  publicUrl: string;
  random: Random;
  /** Candidates move on their own (the demo); tests move them with advance(). */
  autoProgress: boolean;
  /** The simulation's unit of time: stages take one to four steps. */
  stepMs: number;
  /** Share of candidates who never start, and of those who start but never submit. */
  noShowRate: number;
  dropOutRate: number;
  onEvent: (type: string, invitation: Invitation) => void;
}

const PROGRESS = ["started", "partially_scored", "completed"] as const;
// setTimeout's ceiling (about 24.8 days); longer expiries are not simulated.
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Interviews {
  readonly assessments = new Map<string, Assessment>();
  readonly invitations = new Map<string, Invitation>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: InterviewOptions) {}

  createAssessment(input: AssessmentInput): Assessment {
    const now = new Date().toISOString();
    const answerTimeSeconds = input.answerTimeSeconds ?? 120;
    const assessment: Assessment = {
      id: newId("asm"),
      title: input.title,
      jobTitle: input.jobTitle ?? null,
      answerTimeSeconds,
      questions: input.questions.map((question, index) => ({
        id: `q_${index + 1}`,
        text: question.text,
        answerTimeSeconds: question.answerTimeSeconds ?? answerTimeSeconds,
      })),
      createdAt: now,
      updatedAt: now,
    };
    this.assessments.set(assessment.id, assessment);
    return assessment;
  }

  /** `noShow`: this candidate never starts (the demo uses it to show an expiry). */
  invite(
    assessment: Assessment,
    candidates: CandidateInput[],
    expiresInHours: number,
    options: { noShow?: boolean } = {},
  ): Invitation[] {
    const invitedAt = new Date();
    const expiresAt = new Date(invitedAt.getTime() + expiresInHours * 3_600_000);
    return candidates.map((candidate) => {
      const id = newId("inv");
      const invitation: Invitation = {
        id,
        assessment: { id: assessment.id, title: assessment.title, jobTitle: assessment.jobTitle },
        candidate: { id: newId("cnd"), name: candidate.name, email: candidate.email },
        status: "invited",
        candidateUrl: `${this.options.publicUrl}/i/${id.slice(4)}`,
        invitedAt: invitedAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
        startedAt: null,
        submittedAt: null,
        completedAt: null,
        expiredAt: null,
        updatedAt: invitedAt.toISOString(),
        result: null,
      };
      this.invitations.set(id, invitation);
      this.plan(invitation, options.noShow ?? false);
      return snapshot(invitation);
    });
  }

  /** Moves an invitation forward to `target`, through every stage in between (one event each). */
  advance(invitationId: string, target: Exclude<InvitationStatus, "invited">): void {
    const invitation = this.invitations.get(invitationId);
    if (!invitation) throw new Error(`no invitation ${invitationId}`);
    if (invitation.status === "completed" || invitation.status === "expired") return;
    if (target === "expired") {
      if (invitation.status === "partially_scored") return; // submitted: scoring goes on
      this.move(invitation, "expired");
      return;
    }
    // "invited" is before the first stage (index -1), so the walk starts at "started".
    const from = (PROGRESS as readonly string[]).indexOf(invitation.status) + 1;
    for (const next of PROGRESS.slice(from, PROGRESS.indexOf(target) + 1)) {
      this.move(invitation, next);
    }
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private move(invitation: Invitation, status: Exclude<InvitationStatus, "invited">) {
    const { publicUrl, random } = this.options;
    // Strictly increasing per invitation, so receivers can order events by timestamp.
    const at = new Date(Math.max(Date.now(), Date.parse(invitation.updatedAt) + 1)).toISOString();
    const assessment = this.assessments.get(invitation.assessment.id)!;
    invitation.status = status;
    invitation.updatedAt = at;
    if (status === "started") invitation.startedAt = at;
    if (status === "expired") invitation.expiredAt = at;
    if (status === "partially_scored") {
      invitation.submittedAt = at;
      invitation.result = partialResult(
        invitation,
        publicUrl,
        submittedAnswers(assessment, invitation.id, publicUrl, random),
        random,
      );
    }
    if (status === "completed") {
      invitation.completedAt = at;
      const answers = invitation.result?.answers ?? submittedAnswers(assessment, invitation.id, publicUrl, random);
      invitation.result = finalResult(invitation, publicUrl, answers, random);
    }
    this.options.onEvent(WEBHOOK_EVENT_FOR[status], snapshot(invitation));
  }

  private plan(invitation: Invitation, noShow: boolean) {
    const untilExpiry = Date.parse(invitation.expiresAt) - Date.now();
    if (untilExpiry <= MAX_TIMER_MS) this.after(untilExpiry, () => this.advance(invitation.id, "expired"));
    const { autoProgress, random, stepMs, noShowRate, dropOutRate } = this.options;
    if (!autoProgress || noShow || random.chance(noShowRate)) return;
    let at = stepMs * random.int(1, 3);
    this.after(at, () => this.advance(invitation.id, "started"));
    if (random.chance(dropOutRate)) return;
    at += stepMs * random.int(2, 4);
    this.after(at, () => this.advance(invitation.id, "partially_scored"));
    at += stepMs * random.int(1, 3);
    this.after(at, () => this.advance(invitation.id, "completed"));
  }

  private after(delayMs: number, run: () => void) {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        run();
      },
      Math.max(0, delayMs),
    );
    this.timers.add(timer);
  }
}
