import type { Jt808Message } from './jt808.header.ts';

// Sub-package reassembly (消息分包): packages of one message share the message id and consecutive serials
// (the first package's serial + index − 1). Bounded: at most `maxParts` per message, `maxBytes` per message,
// `maxPending` messages per connection, and a message not complete within `timeoutMs` is dropped.

export interface AssemblerLimits {
  maxParts: number;
  maxBytes: number;
  maxPending: number;
  timeoutMs: number;
}

export const defaultAssemblerLimits: AssemblerLimits = {
  maxParts: 256,
  maxBytes: 256 * 1024,
  maxPending: 8,
  timeoutMs: 120_000,
};

interface Pending {
  first: Jt808Message;
  parts: (Buffer | undefined)[];
  received: number;
  bytes: number;
  startedAt: number;
}

export type AssembleResult =
  | { kind: 'complete'; message: Jt808Message }
  | { kind: 'partial' }
  | { kind: 'dropped'; reason: string };

export class PacketAssembler {
  readonly #pending = new Map<string, Pending>();
  readonly #limits: AssemblerLimits;

  constructor(limits: Partial<AssemblerLimits> = {}) {
    this.#limits = { ...defaultAssemblerLimits, ...limits };
  }

  get pending(): number {
    return this.#pending.size;
  }

  /** A whole message passes through; a package is kept until its message is complete. */
  push(message: Jt808Message, now = Date.now()): AssembleResult {
    const packet = message.header.packet;
    if (!packet) return { kind: 'complete', message };
    this.#expire(now);
    const { total, index } = packet;
    if (total > this.#limits.maxParts) return { kind: 'dropped', reason: `${total} packages` };
    const firstSerial = (message.header.serial - (index - 1) + 0x10000) & 0xffff;
    const key = `${message.header.phone}:${message.header.messageId}:${firstSerial}:${total}`;
    let entry = this.#pending.get(key);
    if (!entry) {
      if (this.#pending.size >= this.#limits.maxPending) {
        const oldest = this.#pending.keys().next().value;
        if (oldest !== undefined) this.#pending.delete(oldest);
      }
      entry = { first: message, parts: new Array(total), received: 0, bytes: 0, startedAt: now };
      this.#pending.set(key, entry);
    }
    if (!entry.parts[index - 1]) {
      if (entry.bytes + message.body.length > this.#limits.maxBytes) {
        this.#pending.delete(key);
        return { kind: 'dropped', reason: 'message too large' };
      }
      entry.parts[index - 1] = message.body;
      entry.received += 1;
      entry.bytes += message.body.length;
    }
    if (index === 1) entry.first = message;
    if (entry.received < total) return { kind: 'partial' };
    this.#pending.delete(key);
    const body = Buffer.concat(entry.parts as Buffer[]);
    return {
      kind: 'complete',
      message: { header: { ...entry.first.header, serial: firstSerial, packet: null }, body },
    };
  }

  #expire(now: number): void {
    for (const [key, entry] of this.#pending) {
      if (now - entry.startedAt > this.#limits.timeoutMs) this.#pending.delete(key);
    }
  }
}
