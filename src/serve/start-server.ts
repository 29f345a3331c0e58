// Starting the web application on a port of the loopback interface (127.0.0.1 unless told
// otherwise: the collection is the user's own and the server has no authentication).
import { serve } from "@hono/node-server";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Collection } from "../kb/collection.js";
import { packageRoot } from "../kb/package-info.js";
import { createApp } from "./create-app.js";

/** Options of `startServer`. */
export interface ServerOptions {
  /** 0 (the default) takes any free port */
  port?: number;
  /** the address to listen on (default 127.0.0.1) */
  host?: string;
}

/** A running server: its address, and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The folder of the page's files shipped with the package. */
export function webDir(): string {
  const root = packageRoot();
  if (!root) throw new Error("cannot find the vanban package, hence its web/ folder");
  return join(root, "web");
}

/** Serves `collection` over HTTP until `close()`. */
export async function startServer(collection: Collection, options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const app = createApp(collection, { webDir: webDir(), allowedHosts: [host === "::1" ? "[::1]" : host, "localhost", "127.0.0.1"] });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections of a browser would hold the server open.
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
