// What the mediator's page sees while another participant rejoins after a dropped connection (test/browser/call.mjs):
// its connection to the participant it keeps must stay the same one, and the rejoining one must show 连接中, then
// 已连接, in the participant list.

/** Remembers the mediator's connection to user `keep` and records every state the list shows for `watch` (a name). */
export async function watchRejoin(page, { keep, watch }) {
  await page.evaluate(
    ({ keep, watch }) => {
      const call = window.__tjCall;
      const peer = call.snapshot().peers.find((p) => p.userId === keep && p.state === 'connected');
      window.__keptLink = call.engine.links.get(peer.peerId);
      const seen = (window.__watchedStates = []);
      const read = () => {
        const now = [...document.querySelectorAll('[data-testid="participant"]')]
          .filter((li) => li.textContent.includes(watch))
          .map((li) => li.querySelector('[data-testid="peer-state"]')?.textContent)
          .join('|');
        if (seen[seen.length - 1] !== now) seen.push(now);
      };
      read();
      new MutationObserver(read).observe(document.querySelector('[data-testid="participants"]'), {
        subtree: true,
        childList: true,
        characterData: true,
      });
    },
    { keep, watch },
  );
}

/** Fails unless the kept connection is the same, still connected, and `watch` showed 连接中 and then 已连接. */
export async function checkRejoin(page, { keep, keepName, watch }) {
  const seen = await page.evaluate((keep) => {
    const call = window.__tjCall;
    const peer = call.snapshot().peers.find((p) => p.userId === keep && p.state === 'connected');
    return {
      sameLink: !!peer && call.engine.links.get(peer.peerId) === window.__keptLink,
      keptState: window.__keptLink.pc.connectionState,
      states: window.__watchedStates,
    };
  }, keep);
  if (!seen.sameLink || seen.keptState !== 'connected')
    throw new Error(
      `the connection to ${keepName} was touched by ${watch}'s rejoin: ${JSON.stringify(seen)}`,
    );
  const connecting = seen.states.indexOf('连接中');
  if (connecting < 0 || !seen.states.slice(connecting).includes('已连接'))
    throw new Error(`the page did not show ${watch} connecting, then connected: ${JSON.stringify(seen)}`);
}

/** The page's socket drops (the transport closes, as on a network change); resolves once it is in the call again. */
export async function dropAndRejoin(page, timeout) {
  const before = await page.evaluate(() => window.__tjCall.snapshot().selfPeerId);
  await page.evaluate(() => window.__tjCall.engine.socket.io.engine.close());
  await page.waitForFunction(
    (old) => {
      const s = window.__tjCall.snapshot();
      return s.phase === 'in-call' && !!s.selfPeerId && s.selfPeerId !== old;
    },
    before,
    { timeout },
  );
}
