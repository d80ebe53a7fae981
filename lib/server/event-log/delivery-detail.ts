import "server-only";
// One delivery as the event log opens it: what arrived (headers and raw body), what became of
// it (status, error), and the attempts it touched.
import type { Db } from "../db";

export async function deliveryDetail(db: Db, id: string) {
  const delivery = await db.delivery.findUnique({
    where: { id },
    include: {
      changes: {
        orderBy: { recordedAt: "asc" },
        take: 50,
        select: {
          id: true,
          outcome: true,
          summary: true,
          occurredAt: true,
          recordedAt: true,
          attempt: {
            select: {
              id: true,
              status: true,
              candidate: { select: { id: true, name: true, email: true } },
              assessment: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!delivery) return null;
  return { ...delivery, prettyBody: prettyJson(delivery.body) };
}

export type DeliveryDetail = NonNullable<Awaited<ReturnType<typeof deliveryDetail>>>;

/** Indented when it parses, as received otherwise: the raw body is what matters. */
function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
