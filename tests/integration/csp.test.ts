import { afterEach, describe, expect, it } from "vitest";
import { request } from "./support/raw-http";
import { startTestServer, type TestServer } from "./support/server";

/** Pages carry a nonce-based Content-Security-Policy: only scripts with this response's nonce run
 *  (no 'unsafe-inline'), and the page may connect to its own origin only (its WebSocket too, on
 *  the same host, not ws:/wss: anywhere). Behind an https public URL, every response has HSTS. */

const directive = (csp: string, name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "";

describe("Content-Security-Policy and HSTS", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("gives each page a fresh nonce that its scripts carry, and connects only to its own host", async () => {
    server = await startTestServer();
    const host = `127.0.0.1:${server.port}`;
    const nonces: string[] = [];
    for (const path of ["/", "/signin", "/join/ABCDEF", "/join/ABCDEF"]) {
      const res = await request(server, path);
      expect(res.status, path).toBe(200);
      const csp = String(res.headers["content-security-policy"]);
      const scripts = directive(csp, "script-src");
      expect(scripts, path).not.toContain("'unsafe-inline'");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scripts)?.[1];
      expect(nonce, `${path}: ${scripts}`).toBeDefined();
      nonces.push(nonce!);
      expect(directive(csp, "connect-src"), path).toBe(`connect-src 'self' ws://${host} wss://${host}`);
      expect(directive(csp, "default-src")).toBe("default-src 'self'");
      // Every script in the document, inline or not, carries this response's nonce.
      const tags = res.body.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, path).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
      expect(res.headers["strict-transport-security"]).toBeUndefined();
    }
    expect(new Set(nonces).size).toBe(nonces.length);

    // Route handlers answer data: their policy allows nothing at all.
    const api = await request(server, "/api/health");
    expect(api.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("sends HSTS on every response when the public URL is https", async () => {
    server = await startTestServer({ publicUrl: "https://sortroom.example.org" });
    for (const path of ["/", "/api/health", "/metrics"]) {
      const res = await request(server, path);
      expect(res.headers["strict-transport-security"], path).toBe("max-age=31536000");
    }
  });
});
