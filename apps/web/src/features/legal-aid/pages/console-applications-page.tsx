import { PlusOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { CaseListPage } from '../../../components/case-kit/case-list-page.tsx';
import { useExportDownload } from '../../../components/export-button.tsx';
import { useCan } from '../../../lib/access.tsx';

const fixedQuery = { type: 'legalAid.application' } as const;

/** 援助申请: the centre's applications (网上和窗口), through the shared case list. */
export default function ConsoleApplicationsPage() {
  const navigate = useNavigate();
  const can = useCan();
  const exporter = useExportDownload();
  return (
    <CaseListPage
      title="援助申请"
      description="网上申请和各窗口登记的法律援助申请；收到后 7 日内作出决定（《法律援助法》第四十三条）"
      listKey="legalAid.application"
      fixedQuery={fixedQuery}
      casePath={(item) => `/legal-aid/applications/${item.id}`}
      emptyText={can(permissions.legalAid.intake) ? '暂无申请，点击“窗口登记”登记第一件' : '暂无法律援助申请'}
      onExport={(query) => exporter.start('/api/cases/export.xlsx', query)}
      newButton={
        can(permissions.legalAid.intake) ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/legal-aid/applications/new')}
          >
            窗口登记
          </Button>
        ) : undefined
      }
    />
  );
}
