// A video interview's result in full: AI summary, personality and trait insights, each
// answer with its score, transcript and recording, and the whole transcript. Provider text
// is rendered as text; links only when they are http(s).
import { formatNumber, safeHttpUrl } from "@/components/format";
import type { MediaItem, QuestionAnswer, Trait } from "@/lib/server/domain/events";

export interface VideoResultDetailsProps {
  aiFeedback: string | null;
  traits: Trait[];
  questionAnswers: QuestionAnswer[];
  media: MediaItem[];
  transcript: string | null;
  recordingUrl: string | null;
  reportUrl: string | null;
}

export function VideoResultDetails(props: VideoResultDetailsProps) {
  const recording = safeHttpUrl(props.recordingUrl);
  const report = safeHttpUrl(props.reportUrl);
  // Answer recordings are shown with their answers; anything else the provider sent, here.
  const otherMedia = props.media.filter(
    (item) => !props.questionAnswers.some((answer) => answer.recordingUrl === item.url),
  );
  return (
    <div className="space-y-4 text-sm">
      {props.aiFeedback && <p className="text-slate-800">{props.aiFeedback}</p>}
      {(recording || report) && (
        <p className="flex flex-wrap gap-4">
          {recording && <ExternalLink href={recording}>Full recording</ExternalLink>}
          {report && <ExternalLink href={report}>Provider&apos;s report</ExternalLink>}
        </p>
      )}
      {props.traits.length > 0 && <TraitList traits={props.traits} />}
      {props.questionAnswers.length > 0 && (
        <section aria-label="Answers">
          <h4 className="font-semibold text-slate-700">Answers</h4>
          <ol className="mt-2 space-y-3">
            {props.questionAnswers.map((answer, index) => (
              <li key={answer.id} className="rounded-md border border-slate-200 p-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-medium">
                    {index + 1}. {answer.question}
                  </p>
                  <span className="text-slate-700">
                    {answer.marks == null
                      ? "not scored yet"
                      : `${formatNumber(answer.marks)}${answer.maxMarks ? ` / ${formatNumber(answer.maxMarks)}` : ""}`}
                  </span>
                </div>
                {answer.answer && <p className="mt-1 whitespace-pre-line text-slate-700">{answer.answer}</p>}
                {safeHttpUrl(answer.recordingUrl) && (
                  <ExternalLink href={safeHttpUrl(answer.recordingUrl)!}>Recording of answer {index + 1}</ExternalLink>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {otherMedia.length > 0 && (
        <ul className="space-y-1">
          {otherMedia.map((item) =>
            safeHttpUrl(item.url) ? (
              <li key={item.url}>
                <ExternalLink href={safeHttpUrl(item.url)!}>{item.label}</ExternalLink>
              </li>
            ) : null,
          )}
        </ul>
      )}
      {props.transcript && (
        <details>
          <summary className="cursor-pointer font-semibold text-slate-700">Full transcript</summary>
          <p className="mt-2 whitespace-pre-line text-slate-700">{props.transcript}</p>
        </details>
      )}
    </div>
  );
}

function TraitList({ traits }: { traits: Trait[] }) {
  return (
    <section aria-label="Personality and trait insights">
      <h4 className="font-semibold text-slate-700">Personality and trait insights</h4>
      <ul className="mt-2 grid gap-3 sm:grid-cols-2">
        {traits.map((trait) => {
          const max = trait.maxScore || 100;
          const share = trait.score == null ? 0 : Math.max(0, Math.min(1, trait.score / max));
          return (
            <li key={trait.name}>
              <div className="flex justify-between gap-2">
                <span className="font-medium">{trait.name}</span>
                <span className="text-slate-700">
                  {trait.score == null ? "—" : `${formatNumber(trait.score)} / ${formatNumber(max)}`}
                </span>
              </div>
              <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden="true">
                <div className="h-1.5 rounded-full bg-indigo-500" style={{ width: `${Math.round(share * 100)}%` }} />
              </div>
              {trait.description && <p className="mt-1 text-slate-600">{trait.description}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="text-indigo-700 underline-offset-2 hover:underline"
    >
      {children}
    </a>
  );
}
