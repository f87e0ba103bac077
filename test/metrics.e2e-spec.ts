import { startTestApp } from './support/test-app';

describe('/metrics (e2e)', () => {
  it('exposes request, database and job figures in Prometheus format, labelled by route template', async () => {
    const t = await startTestApp();
    try {
      await fetch(`${t.url}/api/health`);
      await fetch(`${t.url}/api/cases/00000000-0000-0000-0000-000000000000`);
      const res = await fetch(`${t.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(text).toMatch(
        /tiaojie_http_requests_total\{method="GET",route="\/api\/health",status="200"\} 1/,
      );
      expect(text).toMatch(
        /tiaojie_http_requests_total\{method="GET",route="\/api\/cases\/:id",status="401"\} 1/,
      );
      expect(text).toMatch(/tiaojie_db_up 1/);
      expect(text).toContain('tiaojie_http_request_duration_seconds_bucket');
      expect(text).toContain('tiaojie_process_resident_memory_bytes');
      expect(text).toMatch(/tiaojie_socket_connections 0/);
    } finally {
      await t.close();
    }
  });

  it('requires the token when METRICS_TOKEN is set', async () => {
    const t = await startTestApp({ env: { METRICS_TOKEN: 'scrape-secret' } });
    try {
      expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
      expect(
        (await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } })).status,
      ).toBe(200);
    } finally {
      await t.close();
    }
  });
});
