import { PlusOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { CaseListPage } from '../../../../components/case-kit/case-list-page.tsx';
import { useExportDownload } from '../../../../components/export-button.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { DisputeSummaryCell } from '../components/dispute-summary-cell.tsx';

const fixedQuery = { type: 'mediation.dispute' } as const;

const statusOptions = [
  { value: 'received', label: '待受理' },
  { value: 'mediating', label: '调解中' },
  { value: 'settled', label: '调解成功' },
  { value: 'unsettled', label: '调解不成功' },
  { value: 'terminated', label: '终止调解' },
  { value: 'declined', label: '不予受理' },
];

/** 纠纷列表: the disputes in the caller's scope (a committee its own, an office its committees'). */
export default function DisputesPage() {
  const navigate = useNavigate();
  const can = useCan();
  const exporter = useExportDownload();
  return (
    <CaseListPage
      title="纠纷列表"
      description="群众网上申请、来访登记、各部门转来和排查发现的矛盾纠纷；“承办单位”为分派到的人民调解委员会"
      listKey="mediation.dispute"
      fixedQuery={fixedQuery}
      statusOptions={statusOptions}
      casePath={(item) => `/mediation/disputes/${item.id}`}
      extraColumns={[
        {
          key: 'kind',
          title: '纠纷类型',
          render: (_, item) => <DisputeSummaryCell caseId={item.id} field="kind" />,
        },
        {
          key: 'source',
          title: '来源',
          render: (_, item) => <DisputeSummaryCell caseId={item.id} field="source" />,
        },
        {
          key: 'amount',
          title: '涉及金额',
          align: 'right',
          render: (_, item) => <DisputeSummaryCell caseId={item.id} field="amount" />,
        },
      ]}
      emptyText={can(permissions.mediation.intake) ? '暂无纠纷，点击“纠纷登记”登记第一件' : '暂无纠纷'}
      onExport={(query) => exporter.start('/api/cases/export.xlsx', query)}
      newButton={
        can(permissions.mediation.intake) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/mediation/disputes/new')}>
            纠纷登记
          </Button>
        ) : undefined
      }
    />
  );
}
