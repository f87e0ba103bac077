/**
 * What a dispute created from an intake record looks like: category, kind, channel, title,
 * description, place and parties. Pure; the writer adds the number, ids and timestamps.
 */
import type { IntakeRecord } from '@tiaojie/intake-parsers';
import {
  CHANNEL_OF_FORMAT,
  categoryCodeOf,
  disputeCategoryLabel,
  disputeKindOf,
  type DisputeKind,
  type IntakeChannel,
} from './intake-channel';

export interface PartyDraft {
  role: 'applicant' | 'respondent';
  partyType: 'person' | 'organization';
  name: string;
  phone: string | null;
  idNumber: string | null;
}

export interface DisputeDraft {
  category: string;
  kind: DisputeKind;
  channel: IntakeChannel;
  title: string;
  description: string;
  streetCode: string | null;
  communityCode: string | null;
  address: string | null;
  claimAmount: string | null;
  peopleInvolved: number;
  parties: PartyDraft[];
}

/** Street and community names of the district (as exported) → their codes. */
export interface PlaceDirectory {
  streetCode(name: string | null): string | null;
  communityCode(streetCode: string | null, name: string | null): string | null;
}

const ORG_NAME_RE = /(公司|厂|店|中心|银行|医院|学校|合作社|事务所|集团|协会|委员会|局|处)$/;

function partyType(name: string, idNumber: string | null): 'person' | 'organization' {
  return !idNumber && ORG_NAME_RE.test(name) ? 'organization' : 'person';
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function buildDisputeDraft(record: IntakeRecord, places: PlaceDirectory): DisputeDraft {
  const label = disputeCategoryLabel(record);
  const base = {
    category: categoryCodeOf(label),
    kind: disputeKindOf(record),
    channel: CHANNEL_OF_FORMAT[record.kind],
  };
  switch (record.kind) {
    case 'work-order': {
      const streetCode = places.streetCode(record.street);
      return {
        ...base,
        title: clip(
          `12345工单${record.sourceId}：${record.requester || '来电人'}反映${label ?? record.category}`,
          100,
        ),
        description: record.content,
        streetCode,
        communityCode: null,
        address: record.address || null,
        claimAmount: null,
        peopleInvolved: 1,
        parties: record.requester
          ? [
              {
                role: 'applicant',
                partyType: 'person',
                name: record.requester,
                phone: record.phone,
                idNumber: null,
              },
            ]
          : [],
      };
    }
    case 'grid-report': {
      const streetCode = places.streetCode(record.street);
      return {
        ...base,
        title: clip(
          `网格上报${record.sourceId}：${record.community || record.street}${label ?? record.eventSubtype}`,
          100,
        ),
        description: record.description,
        streetCode,
        communityCode: places.communityCode(streetCode, record.community),
        address: [record.street, record.community, record.grid].filter(Boolean).join(''),
        claimAmount: null,
        peopleInvolved: record.peopleInvolved,
        parties: record.partyName
          ? [
              {
                role: 'applicant',
                partyType: 'person',
                name: record.partyName,
                phone: record.partyPhone,
                idNumber: null,
              },
            ]
          : [],
      };
    }
    case 'court-referral': {
      const amount = record.claimAmount === null ? '' : `，标的额${record.claimAmount.toFixed(2)}元`;
      const party = (p: typeof record.plaintiff, role: PartyDraft['role']): PartyDraft => ({
        role,
        partyType: partyType(p.name, p.idNumber),
        name: p.name,
        phone: p.phone,
        idNumber: p.idNumber,
      });
      return {
        ...base,
        title: clip(`${record.plaintiff.name}与${record.defendant.name}${record.causeOfAction}`, 100),
        description:
          `${record.court || '人民法院'}诉前委派调解，案号${record.sourceId}，案由${record.causeOfAction}${amount}，调解期限${record.mediationDays}日${record.judge ? `，承办法官${record.judge}` : ''}。${record.remarks}`.trim(),
        streetCode: null,
        communityCode: null,
        address: null,
        claimAmount: record.claimAmount === null ? null : record.claimAmount.toFixed(2),
        peopleInvolved: 2,
        parties: [party(record.plaintiff, 'applicant'), party(record.defendant, 'respondent')],
      };
    }
  }
}
