import { expect } from 'vitest';
import type { SessionClient } from '../../testing/session-client.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { TrackingGateway } from './gateway.ts';
import { trackingServicesOf } from './index.ts';

// Test helpers of the tracking module: a vessel and a terminal registered through the API, a gateway on a free
// port, and the rows the track store holds.

export async function createVessel(
  officer: SessionClient,
  registrationNo: string,
  name = '桂北渔60101',
): Promise<string> {
  const r = await officer.request('POST', '/api/corrections/vessels', {
    name,
    registrationNo,
    homePort: '北海港',
    gearType: 'gillnet',
    ownerName: '陈海生',
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

export async function createTerminal(
  officer: SessionClient,
  terminalNumber: string,
  over: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const r = await officer.request('POST', '/api/tracking/terminals', {
    terminalNumber,
    deviceId: `T${terminalNumber.slice(-6)}`,
    model: 'BD3-SAT',
    sim: `8986${terminalNumber.padStart(16, '0')}`,
    edition: '2013',
    ...over,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

export async function startGateway(
  t: TestApp,
  limits: ConstructorParameters<typeof TrackingGateway>[0]['limits'] = {},
) {
  const services = trackingServicesOf(t.services);
  const gateway = new TrackingGateway({ directory: services.terminals, sink: services.writer, limits });
  const port = await gateway.listen(0, '127.0.0.1');
  services.gateway = gateway;
  return { gateway, port };
}

export interface StoredPosition {
  terminal_number: string;
  fixed_at: Date;
  lat: number;
  lon: number;
  speed_kmh: number;
  alarm_bits: number;
  source: string;
}

export async function storedPositions(t: TestApp, terminalNumber?: string): Promise<StoredPosition[]> {
  const rows = (
    await t.database.executeSql(
      `select t.terminal_number, p.fixed_at, p.lat, p.lon, p.speed_kmh, p.alarm_bits::int as alarm_bits, p.source
         from tracking_position p join tracking_terminal t on t.id = p.terminal_id
        where $1::text is null or t.terminal_number = $1 order by t.terminal_number, p.fixed_at`,
      [terminalNumber ?? null],
    )
  ).rows as unknown as StoredPosition[];
  return rows.map((r) => ({
    ...r,
    fixed_at: new Date(r.fixed_at),
    lat: Number(r.lat),
    lon: Number(r.lon),
    speed_kmh: Number(r.speed_kmh),
  }));
}

export async function filteredReasons(t: TestApp, terminalNumber: string): Promise<string[]> {
  const rows = (
    await t.database.executeSql(
      `select f.reason from tracking_filtered_fix f join tracking_terminal t on t.id = f.terminal_id
        where t.terminal_number = $1 order by f.fixed_at`,
      [terminalNumber],
    )
  ).rows as { reason: string }[];
  return rows.map((r) => r.reason);
}
