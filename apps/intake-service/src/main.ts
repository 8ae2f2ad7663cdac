import 'reflect-metadata';
import { runService } from '@banjie/platform';
import { startIntakeService } from './intake-service';

runService(() => startIntakeService());
