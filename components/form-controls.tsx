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

/** The class of a full-width text input or select in a stacked form. */
export const FIELD_CLASS = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

/** A person's email address as a form asks for it: required, at most 320 characters, never autofilled. */
export function EmailInput({ id }: { id: string }) {
  return (
    <input id={id} name="email" type="email" required maxLength={320} autoComplete="off" className={FIELD_CLASS} />
  );
}
