import type { QuestionAnswer } from "@/lib/server/domain/events";
import { formatNumber, safeHttpUrl } from "@/components/format";

/** Question by question: what was asked, what the candidate answered, and the marks. */
export function QuestionAnswers({ answers }: { answers: QuestionAnswer[] }) {
  return (
    <details open={answers.length <= 5} className="group">
      <summary className="cursor-pointer text-sm font-semibold text-slate-700">
        Answers ({answers.length} {answers.length === 1 ? "question" : "questions"})
      </summary>
      <ol className="mt-2 space-y-3">
        {answers.map((answer, index) => {
          const recording = safeHttpUrl(answer.recordingUrl);
          return (
            <li key={`${answer.id}-${index}`} className="rounded-md border border-slate-200 p-3 text-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className="whitespace-pre-wrap font-medium">
                  <span className="text-slate-500">{index + 1}. </span>
                  {answer.question}
                </p>
                {answer.marks != null && (
                  <span className="shrink-0 tabular-nums text-slate-700">
                    {formatNumber(answer.marks)}
                    {answer.maxMarks != null && ` / ${formatNumber(answer.maxMarks)}`} marks
                  </span>
                )}
              </div>
              {answer.answer ? (
                <p className="mt-1 whitespace-pre-wrap text-slate-700">{answer.answer}</p>
              ) : (
                <p className="mt-1 text-slate-500">No answer recorded.</p>
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
