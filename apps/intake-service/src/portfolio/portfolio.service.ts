import { Injectable } from '@nestjs/common';
import { completionKey, summarisePortfolio, type PortfolioSummary } from './portfolio-summary';
import { PortfolioRepository } from './portfolio.repository';

@Injectable()
export class PortfolioService {
  constructor(private readonly portfolio: PortfolioRepository) {}

  /** The portfolio as it stood at the end of `asOf` (Asia/Shanghai), from the recorded history. */
  async summary(asOf: string): Promise<PortfolioSummary> {
    const projects = await this.portfolio.projectsAsOf(asOf);
    const completions = await this.portfolio.completionsAsOf(asOf);
    return summarisePortfolio(
      asOf,
      projects,
      new Map(completions.map((c) => [completionKey(c.projectCode, c.procedure), c.outcome])),
    );
  }
}
