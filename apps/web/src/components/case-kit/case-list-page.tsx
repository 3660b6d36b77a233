import { ClearOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CaseListItem, CaseSortKey } from '@zhucheng/contracts';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Input,
  Select,
  Table,
  type TableColumnsType,
  type TableProps,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { useIsNarrow } from '../../lib/responsive.ts';
import { DeadlineBadge } from '../deadline-badge.tsx';
import { LoadError } from '../load-error.tsx';
import { PageHeader } from '../page-header.tsx';
import { UnitTreeSelect } from '../unit-tree-select.tsx';
import { useCaseList } from './case-api.ts';
import {
  apiQuery,
  type CaseListState,
  filtersOnly,
  hasFilters,
  readListState,
  writeListState,
} from './case-list-query.ts';
import { CaseStatusTag } from './case-status-tag.tsx';
import { SavedFilters } from './saved-filters.tsx';

/** A module's own filter: a URL/query parameter and the control that sets it. */
export interface CaseListExtraFilter {
  key: string;
  render: (value: string | undefined, onChange: (value: string | undefined) => void) => ReactNode;
}

export interface CaseListPageProps {
  title: string;
  description?: ReactNode;
  /** Keeps this list's saved filters apart from other lists' (e.g. `all`, `legalAid.application`). */
  listKey: string;
  /** Query parameters the page always sends, e.g. `{ type: 'legalAid.application' }`. */
  fixedQuery?: Readonly<Record<string, string>>;
  /** The statuses to filter by (code → label); without them, the statuses seen in the list are offered. */
  statusOptions?: { value: string; label: string }[];
  extraFilters?: CaseListExtraFilter[];
  /** Columns after 标题 (e.g. 申请人, 援助事项). */
  extraColumns?: TableColumnsType<CaseListItem>;
  /** Renders 导出; receives the API query of the current filters (without paging). */
  onExport?: (query: Record<string, string | number | undefined>) => void;
  /** What to do next when there is no case at all: 暂无案件，点击“新建申请”登记第一件. */
  emptyText: ReactNode;
  /** E.g. a 新建申请 button, placed at the right of the page header. */
  newButton?: ReactNode;
  /** Where a case number links to; default `/cases/:id`. */
  casePath?: (item: CaseListItem) => string;
}

const deadlineOptions = [
  { value: 'dueSoon', label: '临近期限' },
  { value: 'overdue', label: '已超期' },
  { value: 'running', label: '正在计时' },
];

const sortableColumns: Record<string, CaseSortKey> = {
  caseNo: 'caseNo',
  deadline: 'dueOn',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
};

export function CaseListPage(props: CaseListPageProps) {
  const { fixedQuery, extraFilters = [], extraColumns = [], statusOptions } = props;
  const narrow = useIsNarrow();
  const [search, setSearch] = useSearchParams();
  const extraKeys = useMemo(() => extraFilters.map((f) => f.key), [extraFilters]);
  const state = useMemo(() => readListState(search, extraKeys), [search, extraKeys]);
  const query = useMemo(() => apiQuery(state, fixedQuery), [state, fixedQuery]);
  const list = useCaseList(query);
  const filtered = hasFilters(state);

  // The keyword box applies on Enter or the search button; it follows the address on back/forward.
  const [keyword, setKeyword] = useState(state.q ?? '');
  useEffect(() => setKeyword(state.q ?? ''), [state.q]);

  // Without a given list of statuses, offer those seen so far (a list of every case type has many).
  const seenStatuses = useRef(new Map<string, string>());
  for (const item of list.data?.items ?? []) seenStatuses.current.set(item.status, item.statusLabel);
  const statusChoices =
    statusOptions ?? [...seenStatuses.current].map(([value, label]) => ({ value, label }));
  if (state.status && !statusChoices.some((option) => option.value === state.status)) {
    statusChoices.push({ value: state.status, label: state.status });
  }

  const update = (patch: Partial<CaseListState>, keepPage = false) => {
    const next = { ...state, ...patch, page: keepPage ? (patch.page ?? state.page) : 1 };
    setSearch(writeListState(next));
  };
  const setExtra = (key: string, value: string | undefined) => {
    const extra = { ...state.extra };
    if (value === undefined || value === '') delete extra[key];
    else extra[key] = value;
    update({ extra });
  };
  const clear = () =>
    setSearch(
      writeListState({
        ...readListState(new URLSearchParams()),
        sort: state.sort,
        order: state.order,
        pageSize: state.pageSize,
      }),
    );

  const width = (wide: number) => (narrow ? '100%' : wide);
  const casePath = props.casePath ?? ((item: CaseListItem) => `/cases/${item.id}`);
  const showType = !fixedQuery?.type;
  const sortOrderOf = (key: CaseSortKey) =>
    state.sort === key ? (state.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableColumnsType<CaseListItem> = [
    {
      key: 'caseNo',
      title: '案号',
      sorter: true,
      sortOrder: sortOrderOf('caseNo'),
      render: (_, item) => (
        <Link to={casePath(item)} style={{ whiteSpace: 'nowrap' }}>
          {item.caseNo ?? '未编号'}
        </Link>
      ),
    },
    {
      key: 'title',
      title: '标题',
      render: (_, item) => (
        <div style={{ minWidth: 160, maxWidth: 300, whiteSpace: 'normal', wordBreak: 'break-word' }}>
          <div>{item.title}</div>
          {showType && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.caseTypeName}
            </Typography.Text>
          )}
        </div>
      ),
    },
    ...extraColumns,
    {
      key: 'status',
      title: '状态',
      render: (_, item) => <CaseStatusTag tone={item.statusTone} label={item.statusLabel} />,
    },
    {
      key: 'deadline',
      title: '办理期限',
      sorter: true,
      sortOrder: sortOrderOf('dueOn'),
      render: (_, item) =>
        item.deadline ? (
          <DeadlineBadge standing={item.deadline.standing} />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'handlers',
      title: '承办人',
      render: (_, item) =>
        item.handlers.length > 0 ? (
          <span style={{ whiteSpace: 'normal' }}>{item.handlers.join('、')}</span>
        ) : (
          <Typography.Text type="secondary">未指定</Typography.Text>
        ),
    },
    {
      key: 'unit',
      title: '承办单位',
      render: (_, item) => (
        <div style={{ minWidth: 96, maxWidth: 150, whiteSpace: 'normal' }}>{item.competentUnit.name}</div>
      ),
    },
    {
      key: 'createdAt',
      title: '登记日期',
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      render: (_, item) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(item.createdAt)}</span>,
    },
    {
      key: 'updatedAt',
      title: '最近办理',
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      render: (_, item) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(item.updatedAt)}</span>,
    },
  ];

  const onTableChange: TableProps<CaseListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.order ? sortableColumns[String(one.columnKey)] : undefined;
      update({ sort: key ?? 'createdAt', order: key ? (one?.order === 'ascend' ? 'asc' : 'desc') : 'desc' });
      return;
    }
    update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? state.pageSize }, true);
  };

  const range =
    state.createdFrom || state.createdTo
      ? ([
          state.createdFrom ? dayjs(state.createdFrom) : null,
          state.createdTo ? dayjs(state.createdTo) : null,
        ] as const)
      : null;

  return (
    <>
      <PageHeader
        title={props.title}
        description={props.description}
        extra={
          <>
            <Button icon={<ReloadOutlined />} loading={list.isFetching} onClick={() => list.refetch()}>
              刷新
            </Button>
            {props.onExport && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => {
                  const { page: _page, pageSize: _size, ...rest } = query;
                  props.onExport?.(rest);
                }}
              >
                导出
              </Button>
            )}
            {props.newButton}
          </>
        }
      />
      <Card>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search" aria-label="筛选案件">
          <Input.Search
            value={keyword}
            onChange={(event) => setKeyword(event.target.value)}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            placeholder="案号或标题"
            allowClear
            enterButton="查询"
            style={{ width: width(280) }}
            aria-label="关键字"
          />
          <Select
            value={state.status}
            onChange={(status) => update({ status })}
            options={statusChoices}
            placeholder="全部状态"
            allowClear
            style={{ width: width(140) }}
            popupMatchSelectWidth={false}
            aria-label="状态"
            notFoundContent="列表中暂无可选状态"
          />
          <div style={{ width: width(220) }}>
            <UnitTreeSelect
              value={state.unitId ?? null}
              onChange={(unitId) => update({ unitId })}
              placeholder="全部单位"
              allowClear
            />
          </div>
          <DatePicker.RangePicker
            value={range as never}
            onChange={(dates) =>
              update({
                createdFrom: dates?.[0] ? dates[0].format('YYYY-MM-DD') : undefined,
                createdTo: dates?.[1] ? dates[1].format('YYYY-MM-DD') : undefined,
              })
            }
            placeholder={['登记日期起', '登记日期止']}
            allowEmpty={[true, true]}
            style={{ width: width(260) }}
            aria-label="登记日期"
          />
          <Select
            value={state.deadline}
            onChange={(deadline) => update({ deadline })}
            options={deadlineOptions}
            placeholder="全部期限"
            allowClear
            style={{ width: width(130) }}
            aria-label="期限"
          />
          {extraFilters.map((filter) => (
            <span key={filter.key} style={{ width: narrow ? '100%' : undefined }}>
              {filter.render(state.extra[filter.key], (value) => setExtra(filter.key, value))}
            </span>
          ))}
          <Checkbox
            checked={Boolean(state.mine)}
            onChange={(event) => update({ mine: event.target.checked || undefined })}
          >
            只看我承办的
          </Checkbox>
          <Flex wrap gap={8}>
            {filtered && (
              <Button icon={<ClearOutlined />} onClick={clear}>
                清除筛选
              </Button>
            )}
            <SavedFilters
              listKey={props.listKey}
              current={filtersOnly(state).toString()}
              onApply={(saved) => {
                const next = readListState(new URLSearchParams(saved), extraKeys);
                setSearch(
                  writeListState({ ...next, sort: state.sort, order: state.order, pageSize: state.pageSize }),
                );
              }}
            />
          </Flex>
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} retrying={list.isFetching} onRetry={() => list.refetch()} />
        ) : (
          <Table<CaseListItem>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
            onChange={onTableChange}
            scroll={{ x: 'max-content' }}
            showSorterTooltip={{ title: '点击排序' }}
            locale={{
              // While the first answer loads, the spinner alone: no "nothing here" that is not yet known.
              emptyText: list.isPending ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={filtered ? '没有符合筛选条件的案件，可以清除筛选后再看' : props.emptyText}
                >
                  {filtered && <Button onClick={clear}>清除筛选</Button>}
                </Empty>
              ),
            }}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => `共 ${total} 件`,
              hideOnSinglePage: false,
            }}
          />
        )}
      </Card>
    </>
  );
}
