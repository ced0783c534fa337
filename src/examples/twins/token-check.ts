// Node twin of check_token.py.
import {openSession, type TwinIo} from './common.js';

export async function tokenCheck(io: TwinIo): Promise<void> {
  const s = await openSession(io, 'check_token.py');
  s.say('TOKEN_OK');
}
