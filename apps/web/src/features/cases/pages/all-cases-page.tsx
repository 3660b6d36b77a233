import { CaseListPage } from '../../../components/case-kit/case-list-page.tsx';
import { useExportDownload } from '../../../components/export-button.tsx';

/** 全部案件: every case the user may see, of every business line. */
export default function AllCasesPage() {
  const exporter = useExportDownload();
  return (
    <CaseListPage
      title="全部案件"
      description="本人权限范围内各业务条线的案件；点击案号办理"
      listKey="all"
      emptyText="暂无案件。各业务模块登记的案件会出现在这里，可到相应业务菜单中登记第一件"
      onExport={(query) => exporter.start('/api/cases/export.xlsx', query)}
    />
  );
}
