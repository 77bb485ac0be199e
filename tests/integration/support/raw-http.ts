import http from "node:http";
import type { TestServer } from "./server";

/** Requests through node:http rather than fetch, for what fetch cannot do: choose the local
 *  address a request comes from (each case its own 127.0.0.x, so per-address limits do not mix),
 *  and stream a body while watching for an early answer. */

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawOptions {
  method?: string;
  /** The local address to send from (any 127.0.0.x on Linux). */
  from?: string;
  headers?: Record<string, string>;
  body?: string;
}

export function request(server: TestServer, path: string, options: RawOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: server.port, path, method: options.method ?? "GET", localAddress: options.from ?? "127.0.0.1", headers: options.headers, timeout: 15_000 },
      (res) => collect(res).then(resolve, reject),
    );
    req.on("timeout", () => req.destroy(new Error(`${options.method ?? "GET"} ${path} timed out`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

export interface StreamedReply extends Reply {
  /** Body bytes written before the answer came (or all of them, when it came after). */
  sent: number;
}

/**
 * Sends `prefix`, then filler bytes, then `suffix` (`total` bytes in all) in 64 KB chunks, each
 * only once the previous one was taken, and stops as soon as an answer arrives. With
 * `declareLength` the length is sent up front (Content-Length), otherwise the body is chunked.
 * A server that reads the whole body answers after all of it was sent; one that refuses early
 * answers with `sent` far below `total`.
 */
export function streamBody(
  server: TestServer,
  path: string,
  options: { total: number; prefix: string; suffix: string; declareLength: boolean; headers?: Record<string, string> },
): Promise<StreamedReply> {
  const { total, prefix, suffix } = options;
  const chunk = Buffer.alloc(64 * 1024, "x");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string> = { ...options.headers, ...(options.declareLength ? { "content-length": String(total) } : { "transfer-encoding": "chunked" }) };
    const req = http.request({ host: "127.0.0.1", port: server.port, path, method: "POST", headers, timeout: 60_000 }, (res) => {
      answered = true;
      collect(res).then((reply) => {
        req.destroy();
        resolve({ ...reply, sent });
      }, reject);
    });
    req.on("timeout", () => req.destroy(new Error(`POST ${path} timed out`)));
    req.on("error", (error) => {
      // The server may close the connection right after answering: the answer is what counts.
      if (!answered) reject(error);
    });
    const write = (data: Buffer | string) => {
      sent += Buffer.byteLength(data);
      return req.write(data);
    };
    const pump = () => {
      while (!answered && !req.destroyed) {
        const left = total - sent - Buffer.byteLength(suffix);
        if (left <= 0) {
          write(suffix);
          req.end();
          return;
        }
        if (!write(left >= chunk.length ? chunk : chunk.subarray(0, left))) {
          req.once("drain", pump);
          return;
        }
      }
    };
    write(prefix);
    pump();
  });
}

function collect(res: http.IncomingMessage): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let body = "";
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => (body += chunk));
    res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    res.on("error", reject);
  });
}
