/** The body of every page's loading.tsx: a quiet outline of what is coming. */
export function PageSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <section aria-busy="true" className="animate-pulse space-y-4">
      <span className="sr-only" role="status">
        Loading {label}…
      </span>
      <div className="h-7 w-64 rounded bg-slate-200" />
      <div className="h-4 w-96 max-w-full rounded bg-slate-200" />
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="h-5 rounded bg-slate-100" />
        ))}
      </div>
    </section>
  );
}
