import { Injectable } from '@nestjs/common';
import { DbService } from '@tiaojie/db';
import { DISPUTE_CATEGORIES } from './categories';
import { OrgRepository } from './org.repository';

/** Read side of the registry: the district's streets, communities and organisations. */
@Injectable()
export class OrgService {
  constructor(
    private readonly db: DbService,
    private readonly orgs: OrgRepository,
  ) {}

  async directory() {
    const [streets, communities, orgs] = await Promise.all([
      this.orgs.streets(this.db.db),
      this.orgs.communities(this.db.db),
      this.orgs.listAll(this.db.db),
    ]);
    return {
      categories: Object.entries(DISPUTE_CATEGORIES).map(([code, label]) => ({ code, label })),
      streets: streets.map((s) => ({
        ...s,
        communities: communities
          .filter((c) => c.streetCode === s.code)
          .map((c) => ({ code: c.code, name: c.name })),
      })),
      organizations: orgs.map((o) => ({
        id: o.id,
        code: o.code,
        name: o.name,
        kind: o.kind,
        level: o.level,
        categories: o.categories,
        active: o.active,
      })),
    };
  }
}
