import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { myDeadlinesSchema } from '@zhucheng/contracts';
import { apiGet, queryString } from '../../../lib/api.ts';

export type MyDeadlineFilter = 'all' | 'dueSoon' | 'overdue';

/** GET /api/deadlines/mine: the live clocks of the caller's cases, nearest first. */
export function useMyDeadlines(filter: MyDeadlineFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['cases', 'deadlines', 'mine', filter, page, pageSize],
    queryFn: ({ signal }) =>
      apiGet(`/api/deadlines/mine${queryString({ filter, page, pageSize })}`, myDeadlinesSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}
