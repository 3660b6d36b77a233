import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  filtersOnly,
  hasFilters,
  parseSavedFilters,
  readListState,
  withSavedFilter,
  writeListState,
} from './case-list-query.ts';

describe('case list state in the URL', () => {
  it('reads back what it wrote, leaving defaults out of the address', () => {
    const state = readListState(
      new URLSearchParams(
        'q=张三&status=received&unitId=12&createdFrom=2026-11-01&createdTo=2026-11-27&deadline=overdue&mine=true&sort=dueOn&order=asc&page=3&pageSize=50&area=sea',
      ),
      ['area'],
    );
    expect(state).toMatchObject({
      q: '张三',
      status: 'received',
      unitId: 12,
      deadline: 'overdue',
      mine: true,
      sort: 'dueOn',
      order: 'asc',
      page: 3,
      pageSize: 50,
      extra: { area: 'sea' },
    });
    expect(readListState(writeListState(state), ['area'])).toEqual(state);
    expect(writeListState(readListState(new URLSearchParams(''))).toString()).toBe('');
  });

  it('falls back to defaults on a hand-edited address instead of failing', () => {
    const state = readListState(
      new URLSearchParams(
        'sort=password&order=sideways&page=-2&pageSize=9999&deadline=x&createdFrom=昨天&unitId=a',
      ),
    );
    expect(state).toMatchObject({ sort: 'createdAt', order: 'desc', page: 1, pageSize: 20 });
    expect(state.deadline).toBeUndefined();
    expect(state.createdFrom).toBeUndefined();
    expect(state.unitId).toBeUndefined();
    expect(hasFilters(state)).toBe(false);
  });

  it('sends the fixed parameters of the page over anything in the address', () => {
    const state = readListState(new URLSearchParams('type=other&mine=true'), ['type']);
    expect(apiQuery(state, { type: 'legalAid.application' })).toMatchObject({
      type: 'legalAid.application',
      mine: 'true',
      page: 1,
    });
  });

  it('saves only the filters, not the page or the sort', () => {
    const state = readListState(new URLSearchParams('q=李&page=4&sort=caseNo'));
    expect(filtersOnly(state).toString()).toBe(`q=${encodeURIComponent('李')}`);
  });
});

describe('saved filters', () => {
  it('tolerates whatever storage held', () => {
    expect(parseSavedFilters(null)).toEqual([]);
    expect(parseSavedFilters('{oops')).toEqual([]);
    expect(parseSavedFilters('[{"name":"超期","query":"deadline=overdue"},{"name":3}]')).toEqual([
      { name: '超期', query: 'deadline=overdue' },
    ]);
  });

  it('replaces a filter saved under the same name and keeps the newest first', () => {
    const list = withSavedFilter(
      [
        { name: 'a', query: 'q=1' },
        { name: 'b', query: 'q=2' },
      ],
      {
        name: 'b',
        query: 'q=3',
      },
    );
    expect(list).toEqual([
      { name: 'b', query: 'q=3' },
      { name: 'a', query: 'q=1' },
    ]);
  });
});
