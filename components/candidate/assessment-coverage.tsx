import type { AssessmentCoverage } from "@/lib/server/results/assessment-coverage";
import { coversAnything } from "@/lib/server/results/assessment-coverage";
import { formatDuration } from "@/components/format";

/** What the assessment covers, as its provider defined it: skills as labels, tests, questions, limits. */
export function AssessmentCoverageView({ coverage }: { coverage: AssessmentCoverage }) {
  if (!coversAnything(coverage)) return null;
  const facts = [
    coverage.level && `Level: ${coverage.level}`,
    coverage.language && `Language: ${coverage.language}`,
    coverage.timeLimitSeconds !== null && `Time limit: ${formatDuration(coverage.timeLimitSeconds)}`,
    coverage.catalog?.name && `Catalog: ${coverage.catalog.name}`,
  ].filter((fact): fact is string => Boolean(fact));
  return (
    <details className="rounded-md border border-slate-200 p-3" data-testid="assessment-coverage">
      <summary className="cursor-pointer text-sm font-semibold text-slate-700">What this assessment covers</summary>
      <div className="mt-2 space-y-3 text-sm">
        {facts.length > 0 && <p className="text-slate-700">{facts.join(" · ")}</p>}
        {coverage.catalog?.description && <p className="text-slate-600">{coverage.catalog.description}</p>}
        {coverage.skills.length > 0 && <SkillLabels skills={coverage.skills} />}
        {coverage.tests.length > 0 && (
          <ul className="space-y-2">
            {coverage.tests.map((test, index) => (
              <li key={`${test.name}-${index}`}>
                <p className="font-medium">
                  {test.name}
                  <span className="font-normal text-slate-600">
                    {[
                      test.type,
                      test.level,
                      test.questionCount !== null &&
                        `${test.questionCount} ${test.questionCount === 1 ? "question" : "questions"}`,
                      test.timeLimitSeconds !== null && formatDuration(test.timeLimitSeconds),
                    ]
                      .filter(Boolean)
                      .map((part) => ` · ${part}`)}
                  </span>
                </p>
                {test.skills.length > 0 && <SkillLabels skills={test.skills} />}
              </li>
            ))}
          </ul>
        )}
        {coverage.customQuestions.length > 0 && (
          <QuestionList
            title={`Custom questions (${coverage.customQuestions.length})`}
            items={coverage.customQuestions.map((question) =>
              [question.question, question.answerType?.replace(/_/g, " ").toLowerCase()].filter(Boolean).join(" · "),
            )}
          />
        )}
        {coverage.qualificationQuestions.length > 0 && (
          <QuestionList
            title={`Qualification questions (${coverage.qualificationQuestions.length})`}
            items={coverage.qualificationQuestions}
          />
        )}
        {coverage.interviewQuestions.length > 0 && (
          <QuestionList
            title={`Interview questions (${coverage.interviewQuestions.length})`}
            items={coverage.interviewQuestions.map((question) => question.question)}
          />
        )}
      </div>
    </details>
  );
}

function SkillLabels({ skills }: { skills: string[] }) {
  return (
    <ul aria-label="Skills covered" className="mt-1 flex flex-wrap gap-1">
      {skills.map((skill, index) => (
        <li key={`${skill}-${index}`} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {skill}
        </li>
      ))}
    </ul>
  );
}

function QuestionList({ title, items }: { title: string; items: string[] }) {
  return (
    <div>
      <p className="font-medium">{title}</p>
      <ol className="mt-1 list-decimal space-y-1 pl-5 text-slate-700">
        {items.map((item, index) => (
          <li key={index} className="whitespace-pre-wrap">
            {item}
          </li>
        ))}
      </ol>
    </div>
  );
}
