import { Injectable, Logger } from '@nestjs/common';
import { DbService } from '@tiaojie/db';
import { PasswordHasher } from '@tiaojie/auth';
import { DEMO_ORGS, DEMO_PARTIES, DEMO_PASSWORD, DEMO_STAFF, DEMO_STREETS } from './demo-data';
import { OrgRepository } from './org.repository';

/** Loads the demo district once (a marker in `meta` makes it idempotent across restarts). */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly db: DbService,
    private readonly orgs: OrgRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async seedOnce(): Promise<boolean> {
    if (await this.orgs.getMeta(this.db.db, 'demo_seeded')) return false;
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    await this.db.transaction(async (tx) => {
      await this.orgs.insertStreets(
        tx,
        DEMO_STREETS.map((s) => ({ code: s.code, name: s.name })),
      );
      await this.orgs.insertCommunities(
        tx,
        DEMO_STREETS.flatMap((s) =>
          s.communities.map(([code, name]) => ({ code, name, streetCode: s.code })),
        ),
      );
      const orgs = await this.orgs.insertOrgs(
        tx,
        DEMO_ORGS.map((o) => ({
          code: o.code,
          name: o.name,
          kind: o.kind,
          level: o.level,
          categories: o.categories,
          streetCodes: o.streetCodes,
          communityCodes: o.communityCodes ?? [],
          capacity: o.capacity ?? 100,
        })),
      );
      const orgId = new Map(orgs.map((o) => [o.code, o.id]));
      await this.orgs.insertUsers(
        tx,
        DEMO_STAFF.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          orgId: orgId.get(u.org)!,
          specialties: [...(u.specialties ?? [])],
          passwordHash,
          isDemo: true,
        })),
      );
      await this.orgs.insertUsers(
        tx,
        DEMO_PARTIES.map((p) => ({
          phone: p.phone,
          displayName: p.displayName,
          role: 'party',
          isDemo: true,
        })),
      );
      await this.orgs.setMeta(tx, 'demo_seeded', { at: new Date().toISOString() });
    });
    this.logger.log(
      `demo data loaded: ${DEMO_ORGS.length} organisations, ${DEMO_STAFF.length} staff, ${DEMO_PARTIES.length} parties`,
    );
    return true;
  }
}
