// Real servers (PostgreSQL, Kafka, Temporal, the Java test server) on a shared 2-core machine: a
// slow moment is not a failure. (A project's `testTimeout` is not honoured by Jest's multi-project
// runs; this is.)
jest.setTimeout(30_000);
