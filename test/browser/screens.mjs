// Screens at 1366x900 and 390x844 with long and awkward data: a 5,000-character description stays collapsed (the
// mediator's 签收 stays on the phone screen, the page stays a few screens high), and the district queue fits 1366 px
// without sideways scrolling and shows 受理时间.
import { DESKTOP, PHONE, pageFactory, shot } from './harness.mjs';
import { partySignIn, staffSignIn, visible } from './steps.mjs';
import { partyApi } from './api-steps.mjs';

const SENTENCE = '楼上住户长期在夜间搬动家具、播放音乐，申请人多次上门沟通并向物业和社区反映，问题仍未解决。';
const LONG = SENTENCE.repeat(Math.ceil(5000 / SENTENCE.length)).slice(0, 5000);

/** A party applies over HTTP (as the phone page would) with a 5,000-character description. */
async function applyLong(server, phone) {
  const party = await partyApi(server, phone);
  const created = await party.call('POST', '/cases', {
    category: 'neighbour',
    streetCode: 'JS',
    description: LONG,
    applicant: { name: '孙七' },
    respondents: [{ name: '周八', phone: '13900008888' }],
  });
  return { id: created.id, token: party.token };
}

/** The page's height, and whether a locator's box lies inside the viewport. */
async function measure(page, locator) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const box = locator ? await locator.boundingBox() : null;
  const vp = page.viewportSize();
  return { height, inView: !!box && box.y >= 0 && box.y + box.height <= vp.height };
}

export async function screensJourney(browser, server) {
  const errors = [];
  const open = pageFactory(browser, errors);
  const { id } = await applyLong(server, '13800000077');

  for (const [size, device] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ]) {
    // the routed body's admin: the description is collapsed and 签收/退回 are on the first screen
    const admin = await open(`js_admin-${size}`, device);
    await staffSignIn(admin, server, 'js_admin');
    await admin.goto(`${server.webUrl}/#/work/${id}`);
    const accept = admin.getByRole('button', { name: '签收' });
    await visible(accept);
    await visible(admin.getByTestId('case-description').getByText('展开'));
    const staffView = await measure(admin, accept);
    if (!staffView.inView) throw new Error(`签收 below the fold on ${size}`);
    if (!(await measure(admin, admin.getByRole('button', { name: '退回' }))).inView)
      throw new Error(`退回 below the fold on ${size}`);
    if (staffView.height > 4 * device.viewport.height)
      throw new Error(`staff case page ${staffView.height} px high on ${size}`);
    await shot(admin, `screens-long-description-staff-${size}`);
    // expanding shows the whole text, collapsing folds it again
    await admin.getByTestId('case-description').getByText('展开').click();
    await visible(admin.getByTestId('case-description').getByText('收起'));
    await admin.getByTestId('case-description').getByText('收起').click();
    await visible(admin.getByTestId('case-description').getByText('展开'));
    await admin.context().close();

    // the party's tracker stays a few screens high
    const party = await open(`party-${size}`, device);
    await partySignIn(party, server, '13800000077');
    await party.goto(`${server.webUrl}/#/cases/${id}`);
    await visible(party.getByTestId('case-description').getByText('展开'));
    const tracker = await measure(party, null);
    if (tracker.height > 5 * device.viewport.height)
      throw new Error(`party tracker ${tracker.height} px high on ${size}`);
    await shot(party, `screens-long-description-tracker-${size}`);
    await party.context().close();
  }

  // the district queue at 1366 px: every column fits, 受理时间 included
  const district = await open('admin-queue', DESKTOP);
  await staffSignIn(district, server, 'admin', '区级统筹');
  await district.locator('.ant-segmented-item').filter({ hasText: '全部' }).click();
  const table = district.getByTestId('district-queue');
  await visible(table.getByRole('columnheader', { name: '受理时间' }));
  await visible(table.getByRole('row').nth(1));
  const fit = await table
    .locator('.ant-table-content, .ant-table-body')
    .first()
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  if (fit.scroll > fit.client + 1)
    throw new Error(`district queue scrolls sideways at 1366 px: ${JSON.stringify(fit)}`);
  const header = await table.getByRole('columnheader', { name: '受理时间' }).boundingBox();
  if (!header || header.x + header.width > DESKTOP.viewport.width)
    throw new Error(`受理时间 off screen: ${JSON.stringify(header)}`);
  await shot(district, 'screens-district-queue-desktop');
  await district.setViewportSize(PHONE.viewport);
  await visible(table.getByRole('row').nth(1));
  await shot(district, 'screens-district-queue-narrow');
  await district.context().close();

  if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
}
