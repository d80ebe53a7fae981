import { NextResponse } from "next/server";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/server/auth/session";
import { recordAudit, userActor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { findJobHeader } from "@/lib/server/jobs/job-header";
import { jobResultsCsvStream } from "@/lib/server/results/job-results-csv";
import { parseResultsView, type ResultsView } from "@/lib/shared/job-results-view";

type RouteContext = { params: Promise<{ id: string }> };

// Ids are bound as query parameters: stay well inside both databases' limits.
const MAX_SELECTED = 5_000;
const MAX_ID_LENGTH = 100;
const selectionSchema = z.array(z.string().min(1).max(MAX_ID_LENGTH)).min(1).max(MAX_SELECTED);
/** The largest selection as a form ("ids=…&" per id, percent-encoding allowed for), with room to spare. */
const MAX_FORM_BYTES = MAX_SELECTED * (MAX_ID_LENGTH * 3 + 8);

/** CSV of the job's results as the view in the query string filters and sorts them. */
export async function GET(request: Request, context: RouteContext) {
  const user = await getCurrentUser();
  if (!user) return unauthorized();
  return exportCsv(request, context, null, user);
}

/** CSV of the selected rows (form field `ids`, repeated), in the sort of the query string. */
export async function POST(request: Request, context: RouteContext) {
  // Same-site forms only: the session cookie is SameSite=Lax, and this says so explicitly.
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return NextResponse.json({ error: "cross-site export refused" }, { status: 403 });
  }
  // Who is asking comes first: a signed-out caller gets nothing read, not even the body.
  const user = await getCurrentUser();
  if (!user) return unauthorized();
  const body = await readCappedBody(request, MAX_FORM_BYTES);
  if (!body) {
    return NextResponse.json({ error: `the selection is too large: at most ${MAX_SELECTED} results` }, { status: 413 });
  }
  let ids: string[];
  try {
    const form = await new Response(body, {
      headers: { "Content-Type": request.headers.get("content-type") ?? "" },
    }).formData();
    const parsed = selectionSchema.safeParse(form.getAll("ids"));
    if (!parsed.success) {
      return NextResponse.json({ error: `select between 1 and ${MAX_SELECTED} results to export` }, { status: 400 });
    }
    ids = [...new Set(parsed.data)];
  } catch {
    return NextResponse.json({ error: "send the selection as form data" }, { status: 400 });
  }
  return exportCsv(request, context, ids, user);
}

function unauthorized() {
  return NextResponse.json({ error: "unauthorized: sign in to export results" }, { status: 401 });
}

/** The body's bytes, or null once it passes `maxBytes` (a lying Content-Length included). */
async function readCappedBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Called only for a signed-in user. */
async function exportCsv(request: Request, context: RouteContext, ids: string[] | null, user: CurrentUser) {
  const { id } = await context.params;
  const database = db();
  const job = await findJobHeader(database, id);
  if (!job) return NextResponse.json({ error: "no such job" }, { status: 404 });

  const view = parseResultsView(new URL(request.url).searchParams);
  await recordAudit(database, {
    actor: userActor(user),
    action: "results.exported",
    target: job.id ? { type: "job", id: job.id } : null,
    details: { selected: ids?.length ?? null },
  });
  // Rows a recruiter picked are exported even when their assessment was withdrawn.
  const selection = ids ? { status: [], provider: [], ids, withdrawn: "show" as const } : view;
  const stream = jobResultsCsvStream(database, job.id, selection, { sort: view.sort, dir: view.dir });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(job.title, ids ? "selected" : "results", view)}"`,
      "Cache-Control": "no-store",
    },
  });
}

function fileName(title: string, kind: string, view: ResultsView): string {
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "job";
  const filtered =
    kind === "results" && (view.q || view.status.length || view.provider.length || view.passed || view.flagged);
  return `${slug}-${filtered ? "filtered-results" : kind}-${new Date().toISOString().slice(0, 10)}.csv`;
}
