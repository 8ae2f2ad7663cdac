/**
 * LOCAL DEVELOPMENT DEFAULT ONLY. The launcher and the tests use this key when JWT_SECRET is not
 * set; every deployed environment must set its own JWT_SECRET (services refuse to start without one).
 */
export const LOCAL_DEVELOPMENT_JWT_SECRET = 'banjie-local-development-signing-key-not-for-production';
