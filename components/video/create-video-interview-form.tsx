"use client";

import { useId, useState, type FormEvent } from "react";
import { useServerAction } from "@/components/use-server-action";
import { ActionError, FieldError, inputClass, primaryButtonClass } from "./action-feedback";
import { newRequestKey } from "./request-key";
import { createVideoInterviewAction } from "./video-actions";

const ANSWER_TIMES = [
  { seconds: 60, label: "1 minute" },
  { seconds: 90, label: "1½ minutes" },
  { seconds: 120, label: "2 minutes" },
  { seconds: 180, label: "3 minutes" },
  { seconds: 300, label: "5 minutes" },
];

/**
 * Creates a video interview for the job. The request key lives as long as this form's
 * contents: a retry after a failure sends the same key, so the provider never creates two.
 */
export function CreateVideoInterviewForm({ jobId, disabled }: { jobId: string; disabled: boolean }) {
  const [requestKey, setRequestKey] = useState(() => newRequestKey());
  const { run, pending, data: created, failure, clear } = useServerAction(createVideoInterviewAction);
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      jobId,
      title: String(data.get("title") ?? ""),
      questions: String(data.get("questions") ?? ""),
      answerTimeSeconds: String(data.get("answerTimeSeconds") ?? ""),
      requestKey,
    };
    run(input, () => {
      form.reset();
      setRequestKey(newRequestKey());
    });
  }

  const fieldErrors = failure?.fieldErrors ?? {};
  return (
    <form
      onSubmit={submit}
      onChange={() => created && clear()}
      className="space-y-4"
      aria-label="New video interview"
      noValidate
    >
      <label className="block text-sm font-medium">
        Title
        <input
          name="title"
          required
          maxLength={200}
          placeholder="e.g. Customer Success video screen"
          aria-describedby={`${id}-title-error`}
          aria-invalid={Boolean(fieldErrors.title)}
          className={inputClass}
        />
        <FieldError id={`${id}-title-error`} message={fieldErrors.title} />
      </label>
      <label className="block text-sm font-medium">
        Questions <span className="font-normal text-slate-500">(one per line, up to 20)</span>
        <textarea
          name="questions"
          required
          rows={4}
          aria-describedby={`${id}-questions-error`}
          aria-invalid={Boolean(fieldErrors.questions)}
          className={inputClass}
        />
        <FieldError id={`${id}-questions-error`} message={fieldErrors.questions} />
      </label>
      <label className="block text-sm font-medium">
        Time per answer
        <select name="answerTimeSeconds" defaultValue="120" className={`${inputClass} sm:w-56`}>
          {ANSWER_TIMES.map((option) => (
            <option key={option.seconds} value={option.seconds}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <ActionError failure={failure} />
      {created && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Video interview created. Invite candidates below.
        </p>
      )}
      <button type="submit" disabled={pending || disabled} className={primaryButtonClass}>
        {pending ? "Creating…" : failure?.retryable ? "Try again" : "Create video interview"}
      </button>
    </form>
  );
}
