// Pure, so the server marks a lapsed link while rendering and the browser says the same. Provider
// media often comes as signed URLs that stop working after a time; the signature's own
// parameters say when. Unsigned links carry no date: they may still vanish (a provider deleting
// recordings after a while), which only a failed load tells.

/** "20260302T101200Z" (AWS and Google signing dates) as a Date. */
function compactDate(value: string | null): Date | null {
  const match = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
}

function plus(start: Date | null, seconds: string | null): Date | null {
  const count = seconds === null ? Number.NaN : Number(seconds);
  return start && Number.isFinite(count) && count >= 0 ? new Date(start.getTime() + count * 1000) : null;
}

/** When a signed media link stops working, read from its query (AWS, Google Cloud, CloudFront, Azure), or null. */
export function linkExpiresAt(url: string | null | undefined): Date | null {
  if (!url) return null;
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return null;
  }
  const get = (name: string) => {
    for (const [key, value] of params) if (key.toLowerCase() === name.toLowerCase()) return value;
    return null;
  };
  const aws = plus(compactDate(get("X-Amz-Date")), get("X-Amz-Expires"));
  if (aws) return aws;
  const google = plus(compactDate(get("X-Goog-Date")), get("X-Goog-Expires"));
  if (google) return google;
  const epoch = get("Expires");
  if (epoch && /^\d{9,11}$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const azure = get("se");
  if (azure && get("sig")) {
    const date = new Date(azure);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
