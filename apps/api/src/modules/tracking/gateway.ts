import net from 'node:net';
import type { GatewayStatus } from '@zhucheng/contracts';
import { FrameSplitter } from './jt808.frame.ts';
import {
  Jt808Session,
  type PositionSink,
  type SessionCounters,
  type TerminalDirectory,
} from './jt808.session.ts';
import type { TrackWriterStats } from './track.store.ts';

// The JT/T 808 terminal gateway: a TCP server, one Jt808Session per connection. Frames of one connection are
// handled in order (a terminal's replies keep its order); connections run side by side and their positions meet
// in the track writer's batches. Garbage and bad frames are counted and dropped, the connection stays open.
// Limits: frame size (the splitter), idle time, total connections, connections per authenticated terminal
// (the oldest is closed: a terminal that reconnects has usually lost the old socket), queued frames per
// connection (reading pauses until the queue drains).

export interface GatewayLimits {
  idleSeconds: number;
  maxConnections: number;
  connectionsPerTerminal: number;
  maxFrameBytes: number;
  /** Frames waiting on one connection before its reading pauses. */
  maxQueuedFrames: number;
}

export const defaultGatewayLimits: GatewayLimits = {
  idleSeconds: 900,
  maxConnections: 20_000,
  connectionsPerTerminal: 2,
  maxFrameBytes: 4096,
  maxQueuedFrames: 64,
};

export interface GatewayLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

interface Connection {
  socket: net.Socket;
  session: Jt808Session;
  openedAt: number;
}

export class TrackingGateway {
  readonly #directory: TerminalDirectory;
  readonly #sink: PositionSink & { stats: TrackWriterStats };
  readonly #limits: GatewayLimits;
  readonly #logger: GatewayLogger | undefined;
  readonly #connections = new Set<Connection>();
  readonly #byTerminal = new Map<string, Connection[]>();
  readonly counters: SessionCounters & { bytesDropped: number } = {
    framesIn: 0,
    framesRejected: 0,
    messagesUnsupported: 0,
    positionsReceived: 0,
    bytesDropped: 0,
  };
  #server: net.Server | null = null;
  #port: number | null = null;
  #startedAt: Date | null = null;

  constructor(options: {
    directory: TerminalDirectory;
    sink: PositionSink & { stats: TrackWriterStats };
    limits?: Partial<GatewayLimits>;
    logger?: GatewayLogger;
  }) {
    this.#directory = options.directory;
    this.#sink = options.sink;
    this.#limits = { ...defaultGatewayLimits, ...options.limits };
    this.#logger = options.logger;
  }

  /** Listens; resolves with the port (useful with port 0). */
  async listen(port: number, host: string): Promise<number> {
    const server = net.createServer({ noDelay: true }, (socket) => this.#accept(socket));
    server.maxConnections = this.#limits.maxConnections;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) => this.#logger?.warn({ err }, 'tracking gateway error'));
    this.#server = server;
    const address = server.address();
    this.#port = typeof address === 'object' && address ? address.port : port;
    this.#startedAt = new Date();
    this.#logger?.info({ port: this.#port, host }, 'JT/T 808 gateway listening');
    return this.#port;
  }

  /** Stops accepting, closes every connection and waits for the server to close. */
  async close(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const c of this.#connections) c.socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  status(): GatewayStatus {
    let authenticated = 0;
    for (const c of this.#connections) if (c.session.terminalNumber) authenticated += 1;
    const s = this.#sink.stats;
    return {
      listening: this.#server !== null,
      port: this.#port,
      connections: this.#connections.size,
      authenticated,
      framesIn: this.counters.framesIn,
      framesRejected: this.counters.framesRejected,
      bytesDropped: this.counters.bytesDropped,
      positionsQueued: s.queued,
      positionsStored: s.stored,
      positionsDuplicate: s.duplicates,
      positionsFiltered: s.filtered,
      startedAt: this.#startedAt?.toISOString() ?? null,
    };
  }

  #accept(socket: net.Socket): void {
    const splitter = new FrameSplitter(this.#limits.maxFrameBytes);
    const connection: Connection = {
      socket,
      openedAt: Date.now(),
      session: new Jt808Session(this.#directory, this.#sink, this.counters, {
        authenticated: (number) => this.#claim(number, connection),
        loggedOut: (number) => this.#release(number, connection),
      }),
    };
    this.#connections.add(connection);
    socket.setTimeout(this.#limits.idleSeconds * 1000);
    socket.on('timeout', () => socket.destroy());
    socket.on('error', () => {});
    socket.on('close', () => {
      this.#connections.delete(connection);
      const number = connection.session.terminalNumber;
      if (number) this.#release(number, connection);
    });

    const queue: Buffer[] = [];
    let running = false;
    const drain = async () => {
      running = true;
      while (queue.length > 0 && !socket.destroyed) {
        const frame = queue.shift() as Buffer;
        const replies = await connection.session.handleFrame(frame).catch(() => []);
        for (const r of replies) if (!socket.destroyed) socket.write(r);
        if (connection.session.finished) socket.end();
        if (socket.isPaused() && queue.length < this.#limits.maxQueuedFrames / 2) socket.resume();
      }
      running = false;
    };
    socket.on('data', (chunk) => {
      const { frames, droppedBytes, rejected } = splitter.push(chunk);
      this.counters.bytesDropped += droppedBytes;
      this.counters.framesRejected += rejected;
      if (frames.length === 0) return;
      queue.push(...frames);
      if (queue.length >= this.#limits.maxQueuedFrames) socket.pause();
      if (!running) void drain();
    });
  }

  #claim(number: string, connection: Connection): void {
    const held = (this.#byTerminal.get(number) ?? []).filter((c) => c !== connection && !c.socket.destroyed);
    held.push(connection);
    while (held.length > this.#limits.connectionsPerTerminal) {
      const oldest = held.shift();
      oldest?.socket.destroy();
    }
    this.#byTerminal.set(number, held);
  }

  #release(number: string, connection: Connection): void {
    const held = (this.#byTerminal.get(number) ?? []).filter((c) => c !== connection);
    if (held.length > 0) this.#byTerminal.set(number, held);
    else this.#byTerminal.delete(number);
  }
}
