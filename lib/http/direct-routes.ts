// Routes the app's own server answers itself, without handing the request to Next. Their code
// lives in Next's bundle (it needs the server-only modules), so the bundle registers them here
// at boot (instrumentation.ts) and the server, outside the bundle, looks them up; each side has
// its own copy of this module, so the registry lives on globalThis. Until something registers
// (or in a process where nothing does) every request goes to Next, which serves the same
// routes with the same handler code.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface DirectRoute {
  /** For the start-up line, e.g. "POST /api/webhooks/<provider>". */
  label: string;
  method: string;
  /** The path's segments after the route's prefix, when this route serves it; null otherwise. */
  match(pathname: string): string[] | null;
  /** Answers the request completely; headers the server set before calling it stay. */
  handle(request: IncomingMessage, response: ServerResponse, params: string[]): Promise<void>;
}

export interface DirectRoutes {
  routes: DirectRoute[];
  /**
   * The headers proxy.ts puts on every response Next sends for `pathname` (the policy with a
   * fresh nonce, HSTS): the server sets them on a direct answer too.
   */
  perRequestHeaders(pathname: string): Record<string, string>;
}

const holder = globalThis as typeof globalThis & {
  __assessmentHubDirectRoutes?: DirectRoutes;
  __assessmentHubDirectRouteWaiters?: ((labels: string[]) => void)[];
};

/** Replaces whatever was registered before (a dev rebuild registers again). */
export function registerDirectRoutes(routes: DirectRoutes): void {
  holder.__assessmentHubDirectRoutes = routes;
  for (const waiter of holder.__assessmentHubDirectRouteWaiters?.splice(0) ?? []) waiter(directRouteLabels());
}

/**
 * Resolves with the routes' labels once the bundle has registered them. Next runs
 * instrumentation.ts's register() as its server is created, without waiting, so this may come
 * after the port opened: requests that arrive before it go to Next.
 */
export function directRoutesRegistered(): Promise<string[]> {
  if (holder.__assessmentHubDirectRoutes) return Promise.resolve(directRouteLabels());
  return new Promise((resolve) => (holder.__assessmentHubDirectRouteWaiters ??= []).push(resolve));
}

export function clearDirectRoutes(): void {
  delete holder.__assessmentHubDirectRoutes;
}

/** What the server answers itself, as the start-up line names it. */
export function directRouteLabels(): string[] {
  return holder.__assessmentHubDirectRoutes?.routes.map((route) => route.label) ?? [];
}

export interface DirectMatch {
  route: DirectRoute;
  params: string[];
  perRequestHeaders: DirectRoutes["perRequestHeaders"];
}

export function directRouteFor(method: string | undefined, pathname: string): DirectMatch | null {
  const registered = holder.__assessmentHubDirectRoutes;
  if (!registered) return null;
  for (const route of registered.routes) {
    if (route.method !== method) continue;
    const params = route.match(pathname);
    if (params) return { route, params, perRequestHeaders: registered.perRequestHeaders };
  }
  return null;
}
