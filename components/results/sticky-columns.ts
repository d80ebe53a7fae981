// The job table keeps its header row and its first columns (selection and candidate) in view
// while it scrolls; sticky cells need their own background, or rows slide under them visibly.
const STICKY_LEFT: Record<string, string> = {
  select: "sticky left-0 w-10 min-w-10",
  candidate: "sticky left-10 border-r border-slate-200",
};

export function stickyHeaderClass(columnId: string): string {
  const left = STICKY_LEFT[columnId];
  return `sticky top-0 bg-slate-50 ${left ? `${left} z-30` : "z-20"}`;
}

export function stickyCellClass(columnId: string, selected: boolean): string {
  const left = STICKY_LEFT[columnId];
  return left ? `${left} z-10 ${selected ? "bg-indigo-50" : "bg-white"}` : "";
}
