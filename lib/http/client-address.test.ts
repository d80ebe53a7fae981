import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { setTrustedClientAddress, trustedClientAddress } from "./client-address";

describe("trustedClientAddress", () => {
  it("with no trusted proxies, is the socket's address whatever the client claims", () => {
    expect(trustedClientAddress("198.51.100.20", "203.0.113.5", 0)).toBe("198.51.100.20");
    expect(trustedClientAddress("::ffff:198.51.100.20", undefined, 0)).toBe("198.51.100.20");
  });

  it("behind one proxy, is the last entry: the one that proxy appended", () => {
    expect(trustedClientAddress("10.0.0.2", "203.0.113.5, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(trustedClientAddress("10.0.0.2", ["203.0.113.5", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("behind two proxies, is the entry the outer proxy appended", () => {
    expect(trustedClientAddress("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("with a chain shorter than the hops, takes its first entry; without one, the socket", () => {
    expect(trustedClientAddress("10.0.0.3", "198.51.100.7", 2)).toBe("198.51.100.7");
    expect(trustedClientAddress("10.0.0.3", undefined, 1)).toBe("10.0.0.3");
  });

  it("falls back to the socket when the trusted entry is not an address", () => {
    expect(trustedClientAddress("10.0.0.2", "203.0.113.5, not-an-ip", 1)).toBe("10.0.0.2");
  });
});

describe("setTrustedClientAddress", () => {
  function request(remoteAddress: string, headers: Record<string, string>): IncomingMessage {
    const socket = new Socket();
    Object.defineProperty(socket, "remoteAddress", { value: remoteAddress });
    const message = new IncomingMessage(socket);
    Object.assign(message.headers, headers);
    return message;
  }

  it("replaces both forwarding headers with the trusted address", () => {
    const message = request("198.51.100.20", { "x-forwarded-for": "203.0.113.5", "x-real-ip": "203.0.113.6" });
    setTrustedClientAddress(message, 0);
    expect(message.headers["x-forwarded-for"]).toBe("198.51.100.20");
    expect(message.headers["x-real-ip"]).toBe("198.51.100.20");
  });
});
