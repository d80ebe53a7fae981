// Signed webhook delivery, as the provider does it (docs/video-provider-api.md § Webhooks):
// Standard Webhooks signatures, at-least-once with retries under the same webhook-id, and —
// as the case study warns — sometimes late, twice, or out of order. Tests can hold messages
// and release them in any order instead.
import { Webhook } from "standardwebhooks";
import type { Invitation } from "./model";
import { newId, type Random } from "../shared/random";

export interface WebhookChaos {
  /** Chance a message is also delivered a second time under the same webhook-id. */
  duplicateRate: number;
  /** Chance a message is held back long enough for a later one to overtake it. */
  lateRate: number;
}

export interface WebhookMessage {
  id: string;
  type: string;
  invitationId: string;
  /** Serialised once, when the event happens: retries send exactly these bytes. */
  body: string;
}

export interface DeliveryRecord {
  messageId: string;
  type: string;
  invitationId: string;
  attempt: number;
  /** The receiver's HTTP status, or the network error. */
  outcome: number | string;
  at: string;
}

export interface WebhookSenderOptions {
  secret: string;
  random: Random;
  chaos: WebhookChaos;
  /** How long "late" is; the simulation's step, so lateness scales with the demo's speed. */
  lateMs: number;
  retryDelaysMs: number[];
  log: (line: string) => void;
}

const SEND_TIMEOUT_MS = 15_000;

export class WebhookSender {
  url: string | null = null;
  readonly deliveries: DeliveryRecord[] = [];
  private held: WebhookMessage[] | null = null;
  private readonly messages = new Map<string, WebhookMessage>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly signer: Webhook;

  constructor(private readonly options: WebhookSenderOptions) {
    this.signer = new Webhook(options.secret);
  }

  emit(type: string, invitation: Invitation): WebhookMessage {
    const message: WebhookMessage = {
      id: newId("msg"),
      type,
      invitationId: invitation.id,
      body: JSON.stringify({ type, timestamp: invitation.updatedAt, data: invitation }),
    };
    this.messages.set(message.id, message);
    if (this.held) {
      this.held.push(message);
      return message;
    }
    const { random, chaos, lateMs } = this.options;
    const delay = random.chance(chaos.lateRate) ? lateMs * random.int(2, 4) : 0;
    this.schedule(message, 1, delay);
    if (random.chance(chaos.duplicateRate)) this.schedule(message, 1, delay + Math.round(lateMs / 2));
    return message;
  }

  /** From now on, messages wait for release() instead of going out. */
  hold(): void {
    this.held ??= [];
  }

  /** Sends the held messages (in the order they happened, or reversed) and stops holding. */
  release(options: { reverse?: boolean; twice?: boolean } = {}): WebhookMessage[] {
    const held = this.held ?? [];
    this.held = null;
    const ordered = options.reverse ? [...held].reverse() : held;
    // One after another, so "reversed" really arrives reversed.
    this.pending += 1;
    void (async () => {
      for (const message of ordered) {
        await this.send(message, 1);
        if (options.twice) await this.send(message, 1);
      }
    })().finally(() => this.done());
    return ordered;
  }

  /** A retry under the same webhook-id, or (asNewMessage) a dashboard replay under a new one. */
  async redeliver(messageId: string, options: { asNewMessage?: boolean } = {}): Promise<void> {
    const original = this.messages.get(messageId);
    if (!original) throw new Error(`no webhook message ${messageId}`);
    const message = options.asNewMessage ? { ...original, id: newId("msg") } : original;
    this.messages.set(message.id, message);
    this.pending += 1;
    try {
      await this.send(message, 1);
    } finally {
      this.done();
    }
  }

  /** Resolves once nothing is scheduled or on the wire. */
  settle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending = 0;
    this.done();
  }

  private schedule(message: WebhookMessage, attempt: number, delayMs: number) {
    this.pending += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.send(message, attempt).finally(() => this.done());
    }, delayMs);
    this.timers.add(timer);
  }

  private async send(message: WebhookMessage, attempt: number): Promise<void> {
    const url = this.url;
    if (!url) {
      this.record(message, attempt, "no webhook endpoint configured; dropped");
      return;
    }
    const timestamp = new Date();
    let outcome: number | string;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "video-interview-emulator/1.0",
          "webhook-id": message.id,
          "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
          "webhook-signature": this.signer.sign(message.id, timestamp, message.body),
        },
        body: message.body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      outcome = response.status;
    } catch (error) {
      outcome = (error as Error).message;
    }
    this.record(message, attempt, outcome);
    const delivered = typeof outcome === "number" && outcome >= 200 && outcome < 300;
    const retryIn = this.options.retryDelaysMs[attempt - 1];
    if (!delivered && retryIn !== undefined) this.schedule(message, attempt + 1, retryIn);
  }

  private record(message: WebhookMessage, attempt: number, outcome: number | string) {
    this.deliveries.push({
      messageId: message.id,
      type: message.type,
      invitationId: message.invitationId,
      attempt,
      outcome,
      at: new Date().toISOString(),
    });
    this.options.log(`webhook ${message.type} ${message.id} (attempt ${attempt}) → ${outcome}`);
  }

  private done() {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
