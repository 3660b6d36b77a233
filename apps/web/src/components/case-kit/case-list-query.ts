import { type CaseSortKey, caseDeadlineFilters, caseSortKeys } from '@zhucheng/contracts';

// The case list's filters live in the URL (a reload, the back button and a shared link keep them) and are
// sent to GET /api/cases as they are. Saved filters (保存筛选) store the same query string.

export type CaseDeadlineFilter = (typeof caseDeadlineFilters)[number];

export interface CaseListFilters {
  q?: string | undefined;
  status?: string | undefined;
  unitId?: number | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  deadline?: CaseDeadlineFilter | undefined;
  mine?: boolean | undefined;
  /** A module's own filter fields (extra query parameters of its list route). */
  extra: Record<string, string>;
}

export interface CaseListState extends CaseListFilters {
  sort: CaseSortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const defaultPageSize = 20;
const pageSizes = [10, 20, 50, 100];
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const knownKeys = new Set([
  'q',
  'status',
  'unitId',
  'createdFrom',
  'createdTo',
  'deadline',
  'mine',
  'sort',
  'order',
  'page',
  'pageSize',
]);

function positiveInt(text: string | null): number | undefined {
  if (!text || !/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

function nonEmpty(text: string | null): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, 100) : undefined;
}

/** The list's state from the URL; anything malformed falls back to the default instead of failing. */
export function readListState(search: URLSearchParams, extraKeys: readonly string[] = []): CaseListState {
  const sort = search.get('sort');
  const deadline = search.get('deadline');
  const createdFrom = search.get('createdFrom');
  const createdTo = search.get('createdTo');
  const pageSize = positiveInt(search.get('pageSize'));
  const extra: Record<string, string> = {};
  for (const key of extraKeys) {
    const value = nonEmpty(search.get(key));
    if (value !== undefined && !knownKeys.has(key)) extra[key] = value;
  }
  return {
    q: nonEmpty(search.get('q')),
    status: nonEmpty(search.get('status')),
    unitId: positiveInt(search.get('unitId')),
    createdFrom: createdFrom && isoDay.test(createdFrom) ? createdFrom : undefined,
    createdTo: createdTo && isoDay.test(createdTo) ? createdTo : undefined,
    deadline: (caseDeadlineFilters as readonly string[]).includes(deadline ?? '')
      ? (deadline as CaseDeadlineFilter)
      : undefined,
    mine: search.get('mine') === 'true' ? true : undefined,
    extra,
    sort: (caseSortKeys as readonly string[]).includes(sort ?? '') ? (sort as CaseSortKey) : 'createdAt',
    order: search.get('order') === 'asc' ? 'asc' : 'desc',
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: pageSize && pageSizes.includes(pageSize) ? pageSize : defaultPageSize,
  };
}

/** The URL search params of a state; defaults are left out so a plain list has a plain address. */
export function writeListState(state: CaseListState): URLSearchParams {
  const search = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') search.set(key, String(value));
  };
  set('q', state.q);
  set('status', state.status);
  set('unitId', state.unitId);
  set('createdFrom', state.createdFrom);
  set('createdTo', state.createdTo);
  set('deadline', state.deadline);
  if (state.mine) search.set('mine', 'true');
  for (const [key, value] of Object.entries(state.extra)) set(key, value);
  if (state.sort !== 'createdAt') set('sort', state.sort);
  if (state.order !== 'desc') set('order', state.order);
  if (state.page !== 1) set('page', state.page);
  if (state.pageSize !== defaultPageSize) set('pageSize', state.pageSize);
  return search;
}

/** Only the filters (no paging or sort): what 保存筛选 keeps. */
export function filtersOnly(state: CaseListState): URLSearchParams {
  return writeListState({ ...state, sort: 'createdAt', order: 'desc', page: 1, pageSize: defaultPageSize });
}

export function hasFilters(state: CaseListFilters): boolean {
  return Boolean(
    state.q ||
      state.status ||
      state.unitId ||
      state.createdFrom ||
      state.createdTo ||
      state.deadline ||
      state.mine ||
      Object.keys(state.extra).length > 0,
  );
}

/** The GET /api/cases query: the state, plus the page's fixed parameters (e.g. its case type). */
export function apiQuery(
  state: CaseListState,
  fixed: Readonly<Record<string, string>> = {},
): Record<string, string | number | undefined> {
  return {
    ...state.extra,
    q: state.q,
    status: state.status,
    unitId: state.unitId,
    createdFrom: state.createdFrom,
    createdTo: state.createdTo,
    deadline: state.deadline,
    mine: state.mine ? 'true' : undefined,
    sort: state.sort,
    order: state.order,
    page: state.page,
    pageSize: state.pageSize,
    ...fixed,
  };
}

export interface SavedFilter {
  name: string;
  /** The filters as a URL query string (no leading ?). */
  query: string;
}

/** Parses what localStorage held; anything unexpected is dropped, never thrown. */
export function parseSavedFilters(text: string | null): SavedFilter[] {
  if (!text) return [];
  try {
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data)) return [];
    return data.filter(
      (item): item is SavedFilter =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as SavedFilter).name === 'string' &&
        typeof (item as SavedFilter).query === 'string',
    );
  } catch {
    return [];
  }
}

/** Adds or replaces (same name) a saved filter; the newest first, at most 20. */
export function withSavedFilter(list: readonly SavedFilter[], entry: SavedFilter): SavedFilter[] {
  return [entry, ...list.filter((item) => item.name !== entry.name)].slice(0, 20);
}
