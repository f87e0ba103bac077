export { OrgModule } from './org.module';
export { OrgRepository } from './org.repository';
export type { OrgRow, StreetRow, CommunityRow } from './org.repository';
export { OrgService } from './org.service';
export { DemoSeeder } from './demo.seeder';
export { DISPUTE_CATEGORIES, CATEGORY_CODES } from './categories';
export type { DisputeCategory } from './categories';
export { DEMO_ORGS, DEMO_STAFF, DEMO_PARTIES, DEMO_PASSWORD, DEMO_STREETS } from './demo-data';
