import { Module } from '@nestjs/common';
import { ProcedureCompletionsConsumer } from './procedure-completions.consumer';
import { ProcedureCompletionsRepository } from './procedure-completions.repository';

@Module({ controllers: [ProcedureCompletionsConsumer], providers: [ProcedureCompletionsRepository] })
export class CompletionsModule {}
