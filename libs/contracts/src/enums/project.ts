/** 续建 (continuing) or 新建 (new). */
export const ProjectType = { CONTINUING: 'CONTINUING', NEW: 'NEW' } as const;
export type ProjectType = (typeof ProjectType)[keyof typeof ProjectType];

/** The full-lifecycle states of a key project (项目建设全生命周期). */
export const LifecycleState = {
  SIGNED: 'SIGNED',
  PREPARING: 'PREPARING',
  STARTED: 'STARTED',
  RESUMED: 'RESUMED',
  UNDER_CONSTRUCTION: 'UNDER_CONSTRUCTION',
  COMPLETED: 'COMPLETED',
  SUSPENDED: 'SUSPENDED',
  CANCELLED: 'CANCELLED',
  REMOVED: 'REMOVED',
} as const;
export type LifecycleState = (typeof LifecycleState)[keyof typeof LifecycleState];
export const LIFECYCLE_STATES = Object.values(LifecycleState);

export const IndustryCluster = {
  NEW_ENERGY_EQUIPMENT: 'NEW_ENERGY_EQUIPMENT',
  MODERN_CHEMICALS: 'MODERN_CHEMICALS',
  OTHER: 'OTHER',
} as const;
export type IndustryCluster = (typeof IndustryCluster)[keyof typeof IndustryCluster];
