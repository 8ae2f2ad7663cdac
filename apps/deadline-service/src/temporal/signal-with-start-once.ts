import { WorkflowExecutionAlreadyStartedError, type Client, type SignalDefinition } from '@temporalio/client';

export interface SignalWithStartOnce<TInput, TSignalArg> {
  workflowId: string;
  taskQueue: string;
  input: TInput;
  signal: SignalDefinition<[TSignalArg]>;
  signalArg: TSignalArg;
}

/**
 * Tells a per-application workflow the news, starting it with the facts when it is missing. A
 * workflow that has completed is never started again (reuse: only after a failure or termination),
 * so late or repeated news about an ended application changes nothing.
 */
export async function signalWithStartOnce<TInput, TSignalArg>(
  client: Client,
  workflowType: string,
  options: SignalWithStartOnce<TInput, TSignalArg>,
): Promise<void> {
  try {
    await client.workflow.signalWithStart<(input: TInput) => Promise<unknown>, [TSignalArg]>(workflowType, {
      workflowId: options.workflowId,
      taskQueue: options.taskQueue,
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      args: [options.input],
      signal: options.signal,
      signalArgs: [options.signalArg],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
