// Jest's global setup runs outside the module mapper: resolve the workspace aliases here.
import { register } from 'tsconfig-paths';
import { resolve } from 'node:path';

const { compilerOptions } = require('../../../tsconfig.base.json') as { compilerOptions: { paths: Record<string, string[]> } };
register({ baseUrl: resolve(__dirname, '../../..'), paths: compilerOptions.paths });
