import { createSecretKey } from 'node:crypto';
import { Controller, Get, Module, Res, type INestApplication } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { TokenAuthenticator } from '../auth/token-authenticator';
import { issueToken } from '../auth/token-issuer';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { limitHttpExposure, type HttpExposureOptions } from './http-exposure';

const SECRET = 'a-test-signing-key-of-at-least-32-characters';
const config = {
  JWT_SECRET: SECRET,
  JWT_ISSUER: 'banjie',
  JWT_MAX_LIFETIME_SECONDS: 12 * 3600,
  JWT_CLOCK_SKEW_SECONDS: 60,
} as ServiceConfig;

@Public()
@Controller()
class SampleController {
  @Get('board')
  board() {
    return {
      cards: Array.from({ length: 2_000 }, (_, index) => ({
        code: `BJ-2023-${String(index).padStart(4, '0')}`,
        flag: 'GREEN',
      })),
    };
  }

  @Get('board/stream')
  stream(@Res() response: Response): void {
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.write('event: board\ndata: {}\n\n'.repeat(200));
    response.end();
  }

  @Get('metrics')
  metrics(): string {
    return 'banjie_up 1\n'.repeat(200);
  }
}

@Module({
  imports: [JwtModule.register({ secret: createSecretKey(Buffer.from(SECRET)) })],
  controllers: [SampleController],
  providers: [
    { provide: SERVICE_CONFIG, useValue: config },
    TokenAuthenticator,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
})
class SampleModule {}

async function started(options: HttpExposureOptions): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create<NestExpressApplication>(SampleModule, { logger: false });
  limitHttpExposure(app, options);
  SwaggerModule.setup(
    'docs',
    app,
    SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('sample').build()),
    { jsonDocumentUrl: 'docs-json' },
  );
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
}

const bearer = (role: 'admin' | 'supervisor' | 'helper') => ({
  authorization: `Bearer ${issueToken({ sub: `${role}-1`, role }, SECRET)}`,
});

describe('limitHttpExposure', () => {
  describe('on a public service', () => {
    let service: { app: INestApplication; url: string };
    beforeAll(async () => (service = await started({ operationsNeedToken: true })));
    afterAll(() => service.app.close());

    it('does not advertise Express', async () => {
      const response = await fetch(`${service.url}/board`);
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('gzips JSON for a client that accepts it', async () => {
      const response = await fetch(`${service.url}/board`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(((await response.json()) as { cards: unknown[] }).cards).toHaveLength(2_000);
    });

    it('never compresses a server-sent event stream', async () => {
      const response = await fetch(`${service.url}/board/stream`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(await response.text()).toContain('event: board');
    });

    it.each(['/metrics', '/docs-json', '/docs'])(
      'answers %s to admin and supervisor tokens only',
      async (path) => {
        expect((await fetch(`${service.url}${path}`)).status).toBe(401);
        expect(
          (await fetch(`${service.url}${path}`, { headers: { authorization: 'Bearer not.a.token' } })).status,
        ).toBe(401);
        const helper = await fetch(`${service.url}${path}`, { headers: bearer('helper') });
        expect(helper.status).toBe(403);
        expect(await helper.json()).toMatchObject({
          statusCode: 403,
          message: "role 'helper' may not do this; allowed: admin, supervisor",
        });
        expect((await fetch(`${service.url}${path}`, { headers: bearer('supervisor') })).status).toBe(200);
        expect((await fetch(`${service.url}${path}`, { headers: bearer('admin') })).status).toBe(200);
      },
    );
  });

  it('leaves the operations endpoints of an internal service open', async () => {
    const service = await started({});
    try {
      expect((await fetch(`${service.url}/metrics`)).status).toBe(200);
      expect((await fetch(`${service.url}/docs-json`)).status).toBe(200);
      expect((await fetch(`${service.url}/board`)).headers.get('x-powered-by')).toBeNull();
    } finally {
      await service.app.close();
    }
  });
});
