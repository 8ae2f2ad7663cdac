import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { MetricsRegistry } from '@banjie/platform';

/** What the stream limits did: streams open, refused (by the limit), and slow clients disconnected. */
@Injectable()
export class BoardStreamMetrics {
  readonly open: Gauge;
  readonly refused: Counter<'limit'>;
  readonly dropped: Counter;
  readonly resyncs: Counter;

  constructor(registry: MetricsRegistry) {
    const registers = [registry.registry];
    this.open = new Gauge({ name: 'banjie_board_streams_open', help: 'Open board streams (SSE)', registers });
    this.refused = new Counter({
      name: 'banjie_board_streams_refused_total',
      help: 'Board streams refused at a limit (limit: TOO_MANY_STREAMS for the service, TOO_MANY_STREAMS_FROM_CLIENT for one client)',
      labelNames: ['limit'],
      registers,
    });
    this.dropped = new Counter({
      name: 'banjie_board_streams_dropped_total',
      help: 'Board streams disconnected because the client did not take what was sent (more than NOTICE_SSE_MAX_BUFFERED_BYTES waiting)',
      registers,
    });
    this.resyncs = new Counter({
      name: 'banjie_board_stream_resyncs_total',
      help: 'resync events sent instead of a replay or a batch of changes too large to send',
      registers,
    });
  }
}
