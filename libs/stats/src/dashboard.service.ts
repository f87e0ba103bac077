import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, Role } from '@tiaojie/core';
import { toBusinessDate } from '@tiaojie/business-time';
import { disputeMetrics, gridMetrics, WORK_ORDER_SOURCES, workOrderMetrics } from './annual-report.service';
import { courtReferralFigures, courtReferralSeries } from './court-referral.figures';
import { percentileHours } from './metric.util';
import { StatsMaintenanceRepository } from './stats-maintenance.repository';
import { StatsQueryRepository, type DateRange, type IntakeFilter } from './stats-query.repository';

export interface DashboardQuery {
  from: string;
  to: string;
  /** Intake filters (12345 source, street name) and one dispute breakdown (channel, street or body). */
  channel?: string;
  source?: string;
  street?: string;
  bodyId?: string;
  granularity?: 'day' | 'month';
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 5 * 366;

/**
 * Dashboard figures for a period from the maintained aggregates: intake metrics (district admins)
 * and mediation metrics for the district, one channel, street or body. A body admin always sees
 * their own body's mediation figures and no intake records.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly q: StatsQueryRepository,
    private readonly maintenance: StatsMaintenanceRepository,
    private readonly clock: Clock,
  ) {}

  private scope(actor: Actor, query: DashboardQuery): { range: DateRange; bodyOnly: string | null } {
    if (actor.role !== Role.DistrictAdmin && actor.role !== Role.BodyAdmin)
      throw DomainError.forbidden('只有区级或调解组织管理员可以查看统计');
    if (
      !DATE_RE.test(query.from) ||
      !DATE_RE.test(query.to) ||
      Number.isNaN(Date.parse(query.from)) ||
      Number.isNaN(Date.parse(query.to))
    ) {
      throw DomainError.validation('起止日期格式应为 年-月-日', { fields: ['from', 'to'] });
    }
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (days <= 0 || days > MAX_DAYS)
      throw DomainError.validation(`统计区间须为 1–${MAX_DAYS} 天（不含结束日）`);
    if (actor.role === Role.BodyAdmin) {
      if (!actor.orgId) throw DomainError.forbidden('账号未关联调解组织');
      if (query.bodyId && query.bodyId !== actor.orgId) throw DomainError.forbidden('只能查看本组织的统计');
      return { range: { from: query.from, to: query.to }, bodyOnly: actor.orgId };
    }
    return { range: { from: query.from, to: query.to }, bodyOnly: null };
  }

  /** The dispute breakdown a query selects: body, street (name → code), channel, or the whole district. */
  private async disputeDim(
    query: DashboardQuery,
    bodyOnly: string | null,
  ): Promise<{ dim: string; value: string }> {
    if (bodyOnly || query.bodyId) return { dim: 'body', value: bodyOnly ?? query.bodyId! };
    if (query.street) {
      const code =
        (await this.q.streets()).find((s) => s.name === query.street || s.code === query.street)?.code ??
        query.street;
      return { dim: 'street', value: code };
    }
    if (query.channel) return { dim: 'channel', value: query.channel };
    return { dim: 'all', value: '' };
  }

  async summary(actor: Actor, query: DashboardQuery) {
    const { range, bodyOnly } = this.scope(actor, query);
    await this.maintenance.fold();
    const { dim, value } = await this.disputeDim(query, bodyOnly);
    const [rows, durations, overdue] = await Promise.all([
      this.q.disputes(dim, range, { values: [value] }),
      this.q.disputeDurations(dim, value, range),
      this.q.overdue(dim, toBusinessDate(this.clock.now())),
    ]);
    const mediation = {
      ...disputeMetrics(rows[0], percentileHours(durations)),
      overdue: overdue.get(value) ?? 0,
      scope: { dim, value },
    };
    if (bodyOnly) return { period: range, intake: null, mediation, courtReferrals: null, breakdowns: null };

    const filter: IntakeFilter = { source: query.source, street: query.street };
    const intakeRows = (await this.q.intake(range, filter, [
      'channel',
      'source',
      'is_dispute',
    ])) as unknown as Parameters<typeof workOrderMetrics>[0];
    const [gridDur, orderDur] = await Promise.all([
      this.q.intakeDurations(range, { ...filter, channel: 'grid' }),
      this.q.intakeDurations(range, { ...filter, channel: 'hotline_12345' }),
    ]);
    const orders = intakeRows.filter((r) => r.channel === 'hotline_12345');
    const [byChannel, byKind, byCategory, byStreet, byBody] = await Promise.all(
      ['channel', 'kind', 'category', 'street', 'body'].map((d) => this.q.disputes(d, range)),
    );
    const asMap = (list: typeof byChannel) =>
      Object.fromEntries(list.map((r) => [r.value, disputeMetrics(r)]));
    return {
      period: range,
      intake: {
        grid: gridMetrics(
          intakeRows.filter((r) => r.channel === 'grid'),
          percentileHours(gridDur),
        ),
        workOrders: {
          ...workOrderMetrics(orders, percentileHours(orderDur)),
          bySource: Object.fromEntries(
            WORK_ORDER_SOURCES.map((s) => [
              s,
              orders.filter((r) => r.source === s).reduce((n, r) => n + r.received, 0),
            ]),
          ),
        },
      },
      mediation,
      courtReferrals: await courtReferralFigures(this.q, range),
      breakdowns: {
        byChannel: asMap(byChannel),
        byKind: asMap(byKind),
        byCategory: asMap(byCategory),
        byStreet: asMap(byStreet),
        byBody: asMap(byBody),
      },
    };
  }

  /** Time series per day or month: intake records per channel (district admins) and disputes of the selected scope. */
  async series(actor: Actor, query: DashboardQuery) {
    const { range, bodyOnly } = this.scope(actor, query);
    await this.maintenance.fold();
    const by = query.granularity === 'day' ? 'day' : 'month';
    const { dim, value } = await this.disputeDim(query, bodyOnly);
    const disputes = (await this.q.disputes(dim, range, { values: [value], by })).map((r) => ({
      period: r.period!,
      ...disputeMetrics(r),
    }));
    if (bodyOnly) return { period: range, granularity: by, intake: null, courtReferrals: null, disputes };
    const intake = (
      await this.q.intake(range, { source: query.source, street: query.street, channel: query.channel }, [
        by,
        'channel',
      ])
    ).map((r) => ({
      period: String(r[by]),
      channel: String(r.channel),
      received: r.received,
      closed: r.closed,
      replied: r.replied,
      repliedOnTime: r.repliedOnTime,
      rated: r.rated,
      satisfied: r.satisfied,
    }));
    return {
      period: range,
      granularity: by,
      intake,
      courtReferrals: await courtReferralSeries(this.q, range, by),
      disputes,
    };
  }
}
