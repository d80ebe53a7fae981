import type { QuestionAnswer } from "@/lib/server/domain/events";
import { ANSWER_STATE_LABELS, answerStateOf, type AnswerStateName } from "@/lib/shared/answer-state";
import { formatNumber, safeHttpUrl } from "@/components/format";

const STATE_TONES: Record<AnswerStateName, string> = {
  scored: "text-emerald-800 bg-emerald-50",
  scoring: "text-sky-800 bg-sky-50",
  scoring_failed: "text-rose-800 bg-rose-50",
  unanswered: "text-slate-700 bg-slate-100",
};

/** What to say where the answer's text would be, when there is none. */
const NO_TEXT: Record<AnswerStateName, string> = {
  scored: "No transcript or written answer.",
  scoring: "Answer received; the provider is still scoring it.",
  scoring_failed: "Answer received; the provider could not score it.",
  unanswered: "Not answered.",
};

/**
 * Question by question: what was asked, what the candidate answered, the marks, and where each
 * answer stands (scored, being scored, scoring failed, not answered).
 */
export function QuestionAnswers({ answers, resultState }: { answers: QuestionAnswer[]; resultState: string }) {
  return (
    <details open={answers.length <= 5} className="group">
      <summary className="cursor-pointer text-sm font-semibold text-slate-700">
        Answers ({answers.length} {answers.length === 1 ? "question" : "questions"})
      </summary>
      <ol className="mt-2 space-y-3">
        {answers.map((answer, index) => {
          const recording = safeHttpUrl(answer.recordingUrl);
          const state = answerStateOf(answer, resultState);
          return (
            <li key={`${answer.id}-${index}`} className="rounded-md border border-slate-200 p-3 text-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className="whitespace-pre-wrap font-medium">
                  <span className="text-slate-500">{index + 1}. </span>
                  {answer.question}
                </p>
                <span className="flex shrink-0 items-center gap-2">
                  <span
                    data-answer-state={state}
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_TONES[state]}`}
                  >
                    {ANSWER_STATE_LABELS[state]}
                  </span>
                  {answer.marks != null && (
                    <span className="tabular-nums text-slate-700">
                      {formatNumber(answer.marks)}
                      {answer.maxMarks != null && ` / ${formatNumber(answer.maxMarks)}`} marks
                    </span>
                  )}
                </span>
              </div>
              {answer.answer ? (
                <p className="mt-1 whitespace-pre-wrap text-slate-700">{answer.answer}</p>
              ) : (
                <p className="mt-1 text-slate-500">{NO_TEXT[state]}</p>
              )}
              {answer.correct != null && (
                <p className={`mt-1 text-xs font-medium ${answer.correct ? "text-emerald-700" : "text-rose-700"}`}>
                  {answer.correct ? "Correct" : "Incorrect"}
                </p>
              )}
              {recording && (
                <a
                  href={recording}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="mt-1 inline-block text-xs text-indigo-700 hover:underline"
                >
                  Answer recording
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
