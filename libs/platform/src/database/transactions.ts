import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** One database transaction, handed to repositories: every write inside commits or none does. */
export type Tx = EntityManager;

/**
 * Where services open transactions (CONTRIBUTING.md, "Data access"): the only way outside a
 * repository to reach the database, so a service reads as its steps and its repositories' names.
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
