import "server-only";
// Cuts one person out of a stored raw delivery. Providers' payloads differ, so this works on
// the JSON's shape rather than on field names: a delivery that lists several people (SmartAI's
// assessment.sent has a `candidates` array) keeps everyone else and loses the entries that
// mention the person; a delivery about the person alone (their email outside any list) has
// nothing left worth keeping.

export interface PersonMarks {
  /** Lower-case emails. */
  emails: string[];
  /** Full names, matched without regard to case; too-short names are left out by the caller. */
  names: string[];
}

export type Redaction =
  /** The body does not mention the person. */
  | { kind: "absent" }
  /** The body is about the person alone (or cannot be read): delete it, or keep none of it. */
  | { kind: "only-them" }
  /** The body also carries other people: this is it without the person. */
  | { kind: "redacted"; body: string; removedEntries: number };

export const ERASED_TEXT = "[erased]";

export function redactPerson(body: string, person: PersonMarks): Redaction {
  const marks = [...person.emails, ...person.names].map((mark) => mark.toLowerCase()).filter(Boolean);
  if (marks.length === 0) return { kind: "absent" };
  const mentions = (text: string) => {
    const lower = text.toLowerCase();
    return marks.some((mark) => lower.includes(mark));
  };
  if (!mentions(body)) return { kind: "absent" };

  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: "only-them" };
  }
  const pruning = { removed: 0, othersKept: false };
  const pruned = prune(parsed, (node) => mentions(JSON.stringify(node)), pruning);
  if (pruning.removed === 0 || !pruning.othersKept) return { kind: "only-them" };
  // Whatever still names them sits beside other people's data: blank those words, keep the rest.
  const scrubbed = scrub(pruned, marks);
  const text = JSON.stringify(scrubbed);
  if (mentions(text)) return { kind: "only-them" };
  return { kind: "redacted", body: text, removedEntries: pruning.removed };
}

/** Drops array entries (objects or arrays) that mention the person; notes whether a list kept anyone else. */
function prune(
  node: unknown,
  mentionsPerson: (node: unknown) => boolean,
  pruning: { removed: number; othersKept: boolean },
): unknown {
  if (Array.isArray(node)) {
    const kept: unknown[] = [];
    let removedHere = 0;
    for (const entry of node) {
      if (entry !== null && typeof entry === "object" && mentionsPerson(entry)) removedHere += 1;
      else kept.push(prune(entry, mentionsPerson, pruning));
    }
    pruning.removed += removedHere;
    if (removedHere > 0 && kept.some((entry) => entry !== null && typeof entry === "object")) pruning.othersKept = true;
    return kept;
  }
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, prune(value, mentionsPerson, pruning)]));
  }
  return node;
}

function scrub(node: unknown, marks: string[]): unknown {
  if (typeof node === "string") return replaceMarks(node, marks);
  if (Array.isArray(node)) return node.map((entry) => scrub(entry, marks));
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, scrub(value, marks)]));
  }
  return node;
}

/** Every occurrence of any mark, whatever its case, becomes "[erased]". */
export function replaceMarks(text: string, marks: string[]): string {
  let result = text;
  for (const mark of marks) {
    if (!mark) continue;
    let lower = result.toLowerCase();
    let at = lower.indexOf(mark);
    while (at !== -1) {
      result = result.slice(0, at) + ERASED_TEXT + result.slice(at + mark.length);
      lower = result.toLowerCase();
      at = lower.indexOf(mark, at + ERASED_TEXT.length);
    }
  }
  return result;
}
