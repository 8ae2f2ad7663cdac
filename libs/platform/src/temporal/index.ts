// @banjie/platform/temporal: what a Temporal worker host needs. Kept out of @banjie/platform so that
// services without a worker never load @temporalio/worker.
export * from './workflow-bundle';
export * from './temporal-runtime';
