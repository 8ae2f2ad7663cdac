import 'reflect-metadata';
import { runService } from '@banjie/platform';
import { startNoticeService } from './notice-service';

runService(() => startNoticeService());
