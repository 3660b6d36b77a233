import {
  type CommitteeIndustry,
  type CommitteeKind,
  type DisputeKind,
  disputeKindLabels,
} from '@zhucheng/contracts';

// 分派: which committee is competent for a dispute, from its kind and place (pure; the repo reads the
// committees, the service stores the answer and its reason in `dispatch_reason`).
//  1. tourism, labour, medical and traffic disputes → the industry committee of that field: the county's
//     (the county of the dispute's town) if there is one, else the city's;
//  2. an enterprise-involved contract, production or consumer dispute → an enterprise (涉企) committee,
//     likewise the county's first;
//  3. otherwise the village or community committee whose served areas include the dispute's village, else the
//     township committee of the town.
// Among several candidates of one step, the nearest first (haversine) when both sides have coordinates;
// candidates without coordinates come after, in unit order. A step with no candidate falls to the next.

/** The kinds that go to the industry committee of the same field. */
export const industryKinds: Partial<Record<DisputeKind, CommitteeIndustry>> = {
  tourism: 'tourism',
  labour: 'labour',
  medical: 'medical',
  traffic: 'traffic',
};

/** The kinds that, involving an enterprise, go to an enterprise (涉企) committee. */
export const enterpriseKinds: readonly DisputeKind[] = ['contract', 'production', 'consumer'];

export interface CommitteeCandidate {
  unitId: number;
  name: string;
  kind: CommitteeKind;
  industry: CommitteeIndustry | null;
  townCode: string | null;
  servedAreas: readonly string[];
  latitude: number | null;
  longitude: number | null;
  /** The 6-digit code of the county bureau it sits under; null when it sits directly under the city bureau. */
  countyCode: string | null;
}

export interface DispatchPlace {
  townCode: string;
  village?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
}

export interface DispatchQuestion {
  kind: DisputeKind;
  involvesEnterprise: boolean;
  place: DispatchPlace;
  /** For the refusal's message: 廉州镇. */
  townName?: string | undefined;
}

export type DispatchAnswer =
  | { ok: true; committee: CommitteeCandidate; distanceKm: number | null; reason: string }
  | { ok: false; reason: string };

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres between two WGS-84 points. */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** 西门村民委员会 / 西门村委会 / 西门村 → 西门村; 东街社区居民委员会 → 东街社区. */
export function normaliseArea(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/(村民委员会|村委会)$/, '村')
    .replace(/(社区居民委员会|社区居委会)$/, '社区')
    .replace(/(居民委员会|居委会)$/, '社区');
}

function distanceOf(c: CommitteeCandidate, place: DispatchPlace): number | null {
  if (c.latitude == null || c.longitude == null || place.latitude == null || place.longitude == null)
    return null;
  return haversineKm({ lat: place.latitude, lng: place.longitude }, { lat: c.latitude, lng: c.longitude });
}

/** Nearest first when both have coordinates; those without after, in unit order. */
export function nearestFirst(
  candidates: readonly CommitteeCandidate[],
  place: DispatchPlace,
): { committee: CommitteeCandidate; distanceKm: number | null }[] {
  return candidates
    .map((committee) => ({ committee, distanceKm: distanceOf(committee, place) }))
    .sort((a, b) => {
      if (a.distanceKm !== null && b.distanceKm !== null && a.distanceKm !== b.distanceKm)
        return a.distanceKm - b.distanceKm;
      if (a.distanceKm !== null && b.distanceKm === null) return -1;
      if (a.distanceKm === null && b.distanceKm !== null) return 1;
      return a.committee.unitId - b.committee.unitId;
    });
}

/** 1.2 公里; under a kilometre in metres. */
export function formatDistance(km: number): string {
  return km < 1 ? `${Math.round(km * 1000)} 米` : `${km.toFixed(1)} 公里`;
}

function answer(
  ranked: { committee: CommitteeCandidate; distanceKm: number | null }[],
  basis: string,
): DispatchAnswer | null {
  const first = ranked[0];
  if (!first) return null;
  const distance = first.distanceKm === null ? '' : `（距 ${formatDistance(first.distanceKm)}）`;
  return {
    ok: true,
    committee: first.committee,
    distanceKm: first.distanceKm,
    reason: `${basis}：${first.committee.name}${distance}`,
  };
}

/** The county's committees of the field if any, else the city's (directly under the city bureau). */
function fieldCommittees(
  committees: readonly CommitteeCandidate[],
  industry: CommitteeIndustry,
  countyCode: string,
): CommitteeCandidate[] {
  const field = committees.filter((c) => c.kind === 'industry' && c.industry === industry);
  const county = field.filter((c) => c.countyCode === countyCode);
  return county.length > 0 ? county : field.filter((c) => c.countyCode === null);
}

export function dispatchDispute(
  q: DispatchQuestion,
  committees: readonly CommitteeCandidate[],
): DispatchAnswer {
  const { place } = q;
  const countyCode = place.townCode.slice(0, 6);
  const kindLabel = disputeKindLabels[q.kind];

  const industry = industryKinds[q.kind];
  if (industry) {
    const found = answer(
      nearestFirst(fieldCommittees(committees, industry, countyCode), place),
      `按纠纷类型（${kindLabel}）`,
    );
    if (found) return found;
  }
  if (q.involvesEnterprise && enterpriseKinds.includes(q.kind)) {
    const found = answer(
      nearestFirst(fieldCommittees(committees, 'enterprise', countyCode), place),
      `涉企纠纷（${kindLabel}）`,
    );
    if (found) return found;
  }
  const inTown = committees.filter((c) => c.townCode === place.townCode && c.kind !== 'industry');
  const village = place.village ? normaliseArea(place.village) : '';
  if (village) {
    const serving = inTown.filter(
      (c) =>
        (c.kind === 'village' || c.kind === 'community') &&
        c.servedAreas.some((a) => normaliseArea(a) === village),
    );
    const found = answer(nearestFirst(serving, place), '按纠纷地点');
    if (found) return found;
  }
  const township = answer(
    nearestFirst(
      inTown.filter((c) => c.kind === 'township'),
      place,
    ),
    '按纠纷地点',
  );
  if (township) return township;
  const where = q.townName ?? place.townCode;
  return {
    ok: false,
    reason: `${where}${place.village ? `${place.village}` : ''}尚无可受理该纠纷的人民调解委员会，请先在调委会名册中登记本镇（街道）的人民调解委员会，或直接指定调委会`,
  };
}

/** Townships first in a dispatcher's list, then villages and communities, then industry committees. */
export function committeeKindOrder(kind: CommitteeKind): number {
  return { township: 0, village: 1, community: 2, industry: 3 }[kind] ?? 9;
}

// ---- duplicates ------------------------------------------------------------------------------------------

export interface PartyIdentity {
  /** A person found by document, or an organisation by credit code: its id. */
  personId?: string | null | undefined;
  organisationId?: string | null | undefined;
  /** Whether the person or organisation was found by a document or credit code (ids of others are new each time). */
  identified: boolean;
  name: string;
}

/** 张 三 / 张三 → 张三; (有限公司) full-width brackets alike. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

/**
 * The text of a dispute's fingerprint: the kind and the sorted identities of its parties (sides do not
 * matter: A against B is the same matter as B against A). An identified party is its person or
 * organisation id; one entered without a document by its normalised name. The service hashes it.
 */
export function fingerprintText(kind: DisputeKind, parties: readonly PartyIdentity[]): string {
  const ids = parties.map((p) => {
    if (p.identified && p.personId) return `p:${p.personId}`;
    if (p.identified && p.organisationId) return `o:${p.organisationId}`;
    return `n:${normaliseName(p.name)}`;
  });
  return `${kind}|${[...new Set(ids)].sort().join(',')}`;
}

/** The open states: a dispute there is still being handled, so a second registration is likely a duplicate. */
export const OPEN_DISPUTE_STATES = ['received', 'mediating'] as const;
