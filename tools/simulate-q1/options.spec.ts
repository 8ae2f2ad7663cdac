import { DEFAULT_OPTIONS, paceOf, parseSimulationArgs } from './options';

describe('simulate-q1 options', () => {
  it('defaults to the whole portfolio at 80 % of the committed limits against a 60 % target', () => {
    expect(parseSimulationArgs([])).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS).toMatchObject({ pace: 0.8, target: 0.6, projects: null, outDir: 'reports' });
  });

  it('reads the pace, per-department overrides and the rest', () => {
    const options = parseSimulationArgs([
      '--pace',
      '1.1',
      '--pace-EEB',
      '1.3',
      '--pace-NRB=0.5',
      '--seed',
      '7',
      '--projects',
      '10',
      '--spread',
      '0',
      '--supplement-share',
      '0.2',
      '--submit-early',
      '3',
      '--target',
      '0.65',
      '--out',
      '/tmp/x',
    ]);
    expect(options).toEqual({
      seed: 7,
      pace: 1.1,
      paceByDepartment: { EEB: 1.3, NRB: 0.5 },
      spread: 0,
      submitEarlyWorkingDays: 3,
      supplementShare: 0.2,
      target: 0.65,
      projects: 10,
      outDir: '/tmp/x',
    });
    expect(paceOf(options, 'EEB')).toBe(1.3);
    expect(paceOf(options, 'HCB')).toBe(1.1);
  });

  it.each([
    [['--pace', '0'], /--pace must be a number from 0.05 to 10, got "0"/],
    [['--pace', 'fast'], /--pace must be a number/],
    [['--pace-EEB=-1'], /--pace-EEB must be a number from 0.05 to 10/],
    [['--seed', '1.5'], /--seed must be a whole number/],
    [['--projects', '0'], /--projects must be a whole number from 1/],
    [['--supplement-share', '2'], /--supplement-share must be a number from 0 to 1/],
    [['--target', ''], /--target must be a number/],
  ])('refuses %j, naming the option and the rule', (argv, message) => {
    expect(() => parseSimulationArgs(argv)).toThrow(message);
  });

  it('refuses an unknown option or department', () => {
    expect(() => parseSimulationArgs(['--pace-XYZ', '1'])).toThrow(/Unknown option '--pace-XYZ'/);
    expect(() => parseSimulationArgs(['extra'])).toThrow(/positional/);
  });
});
