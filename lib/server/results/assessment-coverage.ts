import "server-only";
// What an assessment covers, read from what its provider defined (Assessment.sections and
// .details, as the adapters wrote them): skills, tests with their question counts and time
// limits, custom and qualification questions, language, level and catalog. Lenient: a part that
// does not fit is left out, never the page.
import { z } from "zod";

const text = z.string().trim().min(1).nullable().optional().catch(null);
const number = z.number().finite().nullable().optional().catch(null);
const texts = z
  .array(z.unknown())
  .catch([])
  .transform((items) => items.flatMap((item) => (typeof item === "string" && item.trim() ? [item.trim()] : [])));
function list<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .optional()
    .catch([])
    .transform((items) =>
      (items ?? []).flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    );
}

const sectionsSchema = list(z.object({ id: text, name: z.string(), skills: texts.optional() }));

const detailsSchema = z.object({
  skills: texts.optional(),
  language: text,
  timeLimitSeconds: number,
  level: text,
  catalog: z.object({ name: text, description: text }).nullable().optional().catch(null),
  tests: list(
    z.object({ id: text, name: text, type: text, level: text, timeLimitSeconds: number, questionCount: number }),
  ),
  customQuestions: list(z.object({ question: text, answerType: text, maxScore: number, timeLimitSeconds: number })),
  qualificationQuestions: list(z.object({ question: text })),
  questions: list(z.object({ text: text, answerTimeSeconds: number })),
});

export interface AssessmentCoverage {
  /** Skills named by the provider as covered: labels, never scores waiting to arrive. */
  skills: string[];
  tests: {
    name: string;
    type: string | null;
    level: string | null;
    timeLimitSeconds: number | null;
    questionCount: number | null;
    skills: string[];
  }[];
  customQuestions: { question: string; answerType: string | null; maxScore: number | null }[];
  qualificationQuestions: string[];
  interviewQuestions: { question: string; answerTimeSeconds: number | null }[];
  language: string | null;
  timeLimitSeconds: number | null;
  level: string | null;
  catalog: { name: string | null; description: string | null } | null;
}

export function assessmentCoverage(sections: unknown, details: unknown): AssessmentCoverage {
  const definedSections = sectionsSchema.parse(sections);
  const parsed = detailsSchema.safeParse(details ?? {});
  const known = parsed.success ? parsed.data : detailsSchema.parse({});
  const skillsOf = (id: string | null | undefined, name: string | null | undefined) =>
    definedSections.find((section) => (id && section.id === id) || section.name === name)?.skills ?? [];
  const tests =
    known.tests.length > 0
      ? known.tests.map((test, index) => ({
          name: test.name ?? `Test ${index + 1}`,
          type: test.type ?? null,
          level: test.level ?? null,
          timeLimitSeconds: test.timeLimitSeconds ?? null,
          questionCount: test.questionCount ?? null,
          skills: skillsOf(test.id, test.name),
        }))
      : definedSections.map((section) => ({
          name: section.name,
          type: null,
          level: null,
          timeLimitSeconds: null,
          questionCount: null,
          skills: section.skills ?? [],
        }));
  return {
    skills: known.skills ?? [],
    tests,
    customQuestions: known.customQuestions.flatMap((question) =>
      question.question
        ? [
            {
              question: question.question,
              answerType: question.answerType ?? null,
              maxScore: question.maxScore ?? null,
            },
          ]
        : [],
    ),
    qualificationQuestions: known.qualificationQuestions.flatMap((question) =>
      question.question ? [question.question] : [],
    ),
    interviewQuestions: known.questions.flatMap((question) =>
      question.text ? [{ question: question.text, answerTimeSeconds: question.answerTimeSeconds ?? null }] : [],
    ),
    language: known.language ?? null,
    timeLimitSeconds: known.timeLimitSeconds && known.timeLimitSeconds > 0 ? known.timeLimitSeconds : null,
    level: known.level ?? null,
    catalog:
      known.catalog?.name || known.catalog?.description
        ? { name: known.catalog.name ?? null, description: known.catalog.description ?? null }
        : null,
  };
}

export function coversAnything(coverage: AssessmentCoverage): boolean {
  return (
    coverage.skills.length > 0 ||
    coverage.tests.length > 0 ||
    coverage.customQuestions.length > 0 ||
    coverage.qualificationQuestions.length > 0 ||
    coverage.interviewQuestions.length > 0 ||
    coverage.language !== null ||
    coverage.timeLimitSeconds !== null ||
    coverage.level !== null ||
    coverage.catalog !== null
  );
}
