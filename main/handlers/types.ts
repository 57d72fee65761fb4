import type { Channel, ParsedRequestOf, ResponseOf } from '../../core/api';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** A per-domain part: handlers for a subset of channels. */
export type HandlerPart<K extends Channel> = { [C in K]: Handler<C> };

export type Handlers = HandlerPart<Channel>;
