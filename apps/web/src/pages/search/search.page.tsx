import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  List,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { apiClient, unwrap } from '../../lib/typed-api';
import type { Schemas } from '../../lib/api-types';
import type { operations } from '../../lib/api-schema';
import { CHANNEL_LABELS, fmtDate } from '../../lib/format';
import { labels, useDirectory } from '../../lib/directory';
import { navigate, useRoute } from '../../lib/router';
import { StatusTag } from '../../components/status-tag';
import { HighlightText } from '../../components/highlight-text';
import {
  MATCHED_LABELS,
  STATUS_FILTERS,
  SearchParams,
  highlightWords,
  openSearch,
  readSearchParams,
} from './search-query';
import { HiddenTitle } from '../../components/page-title';

type Item = Schemas['CaseSearchItem'];
type Query = operations['CaseSearchController_find']['parameters']['query'];

const PAGE = 20;

/**
 * 案件检索: every case the signed-in user may open, by number, name, phone, court case number or words; matches
 * marked, filters by status, category, channel and received date, more pages on demand. ↑ ↓ move through the
 * results, Enter opens the selected case.
 */
export function SearchPage() {
  useRoute();
  const params = readSearchParams();
  const key = JSON.stringify(params);
  const dir = useDirectory();
  const L = labels(dir.data);
  const [text, setText] = useState(params.q);
  const [items, setItems] = useState<Item[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  const load = async (cursor: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const { q, ...filters } = params;
      const query = { q, ...filters, limit: String(PAGE), ...(cursor ? { cursor } : {}) } as Query;
      const page = await unwrap(apiClient.GET('/api/cases/search', { params: { query } }));
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setTotal(page.total);
      setNext(page.nextCursor);
    } catch (e) {
      setError(e instanceof Error ? e.message : '检索失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setText(params.q);
    setActive(0);
    setItems([]);
    if (params.q.trim()) void load(null);
  }, [key]);

  const change = (patch: Partial<SearchParams>) => openSearch({ ...params, ...patch });
  const words = highlightWords(params.q);
  const open = (item: Item) => navigate(`work/${item.id}`);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (items.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const to = Math.max(0, Math.min(items.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      setActive(to);
      listRef.current
        ?.querySelector<HTMLElement>(`[data-index="${to}"]`)
        ?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName !== 'INPUT') {
      open(items[active]);
    }
  };

  return (
    <div className="tj-stack" onKeyDown={onKeyDown}>
      <HiddenTitle>案件检索</HiddenTitle>
      <Card size="small" title="案件检索">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(q) => q.trim() && change({ q: q.trim() })}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && items.length > 0) {
                e.preventDefault();
                listRef.current?.focus();
              }
            }}
            enterButton="检索"
            allowClear
            placeholder="案件编号、当事人姓名、完整手机号或身份证号、法院案号、关键词（多个词用空格分隔）"
            aria-label="检索词"
          />
          <div className="tj-search-filters">
            <Select
              allowClear
              aria-label="案件状态"
              placeholder="案件状态"
              value={params.status}
              onChange={(v) => change({ status: v })}
              options={STATUS_FILTERS.map(([value, label]) => ({ value, label }))}
            />
            <Select
              allowClear
              aria-label="纠纷类别"
              placeholder="纠纷类别"
              value={params.category}
              onChange={(v) => change({ category: v })}
              options={(dir.data?.categories ?? []).map((c) => ({ value: c.code, label: c.label }))}
            />
            <Select
              allowClear
              aria-label="来源渠道"
              placeholder="来源渠道"
              value={params.channel}
              onChange={(v) => change({ channel: v })}
              options={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <DatePicker
              aria-label="受理日期起"
              placeholder="受理日期起"
              format="YYYY-MM-DD"
              value={params.from ? dayjs(params.from) : null}
              onChange={(d) => change({ from: d ? d.format('YYYY-MM-DD') : undefined })}
            />
            <DatePicker
              aria-label="受理日期止"
              placeholder="受理日期止"
              format="YYYY-MM-DD"
              value={params.to ? dayjs(params.to) : null}
              onChange={(d) => change({ to: d ? d.format('YYYY-MM-DD') : undefined })}
            />
          </div>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon message={error} />}
      {!params.q.trim() ? (
        <Empty description="输入案件编号、姓名、电话或关键词开始检索" />
      ) : (
        <Card
          size="small"
          title={
            loading && items.length === 0
              ? '检索中…'
              : total === null
                ? `结果较多，显示前 ${items.length} 件`
                : `共找到 ${total} 件`
          }
          extra={<span className="tj-muted tj-search-hint">↑ ↓ 选择，回车打开</span>}
        >
          <div ref={listRef} tabIndex={0} aria-label="检索结果" className="tj-search-results">
            <List
              dataSource={items}
              locale={{ emptyText: loading ? <Spin /> : '没有找到相关案件' }}
              renderItem={(item, i) => (
                <List.Item
                  data-index={i}
                  className={`tj-search-item ${i === active ? 'tj-search-item-active' : ''}`}
                  onClick={() => open(item)}
                  onMouseEnter={() => setActive(i)}
                >
                  <div className="tj-search-body">
                    <div className="tj-row">
                      <Typography.Text strong>
                        <HighlightText text={item.title} words={words} />
                      </Typography.Text>
                      <StatusTag status={item.status} label={item.statusLabel} />
                    </div>
                    {item.snippet && (
                      <div className="tj-search-snippet">
                        <HighlightText text={item.snippet} words={words} />
                      </div>
                    )}
                    <Space size={[4, 4]} wrap className="tj-muted">
                      <span>
                        <HighlightText text={item.number} words={words} />
                      </span>
                      <span>{item.categoryLabel}</span>
                      <span>{L.org(item.bodyId)}</span>
                      <span>受理 {fmtDate(item.createdAt)}</span>
                      {item.matched.map((m) => (
                        <Tag key={m} color="blue">
                          {MATCHED_LABELS[m] ?? '其他'}
                        </Tag>
                      ))}
                      {item.formerHandler && <Tag>曾承办·已脱敏</Tag>}
                    </Space>
                  </div>
                </List.Item>
              )}
            />
          </div>
          {next && (
            <Button block loading={loading} onClick={() => void load(next)}>
              加载更多
            </Button>
          )}
        </Card>
      )}
    </div>
  );
}
