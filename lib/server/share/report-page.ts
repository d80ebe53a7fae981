import "server-only";
// The shared report as a complete HTML document: read-only, print-friendly, no scripts,
// no app navigation, and nothing about any other candidate or attempt.
import { providerLabel, statusLabel } from "@/components/format";
import { formatDateTime } from "@/lib/shared/date-time";
import { html, trustedMarkup, type SafeHtml } from "./html";
import type { SharedReport } from "./shared-report";
import { REPORT_STYLES } from "./report-styles";

export function reportDocument(report: SharedReport): string {
  const title = `${report.candidateName}: ${report.assessmentName}`;
  return page(
    title,
    html`<header>
        <p class="eyebrow">Assessment report</p>
        <h1>${report.candidateName}</h1>
        <p class="subtitle">${report.assessmentName}${report.jobTitle ? html` · ${report.jobTitle}` : ""}</p>
      </header>
      ${summary(report)} ${sections(report)} ${proctoring(report)} ${recordings(report)}
      <footer>
        <p>
          Shared with you from Assessment Hub. Please do not forward it: the link stops working on
          ${formatDateTime(report.expiresAt, report.timeZone)}.
        </p>
        <p>Times are in ${report.timeZone}, the time zone of the person who shared this report.</p>
      </footer>`,
  );
}

/** The plain page for a link that does not work: gone (410), unknown (404), too many tries (429). */
export function messageDocument(heading: string, text: string): string {
  return page(
    heading,
    html`<header><h1>${heading}</h1></header>
      <p class="message">${text}</p>`,
  );
}

function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow, noarchive" />
        <!-- The token is in this page's URL: never pass it on as a Referer (next.config sets the header site-wide). -->
        <meta name="referrer" content="no-referrer" />
        <title>${title}</title>
        <style>
          ${trustedMarkup(REPORT_STYLES)}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`.value;
}

function summary(report: SharedReport): SafeHtml {
  const provider = providerLabel(report.provider);
  return html`<section aria-labelledby="result-heading">
    <h2 id="result-heading">Result</h2>
    <dl class="summary">
      <div>
        <dt>Score</dt>
        <dd class="score">${scoreText(report.score, report.maxScore, { final: report.resultState === "final" })}</dd>
      </div>
      ${
        report.passMark !== null
          ? html`<div>
              <dt>Pass mark</dt>
              <dd>${formatNumber(report.passMark)}</dd>
            </div>`
          : ""
      }
      <div>
        <dt>Outcome</dt>
        <dd>${outcome(report.passed)}</dd>
      </div>
      ${
        report.gradingBand
          ? html`<div>
              <dt>Band</dt>
              <dd>${report.gradingBand}</dd>
            </div>`
          : ""
      }
      <div>
        <dt>Status</dt>
        <dd>${statusLabel(report.status)}</dd>
      </div>
      <div>
        <dt>Submitted</dt>
        <dd>${report.submittedAt ? formatDateTime(report.submittedAt, report.timeZone) : "Not yet"}</dd>
      </div>
      <div>
        <dt>Provider</dt>
        <dd>${provider}</dd>
      </div>
    </dl>
  </section>`;
}

function outcome(passed: boolean | null): SafeHtml {
  if (passed === null) return html`<span class="pill">No verdict yet</span>`;
  return passed ? html`<span class="pill pass">Passed</span>` : html`<span class="pill fail">Not passed</span>`;
}

function sections(report: SharedReport): SafeHtml | "" {
  if (report.sections.length === 0) return "";
  const final = report.resultState === "final";
  const withPercentile = report.sections.some((section) => section.percentile != null);
  const rows = report.sections.map((section) => {
    const percentage = section.percentage ?? percentOf(section.score ?? null, section.maxScore ?? null);
    // A named level (an ordinal label) is the result when there is no number.
    const score =
      section.score == null && section.label
        ? section.label
        : scoreText(section.score ?? null, section.maxScore ?? null, { withPercent: false, final });
    return html`<tr>
        <th scope="row">${section.name}</th>
        <td>
          ${score}${section.score != null && section.label ? html` <span class="pill">${section.label}</span>` : ""}
        </td>
        ${withPercentile ? html`<td>${section.percentile == null ? "" : `${Math.round(section.percentile)}th`}</td>` : ""}
        <td class="bar-cell">${percentage === null ? "" : bar(percentage)}</td>
      </tr>
      ${
        section.remarks
          ? html`<tr class="remarks">
              <td colspan="${withPercentile ? "4" : "3"}">Evaluator's remarks: ${section.remarks}</td>
            </tr>`
          : ""
      }`;
  });
  return html`<section aria-labelledby="sections-heading">
    <h2 id="sections-heading">Sections</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col">Score</th>
          ${withPercentile ? html`<th scope="col">Percentile</th>` : ""}
          <th scope="col">Share of marks</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}

function bar(percentage: number): SafeHtml {
  const width = Math.max(0, Math.min(100, Math.round(percentage)));
  return html`<span class="bar" aria-hidden="true"><span style="width:${width}%"></span></span>
    <span class="percent">${width}%</span>`;
}

function proctoring(report: SharedReport): SafeHtml | "" {
  if (!report.proctoring) return "";
  const { score, violationCount, flagged, details } = report.proctoring;
  return html`<section aria-labelledby="proctoring-heading">
    <h2 id="proctoring-heading">Proctoring</h2>
    <dl class="summary">
      <div>
        <dt>Integrity score</dt>
        <dd>${score === null ? "Not reported" : formatNumber(score)}</dd>
      </div>
      <div>
        <dt>Violations</dt>
        <dd>${violationCount === null ? "Not reported" : String(violationCount)}</dd>
      </div>
      <div>
        <dt>Review</dt>
        <dd>
          ${flagged ? html`<span class="pill fail">Worth a look</span>` : html`<span class="pill pass">Nothing flagged</span>`}
        </dd>
      </div>
    </dl>
    ${
      details.length > 0
        ? html`<ul class="details">
            ${details.map(
              (detail) => html`<li class="${detail.flagged ? "flagged" : ""}">${detail.label}: ${detail.value}</li>`,
            )}
          </ul>`
        : ""
    }
  </section>`;
}

function recordings(report: SharedReport): SafeHtml | "" {
  if (!report.recordings) return "";
  return html`<section aria-labelledby="recording-heading">
    <h2 id="recording-heading">Recording</h2>
    ${
      report.recordings.length === 0
        ? html`<p class="message">No recording was provided for this attempt.</p>`
        : html`<ul class="details">
            ${report.recordings.map(
              (item) =>
                html`<li>
                  <a href="${item.url}" rel="noopener noreferrer" target="_blank">${item.label}</a>
                  <span class="url">${item.url}</span>
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}

function scoreText(score: number | null, maxScore: number | null, { withPercent = true, final = false } = {}): string {
  // "yet" only while the provider may still send one.
  if (score === null) return final ? "Not scored" : "No score yet";
  const percentage = percentOf(score, maxScore);
  const base = maxScore === null ? formatNumber(score) : `${formatNumber(score)} / ${formatNumber(maxScore)}`;
  return !withPercent || percentage === null || maxScore === 100 ? base : `${base} (${Math.round(percentage)}%)`;
}

function percentOf(score: number | null, maxScore: number | null): number | null {
  return score === null || maxScore === null || maxScore <= 0 ? null : (score / maxScore) * 100;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
