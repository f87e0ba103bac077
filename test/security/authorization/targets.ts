import { Principal, World } from '../support/world';
import { Relation, Target } from './shared';

/** The relation of each principal to each target, as the world builds it (everything unlisted: other). */
export const RELATIONS: Record<Target, Partial<Record<Principal, Relation>>> = {
  caseA: { partyA: 'own', respA: 'own', medA: 'own', adminA: 'org', medA2: 'org' },
  caseB: { partyB: 'own', medB: 'own', adminB: 'org' },
  // a court referral routed to body A: the referring court's staff are on it, body A handles it
  caseC: { clerk: 'own', judge: 'own', adminA: 'org', medA: 'org', medA2: 'org' },
  caseG: { grid: 'own' },
  caseH: { hotline: 'own' },
  roomJointA: { partyA: 'own', respA: 'own', medA: 'own', adminA: 'org', medA2: 'org' },
  roomCaucusA: { partyA: 'own', medA: 'own', adminA: 'org', medA2: 'org' },
  roomCaucusRespA: { respA: 'own', medA: 'own', adminA: 'org', medA2: 'org' },
  roomStaffA: { medA: 'own', adminA: 'org', medA2: 'org' },
  // the judge hosts, the official is a member; the clerk works at the judge's court but was not invited
  roomLinkage: { judge: 'own', official: 'own', clerk: 'org' },
  // the call of case B's online session: its staff who are not the mediator are 'org' (and refused)
  callB: { partyB: 'own', medB: 'own', adminB: 'org' },
  notificationA: { partyA: 'own' },
  staffMemberA: { adminA: 'org', medA: 'org', medA2: 'org' },
  mediatorA: { medA: 'own', adminA: 'org', medA2: 'org' },
  orgA: { adminA: 'org', medA: 'org', medA2: 'org' },
  orgB: { adminB: 'org', medB: 'org' },
};

/** The id a target names in the path (`{id}`), from the world. */
export function targetId(w: World, t: Target): string {
  switch (t) {
    case 'caseA':
      return w.cases.A;
    case 'caseB':
      return w.cases.B;
    case 'caseC':
      return w.cases.C;
    case 'caseG':
      return w.cases.G;
    case 'caseH':
      return w.cases.H;
    case 'roomJointA':
      return w.rooms.jointA;
    case 'roomCaucusA':
      return w.rooms.caucusPartyA;
    case 'roomCaucusRespA':
      return w.rooms.caucusRespA;
    case 'roomStaffA':
      return w.rooms.staffA;
    case 'roomLinkage':
      return w.rooms.linkage;
    case 'callB':
      return w.sessionB;
    case 'notificationA':
      return w.notifications.partyA;
    case 'staffMemberA':
      return w.staffMemberA;
    case 'mediatorA':
      return w.me.medA.id;
    case 'orgA':
      return w.orgs.A;
    case 'orgB':
      return w.orgs.B;
  }
}
