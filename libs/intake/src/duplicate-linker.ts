/**
 * Decides which new dispute records join an existing dispute, which share a new one, and which
 * pairs go to the review queue. Pure: records and scored pairs in, a plan out.
 *
 * Certain pairs are applied best score first with union–find; a union that would merge two
 * different existing disputes is not made (the pair goes to review instead: merging disputes is a
 * person's decision). Uncertain pairs always go to review; a record whose only matches are
 * uncertain is held (no dispute yet) until the review decides whether it joins the other's dispute.
 */
import { startOfBusinessDay } from '@tiaojie/business-time';
import type { CrossChannelDuplicate, IntakeRecord } from '@tiaojie/intake-parsers';
import { findCrossChannelDuplicates } from '@tiaojie/intake-parsers';

export interface LinkItem {
  key: string;
  record: IntakeRecord;
  /** The dispute the record already belongs to (records stored earlier). */
  disputeId: string | null;
  /** True for records of this batch that need a dispute. */
  needsDispute: boolean;
}

export interface LinkGroup {
  /** Existing dispute to link to, or null: create one from `primary`. */
  disputeId: string | null;
  primary: LinkItem;
  members: LinkItem[];
}

export interface LinkPlan {
  groups: LinkGroup[];
  /** Certain pairs applied (both records end up on one dispute). */
  linked: CrossChannelDuplicate[];
  /** Pairs for the review queue: uncertain ones, and certain ones that would merge two disputes. */
  review: CrossChannelDuplicate[];
  /** Records that need a dispute, have no certain match and at least one pair under review: they wait for the decision. */
  held: LinkItem[];
}

const KIND_RANK: Record<IntakeRecord['kind'], number> = {
  'grid-report': 0,
  'work-order': 1,
  'court-referral': 2,
};

export function recordKeyOf(record: IntakeRecord): string {
  return `${record.kind}:${record.sourceId}`;
}

/** When the record arrived (court referrals: 00:00 Asia/Shanghai of the referral date). */
export function recordInstant(record: IntakeRecord): number {
  if (record.kind === 'work-order') return record.acceptedAt.getTime();
  if (record.kind === 'grid-report') return record.reportedAt.getTime();
  return startOfBusinessDay(record.referredOn).getTime();
}

/** The record a new dispute is built from: the earliest arrival (then grid, 12345, court). */
function earliest(items: LinkItem[]): LinkItem {
  return [...items].sort(
    (a, b) =>
      recordInstant(a.record) - recordInstant(b.record) ||
      KIND_RANK[a.record.kind] - KIND_RANK[b.record.kind] ||
      a.record.sourceId.localeCompare(b.record.sourceId),
  )[0];
}

export function planLinks(items: readonly LinkItem[], windowDays = 7): LinkPlan {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const pairs = findCrossChannelDuplicates(
    items.map((i) => i.record),
    { windowDays },
  ).filter(
    (p) =>
      byKey.get(`${p.a.kind}:${p.a.sourceId}`)?.needsDispute ||
      byKey.get(`${p.b.kind}:${p.b.sourceId}`)?.needsDispute,
  );

  const parent = new Map<string, string>();
  const dispute = new Map<string, string | null>();
  for (const i of items) {
    parent.set(i.key, i.key);
    dispute.set(i.key, i.disputeId);
  }
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };

  const linked: CrossChannelDuplicate[] = [];
  const review: CrossChannelDuplicate[] = [];
  for (const p of pairs) {
    if (p.confidence !== 'certain') {
      review.push(p);
      continue;
    }
    const ra = find(`${p.a.kind}:${p.a.sourceId}`);
    const rb = find(`${p.b.kind}:${p.b.sourceId}`);
    if (ra === rb) {
      linked.push(p);
      continue;
    }
    const da = dispute.get(ra) ?? null;
    const db = dispute.get(rb) ?? null;
    if (da && db && da !== db) {
      review.push(p);
      continue;
    }
    parent.set(rb, ra);
    dispute.set(ra, da ?? db);
    linked.push(p);
  }

  const components = new Map<string, LinkItem[]>();
  for (const i of items) {
    const root = find(i.key);
    const list = components.get(root);
    if (list) list.push(i);
    else components.set(root, [i]);
  }
  const underReview = new Set(
    review.flatMap((p) => [`${p.a.kind}:${p.a.sourceId}`, `${p.b.kind}:${p.b.sourceId}`]),
  );
  const groups: LinkGroup[] = [];
  const held: LinkItem[] = [];
  for (const [root, members] of components) {
    const needers = members.filter((m) => m.needsDispute);
    if (needers.length === 0) continue;
    const disputeId = dispute.get(root) ?? null;
    if (!disputeId && members.length === 1 && underReview.has(members[0].key)) {
      held.push(members[0]);
      continue;
    }
    groups.push({ disputeId, primary: earliest(disputeId ? members : needers), members: needers });
  }
  return { groups, linked, review, held };
}
