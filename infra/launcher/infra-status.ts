import { kafkaAnswers, postgresAnswers, postgresUrl, temporalAnswers } from '@banjie/local-infra';
import { localPorts } from './local-environment';

export interface ComponentStatus {
  name: string;
  address: string;
  up: boolean;
}

async function probe(check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await check();
  } catch {
    return false;
  }
}

export async function infraStatus(): Promise<ComponentStatus[]> {
  const ports = localPorts();
  const [pg, kafka, temporal] = await Promise.all([
    probe(() => postgresAnswers(postgresUrl(ports.postgres))),
    probe(() => kafkaAnswers(ports.kafka)),
    probe(() => temporalAnswers(`127.0.0.1:${ports.temporal}`)),
  ]);
  return [
    { name: 'PostgreSQL', address: `127.0.0.1:${ports.postgres}`, up: pg },
    { name: 'Kafka', address: `127.0.0.1:${ports.kafka}`, up: kafka },
    {
      name: 'Temporal',
      address: `127.0.0.1:${ports.temporal} (Web UI http://127.0.0.1:${ports.temporalUi})`,
      up: temporal,
    },
  ];
}
