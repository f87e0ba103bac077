import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseListItem } from './case.response.dto';

const FIELDS = ['number', 'partyName', 'phone', 'idNumber', 'text', 'intakeId', 'courtCaseNumber'];

export class CaseSearchItem extends CaseListItem {
  @ApiProperty({ enum: FIELDS, isArray: true, description: '命中的字段' })
  matched: string[];
  @ApiPropertyOptional({ type: String, description: '命中处的上下文（他人的电话、身份证号已脱敏）' })
  snippet?: string;
  @ApiProperty({ type: Boolean, description: '曾承办（已移交）的案件：仅脱敏摘要' })
  formerHandler: boolean;
}

export class CaseSearchPage {
  @ApiProperty({ type: () => [CaseSearchItem] })
  items: CaseSearchItem[];
  @ApiProperty({ type: String, nullable: true, description: '下一页的翻页标记；没有下一页时为空' })
  nextCursor: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '命中总数；超过 200 件或一次检索未数完时为空' })
  total: number | null;
}
