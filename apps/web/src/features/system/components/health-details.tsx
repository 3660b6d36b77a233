import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { Health } from '@zhucheng/contracts';
import { Badge, Card, Col, Descriptions, Row, Statistic, theme } from 'antd';
import {
  formatChineseDate,
  formatDateTimeInZone,
  formatDuration,
  formatTimeZone,
} from '../../../lib/format.ts';
import { databaseKindLabel, databaseStatusLabel, serviceStatusLabel } from './health-labels.ts';

export function HealthDetails({ health }: { health: Health }) {
  const service = serviceStatusLabel(health.status);
  const database = databaseStatusLabel(health.database.ok);
  const { token } = theme.useToken();
  const serviceColor = { success: token.colorSuccess, warning: token.colorWarning, error: token.colorError }[
    service.color
  ];
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic
              title="服务状态"
              value={service.text}
              prefix={service.color === 'success' ? <CheckCircleFilled /> : <ExclamationCircleFilled />}
              styles={{ content: { color: serviceColor } }}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic title="数据库" value={databaseKindLabel(health.database.kind)} />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic title="数据库响应时间" value={health.database.latencyMs} precision={1} suffix="毫秒" />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic title="已连续运行" value={formatDuration(health.uptimeSeconds)} />
          </Card>
        </Col>
      </Row>
      <Card title="运行信息" style={{ marginTop: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          bordered
          size="middle"
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'database', label: '数据库', children: databaseKindLabel(health.database.kind) },
            {
              key: 'databaseStatus',
              label: '数据库连接',
              children: <Badge status={database.color} text={database.text} />,
            },
            {
              key: 'time',
              label: '服务器时间',
              children: formatDateTimeInZone(health.time, health.timeZone),
            },
            { key: 'today', label: '业务日期', children: formatChineseDate(health.today) },
            { key: 'timeZone', label: '时区', children: formatTimeZone(health.timeZone) },
            { key: 'version', label: '版本', children: health.version },
          ]}
        />
      </Card>
    </>
  );
}
