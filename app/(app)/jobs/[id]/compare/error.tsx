"use client";

import { PageError } from "@/components/page-states";

export default function CompareError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} what="The comparison" />;
}
