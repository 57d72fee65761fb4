/** The CLI calls the same handlers as the other faces, through the same dispatcher. */
import { unwrap, type Channel, type RequestOf, type ResponseOf } from '../../core/api';
import { dispatch } from '../dispatch';
import type { Session } from '../session';

export async function call<C extends Channel>(session: Session, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  return unwrap(await dispatch(session.handlers, channel, request)) as ResponseOf<C>;
}
