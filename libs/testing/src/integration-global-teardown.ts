export default async function integrationGlobalTeardown(): Promise<void> {
  await globalThis.__banjieTestInfrastructure?.stop();
}
