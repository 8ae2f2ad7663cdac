import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiProperty, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse } from './api-responses';

class ThingDto {
  @ApiProperty()
  name!: string;
}

@Controller('things')
class ThingsController {
  @Get()
  @ApiPageResponse(ThingDto)
  @ApiErrorResponses(400, 401)
  list() {
    return { items: [], total: 0, page: 1, pageSize: 50 };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

async function documentOf(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ThingsModule, { logger: false });
  try {
    return SwaggerModule.createDocument(app, new DocumentBuilder().build());
  } finally {
    await app.close();
  }
}

describe('OpenAPI response helpers', () => {
  it('describes a page of a type: the page fields and items of that type', async () => {
    const document = await documentOf();
    const ok = document.paths['/things']!.get!.responses['200'] as {
      content: Record<string, { schema: unknown }>;
    };
    expect(ok.content['application/json']!.schema).toEqual({
      allOf: [
        { $ref: '#/components/schemas/PageMetaDto' },
        {
          type: 'object',
          required: ['items'],
          properties: { items: { type: 'array', items: { $ref: '#/components/schemas/ThingDto' } } },
        },
      ],
    });
    expect(document.components!.schemas).toHaveProperty('ThingDto');
    expect(document.components!.schemas!.PageMetaDto).toMatchObject({
      required: ['total', 'page', 'pageSize'],
    });
  });

  it("gives each error answer the platform's error body", async () => {
    const { responses } = (await documentOf()).paths['/things']!.get!;
    for (const status of ['400', '401'])
      expect(responses[status]).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } },
      });
  });
});
