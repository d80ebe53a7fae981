import "server-only";

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** Reads the raw body, giving up as soon as it passes the cap (a lying Content-Length included). */
export async function readBodyWithLimit(request: Request, maxBytes = MAX_WEBHOOK_BODY_BYTES): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
