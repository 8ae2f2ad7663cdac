import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerWrapper } from '@banjie/local-infra';
import { installTemporalRuntime } from '@banjie/platform/temporal';

/** A time-skipping Temporal environment backed by the Java test server from Maven Central. */
export function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  installTemporalRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerWrapper } },
  });
}
