"use client";

import { PageError } from "@/components/page-states";

export default function JobResultsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} what="This job's results" />;
}
