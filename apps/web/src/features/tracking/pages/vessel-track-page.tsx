import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useVesselPositions } from '../api/use-tracking.ts';
import { rangeFromLink, TrackPanel } from '../components/track-panel.tsx';

/** 船舶轨迹: one vessel's track over a chosen time range (`?from=&to=` from a link, else the last 24 hours). */
export default function VesselTrackPage() {
  const { vesselId = '' } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The name for the title comes from the positions list (usually cached from the page we came from).
  const positions = useVesselPositions();
  const vessel = positions.data?.items.find((r) => r.vessel.id === vesselId)?.vessel;
  return (
    <>
      <PageHeader
        title={vessel ? `船舶轨迹：${vessel.name}` : '船舶轨迹'}
        description={
          vessel
            ? `船舶登记号 ${vessel.registrationNo}。按终端安装时段分段列出定位点，一次最多查询 31 天。`
            : '按终端安装时段分段列出定位点，一次最多查询 31 天。'
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/tracking/positions')}>
            返回船舶位置
          </Button>
        }
      />
      <TrackPanel kind="vessel" id={vesselId} initial={rangeFromLink(params)} />
    </>
  );
}
