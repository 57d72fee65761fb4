/** One valid request per channel, for the contract test. Adding a channel without one fails it. */
import type { Channel, RequestOf } from '../../core/api';

export const sampleRequests: { [C in Channel]: RequestOf<C> } = {
  'app.info': {},
  'workspace.info': {},
};
