import './register-paths';
import { prepareTemporalTestServer } from '@banjie/local-infra';

/** Resolves Temporal's Java test server once; the wrapper script reads the classpath file. */
export default async function workflowGlobalSetup(): Promise<void> {
  Object.assign(process.env, prepareTemporalTestServer());
}
