const STATUS_STYLES: Record<string, string> = {
  pending: "bg-slate-100 text-slate-700",
  processed: "bg-green-50 text-green-800",
  failed: "bg-red-50 text-red-700",
  unrecognised: "bg-amber-50 text-amber-900",
};

export function DeliveryStatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[status] ?? "bg-slate-100"}`}
    >
      {status.charAt(0).toUpperCase() + status.slice(1)}
    </span>
  );
}
