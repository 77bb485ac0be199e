import type http from "node:http";
import { describe, expect, it } from "vitest";
import { carriesForwardingHeaders, clientAddress, requestHost } from "@/server/client-address";

/** The one reader of the headers a reverse proxy adds: believed only behind TRUST_PROXY. */
const request = (headers: http.IncomingHttpHeaders, remoteAddress = "10.0.0.9") => ({ headers, socket: { remoteAddress } }) as unknown as http.IncomingMessage;

describe("client address and requested host", () => {
  it.each([
    ["no proxy: the TCP peer, whatever the header says", { "x-forwarded-for": "1.2.3.4" }, false, "10.0.0.9"],
    ["behind a proxy: the entry the proxy appended (the last)", { "x-forwarded-for": "6.6.6.6, 1.2.3.4" }, true, "1.2.3.4"],
    ["behind a proxy, repeated headers joined", { "x-forwarded-for": ["6.6.6.6", "1.2.3.4"] }, true, "1.2.3.4"],
    ["behind a proxy without the header: the peer", {}, true, "10.0.0.9"],
  ] as const)("clientAddress: %s", (_, headers, trustProxy, expected) => {
    expect(clientAddress(request(headers as http.IncomingHttpHeaders), trustProxy)).toBe(expected);
  });

  it.each([
    ["no proxy: Host, whatever X-Forwarded-Host says", { host: "app.local", "x-forwarded-host": "evil.example" }, false, "app.local"],
    ["behind a proxy: the first X-Forwarded-Host entry", { host: "127.0.0.1:3000", "x-forwarded-host": "sortroom.example, inner" }, true, "sortroom.example"],
    ["behind a proxy without X-Forwarded-Host: Host", { host: "127.0.0.1:3000" }, true, "127.0.0.1:3000"],
    ["an empty X-Forwarded-Host does not hide Host", { host: "app.local", "x-forwarded-host": " " }, true, "app.local"],
  ] as const)("requestHost: %s", (_, headers, trustProxy, expected) => {
    expect(requestHost(request(headers as http.IncomingHttpHeaders), trustProxy)).toBe(expected);
  });

  it("tells a relayed request by any forwarding header", () => {
    expect(carriesForwardingHeaders(request({}))).toBe(false);
    for (const name of ["x-forwarded-for", "forwarded", "x-real-ip"]) expect(carriesForwardingHeaders(request({ [name]: "1.2.3.4" }))).toBe(true);
  });
});
