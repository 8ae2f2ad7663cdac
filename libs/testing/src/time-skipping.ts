import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerWrapper } from '@banjie/local-infra';

/** A time-skipping Temporal environment backed by the Java test server from Maven Central. */
export function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerWrapper } },
  });
}
