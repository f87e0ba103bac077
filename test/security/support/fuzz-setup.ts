import { Principal, WEBHOOK_SECRET } from './world';

/** One seed per run, printed on failure: FUZZ_SEED=<seed> replays it. */
export const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** One signed-in client per role, and nobody. */
export const FUZZ_PRINCIPALS: Principal[] = [
  'anonymous',
  'partyA',
  'medA',
  'adminA',
  'grid',
  'hotline',
  'clerk',
  'judge',
  'official',
  'district',
];

/** Rate limits out of the fuzzer's way, and the webhook secrets the world signs with. */
const FUZZ_ENV = {
  ROOM_MESSAGE_RATE: '100000/1000',
  ROOM_TYPING_RATE: '100000/1000',
  WEBHOOK_SECRET_12345: WEBHOOK_SECRET,
  WEBHOOK_SECRET_GRID: WEBHOOK_SECRET,
  WEBHOOK_SECRET_COURT: WEBHOOK_SECRET,
};

/** Sets the fuzz environment before the app starts; the returned function puts the previous values back. */
export function setFuzzEnv(): () => void {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(FUZZ_ENV)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
