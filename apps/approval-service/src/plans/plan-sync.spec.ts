import { planActor } from './plan-sync.service';

describe('planActor', () => {
  it("reads intake's role:sub actor names", () => {
    expect(planActor('dispatch:portfolio-loader')).toEqual({ role: 'dispatch', sub: 'portfolio-loader' });
    expect(planActor('admin:a:b')).toEqual({ role: 'admin', sub: 'a:b' });
  });

  it('treats anything else as an admin named by the whole string', () => {
    expect(planActor('someone')).toEqual({ role: 'admin', sub: 'someone' });
    expect(planActor('robot:x')).toEqual({ role: 'admin', sub: 'robot:x' });
  });
});
