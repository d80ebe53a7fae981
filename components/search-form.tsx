// The one-field search of a list page: a labelled search box and its button. Submitting it is a plain GET
// to `action`; `hidden` carries the rest of the page's state (sort, filters) along with the query.
import Form from "next/form";

export function SearchForm({
  action,
  inputId,
  label,
  placeholder,
  defaultValue,
  hidden,
  className,
}: {
  action: string;
  inputId: string;
  /** The box's accessible name (shown to screen readers only). */
  label: string;
  placeholder: string;
  defaultValue: string;
  hidden: [name: string, value: string][];
  className: string;
}) {
  return (
    <Form action={action} role="search" className={className}>
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <input
        id={inputId}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={placeholder}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
      />
      <button
        type="submit"
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
      >
        Search
      </button>
    </Form>
  );
}
