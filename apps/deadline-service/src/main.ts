import 'reflect-metadata';
import { runService } from '@banjie/platform';
import { startDeadlineService } from './deadline-service';

runService(() => startDeadlineService());
