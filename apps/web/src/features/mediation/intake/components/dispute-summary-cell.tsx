import { useQuery } from '@tanstack/react-query';
import { disputeKindLabels, disputeSourceLabels } from '@zhucheng/contracts';
import { Tag, Typography } from 'antd';
import { apiGet } from '../../../../lib/api.ts';
import type { DisputeSummary } from '../api/intake-api.ts';
import { formatYuan } from './format.ts';

// The list's mediation columns come from one request per page: the cells of one render ask together.
let waiting = new Map<string, ((s: DisputeSummary | null) => void)[]>();
let scheduled = false;

function loadSummary(caseId: string): Promise<DisputeSummary | null> {
  return new Promise((resolve) => {
    waiting.set(caseId, [...(waiting.get(caseId) ?? []), resolve]);
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      const batch = waiting;
      waiting = new Map();
      scheduled = false;
      const ids = [...batch.keys()];
      apiGet<{ items: DisputeSummary[] }>(`/api/mediation/disputes/summaries?ids=${ids.join(',')}`)
        .then((r) => {
          const found = new Map(r.items.map((s) => [s.caseId, s]));
          for (const [id, resolvers] of batch) for (const done of resolvers) done(found.get(id) ?? null);
        })
        .catch(() => {
          for (const resolvers of batch.values()) for (const done of resolvers) done(null);
        });
    }, 0);
  });
}

export type SummaryField = 'kind' | 'source' | 'amount';

export function DisputeSummaryCell({ caseId, field }: { caseId: string; field: SummaryField }) {
  const summary = useQuery({
    queryKey: ['mediation', 'intake', 'summary', caseId],
    queryFn: () => loadSummary(caseId),
    staleTime: 60_000,
  });
  const s = summary.data;
  if (!s) return <Typography.Text type="secondary">—</Typography.Text>;
  if (field === 'kind')
    return (
      <span style={{ whiteSpace: 'nowrap' }}>
        {disputeKindLabels[s.kind]}
        {s.involvesEnterprise && <Tag style={{ marginInlineStart: 4 }}>涉企</Tag>}
        {s.duplicateOf && (
          <Tag color="warning" style={{ marginInlineStart: 4 }}>
            可能重复
          </Tag>
        )}
      </span>
    );
  if (field === 'source') return <span>{disputeSourceLabels[s.source]}</span>;
  return <span style={{ whiteSpace: 'nowrap' }}>{formatYuan(s.amountInvolvedYuan)}</span>;
}
