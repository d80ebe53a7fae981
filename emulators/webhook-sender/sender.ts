// Sends planned deliveries to the app the way the providers do: signed (Svix headers or the
// ?token= URL for Testlify, Standard Webhooks headers for the engine), retried with backoff on
// a network error, a 5xx or a 429, the same delivery id each time.
import { Webhook } from "standardwebhooks";
import type { PlannedDelivery } from "./plan";

export interface SenderSecrets {
  testlify: string;
  engine: string;
}

export interface SenderStats {
  sent: number;
  accepted: number;
  duplicate: number;
  unrecognised: number;
  refused: number;
  gaveUp: number;
}

const PATHS = { testlify: "/api/webhooks/testlify", "assessment-engine": "/api/webhooks/assessment-engine" } as const;
const RETRY_DELAYS_MS = [1_000, 3_000, 9_000];

/** The request a provider would send for this delivery, signed now. */
export function deliveryRequest(
  appUrl: string,
  secrets: SenderSecrets,
  delivery: PlannedDelivery,
  now = new Date(),
): { url: string; init: RequestInit } {
  const secret = delivery.provider === "testlify" ? secrets.testlify : secrets.engine;
  const url = new URL(PATHS[delivery.provider], appUrl);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "assessment-hub-webhook-emulator",
  };
  if (delivery.auth === "token") {
    url.searchParams.set("token", secret);
  } else {
    const prefix = delivery.auth === "svix" ? "svix" : "webhook";
    headers[`${prefix}-id`] = delivery.messageId;
    headers[`${prefix}-timestamp`] = String(Math.floor(now.getTime() / 1000));
    headers[`${prefix}-signature`] = new Webhook(secret).sign(delivery.messageId, now, delivery.body);
  }
  if (delivery.eventHeader) headers["x-event-type"] = delivery.eventHeader;
  return { url: url.toString(), init: { method: "POST", headers, body: delivery.body } };
}

export class WebhookSender {
  readonly stats: SenderStats = { sent: 0, accepted: 0, duplicate: 0, unrecognised: 0, refused: 0, gaveUp: 0 };
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly appUrl: string,
    private readonly secrets: SenderSecrets,
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {}

  /** Schedules every delivery at its sendAt (ms from now). */
  start(deliveries: PlannedDelivery[]): void {
    for (const delivery of deliveries) {
      this.inFlight += 1;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.send(delivery).finally(() => this.settleOne());
      }, delivery.sendAt);
      this.timers.add(timer);
    }
  }

  /** Resolves once every scheduled delivery has been answered (or given up on). */
  finished(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.inFlight -= this.timers.size;
    this.timers.clear();
    if (this.inFlight <= 0) this.settleOne();
  }

  async send(delivery: PlannedDelivery): Promise<number | null> {
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt += 1) {
      if (this.stopped) return null;
      const { url, init } = deliveryRequest(this.appUrl, this.secrets, delivery);
      let status: number | null = null;
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
        status = response.status;
        const answer = (await response.json().catch(() => ({}))) as { status?: string; error?: string };
        this.stats.sent += 1;
        if (response.ok) {
          if (answer.status === "duplicate") this.stats.duplicate += 1;
          else if (response.status === 202) this.stats.unrecognised += 1;
          else this.stats.accepted += 1;
          return status;
        }
        if (status < 500 && status !== 429) {
          this.stats.refused += 1;
          this.onProblem(
            `${delivery.provider} delivery ${delivery.messageId} refused with ${status}: ${answer.error ?? "no reason given"}`,
          );
          return status;
        }
      } catch (error) {
        this.onProblem(
          `${delivery.provider} delivery ${delivery.messageId} not delivered: ${(error as Error).message}`,
        );
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    }
    this.stats.gaveUp += 1;
    return null;
  }

  private settleOne() {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}
