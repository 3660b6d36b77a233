import type { Jt808Edition } from '@zhucheng/contracts';
import { decodeFrame, encodeFrame, Jt808FrameError } from './jt808.frame.ts';
import {
  decodeMessage,
  encodeMessage,
  type Jt808Header,
  Jt808HeaderError,
  type Jt808Message,
} from './jt808.header.ts';
import {
  decodeAuth,
  decodeLocation,
  decodeLocationBatch,
  decodeRegister,
  encodeGeneralReply,
  encodeRegisterReply,
  type LocationFix,
  MessageId,
  type RegisterBody,
  RegisterResult,
  ReplyResult,
} from './jt808.messages.ts';
import { PacketAssembler } from './jt808.packets.ts';
import type { Fix } from './track.rules.ts';
import type { SubmitOutcome } from './track.store.ts';

// One terminal connection's protocol: frames in, reply frames out. Registration and authentication go to the
// terminal directory; a terminal reports positions only after authenticating on this connection, under the
// number it authenticated with. Positions are answered after they are committed (a failed commit answers
// 0x8001 "failure", so the terminal keeps them and sends them again).

export interface TerminalDirectory {
  registerDevice(terminalNumber: string, body: RegisterBody): Promise<{ result: number; authCode?: string }>;
  authenticateDevice(
    terminalNumber: string,
    auth: { authCode: string; imei: string | null; softwareVersion: string | null },
  ): Promise<string | null>;
}

export interface PositionSink {
  submit(fixes: Fix[]): Promise<SubmitOutcome>;
}

export interface SessionCounters {
  framesIn: number;
  framesRejected: number;
  messagesUnsupported: number;
  positionsReceived: number;
}

export interface SessionEvents {
  /** A terminal authenticated on this connection (the gateway enforces connections per terminal). */
  authenticated?(terminalNumber: string): void;
  loggedOut?(terminalNumber: string): void;
}

/** Refused registrations after which the connection is closed. */
export const MAX_REFUSED_REGISTRATIONS = 3;

export class Jt808Session {
  readonly #directory: TerminalDirectory;
  readonly #sink: PositionSink;
  readonly #counters: SessionCounters;
  readonly #events: SessionEvents;
  readonly #assembler = new PacketAssembler();
  #serial = 0;
  #terminalId: string | null = null;
  #terminalNumber: string | null = null;
  #refusedRegistrations = 0;

  constructor(
    directory: TerminalDirectory,
    sink: PositionSink,
    counters: SessionCounters,
    events: SessionEvents = {},
  ) {
    this.#directory = directory;
    this.#sink = sink;
    this.#counters = counters;
    this.#events = events;
  }

  get terminalNumber(): string | null {
    return this.#terminalId ? this.#terminalNumber : null;
  }

  /** True once the connection should be closed (too many refused registrations). */
  get finished(): boolean {
    return this.#refusedRegistrations >= MAX_REFUSED_REGISTRATIONS;
  }

  /** Handles one whole frame (with its 0x7e ends); answers the frames to send back (maybe none). */
  async handleFrame(frame: Uint8Array): Promise<Buffer[]> {
    // The splitter has checked it; an inner 0x7e it accepted is a literal byte.
    const content = decodeFrame(frame, { innerDelimiter: 'literal' });
    if (content instanceof Jt808FrameError) {
      this.#counters.framesRejected += 1;
      return [];
    }
    const message = decodeMessage(content);
    if (message instanceof Jt808HeaderError) {
      this.#counters.framesRejected += 1;
      return [];
    }
    this.#counters.framesIn += 1;
    const assembled = this.#assembler.push(message);
    if (assembled.kind === 'dropped') {
      return [this.#reply(message.header, ReplyResult.badMessage)];
    }
    if (assembled.kind === 'partial') return [this.#reply(message.header, ReplyResult.ok)];
    try {
      return await this.#dispatch(assembled.message);
    } catch (err) {
      if (err instanceof Error && err.name === 'Jt808BodyError') {
        this.#counters.framesRejected += 1;
        return [this.#reply(message.header, ReplyResult.badMessage)];
      }
      // The store failed: the terminal keeps the data and sends it again.
      return [this.#reply(message.header, ReplyResult.failure)];
    }
  }

  async #dispatch({ header, body }: Jt808Message): Promise<Buffer[]> {
    switch (header.messageId) {
      case MessageId.register: {
        const reg = decodeRegister(body, header.edition);
        const answer = await this.#directory.registerDevice(header.phone, reg);
        if (answer.result !== RegisterResult.ok) this.#refusedRegistrations += 1;
        return [
          this.#send(
            header,
            MessageId.registerReply,
            encodeRegisterReply(header.serial, answer.result, answer.authCode),
          ),
        ];
      }
      case MessageId.authenticate: {
        const auth = decodeAuth(body, header.edition);
        const terminalId = await this.#directory.authenticateDevice(header.phone, auth);
        if (!terminalId) return [this.#reply(header, ReplyResult.failure)];
        this.#terminalId = terminalId;
        this.#terminalNumber = header.phone;
        this.#events.authenticated?.(header.phone);
        return [this.#reply(header, ReplyResult.ok)];
      }
      case MessageId.heartbeat:
      case MessageId.transparent:
      case MessageId.terminalReply:
        if (header.messageId === MessageId.terminalReply) return [];
        return [this.#reply(header, this.#authenticatedAs(header) ? ReplyResult.ok : ReplyResult.failure)];
      case MessageId.logout: {
        const was = this.#authenticatedAs(header);
        const answer = this.#reply(header, was ? ReplyResult.ok : ReplyResult.failure);
        if (was) {
          this.#events.loggedOut?.(header.phone);
          this.#terminalId = null;
          this.#terminalNumber = null;
        }
        return [answer];
      }
      case MessageId.location:
      case MessageId.locationBatch: {
        const terminalId = this.#authenticatedAs(header);
        if (!terminalId) return [this.#reply(header, ReplyResult.failure)];
        const fixes =
          header.messageId === MessageId.location ? [decodeLocation(body)] : decodeLocationBatch(body).fixes;
        this.#counters.positionsReceived += fixes.length;
        await this.#sink.submit(fixes.map((f) => toFix(terminalId, f)));
        return [this.#reply(header, ReplyResult.ok)];
      }
      default:
        this.#counters.messagesUnsupported += 1;
        return [this.#reply(header, ReplyResult.unsupported)];
    }
  }

  #authenticatedAs(header: Jt808Header): string | null {
    return this.#terminalId && this.#terminalNumber === header.phone ? this.#terminalId : null;
  }

  #reply(to: Jt808Header, result: number): Buffer {
    return this.#send(to, MessageId.platformReply, encodeGeneralReply(to.serial, to.messageId, result));
  }

  /** A platform message in the terminal's own edition (2019 header when it spoke 2019). */
  #send(to: Jt808Header, messageId: number, body: Buffer): Buffer {
    const serial = this.#serial;
    this.#serial = (this.#serial + 1) & 0xffff;
    const edition: Jt808Edition = to.edition === '2019' ? '2019' : '2013';
    return encodeFrame(
      encodeMessage(
        { messageId, edition, phone: to.phone, serial, protocolVersion: to.protocolVersion || 1 },
        body,
      ),
    );
  }
}

export function toFix(terminalId: string, f: LocationFix): Fix {
  return {
    terminalId,
    time: f.time,
    lat: f.lat,
    lon: f.lon,
    altitudeM: f.altitudeM,
    speedKmh: f.speedKmh,
    course: f.course,
    alarmBits: f.alarmBits,
    statusBits: f.statusBits,
    satellites: f.satellites,
    signal: f.signal,
    mileageKm: f.mileageKm,
    located: f.located,
    source: 'jt808',
  };
}
