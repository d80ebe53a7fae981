// Realistic queue traffic: assessments sent to a few candidates at a time, then, later, each
// candidate's result — mostly completed, some timed out or abandoned, and some with the
// optional fields missing or null the way the platform really sends them.
import { FEEDBACK_GAPS, FEEDBACK_OPENINGS, FIRST_NAMES, JOBS, LAST_NAMES, type CatalogueAssessment } from "./catalogue";
import type { QueuedEventBody } from "./queue";
import { between, eventId, pick, seededRandom, type Random } from "./random";

interface Person {
  id: string;
  name: string;
  email: string;
}

interface Waiting {
  jobTitle: string;
  assessment: CatalogueAssessment;
  person: Person;
  sentAt: number;
}

export class TrafficGenerator {
  private readonly random: Random;
  private readonly platformUrl: string;
  private counter = 0;
  private people: Person[] = [];
  private waiting: Waiting[] = [];
  /** assessment:email pairs already sent: SmartAI sends an assessment to a person once. */
  private readonly sentPairs = new Set<string>();

  constructor(options: { seed?: number; platformUrl?: string } = {}) {
    this.random = seededRandom(options.seed ?? 42);
    this.platformUrl = options.platformUrl ?? "https://platform.smartai.app";
  }

  /** The next event in a realistic mix: results for waiting candidates, new invitations now and then. */
  next(at: Date): QueuedEventBody {
    const shouldSend = this.waiting.length < 4 || this.random() < 0.18;
    return (shouldSend ? null : this.completed(at)) ?? this.sent(at);
  }

  /** `count` events, stored `spacingMs` apart, the last one at `end`. */
  batch(count: number, end: Date, spacingMs = 1_000): QueuedEventBody[] {
    const first = end.getTime() - (count - 1) * spacingMs;
    return Array.from({ length: count }, (_, index) => this.next(new Date(first + index * spacingMs)));
  }

  /** An assessment sent to 2–6 candidates, who will complete it later. */
  sent(at: Date): QueuedEventBody {
    const job = pick(this.random, JOBS);
    const assessment = pick(this.random, job.assessments);
    const candidates = Array.from({ length: between(this.random, 2, 6) }, () => this.person());
    const unique = [...new Map(candidates.map((person) => [person.email, person])).values()].filter(
      (person) => !this.sentPairs.has(`${assessment.id}:${person.email}`),
    );
    if (unique.length === 0) unique.push(this.person(true));
    for (const person of unique) {
      this.sentPairs.add(`${assessment.id}:${person.email}`);
      this.waiting.push({ jobTitle: job.title, assessment, person, sentAt: at.getTime() });
    }
    return {
      eventId: this.nextEventId(),
      event: "assessment.sent",
      assessmentId: assessment.id,
      assessmentName: assessment.name,
      assessmentUrl: `${this.platformUrl}/a/${assessment.id}`,
      jobTitle: job.title,
      orgId: "org_42",
      candidates: unique.map((person) => ({ id: person.id, name: person.name, email: person.email })),
      totalCandidates: unique.length,
      storedAt: at.toISOString(),
    };
  }

  /** A waiting candidate's result (a random one, as people finish in any order), or null. */
  completed(at: Date): QueuedEventBody | null {
    // Only invitations sent before now can have been taken.
    const ready = this.waiting.filter((item) => item.sentAt < at.getTime());
    if (ready.length === 0) return null;
    const taken = ready[Math.floor(this.random() * ready.length)]!;
    this.waiting.splice(this.waiting.indexOf(taken), 1);
    const { jobTitle, assessment, person, sentAt } = taken;
    const id = this.nextEventId();
    const roll = this.random();
    const status = roll < 0.8 ? "completed" : roll < 0.92 ? "timeout" : "abandoned";
    const score =
      status === "abandoned"
        ? null
        : status === "timeout"
          ? between(this.random, 18, 70)
          : between(this.random, 32, 98);
    // Submitted after the invitation and before SmartAI stored the result.
    const submittedAt = new Date(sentAt + 1 + Math.floor((at.getTime() - sentAt - 1) * (0.5 + this.random() / 2)));
    const event: QueuedEventBody = {
      eventId: id,
      event: "assessment.completed",
      assessmentId: assessment.id,
      candidateId: person.id,
      candidateName: person.name,
      // Now and then the platform spells the address differently from the invitation.
      candidateEmail: this.random() < 0.1 ? capitalise(person.email) : person.email,
      assessmentName: assessment.name,
      jobTitle,
      skills: assessment.skills,
      score,
      totalMarks: 100,
      passMarks: assessment.passMarks,
      passed: score === null ? null : score >= assessment.passMarks,
      status,
      submittedAt: submittedAt.toISOString(),
      durationMinutes:
        status === "timeout" ? assessment.timeLimitMinutes : between(this.random, 8, assessment.timeLimitMinutes),
      aiFeedback: status === "abandoned" ? null : this.feedback(assessment, score ?? 0),
      reportUrl: `${this.platformUrl}/reports/${id}`,
      proctoring: {
        score: between(this.random, 55, 100),
        violationCount: this.random() < 0.7 ? 0 : between(this.random, 1, 6),
      },
      recording: { url: `${this.platformUrl}/recordings/${id}.mp4` },
      questionAnswers: this.answers(assessment, score),
      storedAt: at.toISOString(),
    };
    this.vary(event, "recording", 0.1, 0.1);
    this.vary(event, "aiFeedback", 0.08, 0.08);
    this.vary(event, "durationMinutes", 0.1, 0.05);
    this.vary(event, "questionAnswers", 0.1, 0.08);
    this.vary(event, "proctoring", 0.07, 0.07);
    return event;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  private person(fresh = false): Person {
    if (!fresh && this.people.length > 10 && this.random() < 0.15) return pick(this.random, this.people);
    const index = this.people.length;
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const round = Math.floor(index / (FIRST_NAMES.length * LAST_NAMES.length));
    const local = `${ascii(first)}.${ascii(last)}${round > 0 ? round + 1 : ""}`;
    const person = {
      id: `cand_${(index + 1).toString(36).padStart(6, "0")}`,
      name: `${first} ${last}`,
      email: `${local}@example.com`,
    };
    this.people.push(person);
    return person;
  }

  private feedback(assessment: CatalogueAssessment, score: number): string {
    const strong = pick(this.random, assessment.skills);
    const weak = pick(
      this.random,
      assessment.skills.filter((skill) => skill !== strong),
    );
    const closing =
      score >= assessment.passMarks ? "Recommended for the next round." : "Below the bar for this role today.";
    return `${pick(this.random, FEEDBACK_OPENINGS)} ${strong}; ${pick(this.random, FEEDBACK_GAPS)} ${weak ?? "time management"}. ${closing}`;
  }

  private answers(assessment: CatalogueAssessment, score: number | null) {
    return assessment.questions.map((item, index) => {
      const maxMarks = 10;
      const answered = score !== null && this.random() < 0.9;
      return {
        questionId: `q${index + 1}`,
        question: item.question,
        answer: answered ? item.answer : null,
        marks: answered ? clamp(Math.round(((score ?? 0) / 100) * maxMarks + (this.random() * 4 - 2)), 0, maxMarks) : 0,
        maxMarks,
      };
    });
  }

  /** Leaves the field out (chance `missing`) or sets it to null (chance `nulled`). */
  private vary(event: QueuedEventBody, field: string, missing: number, nulled: number) {
    const roll = this.random();
    if (roll < missing) delete event[field];
    else if (roll < missing + nulled) event[field] = null;
  }

  private nextEventId(): string {
    this.counter += 1;
    return eventId(this.random, this.counter);
  }
}

function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

function capitalise(email: string): string {
  return email.replace(/(^|\.)([a-z])/g, (_match, dot: string, letter: string) => dot + letter.toUpperCase());
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
