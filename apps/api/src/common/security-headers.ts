import helmet from 'helmet';

/**
 * helmet's response headers (no CSP: the api serves JSON; the SPA's index.html is static), computed once at
 * boot by running helmet against a recording response. @fastify/helmet ran every helmet middleware on every
 * request (7 % of an authenticated request's CPU); the headers never depend on the request.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  let done = false;
  type HelmetArgs = Parameters<ReturnType<typeof helmet>>;
  helmet({ contentSecurityPolicy: false })(
    { headers: {} } as HelmetArgs[0],
    res as unknown as HelmetArgs[1],
    () => {
      done = true;
    },
  );
  if (!done) throw new Error('helmet did not finish synchronously');
  return headers;
}
