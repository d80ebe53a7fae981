"use client";

import { useState, useTransition } from "react";
import { actionFailure, type ActionResult } from "@/lib/shared/action-result";

/**
 * Calls a server action from an event handler and keeps its latest answer: `data` after a
 * success, `failure` (message, retryable, field errors) after a refusal or a failure.
 */
export function useServerAction<Input, Data>(action: (input: Input) => Promise<ActionResult<Data>>) {
  const [result, setResult] = useState<ActionResult<Data> | null>(null);
  const [pending, startTransition] = useTransition();

  function run(input: Input, onSuccess?: (data: Data) => void) {
    startTransition(async () => {
      const answer = await action(input);
      setResult(answer);
      if (!answer.serverError && !answer.validationErrors) onSuccess?.(answer.data as Data);
    });
  }

  return { run, pending, data: result?.data, failure: actionFailure(result), clear: () => setResult(null) };
}
