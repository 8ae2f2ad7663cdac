// @banjie/launcher: the local infrastructure's launcher, for `npm start` and the command-line tools.
export { down, prepare, up } from './cli';
export * from './local-environment';
