import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { CASE_STATUSES } from '@tiaojie/cases';
import { CATEGORY_CODES } from '@tiaojie/org';
import { INTAKE_CHANNELS } from '@tiaojie/routing';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** GET /cases/search: the query words and the filters of the work lists. */
export class CaseSearchQueryDto {
  @ApiProperty({
    description:
      '检索词：案件编号、当事人或代理人姓名、完整手机号或身份证号、诉前调解案号、来源编号或文字；多个词以空格分隔，须同时满足',
    example: '漏水',
  })
  @IsString({ message: '请输入检索词' })
  @Length(1, 100, { message: '检索词应为 1–100 个字' })
  q: string;
  @ApiPropertyOptional({ enum: Object.keys(CASE_STATUSES), description: '案件状态' })
  @IsOptional()
  @IsIn(Object.keys(CASE_STATUSES), { message: '案件状态无效' })
  status?: string;
  @ApiPropertyOptional({ description: '纠纷类别' })
  @IsOptional()
  @IsIn(CATEGORY_CODES, { message: '纠纷类别无效' })
  category?: string;
  @ApiPropertyOptional({ description: '来源渠道' })
  @IsOptional()
  @IsIn(INTAKE_CHANNELS.map((c) => c.code), { message: '来源渠道无效' })
  channel?: string;
  @ApiPropertyOptional({ enum: ['peoples', 'administrative', 'judicial'], description: '调解类型' })
  @IsOptional()
  @IsIn(['peoples', 'administrative', 'judicial'], { message: '调解类型无效' })
  kind?: string;
  @ApiPropertyOptional({ description: '承办组织' })
  @IsOptional()
  @IsUUID('all', { message: '承办组织无效' })
  bodyId?: string;
  @ApiPropertyOptional({ description: '所属街道代码' })
  @IsOptional()
  @IsString()
  @Length(1, 32, { message: '所属街道无效' })
  streetCode?: string;
  @ApiPropertyOptional({ description: '受理日期起（含），YYYY-MM-DD', example: '2026-01-01' })
  @IsOptional()
  @Matches(DATE, { message: '起始日期应为“年-月-日”格式，如 2026-01-31' })
  from?: string;
  @ApiPropertyOptional({ description: '受理日期止（含），YYYY-MM-DD', example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE, { message: '截止日期应为“年-月-日”格式，如 2026-12-31' })
  to?: string;
  @ApiPropertyOptional({ description: '每页条数，1–100，默认 20' })
  @IsOptional()
  @Matches(/^\d{1,3}$/, { message: '每页条数应为 1–100' })
  limit?: string;
  @ApiPropertyOptional({ description: '上一页返回的翻页标记' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: '翻页标记无效，请重新检索' })
  cursor?: string;
}
