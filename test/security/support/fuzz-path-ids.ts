import { Operation } from './openapi';
import { World } from './world';

/**
 * A real id of the world for each path parameter of an operation, by the resource the path names, so fuzzed
 * requests reach the handlers behind the existence checks; anything unknown gets the first id of the world.
 */
export function worldPathIds(w: World, ids: string[], op: Operation): Record<string, string> {
  const v: Record<string, string> = {};
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const before = op.path.slice(0, op.path.indexOf(`{${p.name}}`));
    v[p.name] =
      p.name === 'action'
        ? 'start_mediation'
        : p.name === 'source'
          ? '12345'
          : p.name === 'year'
            ? '2026'
            : p.name === 'table'
              ? 'table1'
              : p.name === 'partyId'
                ? w.partyIds.applicantA
                : p.name === 'sessionId'
                  ? w.sessionA
                  : p.name === 'itemId'
                    ? w.performanceItemA
                    : p.name === 'attachmentId'
                      ? w.attachmentA
                      : p.name === 'conflictId'
                        ? w.conflictOfMedA
                        : p.name === 'userId'
                          ? w.me.official.id
                          : p.name === 'orgId'
                            ? w.orgs.A
                            : before.endsWith('/cases/')
                              ? w.cases.A
                              : before.endsWith('/rooms/linkage/')
                                ? w.rooms.linkage
                                : before.endsWith('/rooms/')
                                  ? w.rooms.jointA
                                  : before.endsWith('/staff/')
                                    ? w.staffMemberA
                                    : before.endsWith('/mediators/')
                                      ? w.me.medA.id
                                      : before.endsWith('/bodies/')
                                        ? w.orgs.A
                                        : before.endsWith('/notifications/')
                                          ? w.notifications.partyA
                                          : before.endsWith('/outbox/')
                                            ? w.deadLetter
                                            : before.endsWith('/imports/')
                                              ? w.importRun
                                              : ids[0];
  }
  return v;
}
