import net from 'node:net';
import type { Jt808Edition } from '@zhucheng/contracts';
import { decodeFrame, encodeFrame, FrameSplitter, Jt808FrameError } from './jt808.frame.ts';
import { decodeMessage, encodeMessage, Jt808HeaderError, type Jt808Message } from './jt808.header.ts';
import {
  decodeGeneralReply,
  decodeRegisterReply,
  encodeAuth,
  encodeLocation,
  encodeLocationBatch,
  encodeRegister,
  type LocationInput,
  MessageId,
} from './jt808.messages.ts';

// A simulated JT/T 808 terminal over TCP, built from the standard's layouts: the tests, the conformance check,
// the browser journey and bench/tracking-ingest drive the gateway with it. Every request waits for the
// platform's answer to its serial.

export interface SimulatorOptions {
  phone: string;
  deviceId: string;
  edition: Jt808Edition;
  host?: string;
  port: number;
}

export class Jt808Simulator {
  readonly o: SimulatorOptions;
  #socket: net.Socket | null = null;
  #serial = 0;
  readonly #waiting = new Map<string, (m: Jt808Message) => void>();
  readonly #splitter = new FrameSplitter();
  /** Every message the platform sent, in order. */
  readonly received: Jt808Message[] = [];
  authCode = '';

  constructor(options: SimulatorOptions) {
    this.o = options;
  }

  async connect(): Promise<void> {
    const socket = net.connect({ port: this.o.port, host: this.o.host ?? '127.0.0.1', noDelay: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      for (const frame of this.#splitter.push(chunk).frames) {
        const content = decodeFrame(frame);
        if (content instanceof Jt808FrameError) continue;
        const m = decodeMessage(content);
        if (m instanceof Jt808HeaderError) continue;
        this.received.push(m);
        const replyTo =
          m.header.messageId === MessageId.registerReply
            ? decodeRegisterReply(m.body).replySerial
            : m.header.messageId === MessageId.platformReply
              ? decodeGeneralReply(m.body).replySerial
              : -1;
        const waiter = this.#waiting.get(String(replyTo));
        if (waiter) {
          this.#waiting.delete(String(replyTo));
          waiter(m);
        }
      }
    });
    this.#socket = socket;
  }

  get socket(): net.Socket {
    if (!this.#socket) throw new Error('not connected');
    return this.#socket;
  }

  /** The next serial this terminal will use. */
  nextSerial(): number {
    const s = this.#serial;
    this.#serial = (this.#serial + 1) & 0xffff;
    return s;
  }

  /** A whole frame of this terminal (not sent). */
  frame(
    messageId: number,
    body: Buffer,
    serial = this.nextSerial(),
    packet?: { total: number; index: number },
  ): Buffer {
    return encodeFrame(
      encodeMessage(
        { messageId, edition: this.o.edition, phone: this.o.phone, serial, packet: packet ?? null },
        body,
      ),
    );
  }

  /** Sends a message and waits for the platform's answer to its serial (timeout: rejects). */
  async request(messageId: number, body: Buffer, timeoutMs = 10_000): Promise<Jt808Message> {
    const serial = this.nextSerial();
    const answer = this.#answer(serial, timeoutMs);
    this.socket.write(this.frame(messageId, body, serial));
    return answer;
  }

  /** Waits for the answer to a serial already sent by hand. */
  #answer(serial: number, timeoutMs: number): Promise<Jt808Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(String(serial));
        reject(new Error(`no answer to serial ${serial} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(String(serial), (m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }

  answerTo(serial: number, timeoutMs = 10_000): Promise<Jt808Message> {
    return this.#answer(serial, timeoutMs);
  }

  /** 0x0100 → the 0x8100 result (and the auth code kept on success). */
  async register(over: { deviceId?: string } = {}): Promise<number> {
    const edition = this.o.edition;
    const body = encodeRegister({
      edition,
      province: 45,
      city: 500,
      maker: 'ZHC01',
      model: 'SAT-BD3',
      deviceId: over.deviceId ?? this.o.deviceId,
      plateColor: 0,
      plate: 'BHY0001',
    });
    const reply = decodeRegisterReply((await this.request(MessageId.register, body)).body);
    if (reply.result === 0) this.authCode = reply.authCode;
    return reply.result;
  }

  /** 0x0102 → the 0x8001 result. */
  async authenticate(code = this.authCode): Promise<number> {
    const body = encodeAuth(
      { authCode: code, imei: '860000000000001', softwareVersion: 'SIM-1.0' },
      this.o.edition,
    );
    return decodeGeneralReply((await this.request(MessageId.authenticate, body)).body).result;
  }

  async location(p: LocationInput): Promise<number> {
    return decodeGeneralReply((await this.request(MessageId.location, encodeLocation(p))).body).result;
  }

  async batch(points: LocationInput[], type = 1): Promise<number> {
    const body = encodeLocationBatch(type, points.map(encodeLocation));
    return decodeGeneralReply((await this.request(MessageId.locationBatch, body)).body).result;
  }

  async heartbeat(): Promise<number> {
    return decodeGeneralReply((await this.request(MessageId.heartbeat, Buffer.alloc(0))).body).result;
  }

  async close(): Promise<void> {
    const socket = this.#socket;
    this.#socket = null;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }
}
