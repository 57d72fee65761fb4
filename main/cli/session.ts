import { startSession, type Session } from '../session';

/** Opens the chosen workspace for one command and always closes it. */
export async function withSession<T>(workspace: string | undefined, run: (session: Session) => Promise<T>): Promise<T> {
  const session = await startSession({ workspace, face: 'cli' });
  try {
    return await run(session);
  } finally {
    session.close();
  }
}
