import type { AttemptDetails } from "@/lib/server/domain/events";
import { formatNumber } from "@/components/format";
import { formatDateTime } from "@/lib/shared/date-time";

function consentText(value: boolean | null | undefined): string {
  return value === true ? "accepted" : value === false ? "not accepted" : "not said";
}

/** What a provider says beyond the score: its own totals, a reviewer's rating and remark, consent. */
export function AttemptExtras({ details, timeZone }: { details: AttemptDetails; timeZone: string }) {
  const { totals, review, consent } = details;
  if (!totals && !review && !consent && !details.scoredAt && !details.expiredAt) return null;
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3" data-testid="attempt-extras">
      {totals && (totals.achieved !== null || totals.possible !== null) && (
        <Fact
          label="Points"
          value={`${formatNumber(totals.achieved)}${totals.possible !== null ? ` / ${formatNumber(totals.possible)}` : ""}`}
        />
      )}
      {totals?.questionCount != null && <Fact label="Questions" value={formatNumber(totals.questionCount)} />}
      {review?.rating != null && <Fact label="Reviewer rating" value={formatNumber(review.rating)} />}
      {review?.remark && (
        <div className="col-span-2 sm:col-span-3">
          <dt className="text-slate-500">Reviewer&apos;s remark</dt>
          <dd className="whitespace-pre-wrap text-slate-800">{review.remark}</dd>
        </div>
      )}
      {consent && <Fact label="Terms" value={consentText(consent.terms)} />}
      {consent && <Fact label="Recording consent" value={consentText(consent.recording)} />}
      {details.scoredAt && <Fact label="Scored" value={formatDateTime(details.scoredAt, timeZone)} />}
      {details.expiredAt && <Fact label="Expired" value={formatDateTime(details.expiredAt, timeZone)} />}
    </dl>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-800">{value}</dd>
    </div>
  );
}
