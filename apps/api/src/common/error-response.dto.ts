import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode } from '@tiaojie/core';

/** The error inside every error response (see ErrorFilter): programs switch on `code`, people read `message`. */
export class ErrorDetail {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode' })
  code: ErrorCode;
  @ApiProperty({ type: String, description: 'Chinese message for people' })
  message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Which field or value was refused, when known',
  })
  details?: Record<string, unknown>;
  @ApiProperty({ type: String, required: false, description: 'Logged id of an unexpected (500) error' })
  errorId?: string;
}

/** Body of every 4xx/5xx response. */
export class ErrorResponse {
  @ApiProperty({ type: () => ErrorDetail })
  error: ErrorDetail;
}
