// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets several checkouts' builds (or parallel test servers) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Route handlers read the raw body themselves (webhook signatures); nothing else is special.
  // Fixed headers for every path, static files included (nosniff, same-origin referrer, no
  // framing; the pages use no camera, microphone or location; a window they open cannot reach
  // back). The Content-Security-Policy (a nonce per request) and Strict-Transport-Security (from
  // APP_URL at run time) come from proxy.ts. The list is a file of its own because the app's
  // server sends it too, on the webhook routes it answers without Next (lib/http/server.ts):
  // a header every path needs goes in that file, not in another rule here.
  async headers() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config reads JSON with require
    return [{ source: "/:path*", headers: require("./lib/http/fixed-security-headers.json") }];
  },
};

module.exports = nextConfig;
