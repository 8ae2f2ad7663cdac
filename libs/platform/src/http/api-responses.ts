import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

/** A field at fault in a 400 and the rules it breaks. */
export class FieldErrorDto {
  @ApiProperty({ example: 'pageSize' })
  field!: string;

  @ApiProperty({ type: [String], example: ['pageSize must be at most 200'] })
  rules!: string[];
}

/** The body of every error answer (the platform's exception filter); some carry more details. */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: ['pageSize must be at most 200'],
  })
  message!: string | string[];

  @ApiPropertyOptional({ description: 'a machine code for refusals that have one', example: 'STALE_VERSION' })
  code?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'on a 400 for input: each field and its rules' })
  fields?: FieldErrorDto[];
}

/** What one page of a list says about itself (README "Lists"). */
export class PageMetaDto {
  @ApiProperty({ description: 'how many items match, on all pages', example: 127 })
  total!: number;

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  pageSize!: number;
}

/** A 200 answering one page of `item`s: `{items, total, page, pageSize}`. */
export function ApiPageResponse(item: Type<unknown>, description?: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(PageMetaDto, item),
    ApiOkResponse({
      description: description ?? 'one page of the list',
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageMetaDto) },
          {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } } },
          },
        ],
      },
    }),
  );
}

/** The error statuses the services answer with the platform's body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 422 | 429;

const ERROR_MEANINGS: Record<ErrorStatus, string> = {
  400: 'bad input: the fields and the rules they break',
  401: 'no valid bearer token',
  403: 'the role may not do this',
  404: 'unknown, or not visible to the caller',
  409: 'conflicts with the current state',
  412: 'If-Match names a version that is no longer current',
  422: 'the Idempotency-Key was used for another request',
  429: 'too many requests',
};

/** The error answers an endpoint may give, each with the platform's error body. */
export function ApiErrorResponses(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_MEANINGS[status], type: ErrorBodyDto }),
    ),
  );
}
