import "server-only";

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/**
 * Reads the raw body as received, giving up as soon as it passes the cap (a lying
 * Content-Length included). Bytes, not text: signatures are over the bytes.
 */
export async function readBodyWithLimit(request: Request, maxBytes = MAX_WEBHOOK_BODY_BYTES): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return Buffer.alloc(0);
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
  return Buffer.concat(chunks);
}

// fatal: bytes that are not UTF-8 are an error, not U+FFFD. ignoreBOM: a byte order mark stays
// in the text (and JSON.parse refuses it), as a body that starts with one is not JSON.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The body as text exactly as sent (no normalisation), or null when it is not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
