import {
  TRACK_MAX_POINTS,
  type TrackQuery,
  type TrackSegment,
  type TrackView,
  type VesselPosition,
} from '@zhucheng/contracts';
import { inArray } from 'drizzle-orm';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { aboardWindows, superviseeForTracking, vesselsByIds } from '../corrections/index.ts';
import * as repo from './terminals.repo.ts';
import { positionView } from './terminals.service.ts';
import { trackingTerminal } from './tracking.schema.ts';

// Tracks as officers see them: a vessel's (its office in scope) or a supervisee's (the term in the caller's
// corrections scope; only the tracked aboard windows — local rule and written consent on record). Every view
// is audited: positions of a supervisee's boat are personal data.

export interface TrackDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
}

interface Window {
  vesselId: string;
  from: Date;
  to: Date;
}

export class TrackService {
  readonly #d: TrackDeps;

  constructor(deps: TrackDeps) {
    this.#d = deps;
  }

  /** The last position of every vessel in scope that carries a terminal now. */
  async vesselPositions(ctx: RequestContext): Promise<{ items: VesselPosition[] }> {
    const staff = requireStaff(ctx);
    const now = this.#d.clock.now();
    const installs = (await repo.currentInstallations(this.#d.db)).filter((i) => i.fromAt <= now);
    const vessels = (await vesselsByIds(this.#d.db, [...new Set(installs.map((i) => i.vesselId))])).filter(
      (v) => unitInScope(staff.scope, v.unitId),
    );
    const byVessel = new Map(installs.map((i) => [i.vesselId, i]));
    const terminalIds = vessels
      .map((v) => byVessel.get(v.vesselId)?.terminalId)
      .filter((t): t is string => !!t);
    const [last, numbers] = await Promise.all([
      repo.lastPositions(this.#d.db, terminalIds, now),
      this.#numbers(terminalIds),
    ]);
    await this.#audited(ctx, 'tracking.positions.read', 'trackingVessel', undefined, {
      vessels: vessels.length,
    });
    const items = vessels.map((v) => {
      const terminalId = byVessel.get(v.vesselId)?.terminalId;
      const position = terminalId ? last.get(terminalId) : undefined;
      return {
        vessel: { id: v.vesselId, name: v.name, registrationNo: v.registrationNo },
        terminalNumber: terminalId ? (numbers.get(terminalId) ?? null) : null,
        position: position ? positionView(position) : null,
      };
    });
    items.sort((a, b) => (b.position?.time ?? '').localeCompare(a.position?.time ?? ''));
    return { items };
  }

  async vesselTrack(ctx: RequestContext, vesselId: string, q: TrackQuery): Promise<TrackView> {
    const staff = requireStaff(ctx);
    const [vessel] = await vesselsByIds(this.#d.db, [vesselId]);
    if (!vessel || !unitInScope(staff.scope, vessel.unitId)) throw AppError.notFound('船舶');
    const from = new Date(q.from);
    const to = new Date(q.to);
    await this.#audited(ctx, 'tracking.track.read', 'trackingVessel', vesselId, { from: q.from, to: q.to });
    return { segments: await this.#segments([{ vesselId, from, to }]) };
  }

  async superviseeTrack(ctx: RequestContext, caseId: string, q: TrackQuery): Promise<TrackView> {
    const staff: Principal = requireStaff(ctx);
    const term = await superviseeForTracking(this.#d.db, staff, caseId);
    if (!term) throw AppError.notFound('社区矫正对象');
    const from = new Date(q.from);
    const to = new Date(q.to);
    const windows: Window[] = (await aboardWindows(this.#d.db, { superviseeCaseId: caseId }))
      .filter((w) => w.tracked)
      .map((w) => ({
        vesselId: w.vesselId,
        from: new Date(Math.max(w.from.getTime(), from.getTime())),
        to: new Date(Math.min((w.to ?? to).getTime(), to.getTime())),
      }))
      .filter((w) => w.from < w.to);
    await this.#audited(ctx, 'tracking.track.read', 'case', caseId, { from: q.from, to: q.to });
    return { segments: await this.#segments(windows) };
  }

  /** One segment per (window × installation) overlap, each with its points and filtered count. */
  async #segments(windows: Window[]): Promise<TrackSegment[]> {
    if (windows.length === 0) return [];
    const vesselIds = [...new Set(windows.map((w) => w.vesselId))];
    const [vessels, installs] = await Promise.all([
      vesselsByIds(this.#d.db, vesselIds),
      repo.installationsOf(this.#d.db, { vesselIds }),
    ]);
    const vesselById = new Map(vessels.map((v) => [v.vesselId, v]));
    const numbers = await this.#numbers([...new Set(installs.map((i) => i.terminalId))]);
    const segments: TrackSegment[] = [];
    for (const w of windows) {
      for (const inst of installs.filter((i) => i.vesselId === w.vesselId)) {
        const from = new Date(Math.max(w.from.getTime(), inst.fromAt.getTime()));
        const to = new Date(Math.min(w.to.getTime(), (inst.toAt ?? w.to).getTime()));
        if (from >= to) continue;
        const [points, filteredCount] = await Promise.all([
          repo.positionsBetween(this.#d.db, inst.terminalId, from, to, TRACK_MAX_POINTS + 1),
          repo.filteredCount(this.#d.db, inst.terminalId, from, to),
        ]);
        const v = vesselById.get(w.vesselId);
        segments.push({
          vessel: { id: w.vesselId, name: v?.name ?? '', registrationNo: v?.registrationNo ?? '' },
          terminalNumber: numbers.get(inst.terminalId) ?? '',
          from: from.toISOString(),
          to: to.toISOString(),
          points: points.slice(0, TRACK_MAX_POINTS).map(positionView),
          filteredCount,
          truncated: points.length > TRACK_MAX_POINTS,
        });
      }
    }
    segments.sort((a, b) => a.from.localeCompare(b.from));
    return segments;
  }

  async #numbers(terminalIds: string[]): Promise<Map<string, string>> {
    if (terminalIds.length === 0) return new Map();
    const rows = await this.#d.db
      .select({ id: trackingTerminal.id, n: trackingTerminal.terminalNumber })
      .from(trackingTerminal)
      .where(inArray(trackingTerminal.id, terminalIds));
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  async #audited(
    ctx: RequestContext,
    action: string,
    entityType: string,
    entityId: string | undefined,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.#d.db.transaction((tx) =>
      this.#d.audit(tx, ctx, { action, entityType, ...(entityId ? { entityId } : {}), detail }),
    );
  }
}
