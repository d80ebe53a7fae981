import { ShareLinksList } from "./share-links-list";
import { ShareReportDialog } from "./share-report-dialog";

/**
 * Everything about sharing one attempt, for the candidate page's attempt section: the
 * "Share report" dialog and the attempt's existing links with Revoke buttons.
 */
export function AttemptSharing({ attemptId, candidateName }: { attemptId: string; candidateName: string }) {
  return (
    <section aria-label="Share links" className="mt-4 border-t border-slate-100 pt-3">
      <div className="flex items-center justify-between gap-3">
        <h3 className="text-sm font-semibold text-slate-700">Share links</h3>
        <ShareReportDialog attemptId={attemptId} candidateName={candidateName} />
      </div>
      <div className="mt-2">
        <ShareLinksList attemptId={attemptId} />
      </div>
    </section>
  );
}
