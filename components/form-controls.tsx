// The pieces every form repeats: its error line, and a submit button that says it is working.

export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

export function SubmitButton({
  pending,
  label,
  pendingLabel,
  fullWidth = false,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  fullWidth?: boolean;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className={`${fullWidth ? "w-full " : ""}rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60`}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
