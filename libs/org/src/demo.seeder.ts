import { Injectable, Logger } from '@nestjs/common';
import { DbService } from '@tiaojie/db';
import { PasswordHasher } from '@tiaojie/auth';
import {
  DEMO_ORGS,
  DEMO_PARTIES,
  DEMO_PASSWORD,
  DEMO_STAFF,
  DEMO_STREETS,
  type DemoStaff,
} from './demo-data';
import { OrgRepository } from './org.repository';

/** Loads the demo district once (a marker in `meta` makes it idempotent across restarts), then adds new demo accounts. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly db: DbService,
    private readonly orgs: OrgRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async seedOnce(): Promise<boolean> {
    if (await this.orgs.getMeta(this.db.db, 'demo_seeded')) {
      await this.addMissingStaff();
      return false;
    }
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
          ...this.staffRow(u, passwordHash),
          orgId: orgId.get(u.org)!,
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

  /**
   * A demo district loaded by an earlier version lacks the demo accounts added since (a body without staff would
   * dead-end the README's walk-through): they are added, in the bodies that exist; existing accounts are left alone.
   */
  private async addMissingStaff(): Promise<void> {
    const existing = await this.orgs.existingUsernames(
      this.db.db,
      DEMO_STAFF.map((u) => u.username),
    );
    const missing = DEMO_STAFF.filter((u) => !existing.has(u.username));
    if (missing.length === 0) return;
    const orgId = new Map((await this.orgs.listAll(this.db.db)).map((o) => [o.code, o.id]));
    const rows = missing.filter((u) => orgId.has(u.org));
    if (rows.length === 0) return;
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    await this.orgs.insertUsers(
      this.db.db,
      rows.map((u) => ({ ...this.staffRow(u, passwordHash), orgId: orgId.get(u.org)! })),
    );
    this.logger.log(`demo accounts added: ${rows.map((u) => u.username).join(', ')}`);
  }

  private staffRow(u: DemoStaff, passwordHash: string) {
    return {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      specialties: [...(u.specialties ?? [])],
      passwordHash,
      isDemo: true,
    };
  }
}
