import { HttpClient, expectStatus } from './http-client';
import { TestApp } from './test-app';

export const APPLICATION = {
  category: 'neighbour',
  description: '邻居装修噪音持续到深夜，多次沟通无果。',
  streetCode: 'JS',
  applicant: { name: '张三' },
  respondents: [{ name: '李四', phone: '13800000002' }],
};

let respondentSeq = 0;
/** A respondent nobody else in the test run uses (shared phones make later disputes "repeated" and escalate them). */
export function uniqueRespondent(name = '李四') {
  respondentSeq += 1;
  return {
    name,
    phone: `1390${String(process.pid % 1000).padStart(3, '0')}${String(respondentSeq).padStart(4, '0')}`,
  };
}

/** A party signed in and a fresh application, routed to the Jinsha street committee. */
export async function appliedCase(
  t: TestApp,
  phone = '13800000001',
  overrides: Record<string, unknown> = {},
) {
  const party = await new HttpClient(t.url).signInParty(phone, (p) => t.sms.lastCode(p));
  const r = await party.post('/cases', { ...APPLICATION, respondents: [uniqueRespondent()], ...overrides });
  expectStatus(r, 201);
  return { party, caseId: r.body.id as string, body: r.body };
}

export async function staff(t: TestApp, username: string): Promise<HttpClient> {
  return new HttpClient(t.url).signInStaff(username);
}
