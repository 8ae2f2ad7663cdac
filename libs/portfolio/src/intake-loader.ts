// The portfolio's projects, plans and lifecycle moves, through the intake API like any client.
// Idempotent and resumable: a project already on the list (same name) is completed where a
// previous run stopped (plan, lifecycle moves, helper logins), never registered twice.
import { LifecycleState } from '@banjie/contracts';
import { mapConcurrently } from '@banjie/domain';
import type { JsonApi } from './json-api';
import { registrationOf, type SeedHelper, type SeedProject } from './seed';

interface ListedProject {
  code: string;
  name: string;
  state: string;
  version: number;
  ownerEnterpriseId: string;
  helpers: SeedHelper[];
}

export interface LoadedProject {
  code: string;
  ownerEnterpriseId: string;
}

export interface IntakeLoad {
  /** Every seed project's code, by name. */
  projects: Map<string, LoadedProject>;
  loaded: number;
  skipped: number;
}

const PLAN_REASON = '2023年重点项目前期手续计划';

async function listedProjects(intake: JsonApi, token: string): Promise<Map<string, ListedProject>> {
  const byName = new Map<string, ListedProject>();
  for (const item of await intake.allItems<ListedProject>('/projects', token))
    if (!byName.has(item.name)) byName.set(item.name, item);
  return byName;
}

function finalState(project: SeedProject): string {
  return project.lifecycle.at(-1)?.to ?? LifecycleState.SIGNED;
}

async function moveThroughLifecycle(
  intake: JsonApi,
  token: string,
  code: string,
  steps: SeedProject['lifecycle'],
): Promise<void> {
  for (const step of steps) {
    await intake.expectOk('POST', `/projects/${code}/transitions`, token, {
      body: { to: step.to, effectiveDate: step.on, ...(step.reason ? { reason: step.reason } : {}) },
    });
  }
}

function putPlan(intake: JsonApi, token: string, code: string, project: SeedProject): Promise<unknown> {
  return intake.expectOk('PUT', `/projects/${code}/plan`, token, {
    body: { items: project.plan, effectiveDate: project.listedOn, reason: PLAN_REASON },
  });
}

/** Finishes what an earlier, interrupted run left undone on a listed project. */
async function complete(
  intake: JsonApi,
  token: string,
  listed: ListedProject,
  project: SeedProject,
): Promise<void> {
  const seedLogins = new Map(
    project.helpers.flatMap((helper) => (helper.userId ? [[helper.name, helper.userId] as const] : [])),
  );
  if (listed.helpers.some((helper) => !helper.userId && seedLogins.has(helper.name))) {
    const helpers = listed.helpers.map((helper) =>
      helper.userId || !seedLogins.has(helper.name)
        ? helper
        : { ...helper, userId: seedLogins.get(helper.name) },
    );
    await intake.expectOk('PATCH', `/projects/${listed.code}`, token, {
      body: { helpers, reason: '补录帮办员登录账号', expectedVersion: listed.version },
    });
  }
  const plan = await intake.request('GET', `/projects/${listed.code}/plan`, token, { retry: true });
  if (plan.status === 404) await putPlan(intake, token, listed.code, project);
  if (listed.state === finalState(project)) return;
  const recorded = await intake.allItems<{ to: string }>(`/projects/${listed.code}/transitions`, token);
  const isPrefix =
    recorded.length <= project.lifecycle.length &&
    recorded.every((move, index) => move.to === project.lifecycle[index]!.to);
  // A lifecycle that went its own way (moved by someone else) is theirs: left alone.
  if (isPrefix)
    await moveThroughLifecycle(intake, token, listed.code, project.lifecycle.slice(recorded.length));
}

/**
 * Registers the projects not yet listed, in the seed's order (so a fresh list numbers them as the
 * seed does), then plans them and moves them through their lifecycle, `concurrency` projects at a time.
 */
export async function loadProjectsThroughIntake(
  intake: JsonApi,
  token: string,
  projects: readonly SeedProject[],
  concurrency: number,
): Promise<IntakeLoad> {
  const listed = await listedProjects(intake, token);
  const fresh: { code: string; project: SeedProject }[] = [];
  for (const project of projects) {
    if (listed.has(project.name)) continue;
    const { code } = await intake.expectOk<{ code: string }>('POST', '/projects', token, {
      body: registrationOf(project),
    });
    fresh.push({ code, project });
  }
  await mapConcurrently(fresh, concurrency, async ({ code, project }) => {
    await putPlan(intake, token, code, project);
    await moveThroughLifecycle(intake, token, code, project.lifecycle);
  });
  const existing = projects.filter((project) => listed.has(project.name));
  await mapConcurrently(existing, concurrency, (project) =>
    complete(intake, token, listed.get(project.name)!, project),
  );
  const loaded = new Map<string, LoadedProject>();
  for (const project of projects) {
    const found = listed.get(project.name);
    loaded.set(
      project.name,
      found
        ? { code: found.code, ownerEnterpriseId: found.ownerEnterpriseId }
        : {
            code: fresh.find((created) => created.project === project)!.code,
            ownerEnterpriseId: project.ownerEnterprise.id,
          },
    );
  }
  return { projects: loaded, loaded: fresh.length, skipped: existing.length };
}
