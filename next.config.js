// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets several checkouts' builds (or parallel test servers) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Route handlers read the raw body themselves (webhook signatures); nothing else is special.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
