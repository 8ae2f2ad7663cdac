import 'reflect-metadata';
import { runService } from '@banjie/platform';
import { startApprovalService } from './approval-service';

runService(() => startApprovalService());
