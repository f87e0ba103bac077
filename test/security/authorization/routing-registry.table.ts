import { expectStatus } from '../../support/http-client';
import { ANY, AuthzRow, ADMINS, DISTRICT, ORG, OWN, OWN_ORG, perTarget, unique } from './shared';

/** Routing rules, the registry of bodies and mediators, conflicts, routing decisions and mediator proposals. */
export const ROUTING_REGISTRY_ROWS: readonly AuthzRow[] = [
  // —— routing and the registry ——
  {
    op: 'GET /api/routing/rules',
    resource: 'routing-rules',
    action: 'read',
    target: null,
    allow: DISTRICT,
    ok: 200,
  },
  {
    op: 'PUT /api/routing/rules',
    resource: 'routing-rules',
    action: 'replace',
    target: null,
    allow: DISTRICT,
    ok: 200,
    call: async (w) => ({ body: { rules: (await w.clients.district.get('/routing/rules')).body } }),
  },
  {
    op: 'POST /api/routing/dry-run',
    resource: 'routing-rules',
    action: 'dry-run',
    target: null,
    allow: ADMINS,
    ok: 200,
    call: () => ({ body: { category: 'property', channel: 'online', streetCode: 'JS' } }),
  },
  {
    op: 'GET /api/routing/returns',
    resource: 'routing-rules',
    action: 'return-counts',
    target: null,
    allow: DISTRICT,
    ok: 200,
  },
  {
    op: 'GET /api/registry/bodies',
    resource: 'registry',
    action: 'list-bodies',
    target: null,
    allow: ADMINS,
    ok: 200,
  },
  {
    op: 'PATCH /api/registry/bodies/{id}',
    resource: 'registry',
    action: 'update-body',
    target: 'orgA',
    allow: DISTRICT,
    ok: 200,
    call: () => ({ body: { active: true } }),
  },
  {
    op: 'GET /api/registry/mediators/{id}/conflicts',
    resource: 'conflicts',
    action: 'list',
    target: 'mediatorA',
    allow: { mediator: OWN, body_admin: ORG, district_admin: ANY },
    ok: 200,
  },
  {
    op: 'POST /api/registry/mediators/{id}/conflicts',
    resource: 'conflicts',
    action: 'declare',
    target: 'mediatorA',
    allow: { mediator: OWN, body_admin: ORG, district_admin: ANY },
    ok: 201,
    call: () => ({ body: { kind: 'employer', partyKey: `测试单位${unique('')}`, note: '测试' } }),
  },
  {
    op: 'DELETE /api/registry/mediators/{id}/conflicts/{conflictId}',
    resource: 'conflicts',
    action: 'remove',
    target: 'mediatorA',
    allow: { mediator: OWN, body_admin: ORG, district_admin: ANY },
    ok: 204,
    call: async (w) => {
      const c = await w.clients.medA.post(`/registry/mediators/${w.me.medA.id}/conflicts`, {
        kind: 'relative',
        partyKey: `1399${unique('')}`.slice(0, 11),
      });
      expectStatus(c, 201);
      return { params: { conflictId: c.body.id } };
    },
  },
  ...perTarget(['caseA', 'caseB'], () => ({
    op: 'GET /api/cases/{id}/routing',
    resource: 'routing-decisions',
    action: 'read',
    allow: { mediator: OWN_ORG, body_admin: ORG, district_admin: ANY },
    ok: 200,
  })),
  ...perTarget(['caseA', 'caseB'], () => ({
    op: 'GET /api/cases/{id}/mediator-proposal',
    resource: 'mediator-proposal',
    action: 'read',
    allow: { mediator: OWN_ORG, body_admin: ORG },
    ok: 200,
  })),
];
