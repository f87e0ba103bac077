import { apiClient, unwrap } from '../../lib/typed-api';

/** What the case tracker shows: status, details and (when available) call sessions, fetched together. */
export async function loadTracker(id: string) {
  const [status, detail, sessions] = await Promise.all([
    unwrap(apiClient.GET('/api/cases/{id}/status', { params: { path: { id } } })),
    unwrap(apiClient.GET('/api/cases/{id}', { params: { path: { id } } })),
    // sessions are an extra: the tracker shows without them
    unwrap(apiClient.GET('/api/cases/{id}/sessions', { params: { path: { id } } })).catch(() => null),
  ]);
  return { status, detail, sessions };
}

export const trackerKey = (id: string) => `tracker:${id}`;
