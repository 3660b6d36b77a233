import { LeftOutlined, ReloadOutlined, RightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { type CalendarDay, permissions } from '@zhucheng/contracts';
import { Alert, Button, Card, Flex, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useCan } from '../../../lib/access.tsx';
import { useCalendarOverrides, useCalendarStatus, useCalendarYear } from '../api/use-calendar.ts';
import { BatchDrawer } from '../components/batch-drawer.tsx';
import { OverrideModal } from '../components/override-modal.tsx';
import { OverridesTable } from '../components/overrides-table.tsx';
import { YearGrid, YearGridLegend } from '../components/year-grid.tsx';
import { describeYears } from '../labels/day-kinds.ts';

const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

function yearFrom(param: string | null, fallback: number): number {
  const n = Number(param);
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR ? n : fallback;
}

export default function CalendarPage() {
  const can = useCan();
  const canManage = can(permissions.calendar.manage);
  const status = useCalendarStatus();
  const thisYear = status.data ? Number(status.data.today.slice(0, 4)) : new Date().getFullYear();
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params.get('year'), thisYear);
  const setYear = (y: number) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true });

  const days = useCalendarYear(year);
  const overrides = useCalendarOverrides(year, canManage);
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const [batchOpen, setBatchOpen] = useState(false);

  const overrideOf = useMemo(
    () => new Map((overrides.data?.overrides ?? []).map((o) => [o.date, o])),
    [overrides.data],
  );
  const yearKnown = days.data ? days.data.days.some((d) => d.yearKnown) : true;
  const holidayCount = days.data?.days.filter((d) => d.kind === 'holiday').length ?? 0;
  const makeUpCount = days.data?.days.filter((d) => d.kind === 'makeUpWorkday').length ?? 0;

  const yearOptions = useMemo(() => {
    const set = new Set<number>([year, thisYear - 1, thisYear, thisYear + 1, thisYear + 2]);
    for (const c of status.data?.coverage ?? []) set.add(c.year);
    return [...set].sort((a, b) => a - b).map((y) => ({ value: y, label: `${y} 年` }));
  }, [year, thisYear, status.data]);

  const editDate = (date: string) => {
    const day = days.data?.days.find((d) => d.date === date);
    if (day) setPicked(day);
  };

  return (
    <>
      <PageHeader
        title="节假日设置"
        description="办理期限按此日历计算工作日；国务院发布次年放假安排后，请在此核对并补录"
        extra={
          <>
            <Space.Compact>
              <Button
                icon={<LeftOutlined />}
                aria-label="上一年"
                disabled={year <= MIN_YEAR}
                onClick={() => setYear(year - 1)}
              />
              <Select
                aria-label="选择年份"
                value={year}
                options={yearOptions}
                onChange={setYear}
                style={{ width: 110 }}
              />
              <Button
                icon={<RightOutlined />}
                aria-label="下一年"
                disabled={year >= MAX_YEAR}
                onClick={() => setYear(year + 1)}
              />
            </Space.Compact>
            {canManage && (
              <Button type="primary" icon={<UnorderedListOutlined />} onClick={() => setBatchOpen(true)}>
                批量录入
              </Button>
            )}
          </>
        }
      />

      {status.data && (
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          {status.data.warnings.map((warning) => (
            <Alert
              key={warning}
              type="warning"
              showIcon
              title={warning}
              description={
                canManage
                  ? '请按国务院办公厅发布的放假安排，选择该年度后点击“批量录入”逐行填写放假和调休上班日期；录入后相关办理期限会自动计算。'
                  : '请联系系统管理员在“节假日设置”中录入该年度的放假安排；录入后相关办理期限会自动计算。'
              }
            />
          ))}
          <Flex wrap gap={8} align="center">
            <Typography.Text type="secondary">已有节假日安排的年度：</Typography.Text>
            <Typography.Text>
              {status.data.coverage.length === 0
                ? '暂无'
                : describeYears(status.data.coverage.map((c) => c.year))}
            </Typography.Text>
            {status.data.coverage
              .filter((c) => c.overrideDays > 0)
              .map((c) => (
                <Tag
                  key={c.year}
                  color={c.year === year ? 'purple' : undefined}
                  style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                  onClick={() => setYear(c.year)}
                >
                  {c.year} 年{c.fromPackage ? '' : '（人工录入）'}：人工设置 {c.overrideDays} 天
                </Tag>
              ))}
          </Flex>
        </Flex>
      )}

      <Card
        title={`${year} 年日历`}
        extra={
          days.data &&
          yearKnown && (
            <Typography.Text type="secondary">
              节假日 {holidayCount} 天 · 调休上班 {makeUpCount} 天
            </Typography.Text>
          )
        }
        style={{ marginBottom: 16 }}
      >
        {days.data ? (
          <>
            {!yearKnown && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={`${year} 年的节假日安排尚未录入`}
                description={
                  canManage
                    ? `国务院办公厅通常在上一年 11 月前后发布放假安排。发布后请点击“批量录入”，录入 ${year} 年的放假和调休上班日期；在此之前，落在 ${year} 年的办理期限无法计算。`
                    : `请联系系统管理员录入 ${year} 年的放假安排；在此之前，落在 ${year} 年的办理期限无法计算。`
                }
              />
            )}
            <YearGridLegend />
            {canManage && (
              <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                点击某一天可设置为放假或上班。
              </Typography.Paragraph>
            )}
            <YearGrid
              year={year}
              days={days.data.days}
              today={status.data?.today}
              onPick={canManage ? setPicked : undefined}
            />
          </>
        ) : days.isError ? (
          <LoadError error={days.error} retrying={days.isFetching} onRetry={() => days.refetch()} />
        ) : (
          <PageLoading />
        )}
      </Card>

      {canManage && (
        <Card
          title={`${year} 年人工设置`}
          extra={
            <Button
              icon={<ReloadOutlined />}
              loading={overrides.isFetching}
              onClick={() => overrides.refetch()}
            >
              刷新
            </Button>
          }
        >
          {overrides.isError && !overrides.data ? (
            <LoadError
              error={overrides.error}
              retrying={overrides.isFetching}
              onRetry={() => overrides.refetch()}
            />
          ) : (
            <OverridesTable
              overrides={overrides.data?.overrides ?? []}
              loading={overrides.isPending}
              year={year}
              onEdit={editDate}
            />
          )}
        </Card>
      )}

      {canManage && (
        <>
          <OverrideModal
            day={picked}
            override={picked ? overrideOf.get(picked.date) : undefined}
            onClose={() => setPicked(null)}
          />
          <BatchDrawer open={batchOpen} year={year} onClose={() => setBatchOpen(false)} />
        </>
      )}
    </>
  );
}
