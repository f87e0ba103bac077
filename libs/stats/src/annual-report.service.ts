import { Injectable } from '@nestjs/common';
import { Clock } from '@tiaojie/core';
import { toBusinessDate } from '@tiaojie/business-time';
import { meanHours, percentileHours, rate, yearRange } from './metric.util';
import { courtReferralFigures } from './court-referral.figures';
import { StatsMaintenanceRepository } from './stats-maintenance.repository';
import {
  StatsQueryRepository,
  type DateRange,
  type DisputeSums,
  type IntakeSums,
} from './stats-query.repository';
import type {
  AnnualReport,
  BodyRow,
  DisputeMetrics,
  GridMetrics,
  MediationSection,
  StreetRow,
  WorkOrderMetrics,
} from './stats.types';

export const WORK_ORDER_SOURCES = ['省市网', '海心安', '本市级'] as const;
type Row = IntakeSums & { channel: string; source: string; street: string; is_dispute: number };

function sum(rows: readonly IntakeSums[]): IntakeSums {
  const out: IntakeSums = {
    received: 0,
    closed: 0,
    replied: 0,
    repliedOnTime: 0,
    rated: 0,
    satisfied: 0,
    peopleInvolved: 0,
    durationCount: 0,
    durationSeconds: 0,
  };
  for (const r of rows) for (const k of Object.keys(out) as (keyof IntakeSums)[]) out[k] += r[k];
  return out;
}

function disputeCount(rows: readonly Row[]): number {
  return rows.filter((r) => r.is_dispute === 1).reduce((s, r) => s + r.received, 0);
}

export function workOrderMetrics(rows: readonly Row[], p90Hours: number | null): WorkOrderMetrics {
  const s = sum(rows);
  return {
    received: s.received,
    closed: s.closed,
    completionRate: rate(s.closed, s.received),
    disputes: disputeCount(rows),
    avgHours: meanHours(s.durationSeconds, s.durationCount),
    p90Hours,
    replied: s.replied,
    repliedOnTime: s.repliedOnTime,
    onTimeReplyRate: rate(s.repliedOnTime, s.replied),
    repliedLate: s.replied - s.repliedOnTime,
    rated: s.rated,
    satisfied: s.satisfied,
    satisfactionRate: rate(s.satisfied, s.rated),
  };
}

export function gridMetrics(rows: readonly Row[], p90Hours: number | null): GridMetrics {
  const s = sum(rows);
  return {
    received: s.received,
    closed: s.closed,
    completionRate: rate(s.closed, s.received),
    disputes: disputeCount(rows),
    avgHours: meanHours(s.durationSeconds, s.durationCount),
    p90Hours,
    peopleInvolved: s.peopleInvolved,
  };
}

export function disputeMetrics(s: DisputeSums | undefined, p90Hours: number | null = null): DisputeMetrics {
  const d = s ?? {
    received: 0,
    concluded: 0,
    agreements: 0,
    closed: 0,
    durationCount: 0,
    durationSeconds: 0,
  };
  const avg = meanHours(d.durationSeconds, d.durationCount);
  return {
    received: d.received,
    concluded: d.concluded,
    agreements: d.agreements,
    successRate: rate(d.agreements, d.concluded),
    closed: d.closed,
    avgDays: avg === null ? null : Math.round(avg / 2.4) / 10,
    p90Days: p90Hours === null ? null : Math.round(p90Hours / 2.4) / 10,
  };
}

/**
 * The annual report's figures, from the maintained aggregates (a few small indexed reads, no scan
 * of the record tables): intake channels, 12345 by source, mediation outcomes, court diversion,
 * breakdowns by street, category, kind, channel and body.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly q: StatsQueryRepository,
    private readonly maintenance: StatsMaintenanceRepository,
    private readonly clock: Clock,
  ) {}

  async report(year: number): Promise<AnnualReport> {
    const range = yearRange(year);
    await this.maintenance.fold();
    const rows = (await this.q.intake(range, {}, [
      'channel',
      'source',
      'street',
      'is_dispute',
    ])) as unknown as Row[];
    const grid = rows.filter((r) => r.channel === 'grid');
    const orders = rows.filter((r) => r.channel === 'hotline_12345');
    const [gridDur, orderDur] = await Promise.all([
      this.q.intakeDurations(range, { channel: 'grid' }),
      this.q.intakeDurations(range, { channel: 'hotline_12345' }),
    ]);
    const sourceDur = await Promise.all(
      WORK_ORDER_SOURCES.map((source) => this.q.intakeDurations(range, { channel: 'hotline_12345', source })),
    );
    const sources = Object.fromEntries(
      WORK_ORDER_SOURCES.map((s, i) => [
        s,
        workOrderMetrics(
          orders.filter((r) => r.source === s),
          percentileHours(sourceDur[i]),
        ),
      ]),
    );
    const workOrders = workOrderMetrics(orders, percentileHours(orderDur));
    return {
      year,
      gridReports: gridMetrics(grid, percentileHours(gridDur)),
      workOrders: {
        ...workOrders,
        bySource: Object.fromEntries(WORK_ORDER_SOURCES.map((s) => [s, sources[s].received])),
        sources,
      },
      mediation: await this.mediation(range),
      courtReferrals: await courtReferralFigures(this.q, range),
      disputesByCategory: this.byCategory(await this.q.intakeCategories(range)),
      streets: this.streets(rows),
      bodies: await this.bodies(range),
      generatedAt: this.clock.now().toISOString(),
    };
  }

  private async mediation(range: DateRange): Promise<MediationSection> {
    const [all, kinds, channels, categories, allDur, overdue, transitions] = await Promise.all([
      this.q.disputes('all', range),
      this.q.disputes('kind', range),
      this.q.disputes('channel', range),
      this.q.disputes('category', range),
      this.q.disputeDurations('all', '', range),
      this.q.overdue('all', toBusinessDate(this.clock.now())),
      this.q.transitions(range, ['confirm', 'reject_confirmation', 'transfer', 'return', 'refer_to_court']),
    ]);
    const byValue = (list: typeof kinds) =>
      Object.fromEntries(list.map((r) => [r.value!, disputeMetrics(r)]));
    const t = (action: string) =>
      transitions.filter((x) => x.action === action).reduce((s, x) => s + x.count, 0);
    return {
      ...disputeMetrics(all[0], percentileHours(allDur)),
      overdue: overdue.get('') ?? 0,
      judicialConfirmations: t('confirm'),
      confirmationsRejected: t('reject_confirmation'),
      transfers: t('transfer'),
      returns: t('return'),
      referredToCourt: t('refer_to_court'),
      byKind: byValue(kinds),
      byChannel: byValue(channels),
      byCategory: byValue(categories),
    };
  }

  private byCategory(
    rows: readonly { channel: string; category: string; received: number }[],
  ): AnnualReport['disputesByCategory'] {
    const map = new Map<
      string,
      { category: string; grid: number; hotline: number; court: number; total: number }
    >();
    for (const r of rows) {
      const e = map.get(r.category) ?? { category: r.category, grid: 0, hotline: 0, court: 0, total: 0 };
      if (r.channel === 'grid') e.grid += r.received;
      else if (r.channel === 'hotline_12345') e.hotline += r.received;
      else e.court += r.received;
      e.total += r.received;
      map.set(r.category, e);
    }
    return [...map.values()].sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
  }

  private streets(rows: readonly Row[]): StreetRow[] {
    const names = [...new Set(rows.filter((r) => r.street).map((r) => r.street))].sort();
    return names.map((street) => {
      const g = sum(rows.filter((r) => r.street === street && r.channel === 'grid'));
      const o = sum(rows.filter((r) => r.street === street && r.channel === 'hotline_12345'));
      return {
        street,
        gridReceived: g.received,
        gridClosed: g.closed,
        gridCompletionRate: rate(g.closed, g.received),
        ordersReceived: o.received,
        ordersClosed: o.closed,
        ordersCompletionRate: rate(o.closed, o.received),
        onTimeReplyRate: rate(o.repliedOnTime, o.replied),
        satisfactionRate: rate(o.satisfied, o.rated),
        disputes: disputeCount(rows.filter((r) => r.street === street)),
      };
    });
  }

  private async bodies(range: DateRange): Promise<BodyRow[]> {
    const [rows, returns, overdue, names] = await Promise.all([
      this.q.disputes('body', range),
      this.q.transitions(range, ['return']),
      this.q.overdue('body', toBusinessDate(this.clock.now())),
      this.q.organizations(),
    ]);
    const ids = new Set([...rows.map((r) => r.value!), ...returns.map((r) => r.body)].filter(Boolean));
    return [...ids]
      .map((bodyId) => {
        const m = disputeMetrics(rows.find((r) => r.value === bodyId));
        return {
          bodyId,
          name: names.get(bodyId) ?? bodyId,
          received: m.received,
          concluded: m.concluded,
          agreements: m.agreements,
          successRate: m.successRate,
          returns: returns.filter((r) => r.body === bodyId).reduce((s, r) => s + r.count, 0),
          overdue: overdue.get(bodyId) ?? 0,
        };
      })
      .sort((a, b) => b.received - a.received || a.name.localeCompare(b.name));
  }
}
