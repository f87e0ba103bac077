// Set-up steps over HTTP, as the pages would send them: the journeys prepare a case this way and then walk the
// part they test in the browser.

/** A tiny HTTP client on the api: `call(method, path, body)` answers the JSON body, throws on a status ≥ 300. */
export function api(server, token) {
  return async (method, path, body) => {
    const r = await fetch(`${server.url}/api${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json().catch(() => null);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** A demo staff account signed in (every demo password is Tiaojie2026). */
export async function staffApi(server, username) {
  const r = await api(server)('POST', '/auth/staff/sign-in', { username, password: 'Tiaojie2026' });
  return { call: api(server, r.accessToken), id: r.user.id, name: r.user.displayName, token: r.accessToken };
}

/** A party signed in with the one-time code the server logged for `phone`. */
export async function partyApi(server, phone) {
  const before = server.codeCount(phone);
  await api(server)('POST', '/auth/otp', { phone });
  const code = await server.waitForCode(phone, before);
  const r = await api(server)('POST', '/auth/party/sign-in', { phone, code });
  return { call: api(server, r.accessToken), id: r.user.id, token: r.accessToken };
}
