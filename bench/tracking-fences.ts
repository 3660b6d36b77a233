import pg from 'pg';
import { toShape } from '../apps/api/src/modules/tracking/alerts.evaluator.ts';
import { contains, FenceGrid, type FenceShape } from '../apps/api/src/modules/tracking/fence.rules.ts';

// Per-point cost of checking a position against 1,000 geofences: the platform's evaluator geometry (a 0.1° grid
// index, then exact containment) against PostGIS over the same fences in the same run — ST_Contains on
// geometry with a GiST index, and ST_DWithin on geography for the circles. Run by bench/tracking-fences.sh, which
// installs postgresql-15-postgis-3 when missing and starts a throwaway PostgreSQL 15 (or uses DATABASE_URL).
// `npm run bench:fences -- --fences 1000 --points 200000`

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FENCES = arg('fences', 1000);
const POINTS = arg('points', 200_000);
const PG_BATCH = 10_000;
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set (run bench/tracking-fences.sh)');

// A seeded generator: the same fences and points every run.
let seed = 20260501;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
/** The Beibu Gulf, roughly: where Beihai's boats fish. */
const area = { minLon: 107.8, maxLon: 110.2, minLat: 19.8, maxLat: 22.0 };
const randomPoint = (): [number, number] => [
  area.minLon + rand() * (area.maxLon - area.minLon),
  area.minLat + rand() * (area.maxLat - area.minLat),
];

type Contract =
  | { kind: 'polygon'; ring: [number, number][] }
  | { kind: 'circle'; center: [number, number]; radiusM: number }
  | { kind: 'corridor'; line: [number, number][]; widthM: number };

function makeFence(i: number): Contract {
  const [lon, lat] = randomPoint();
  if (i % 5 === 3) return { kind: 'circle', center: [lon, lat], radiusM: 500 + rand() * 15_000 };
  if (i % 5 === 4) {
    const line: [number, number][] = [[lon, lat]];
    for (let k = 0; k < 4 + Math.floor(rand() * 8); k++) {
      const [x, y] = line.at(-1) as [number, number];
      line.push([x + (rand() - 0.3) * 0.08, y + (rand() - 0.5) * 0.08]);
    }
    return { kind: 'corridor', line, widthM: 200 + rand() * 3000 };
  }
  // A star-shaped polygon of 8–60 vertices, 2–30 km across.
  const n = 8 + Math.floor(rand() * 53);
  const r = 0.01 + rand() * 0.14;
  const ring: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    const rr = r * (0.5 + rand() * 0.5);
    ring.push([lon + rr * Math.cos(a), lat + rr * Math.sin(a) * 0.93]);
  }
  return { kind: 'polygon', ring };
}

const contracts = Array.from({ length: FENCES }, (_, i) => makeFence(i));
const fences = contracts.map((c, id) => ({ id, shape: toShape(c) as FenceShape, contract: c }));
const points = Array.from({ length: POINTS }, randomPoint);

function time<T>(fn: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = fn();
  return { result, ms: performance.now() - started };
}

// ---- the platform ----------------------------------------------------------------------------------------------

const built = time(() => new FenceGrid(fences));
const grid = built.result;
const platform = time(() => {
  const counts = new Uint16Array(points.length);
  points.forEach((p, i) => {
    for (const f of grid.candidates(p)) if (contains(f.shape, p)) counts[i] = (counts[i] ?? 0) + 1;
  });
  return counts;
});
const bruteN = Math.min(points.length, 20_000);
const brute = time(() => {
  const counts = new Uint16Array(bruteN);
  for (let i = 0; i < bruteN; i++) {
    const p = points[i] as [number, number];
    for (const f of fences) if (contains(f.shape, p)) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
});
const circles = fences.filter((f) => f.contract.kind === 'circle');
const circleGrid = new FenceGrid(circles);
const platformCircles = time(() => {
  const counts = new Uint16Array(points.length);
  points.forEach((p, i) => {
    for (const f of circleGrid.candidates(p)) if (contains(f.shape, p)) counts[i] = (counts[i] ?? 0) + 1;
  });
  return counts;
});

// ---- PostGIS -----------------------------------------------------------------------------------------------------

const client = new pg.Client({ connectionString: url });
await client.connect();
const schema = `bench_fences_${process.pid}`;
try {
  await client.query('create extension if not exists postgis');
  const version = (await client.query('select postgis_lib_version() as v')).rows[0].v as string;
  await client.query(`create schema ${schema}`);
  await client.query(`set search_path = ${schema}, public`);
  await client.query('create table fence (id int primary key, geom geometry(Geometry, 4326) not null)');
  await client.query(
    'create table circle (id int primary key, center geography(Point, 4326) not null, radius_m float8 not null)',
  );
  const wkt = (pts: [number, number][]) => pts.map(([x, y]) => `${x} ${y}`).join(', ');
  for (const f of fences) {
    const c = f.contract;
    if (c.kind === 'polygon') {
      await client.query('insert into fence values ($1, ST_GeomFromText($2, 4326))', [
        f.id,
        `POLYGON((${wkt([...c.ring, c.ring[0] as [number, number]])}))`,
      ]);
    } else if (c.kind === 'circle') {
      await client.query(
        `insert into fence values ($1, ST_Buffer(ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, $4, 64)::geometry)`,
        [f.id, c.center[0], c.center[1], c.radiusM],
      );
      await client.query(
        'insert into circle values ($1, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, $4)',
        [f.id, c.center[0], c.center[1], c.radiusM],
      );
    } else {
      await client.query(
        `insert into fence values ($1, ST_Buffer(ST_GeomFromText($2, 4326)::geography, $3, 16)::geometry)`,
        [f.id, `LINESTRING(${wkt(c.line)})`, c.widthM / 2],
      );
    }
  }
  await client.query('create index on fence using gist (geom)');
  await client.query('create index on circle using gist (center)');
  await client.query('analyze fence');
  await client.query('analyze circle');

  const batches = (sqlText: string) => async () => {
    const counts = new Uint16Array(points.length);
    for (let start = 0; start < points.length; start += PG_BATCH) {
      const part = points.slice(start, start + PG_BATCH);
      const r = await client.query(sqlText, [part.map((p) => p[0]), part.map((p) => p[1])]);
      for (const row of r.rows as { i: string; n: string }[])
        counts[start + Number(row.i) - 1] = Number(row.n);
    }
    return counts;
  };
  const pgTime = async (fn: () => Promise<Uint16Array>) => {
    const started = performance.now();
    const result = await fn();
    return { result, ms: performance.now() - started };
  };
  const stContains = await pgTime(
    batches(`select p.i, count(*) as n
               from unnest($1::float8[], $2::float8[]) with ordinality as p(lon, lat, i)
               join fence f on ST_Contains(f.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))
              group by p.i`),
  );
  const stDWithin = await pgTime(
    batches(`select p.i, count(*) as n
               from unnest($1::float8[], $2::float8[]) with ordinality as p(lon, lat, i)
               join circle c on ST_DWithin(c.center, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)::geography, c.radius_m)
              group by p.i`),
  );

  const agree = (a: Uint16Array, b: Uint16Array, n = a.length) => {
    let same = 0;
    for (let i = 0; i < n; i++) if (a[i] === b[i]) same += 1;
    return (100 * same) / n;
  };
  let hits = 0;
  for (const c of platform.result) if (c > 0) hits += 1;
  const us = (ms: number, n: number) => (1000 * ms) / n;
  const row = (name: string, perPoint: number, base: number, note = '') =>
    console.log(
      `${name.padEnd(52)} ${perPoint.toFixed(2).padStart(9)} µs ${(perPoint / base).toFixed(perPoint / base < 0.1 ? 4 : 2).padStart(8)}  ${note}`,
    );

  const kinds = contracts.reduce<Record<string, number>>((m, c) => {
    m[c.kind] = (m[c.kind] ?? 0) + 1;
    return m;
  }, {});
  console.log(
    `\nGeofences: ${FENCES} fences (${Object.entries(kinds)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}) over the Beibu Gulf · ${POINTS.toLocaleString('en')} random points ` +
      `(${((100 * hits) / POINTS).toFixed(1)} % inside at least one) · PostGIS ${version} · Node ${process.version}`,
  );
  console.log(`grid index built in ${built.ms.toFixed(1)} ms\n`);
  console.log(`${'per point, all fences'.padEnd(52)} ${'cost'.padStart(12)} ${'÷ ST_Contains'.padStart(8)}`);
  const base = us(stContains.ms, POINTS);
  row('platform: grid index + exact containment', us(platform.ms, POINTS), base);
  row(
    'platform: every fence, no index',
    us(brute.ms, bruteN),
    base,
    `(${bruteN.toLocaleString('en')} points; same counts ${agree(platform.result, brute.result, bruteN).toFixed(2)} %)`,
  );
  row('PostGIS: ST_Contains, GiST, 10,000-point batches', base, base, '(includes the round trips)');
  console.log('');
  const circleBase = us(stDWithin.ms, POINTS);
  row(
    `platform: the ${circles.length} circles only`,
    us(platformCircles.ms, POINTS),
    circleBase,
    '÷ ST_DWithin',
  );
  row('PostGIS: ST_DWithin on geography, GiST', circleBase, circleBase);
  console.log(
    `\nagreement with PostGIS (same number of containing fences per point): ST_Contains ${agree(
      platform.result,
      stContains.result,
    ).toFixed(3)} % · ST_DWithin (circles) ${agree(platformCircles.result, stDWithin.result).toFixed(3)} %` +
      ' (differences are points within metres of an edge: the platform projects locally, PostGIS buffers on the' +
      ' spheroid)',
  );
} finally {
  await client.query(`drop schema if exists ${schema} cascade`).catch(() => {});
  await client.end();
}
