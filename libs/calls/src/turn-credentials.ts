import { createHmac } from 'node:crypto';

export interface RtcSettings {
  turnUrls: string[];
  turnSecret: string | null;
  turnTtlSeconds: number;
  stunUrls: string[];
}

export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface IceServersAnswer {
  iceServers: IceServer[];
  ttl: number;
  hostOnly: boolean;
}

/**
 * coturn's `use-auth-secret` scheme (TURN REST API): username `<expiry unix seconds>:<userId>`, password
 * base64(HMAC-SHA1(static-auth-secret, username)). coturn refuses it once the expiry has passed.
 */
export function turnCredential(secret: string, userId: string, expiresAt: number) {
  const username = `${expiresAt}:${userId}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

export function iceServers(rtc: RtcSettings, userId: string, nowMs: number): IceServersAnswer {
  const servers: IceServer[] = [];
  if (rtc.stunUrls.length) servers.push({ urls: rtc.stunUrls });
  if (rtc.turnUrls.length && rtc.turnSecret) {
    const expiresAt = Math.floor(nowMs / 1000) + rtc.turnTtlSeconds;
    servers.push({ urls: rtc.turnUrls, ...turnCredential(rtc.turnSecret, userId, expiresAt) });
  }
  return { iceServers: servers, ttl: rtc.turnTtlSeconds, hostOnly: servers.length === 0 };
}
