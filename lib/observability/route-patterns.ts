// The route a request reached, as Next names it (/jobs/[id], /api/webhooks/[provider]), read
// from the app folder at start. Metrics are labelled with it rather than the raw path, so label
// values stay a small, fixed set however many ids and tokens the URLs carry.
import { readdirSync } from "node:fs";
import { join } from "node:path";

const ROUTE_FILE = /^(page|route)\.(tsx|ts|jsx|js|mdx)$/;
/** What a path that names no route of the app is labelled (404s, probes): one value, whatever was asked. */
export const UNMATCHED_ROUTE = "(unmatched)";
export const NEXT_ASSETS_ROUTE = "/_next/*";

type Segment = { kind: "static"; name: string } | { kind: "dynamic" } | { kind: "catchAll"; optional: boolean };

interface RoutePattern {
  label: string;
  segments: Segment[];
}

export interface RouteMatcher {
  /** The route pattern for a request path (query string and all). */
  routeOf(path: string): string;
  patterns: string[];
}

/** Reads `<dir>/app` once: every page and route handler, with route groups, slots and private folders left out. */
export function routeMatcherFor(dir: string): RouteMatcher {
  const labels = new Set<string>();
  collect(join(dir, "app"), [], labels);
  const patterns = [...labels].map(parse).sort(bySpecificity);
  return {
    patterns: patterns.map((pattern) => pattern.label),
    routeOf(path) {
      const pathname = path.split(/[?#]/, 1)[0] ?? "/";
      if (pathname.startsWith("/_next/")) return NEXT_ASSETS_ROUTE;
      const parts = pathname.split("/").filter((part) => part !== "");
      return patterns.find((pattern) => matches(pattern.segments, parts))?.label ?? UNMATCHED_ROUTE;
    },
  };
}

function collect(folder: string, segments: string[], labels: Set<string>) {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isFile() && ROUTE_FILE.test(entry.name)) labels.add(`/${segments.join("/")}`);
    if (!entry.isDirectory() || entry.name.startsWith("_")) continue;
    const routed = entry.name.startsWith("(") || entry.name.startsWith("@") ? segments : [...segments, entry.name];
    collect(join(folder, entry.name), routed, labels);
  }
}

function parse(label: string): RoutePattern {
  const segments = label
    .split("/")
    .filter((part) => part !== "")
    .map((part): Segment => {
      if (part.startsWith("[[...")) return { kind: "catchAll", optional: true };
      if (part.startsWith("[...")) return { kind: "catchAll", optional: false };
      if (part.startsWith("[")) return { kind: "dynamic" };
      return { kind: "static", name: part };
    });
  return { label, segments };
}

function matches(segments: Segment[], parts: string[]): boolean {
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    if (segment.kind === "catchAll") return segment.optional || parts.length > index;
    const part = parts[index];
    if (part === undefined) return false;
    if (segment.kind === "static" && segment.name !== safeDecode(part)) return false;
  }
  return parts.length === segments.length;
}

const RANK = { static: 0, dynamic: 1, catchAll: 2 } as const;

/** As Next decides: a static segment before a dynamic one, a dynamic one before a catch-all. */
function bySpecificity(a: RoutePattern, b: RoutePattern): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index += 1) {
    const left = a.segments[index];
    const right = b.segments[index];
    if (!left || !right) return left ? 1 : -1;
    const difference = RANK[left.kind] - RANK[right.kind];
    if (difference !== 0) return difference;
  }
  return a.label.localeCompare(b.label);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
