import { Controller, Get, Param, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainException, Public } from '@banjie/platform';
import { REVALIDATE, sendCacheable } from '../http/cacheable';

const PAGE_FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'board.css': 'text/css; charset=utf-8',
  'board.js': 'text/javascript; charset=utf-8',
  'departments.html': 'text/html; charset=utf-8',
  'departments.css': 'text/css; charset=utf-8',
  'departments.js': 'text/javascript; charset=utf-8',
  'labels.js': 'text/javascript; charset=utf-8',
};
/** The pages, served at their own paths, never as assets. */
const PAGES = new Set(['index.html', 'departments.html']);

/** A public screen runs only its own code and talks only to its own service. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Read once at boot: the page is three static files, no build step. */
const pageFiles = new Map(
  Object.entries(PAGE_FILES).map(([name, type]) => [
    name,
    { type, body: readFileSync(join(__dirname, 'public', name)) },
  ]),
);

/**
 * The flag-board page for the big screens (`GET /`), each department's record (`GET /departments`)
 * and their assets. Filters travel in the query string.
 */
@ApiExcludeController()
@Public()
@UseGuards(ThrottlerGuard)
@Controller()
export class PageController {
  @Get()
  page(@Req() request: Request, @Res() response: Response): void {
    this.sendPage('index.html', request, response);
  }

  @Get('departments')
  departments(@Req() request: Request, @Res() response: Response): void {
    this.sendPage('departments.html', request, response);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Req() request: Request, @Res() response: Response): void {
    if (PAGES.has(file) || !pageFiles.has(file))
      throw new DomainException('not-found', 'NO_SUCH_ASSET', `no asset ${file}`);
    this.send(file, request, response);
  }

  private sendPage(name: string, request: Request, response: Response): void {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    this.send(name, request, response);
  }

  private send(name: string, request: Request, response: Response): void {
    const file = pageFiles.get(name)!;
    response.setHeader('X-Content-Type-Options', 'nosniff');
    sendCacheable(request, response, file.body, file.type, REVALIDATE);
  }
}
