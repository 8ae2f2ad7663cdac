/**
 * LOCAL DEVELOPMENT DEFAULT ONLY. The launcher and the tests use this key when JWT_SECRET is not
 * set; every deployed environment must set its own JWT_SECRET (services refuse to start without one).
 */
export const LOCAL_DEVELOPMENT_JWT_SECRET = 'banjie-local-development-signing-key-not-for-production';

/**
 * What the launcher (`npm start`), the test harnesses, the bench, fault and fuzz commands add to the
 * services' environment: only then may a service run on LOCAL_DEVELOPMENT_JWT_SECRET, a key anyone
 * can read in the repository (see loadConfig).
 */
export const LOCAL_DEVELOPMENT_MODE = { BANJIE_DEV_MODE: '1' } as const;
