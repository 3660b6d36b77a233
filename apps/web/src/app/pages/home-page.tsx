import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../lib/access.tsx';
import { formatChineseDateWithWeekday } from '../../lib/format.ts';
import { usePlatformIdentity } from '../../lib/platform-info.ts';
import { useSessionUser } from '../../lib/session.ts';
import { businessLines } from '../business-lines.ts';
import { features } from '../features.ts';
import { permittedLinks } from '../navigation.ts';
import styles from './home-page.module.css';

export function HomePage() {
  const identity = usePlatformIdentity();
  const user = useSessionUser();
  const can = useCan();
  const links = useMemo(() => permittedLinks(features, can), [can]);
  const today = formatChineseDateWithWeekday(dayjs());

  return (
    <Flex vertical gap={16}>
      <Card className={styles.welcome}>
        <Typography.Title level={3} style={{ margin: '0 0 8px' }}>
          您好，{user.displayName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 15 }}>
          欢迎使用{identity.platformName}。今天是 {today}
          {user.unitName ? `，${user.unitName}` : identity.bureauName ? `，${identity.bureauName}` : ''}
        </Typography.Paragraph>
      </Card>

      {links.length > 0 && (
        <Card title="已开通功能" size="small">
          <Flex wrap gap={12}>
            {links.map((link) => {
              const Icon = link.icon;
              return (
                <Link key={link.key} to={link.path} className={styles.quickLink}>
                  {Icon && <Icon />}
                  <span>{link.label}</span>
                </Link>
              );
            })}
          </Flex>
        </Card>
      )}

      <section aria-labelledby="business-lines-title">
        <Flex align="baseline" justify="space-between" wrap gap={8} className={styles.sectionHead}>
          <Typography.Title level={5} id="business-lines-title" style={{ margin: 0 }}>
            业务模块
          </Typography.Title>
          <Typography.Text type="secondary">以下模块正在建设中，将陆续开通</Typography.Text>
        </Flex>
        <Row gutter={[16, 16]}>
          {businessLines.map((line) => {
            const Icon = line.icon;
            return (
              <Col key={line.module} xs={24} sm={12} xl={8}>
                <Card className={styles.lineCard}>
                  <div className={styles.lineBody}>
                    <span className={styles.lineIcon}>
                      <Icon />
                    </span>
                    <div className={styles.lineText}>
                      <Flex align="center" gap={8} wrap>
                        <span className={styles.lineTitle}>{line.title}</span>
                        <Tag color="default" variant="outlined">
                          建设中
                        </Tag>
                      </Flex>
                      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', lineHeight: 1.6 }}>
                        {line.description}
                      </Typography.Paragraph>
                    </div>
                  </div>
                </Card>
              </Col>
            );
          })}
        </Row>
      </section>
    </Flex>
  );
}
