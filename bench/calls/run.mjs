// Call benchmark (not a test): headless Chromium with a fake camera and microphone, on loopback, in one run:
//   platform  the mediator is in the call; a party on the call page presses 加入视频调解: time from its call:join
//             to the first decoded video frame (getStats polled every 5 ms in the page), the join ack's round
//             trip, and the signalling messages sent and received until that frame;
//   bare      two RTCPeerConnections in one page exchanging the same fake media, descriptions and candidates
//             handed over directly: time from creating the offer to the first decoded frame, same polling.
//   The party (the newcomer) offers on the ack; the first signal it receives is the answer.
// Prints a table (median, min, max of --runs) and the ratio of the medians.
// Run: npm run build:server && npm run build:web && node bench/calls/run.mjs [--runs 7]
import { DESKTOP, FAKE_MEDIA_ARGS, PHONE, launchBrowser, startApp } from '../../test/browser/harness.mjs';
import { partySignIn, staffSignIn, visible } from '../../test/browser/steps.mjs';
import { callCase } from '../../test/browser/call.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', '7'));

/** The bare pair, in the page: fake media → pc1 → pc2, first decoded frame on pc2. */
async function barePair(page) {
  return page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: true,
      video: { width: 640, height: 480 },
    });
    const t0 = performance.now();
    const pc1 = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    const pc2 = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    let signals = 0;
    pc1.onicecandidate = (e) => {
      if (e.candidate) {
        signals += 1;
        void pc2.addIceCandidate(e.candidate);
      }
    };
    pc2.onicecandidate = (e) => {
      if (e.candidate) {
        signals += 1;
        void pc1.addIceCandidate(e.candidate);
      }
    };
    const video = document.createElement('video');
    video.muted = true;
    pc2.ontrack = (e) => {
      video.srcObject = e.streams[0] ?? new MediaStream([e.track]);
      void video.play().catch(() => undefined);
    };
    for (const t of stream.getTracks()) pc1.addTrack(t, stream);
    pc1.createDataChannel('flags', { negotiated: true, id: 0 });
    pc2.createDataChannel('flags', { negotiated: true, id: 0 });
    await pc1.setLocalDescription();
    signals += 1;
    await pc2.setRemoteDescription(pc1.localDescription);
    await pc2.setLocalDescription();
    signals += 1;
    await pc1.setRemoteDescription(pc2.localDescription);
    for (;;) {
      let frames = 0;
      (await pc2.getStats()).forEach((r) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded ?? 0;
      });
      if (frames > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - t0;
    const sigs = signals;
    pc1.close();
    pc2.close();
    stream.getTracks().forEach((t) => t.stop());
    return { ms, signals: sigs };
  });
}

/** The party joins the mediator's call through the page; answers the timings its test hook recorded. */
async function platformJoin(party, server, c) {
  await party.goto(`${server.webUrl}/#/cases/${c.id}/call/${c.sessionId}`);
  await visible(party.getByRole('button', { name: '加入视频调解' }));
  await party.waitForFunction(
    () => !document.querySelector('.tj-call-check-wrap button[disabled].ant-btn-primary'),
  );
  await party.getByRole('button', { name: '加入视频调解' }).click();
  await party.waitForFunction(() => !!window.__tjCall);
  const r = await party.evaluate(async () => {
    const f = await window.__tjCall.firstFrame();
    return {
      ms: f.at - f.joinSentAt,
      joinAck: f.joinAckAt - f.joinSentAt,
      answer: f.firstSignalAt - f.joinSentAt,
      signals: f.signalsSent + f.signalsReceived,
    };
  });
  await party.getByRole('button', { name: '离开' }).click();
  return r;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) =>
  `${median(xs).toFixed(0).padStart(6)} ${Math.min(...xs)
    .toFixed(0)
    .padStart(6)} ${Math.max(...xs)
    .toFixed(0)
    .padStart(6)}`;

async function main() {
  const server = await startApp();
  const browser = await launchBrowser(FAKE_MEDIA_ARGS);
  try {
    const c = await callCase(server);
    // the online joint session, scheduled for now over HTTP (the journey schedules it on the page)
    const session = await c.mediator.call('POST', `/cases/${c.id}/sessions`, {
      scheduledAt: new Date().toISOString(),
      online: true,
      mode: 'joint',
      participants: c.parties.map((p) => p.id),
    });
    c.sessionId = session.id;
    const hooks = async (device) => {
      const ctx = await browser.newContext(device);
      await ctx.addInitScript(() => {
        window.__tjTestHooks = true;
      });
      return ctx.newPage();
    };
    const med = await hooks(DESKTOP);
    await staffSignIn(med, server, 'js_mediator');
    await med.goto(`${server.webUrl}/#/work/${c.id}/call/${c.sessionId}`);
    await med.getByRole('button', { name: '加入视频调解' }).click();
    await visible(med.getByRole('toolbar', { name: '通话控制' }));
    const party = await hooks(PHONE);
    await partySignIn(party, server, '13800000131');
    const bare = await hooks(PHONE);
    await bare.goto(`${server.webUrl}/`);

    const plat = [];
    const base = [];
    // one warm-up of each (codec and socket set-up), then interleaved runs so both see the same machine load
    await platformJoin(party, server, c);
    await barePair(bare);
    for (let i = 0; i < RUNS; i++) {
      plat.push(await platformJoin(party, server, c));
      base.push(await barePair(bare));
    }
    const pm = median(plat.map((r) => r.ms));
    const bm = median(base.map((r) => r.ms));
    console.log(`\ncall set-up to first decoded frame, ${RUNS} runs each (ms: median min max)`);
    console.log(
      `${'path'.padEnd(34)} ${'median'.padStart(6)} ${'min'.padStart(6)} ${'max'.padStart(6)}  signals`,
    );
    console.log(
      `${'platform (call:join → frame)'.padEnd(34)} ${fmt(plat.map((r) => r.ms))}  ${median(plat.map((r) => r.signals))}`,
    );
    console.log(`${'  call:join ack'.padEnd(34)} ${fmt(plat.map((r) => r.joinAck))}`);
    console.log(`${'  first signal (the answer) arrives'.padEnd(34)} ${fmt(plat.map((r) => r.answer))}`);
    console.log(
      `${'bare pair (offer → frame)'.padEnd(34)} ${fmt(base.map((r) => r.ms))}  ${median(base.map((r) => r.signals))}`,
    );
    console.log(`ratio platform / bare (medians): ${(pm / bm).toFixed(2)}×`);
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop().catch(() => undefined);
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
