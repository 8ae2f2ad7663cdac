import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { intakeClient, sampleRegistration } from '@banjie/testing';
import { startIsolatedIntake } from '../test/intake-api';
import type { RegisterProjectDto } from './dto/register-project.dto';
import { ProjectService } from './project.service';

/** The number after `BJ-<year>-`. */
const numberOf = (code: string): number => Number(code.split('-')[2]);

describe('project codes carry the year the project entered the list', () => {
  let app: INestApplication;

  beforeAll(async () => {
    ({ app } = await startIsolatedIntake());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  const admin = () => intakeClient(app, { sub: 'admin-1', role: 'admin' });

  async function registerOverHttp(overrides: Record<string, unknown>): Promise<string> {
    const response = await admin()<{ code: string }>('POST', '/projects', {
      ...sampleRegistration,
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body.code;
  }

  it('takes the year of listedOn, not of the day it was registered, numbering each year on its own', async () => {
    const first2023 = await registerOverHttp({ name: '二〇二三年甲项目', listedOn: '2023-01-05' });
    const first2024 = await registerOverHttp({ name: '二〇二四年项目', listedOn: '2024-02-01' });
    const second2023 = await registerOverHttp({ name: '二〇二三年乙项目', listedOn: '2023-12-31' });

    expect(first2023).toMatch(/^BJ-2023-\d{4,}$/);
    expect(second2023).toMatch(/^BJ-2023-\d{4,}$/);
    expect(first2024).toMatch(/^BJ-2024-\d{4,}$/);
    expect(numberOf(second2023)).toBe(numberOf(first2023) + 1);
  });

  it('reads the default listedOn, and so the year, in Shanghai: 16:30 UTC on 31 December is already next year', async () => {
    const registered = await app
      .get(ProjectService)
      .register(
        { ...sampleRegistration, listedOn: undefined, name: '跨年登记项目' } as RegisterProjectDto,
        { sub: 'admin-1', role: 'admin' },
        new Date('2026-12-31T16:30:00Z'),
      );

    expect(registered.listedOn).toBe('2027-01-01');
    expect(registered.code).toMatch(/^BJ-2027-\d{4,}$/);
  });
});
